import { presenterMode } from '../shared/store';

/** Presenter mode on or off for every page (the popup's toggle and the shortcut). */
export async function togglePresenterMode(): Promise<boolean> {
  const next = !(await presenterMode.getValue());
  await presenterMode.setValue(next);
  return next;
}
