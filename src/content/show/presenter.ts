/**
 * Presenter mode (big, high-contrast labels and cards for a projector) for this page's site: the
 * stored `presenterMode` item (see presenter-sites.ts). A frame follows the page it is in: its
 * site is the top page's (Chromium tells a frame its ancestors' origins; Firefox does not, and a
 * cross-site frame there follows its own).
 */
import { presenterOn, siteOf, withPresenter } from '../../shared/presenter-sites';
import { presenterMode } from '../../shared/store';

/** The site presenter mode is switched for on this page. */
export function pageSite(): string | undefined {
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  const top = window === window.top ? location.href : ancestors?.length ? ancestors[ancestors.length - 1] : location.href;
  return siteOf(top ?? undefined);
}

/** Calls `listener` with whether presenter mode is on for this page, then on every change; returns the unsubscribe. */
export function onPresenterMode(listener: (on: boolean) => void): () => void {
  const site = pageSite();
  let last: boolean | undefined;
  const tell = (on: boolean) => {
    if (on === last) return;
    last = on;
    listener(on);
  };
  try {
    presenterMode.getValue().then((setting) => tell(presenterOn(setting, site)), () => undefined);
    return presenterMode.watch((setting) => tell(presenterOn(setting, site)));
  } catch {
    // An orphaned script (the extension was reloaded): no settings to follow.
    return () => undefined;
  }
}

/** Turns presenter mode off for this page's site (the sign's button). */
export async function turnPresenterOff(): Promise<void> {
  const setting = await presenterMode.getValue();
  await presenterMode.setValue(withPresenter(setting, pageSite(), false));
}
