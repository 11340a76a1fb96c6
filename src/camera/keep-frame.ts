/** "Keep this": the camera's current picture, at its own size, into history as an upload is. */
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import type { HistoryEntry, Outcome } from '../shared/types';

function jpegOf(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')!.drawImage(video, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no frame to keep'))), 'image/jpeg', 0.9));
}

/** Identifies the frame shown now through the upload path (history entry, thumbnail, popup's latest). */
export async function keepFrame(video: HTMLVideoElement): Promise<Outcome<HistoryEntry>> {
  const bytes = await (await jpegOf(video)).arrayBuffer();
  const time = new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const name = t('cameraFrameName', time);
  return send('background', 'identify', {
    source: { kind: 'bytes', bytes, mimeType: 'image/jpeg', name },
    origin: { uploadedName: name },
    requestedAt: Date.now(),
  });
}
