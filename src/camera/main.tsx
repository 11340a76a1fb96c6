import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { CameraView } from './CameraView';
import './camera.css';

const root = document.documentElement;
root.lang = uiLanguage();
root.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = t('cameraTitle');

render(<CameraView />, document.getElementById('app')!);
