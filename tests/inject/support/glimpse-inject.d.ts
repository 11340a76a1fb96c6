/** What tests/inject/support/page-entry.tsx puts on the page (typed for page.evaluate callbacks). */
import type { ResultCard, clearAllCards } from '../../../src/content/show/card';
import type { findImageAt } from '../../../src/content/find/find-image';
import type { sightingOf } from '../../../src/content/read/screen-area';
import type { pictureBox } from '../../../src/content/show/why';
import type { glimpseStub } from './browser-stub';
import type browser from './browser-stub';

declare global {
  interface Window {
    glimpseInject: {
      stub: typeof glimpseStub;
      storage: typeof browser.storage;
      ResultCard: typeof ResultCard;
      clearAllCards: typeof clearAllCards;
      findImageAt: typeof findImageAt;
      sightingOf: typeof sightingOf;
      pictureBox: typeof pictureBox;
      renderPopup(): void;
    };
  }
}
