import { describe, expect, it, vi } from 'vitest';

const MESSAGES: Record<string, string> = {
  popupJustNow: 'just now', popupLocalFile: 'File on this computer', popupUploaded: 'Uploaded file', popupUnknownSource: 'Unknown page',
};
vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: (key: string) => MESSAGES[key] ?? '', getUILanguage: () => 'en-US' } },
}));

const { fullTime, relativeTime, sourcePageUrl, sourceSite } = await import('../../../src/popup/entry-text');

const now = Date.UTC(2026, 10, 26, 12, 0, 0);
const ago = (seconds: number) => now - seconds * 1000;

describe('relativeTime', () => {
  it('says "just now" for the first 45 seconds, then minutes, hours and days', () => {
    expect(relativeTime(ago(10), now)).toBe('just now');
    expect(relativeTime(ago(50), now)).toBe('1 minute ago');
    expect(relativeTime(ago(5 * 60), now)).toBe('5 minutes ago');
    expect(relativeTime(ago(3 * 3600), now)).toBe('3 hours ago');
    expect(relativeTime(ago(26 * 3600), now)).toBe('yesterday');
  });

  it('gives a plain date past a week, and never a time in the future', () => {
    expect(relativeTime(ago(10 * 86400), now)).toBe(new Date(ago(10 * 86400)).toLocaleDateString('en-US', { dateStyle: 'medium' }));
    expect(relativeTime(now + 60_000, now)).toBe('just now');
    expect(fullTime(now)).toBe(new Date(now).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }));
  });
});

describe('sourceSite and sourcePageUrl', () => {
  it('names a web page by its host, without www', () => {
    expect(sourceSite({ pageUrl: 'https://www.example.org/a/b?c' })).toBe('example.org');
    expect(sourceSite({ imageUrl: 'https://cdn.example.net/x.jpg' })).toBe('cdn.example.net');
  });

  it('says where else a picture came from: an upload, a local file, or nowhere known', () => {
    expect(sourceSite({ uploadedName: 'cat.jpg', pageUrl: 'https://example.org/' })).toBe('Uploaded file');
    expect(sourceSite({ pageUrl: 'file:///home/me/cat.html' })).toBe('File on this computer');
    expect(sourceSite({ pageUrl: 'chrome-extension://abc/src/popup/index.html' })).toBe('Unknown page');
    expect(sourceSite({ pageUrl: 'not a url' })).toBe('Unknown page');
  });

  it('links only to pages a tab can open', () => {
    expect(sourcePageUrl({ pageUrl: 'https://example.org/' })).toBe('https://example.org/');
    expect(sourcePageUrl({ pageUrl: 'file:///tmp/a.html' })).toBe('file:///tmp/a.html');
    expect(sourcePageUrl({ pageUrl: 'chrome://settings' })).toBeUndefined();
    expect(sourcePageUrl({})).toBeUndefined();
  });
});
