import browser from 'webextension-polyfill';
import { errorMessageKey } from './error-text';
import type { GlimpseError } from './errors';
import type { I18nKey } from './i18n-keys';
import type { Backend, Classification } from './types';

/** A localised string from _locales; falls back to the key so a missing string is visible, not blank. */
export function t(key: I18nKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The browser's language ("en-GB"), for dates and numbers. */
export const uiLanguage = (): string => browser.i18n.getUILanguage() || 'en';

export function errorText(error: GlimpseError): string {
  const { key, substitutions } = errorMessageKey(error);
  return t(key, substitutions);
}

const BACKEND_NAME_KEYS: Record<Backend, I18nKey> = {
  webgl: 'popupBackendNameWebgl',
  wasm: 'popupBackendNameWasm',
  cpu: 'popupBackendNameCpu',
};

export const backendName = (backend: Backend): string => t(BACKEND_NAME_KEYS[backend]);

/** "WASM · 2 threads", "WASM · 1 thread" (threads unavailable), or just the backend's name. */
export function engineName(backend: Backend, threads?: number): string {
  if (threads === undefined) return backendName(backend);
  return t(threads === 1 ? 'engineOneThread' : 'engineThreads', [backendName(backend), String(threads)]);
}

/** "WASM · 63 ms": which engine answered and how long the whole path took (card and popup alike). */
export const timingText = (answer: Pick<Classification, 'backend' | 'totalMs'>): string =>
  t('timing', [backendName(answer.backend), String(Math.round(answer.totalMs))]);
