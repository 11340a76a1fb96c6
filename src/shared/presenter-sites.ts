/**
 * Presenter mode is on for the sites where it was turned on, not everywhere: a teacher turns it
 * on for the lesson's site, and the news site at home keeps its everyday labels. A site is a
 * page's origin ("https://zoo.example"); Glimpse's pages, browser pages and sandboxed documents
 * (origin "null") have none. `everywhere` is the global switch presenter mode was before it was
 * per site: a stored `true` reads as on everywhere until it is next turned off.
 */
import { InvalidMessage, type Check } from './validate';

export interface PresenterSites {
  everywhere: boolean;
  sites: string[];
}

export const NO_PRESENTER_SITES: PresenterSites = { everywhere: false, sites: [] };

/** A stored setting: today's `{ everywhere, sites }`, or the old global boolean. */
export const presenterSites: Check<PresenterSites> = (value, path) => {
  if (typeof value === 'boolean') return { everywhere: value, sites: [] };
  const record = value as Partial<PresenterSites> | null;
  const sites = record?.sites;
  if (typeof record !== 'object' || record === null || typeof record.everywhere !== 'boolean' || !Array.isArray(sites) ||
    !sites.every((site) => typeof site === 'string')) {
    throw new InvalidMessage(`${path} should be { everywhere: boolean, sites: string[] }`);
  }
  return { everywhere: record.everywhere, sites: [...sites] };
};

/** The site of a page's address; undefined for pages that have none (browser pages, `about:`, sandboxed documents). */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, origin } = new URL(url);
    if (protocol === 'file:') return 'file://';
    return (protocol === 'http:' || protocol === 'https:') && origin !== 'null' ? origin : undefined;
  } catch {
    return undefined;
  }
}

export const presenterOn = (setting: PresenterSites, site: string | undefined): boolean =>
  setting.everywhere || (site !== undefined && setting.sites.includes(site));

/**
 * The setting with presenter mode turned on or off for `site`. Turning it off where it was on
 * everywhere turns it off everywhere (the old global switch), leaving the per-site list as it was.
 */
export function withPresenter(setting: PresenterSites, site: string | undefined, on: boolean): PresenterSites {
  if (!on) return { everywhere: false, sites: setting.sites.filter((each) => each !== site) };
  if (site === undefined || setting.sites.includes(site)) return setting;
  return { everywhere: setting.everywhere, sites: [...setting.sites, site] };
}
