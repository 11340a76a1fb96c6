import { useEffect, useRef, useState } from 'preact/hooks';
import type { GlimpseError } from '../shared/errors';
import { LiveLoop, type LiveAnswer } from '../shared/live-loop';
import { send } from '../shared/messaging';
import { VideoFrameReader } from '../shared/video-frames';
import { recordLiveAnswer } from './test-log';

/** Answers for what `video` shows, while `active` and not `paused`; a new `stream` starts them afresh. */
export function useLiveAnswers(video: HTMLVideoElement | null, stream: MediaStream | undefined, paused: boolean) {
  const [answer, setAnswer] = useState<LiveAnswer | undefined>(undefined);
  const [error, setError] = useState<GlimpseError | undefined>(undefined);
  const loop = useRef<LiveLoop | undefined>(undefined);

  useEffect(() => {
    if (!video || !stream) return undefined;
    setAnswer(undefined);
    const reader = new VideoFrameReader(video);
    const live = new LiveLoop({
      source: reader,
      classify: (frame) => send('background', 'classify-frame', frame),
      onAnswer: (next) => {
        recordLiveAnswer(next);
        setError(undefined);
        setAnswer(next);
      },
      onError: setError,
    });
    loop.current = live;
    live.start();
    return () => {
      reader.close();
      void live.stop();
      loop.current = undefined;
    };
  }, [video, stream]);

  useEffect(() => loop.current?.setPaused(paused), [paused]);
  return { answer, error };
}
