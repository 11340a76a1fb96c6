import { describe, expect, it } from 'vitest';
import { NO_PRESENTER_SITES, presenterOn, presenterSites, siteOf, withPresenter } from '../../../src/shared/presenter-sites';

describe('presenter mode per site', () => {
  it('is on only for the sites it was turned on for', () => {
    const zoo = siteOf('https://zoo.example/animals/lions.html?x=1');
    expect(zoo).toBe('https://zoo.example');
    const setting = withPresenter(NO_PRESENTER_SITES, zoo, true);
    expect(presenterOn(setting, 'https://zoo.example')).toBe(true);
    expect(presenterOn(setting, 'https://news.example')).toBe(false);
    expect(presenterOn(withPresenter(setting, zoo, false), zoo)).toBe(false);
  });

  it('reads the old global switch as on everywhere; turning it off anywhere turns it off', () => {
    const old = presenterSites(true, 'presenterMode');
    expect(presenterOn(old, 'https://news.example')).toBe(true);
    expect(presenterOn(withPresenter(old, 'https://news.example', false), 'https://zoo.example')).toBe(false);
  });

  it('has no site for browser pages and sandboxed documents', () => {
    expect(siteOf('chrome://extensions/')).toBeUndefined();
    expect(siteOf('about:blank')).toBeUndefined();
    expect(siteOf('not a url')).toBeUndefined();
    expect(siteOf('http://127.0.0.1:8123/card/lesson.html')).toBe('http://127.0.0.1:8123');
  });

  it('refuses a stored value of another shape', () => {
    expect(() => presenterSites({ everywhere: true, sites: [3] }, 'presenterMode')).toThrow();
  });
});
