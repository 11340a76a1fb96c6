/**
 * "Identify live" on a playing <video>: a label on the video names what it shows as it plays
 * (smoothed, as in the camera view), until the user stops it (its Stop button, Esc) or the video
 * ends. Frames come from the video itself where the page allows it (same origin, or CORS); else
 * from the screen, two a second (Chrome's capture limit): the label says which.
 */
import { describeAnswer } from '../../shared/answer-words';
import { t } from '../../shared/i18n';
import { LiveLoop, type FrameSource } from '../../shared/live-loop';
import { send } from '../../shared/messaging';
import { VideoFrameReader } from '../../shared/video-frames';
import { errorText } from '../../shared/i18n';
import { createCardHost, type CardHost } from '../show/card-host';
import { onPresenterMode } from '../show/presenter';
import { sightingOf } from '../read/screen-area';
import { stylesFor } from '../host/shadow-styles';

export type LiveSource = 'video' | 'screen';

/** Chrome allows two captures of the visible tab a second. */
const SCREEN_FRAME_GAP_MS = 500;

const STYLE = `
  .live { pointer-events: auto; display: flex; flex-direction: column; gap: 4px; max-width: 60vw; padding: 8px 12px;
    border-radius: 12px; background: rgba(12, 12, 12, 0.9); color: #fff; border: 2px solid #fff;
    font: 600 16px/1.25 system-ui, sans-serif; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.5); }
  .row { display: flex; align-items: center; gap: 10px; }
  .answer { font-size: 22px; font-weight: 800; overflow-wrap: anywhere; }
  .presenter .answer { font-size: 40px; }
  .via { font-size: 13px; font-weight: 500; color: #ddd; }
  button { font: inherit; font-size: 14px; color: #000; background: #fff; border: 0; border-radius: 8px; padding: 4px 10px; cursor: pointer; }
  button:focus-visible { outline: 3px solid #ffd54a; outline-offset: 2px; }
`;
const adoptStyles = stylesFor(STYLE);

function readsVideo(video: HTMLVideoElement): boolean {
  try {
    new VideoFrameReader(video).read();
    return true;
  } catch {
    // A cross-origin video without CORS taints the canvas: its pixels are the page's secret.
    return false;
  }
}

/** Frames of the video from captures of the screen, no faster than Chrome allows. */
function screenSource(video: HTMLVideoElement): FrameSource {
  let last = 0;
  return {
    async newFrame() {
      const wait = Math.max(0, last + SCREEN_FRAME_GAP_MS - performance.now());
      await new Promise((resolve) => setTimeout(resolve, wait));
      last = performance.now();
    },
    async read() {
      if (video.paused || document.hidden) return undefined;
      const { onScreen } = await sightingOf(video);
      if (!onScreen) return undefined;
      const outcome = await send('background', 'capture-frame', { area: onScreen.area });
      return outcome.ok ? outcome.value : undefined;
    },
  };
}

const running = new Map<HTMLVideoElement, LiveVideo>();

export class LiveVideo {
  private readonly host: CardHost;
  private readonly answer: HTMLElement;
  private readonly via: HTMLElement;
  private readonly loop: LiveLoop;
  private readonly cleanups: (() => void)[] = [];
  readonly source: LiveSource;

  /** Starts following `video` (a second start on the same video keeps the first). */
  static start(video: HTMLVideoElement): LiveVideo {
    return running.get(video) ?? new LiveVideo(video);
  }

  static stopAll(): void {
    for (const live of [...running.values()]) live.stop();
  }

  private constructor(private readonly video: HTMLVideoElement) {
    running.set(video, this);
    this.source = readsVideo(video) ? 'video' : 'screen';
    this.host = createCardHost(video);
    this.host.host.setAttribute('data-glimpse-live', '');
    // Captures hide Glimpse's cards; this one stays (it would blink twice a second), in the video's corner outside its centre.
    if (this.source === 'screen') this.host.host.removeAttribute('data-glimpse-ui');
    const box = document.createElement('div');
    box.className = 'live';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', t('liveRegionLabel'));
    const row = document.createElement('div');
    row.className = 'row';
    this.answer = document.createElement('span');
    this.answer.className = 'answer';
    this.answer.setAttribute('aria-live', 'polite');
    this.answer.textContent = t('liveStarting');
    const stop = document.createElement('button');
    stop.type = 'button';
    stop.className = 'stop';
    stop.textContent = t('liveStop');
    stop.title = t('liveStopHint');
    stop.addEventListener('click', () => this.stop());
    row.append(this.answer, stop);
    this.via = document.createElement('span');
    this.via.className = 'via';
    this.via.textContent = t(this.source === 'video' ? 'liveFromVideo' : 'liveFromScreen');
    box.append(row, this.via);
    adoptStyles(this.host.shadow);
    this.host.shadow.append(box);
    this.cleanups.push(onPresenterMode((on) => box.classList.toggle('presenter', on)));

    const reader = this.source === 'video' ? new VideoFrameReader(video) : undefined;
    this.loop = new LiveLoop({
      source: reader ?? screenSource(video),
      classify: (frame) => send('background', 'classify-frame', frame),
      onAnswer: ({ smoothed }) => {
        const words = describeAnswer(smoothed);
        if (this.answer.textContent !== words.short) this.answer.textContent = words.short;
        box.dataset.certainty = words.certainty;
        box.dataset.classIndex = String(smoothed.predictions[0]?.classIndex ?? '');
        this.place();
      },
      onError: (error) => {
        this.via.textContent = errorText(error);
      },
    });
    if (reader) this.cleanups.push(() => reader.close());

    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && event.isTrusted) this.stop();
    };
    const onEnded = () => this.stop(t('liveEnded'));
    const onSeeked = () => this.loop.reset();
    const place = () => this.place();
    addEventListener('keydown', onKey, true);
    video.addEventListener('ended', onEnded);
    video.addEventListener('seeked', onSeeked);
    addEventListener('scroll', place, { capture: true, passive: true });
    addEventListener('resize', place, { passive: true });
    this.cleanups.push(() => {
      removeEventListener('keydown', onKey, true);
      video.removeEventListener('ended', onEnded);
      video.removeEventListener('seeked', onSeeked);
      removeEventListener('scroll', place, true);
      removeEventListener('resize', place);
    });
    this.place();
    this.loop.start();
  }

  /** In the video's top-left corner (kept on screen). */
  private place(): void {
    if (!this.video.isConnected) {
      this.stop();
      return;
    }
    const rect = this.video.getBoundingClientRect();
    const left = Math.max(4, Math.min(rect.left + 8, innerWidth - 120));
    const top = Math.max(4, Math.min(rect.top + 8, innerHeight - 60));
    this.host.moveTo(left, top, rect.bottom > 0 && rect.top < innerHeight);
  }

  /** Stops following; with `finalWords` (the video ended) the label stays, saying so, until dismissed. */
  stop(finalWords?: string): void {
    if (running.get(this.video) !== this) return;
    running.delete(this.video);
    void this.loop.stop();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (!finalWords) {
      this.host.remove();
      return;
    }
    this.via.textContent = finalWords;
    const close = this.host.shadow.querySelector<HTMLButtonElement>('.stop');
    if (close) {
      close.textContent = t('cardDismiss');
      close.onclick = () => this.host.remove();
    }
  }
}

/** The <video> among what was under the pointer (top first), if any. */
export const videoIn = (stack: readonly Element[]): HTMLVideoElement | undefined =>
  stack.find((element): element is HTMLVideoElement => element instanceof HTMLVideoElement);

