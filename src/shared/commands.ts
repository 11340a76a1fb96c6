/** The keyboard commands Glimpse declares in manifest.json, and the words that describe them. */
import type { I18nKey } from './i18n-keys';
export const COMMANDS = ['identify-pointer', 'identify-page', 'clear-all', 'toggle-presenter', 'select-region'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The _locales key describing each command (the manifest uses the same ones). */
export const COMMAND_DESCRIPTION_KEYS: Record<CommandName, I18nKey> = {
  'identify-pointer': 'commandIdentifyPointer',
  'identify-page': 'commandIdentifyPage',
  'clear-all': 'commandClearAll',
  'toggle-presenter': 'commandPresenter',
  'select-region': 'commandSelectRegion',
};

export const isCommandName = (name: string): name is CommandName => (COMMANDS as readonly string[]).includes(name);
