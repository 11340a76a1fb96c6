import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './App';
import './popup.css';

// The page follows the browser's language and its direction (Arabic and Hebrew read right to left).
const root = document.documentElement;
root.lang = browser.i18n.getUILanguage();
root.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';

render(<App />, document.getElementById('app')!);
