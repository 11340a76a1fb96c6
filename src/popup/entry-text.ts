import { t, uiLanguage } from '../shared/i18n';
import type { ImageOrigin } from '../shared/types';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 minutes ago", "yesterday", then a plain date for anything older than a week. */
export function relativeTime(at: number, now: number): string {
  const seconds = Math.max(0, (now - at) / 1000);
  if (seconds < 45) return t('popupJustNow');
  const format = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' });
  if (seconds < HOUR) return format.format(-Math.max(1, Math.round(seconds / MINUTE)), 'minute');
  if (seconds < DAY) return format.format(-Math.round(seconds / HOUR), 'hour');
  if (seconds < 7 * DAY) return format.format(-Math.round(seconds / DAY), 'day');
  return new Date(at).toLocaleDateString(uiLanguage(), { dateStyle: 'medium' });
}

/** The full date and time, for the details view and tooltips. */
export const fullTime = (at: number): string =>
  new Date(at).toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });

const hostOf = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'file:') return t('popupLocalFile');
    // Only web pages name a site (an upload from a popped-out window carries the extension's own address).
    if (!/^https?:$/.test(parsed.protocol)) return undefined;
    return parsed.hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
};

/** Where an answer's image came from, in a few words: the site's hostname, or "Uploaded file". */
export function sourceSite(origin: ImageOrigin): string {
  if (origin.uploadedName !== undefined) return t('popupUploaded');
  return hostOf(origin.pageUrl) ?? hostOf(origin.imageUrl) ?? t('popupUnknownSource');
}

/** The page to offer as a link (web pages only: browser pages cannot be opened from an extension). */
export function sourcePageUrl(origin: ImageOrigin): string | undefined {
  const url = origin.pageUrl;
  return url && /^(https?|file):/i.test(url) ? url : undefined;
}
