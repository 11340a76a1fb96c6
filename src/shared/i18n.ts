import { errorMessageKey, type GlimpseError } from './errors';

/** A localised string from _locales; falls back to the key so a missing string is visible, not blank. */
export function t(key: string, substitutions?: string | string[]): string {
  const text = globalThis.chrome?.i18n?.getMessage(key, substitutions);
  return text || key;
}

export function errorText(error: GlimpseError): string {
  const { key, substitutions } = errorMessageKey(error);
  return t(key, substitutions);
}
