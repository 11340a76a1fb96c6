/**
 * Every UI string's key, from the English messages (and the browser's predefined `@@` ones):
 * `t()` takes only keys that exist there, so a missing string is a compile error.
 */
export type I18nKey = keyof typeof import('../../public/_locales/en/messages.json') | '@@bidi_dir' | '@@ui_locale';
