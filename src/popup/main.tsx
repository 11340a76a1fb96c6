import { render } from 'preact';
// The base styles and buttons first: components' own styles build on them.
import './popup.css';
import './buttons.css';
import { t, uiLanguage } from '../shared/i18n';
import { App } from './App';

// The page follows the browser's language and its direction (Arabic and Hebrew read right to left).
const root = document.documentElement;
root.lang = uiLanguage();
root.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';

render(<App />, document.getElementById('app')!);
