/** What middle-tier tests drive in the page: Glimpse's own modules, on the stubbed extension API. */
import { render } from 'preact';
import { ResultCard, clearAllCards } from '../../../src/content/show/card';
import { findImageAt } from '../../../src/content/find/find-image';
import { sightingOf } from '../../../src/content/read/screen-area';
import { pictureBox } from '../../../src/content/show/why';
import '../../../src/popup/popup.css';
import '../../../src/popup/buttons.css';
import { App } from '../../../src/popup/App';
import { glimpseStub } from './browser-stub';
import browser from './browser-stub';

Object.assign(window, {
  glimpseInject: {
    stub: glimpseStub,
    storage: browser.storage,
    ResultCard,
    clearAllCards,
    findImageAt,
    sightingOf,
    pictureBox,
    renderPopup: () => render(<App />, document.getElementById('app')!),
  },
});
