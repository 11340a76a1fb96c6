import { useEffect, useState } from 'preact/hooks';
import { describeAnswer, guessPercent, plainName } from '../shared/answer-words';
import { capitalise } from '../shared/answer-text';
import { engineName, errorText, t } from '../shared/i18n';
import type { I18nKey } from '../shared/i18n-keys';
import { cameraMirror, engineStatus } from '../shared/store';
import type { CameraProblem } from './camera-stream';
import { keepFrame } from './keep-frame';
import { useCamera } from './useCamera';
import { useItemValue } from './useItemValue';
import { useLiveAnswers } from './useLiveAnswers';

const PROBLEM_KEYS: Record<CameraProblem, I18nKey> = {
  refused: 'cameraRefused', none: 'cameraNone', busy: 'cameraBusy', unsupported: 'cameraUnsupported', failed: 'cameraFailed',
};

type Notice = { kind: 'ok' | 'failed'; text: string } | undefined;

/** The camera, full window, with one big label naming what it sees (presenter style) and its controls. */
export function CameraView() {
  const { state, cameras, choose, retry } = useCamera();
  const mirrored = useItemValue(cameraMirror);
  const engine = useItemValue(engineStatus);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [paused, setPaused] = useState(false);
  const [showTop, setShowTop] = useState(false);
  const [notice, setNotice] = useState<Notice>(undefined);
  const stream = state.kind === 'live' ? state.stream : undefined;
  const { answer, error } = useLiveAnswers(video, stream, paused);

  useEffect(() => {
    if (!video) return;
    video.srcObject = stream ?? null;
    if (stream) void video.play().catch(() => undefined);
  }, [video, stream]);
  useEffect(() => {
    if (!video) return;
    if (paused) video.pause();
    else if (stream) void video.play().catch(() => undefined);
  }, [paused, video, stream]);

  const words = answer ? describeAnswer(answer.smoothed) : undefined;
  const label = words?.short ?? (state.kind === 'live' ? t(engine?.state === 'ready' ? 'cameraStarting' : 'cameraWarming') : '');
  const keep = async () => {
    if (!video) return;
    setNotice(undefined);
    const outcome = await keepFrame(video).catch((thrown: unknown) => ({ ok: false as const, error: { code: 'internal' as const, detail: String(thrown) } }));
    setNotice(outcome.ok
      ? { kind: 'ok', text: t('cameraKept', describeAnswer(outcome.value).short) }
      : { kind: 'failed', text: t('cameraKeepFailed', errorText(outcome.error)) });
  };

  return (
    <main class="camera" data-state={state.kind === 'live' ? (answer ? 'answering' : 'starting') : state.kind}
      data-certainty={words?.certainty} data-mirrored={mirrored ? 'true' : 'false'} data-paused={paused ? 'true' : 'false'}>
      <video class="camera-video" ref={setVideo} muted playsInline autoPlay aria-hidden="true" hidden={state.kind !== 'live'} />
      {state.kind === 'problem' && (
        <section class="camera-problem" role="alert" data-problem={state.problem}>
          <p>{t(PROBLEM_KEYS[state.problem])}</p>
          <button type="button" class="camera-button" onClick={retry}>{t('cameraRetry')}</button>
        </section>
      )}
      {state.kind === 'starting' && <p class="camera-problem" role="status">{t('cameraStarting')}</p>}
      {state.kind === 'live' && (
        <>
          <div class="camera-controls" role="toolbar" aria-label={t('cameraTitle')}>
            {cameras.length > 1 && (
              <label class="camera-choice">
                <span>{t('cameraChoose')}</span>
                <select value={state.deviceId} onChange={(event) => choose((event.target as HTMLSelectElement).value)}>
                  {cameras.map((camera) => <option key={camera.deviceId} value={camera.deviceId}>{camera.label}</option>)}
                </select>
              </label>
            )}
            <button type="button" class="camera-button mirror" aria-pressed={mirrored ? 'true' : 'false'}
              onClick={() => void cameraMirror.setValue(!mirrored)}>{t('cameraMirror')}</button>
            <button type="button" class="camera-button pause" aria-pressed={paused ? 'true' : 'false'}
              onClick={() => setPaused(!paused)}>{t(paused ? 'cameraResume' : 'cameraPause')}</button>
            <button type="button" class="camera-button top-five" aria-expanded={showTop ? 'true' : 'false'} aria-controls="camera-top-five"
              onClick={() => setShowTop(!showTop)}>{t('cameraTopFive')}</button>
            <button type="button" class="camera-button keep" title={t('cameraKeepHint')} disabled={!answer}
              onClick={() => void keep()}>{t('cameraKeep')}</button>
          </div>
          <div class="camera-answer">
            {showTop && answer && (
              <ol id="camera-top-five" class="camera-top-five">
                {answer.smoothed.predictions.slice(0, 5).map((guess) => (
                  <li key={guess.classIndex}><span>{capitalise(plainName(guess))}</span><span>{guessPercent(guess)}</span></li>
                ))}
              </ol>
            )}
            <p class="camera-label" aria-live="polite" aria-atomic="true" data-class={answer?.smoothed.predictions[0]?.classIndex}>
              {paused ? `${label} · ${t('cameraPaused')}` : label}
            </p>
            <p class="camera-status" role="status">
              {error ? t('cameraEngineProblem', errorText(error))
                : answer ? t('cameraRate', [answer.answersPerSecond.toFixed(1), engineName(answer.frame.backend, engine?.threads)]) : ''}
              {notice && <span class={`camera-notice ${notice.kind}`}> · {notice.text}</span>}
            </p>
          </div>
        </>
      )}
    </main>
  );
}
