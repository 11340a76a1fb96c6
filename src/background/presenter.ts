import type { Tabs } from 'webextension-polyfill';
import { presenterOn, siteOf, withPresenter } from '../shared/presenter-sites';
import { presenterMode } from '../shared/store';

/** Presenter mode on or off for the site of `tab` (the shortcut); whether it is on there now (undefined: a page without a site). */
export async function togglePresenterMode(tab: Pick<Tabs.Tab, 'url'>): Promise<boolean | undefined> {
  const site = siteOf(tab.url);
  if (site === undefined) return undefined;
  const setting = await presenterMode.getValue();
  const next = !presenterOn(setting, site);
  await presenterMode.setValue(withPresenter(setting, site, next));
  return next;
}
