/**
 * A page scan's pictures go to the model as soon as their capture arrives (capture-views.ts), not
 * when each one's identification is asked for a moment later: the scan asked for all of them,
 * and the page checks that nothing moved around the capture meanwhile. An answer waits here, 5 s
 * at most, for the request that takes it; one never asked for (the page moved, the scan stopped)
 * is dropped, and nothing of it is kept.
 */
import { toGlimpseError } from '../shared/errors';
import { KeptBriefly } from '../shared/kept-briefly';
import { MAX_CAPTURE_AREAS } from '../shared/protocol';
import type { Classification, Outcome } from '../shared/types';
import { STAGED_KEEP_MS } from './staged-bytes';

interface Ahead {
  outcome: Promise<Outcome<Classification>>;
  /** Lets go of what the engine still holds for the answer (its thumbnail's bitmap). */
  forget: () => void;
}

const answers = new KeptBriefly<Ahead>(STAGED_KEEP_MS, MAX_CAPTURE_AREAS, ({ outcome, forget }) => void outcome.then(forget));

/** Starts `id`'s answer now (`answer` runs it); `forget` is called if no request takes it. */
export function answerAhead(id: string, answer: () => Promise<Classification>, forget: () => void = () => undefined): void {
  const outcome = answer().then(
    (value): Outcome<Classification> => ({ ok: true, value }),
    (error: unknown): Outcome<Classification> => ({ ok: false, error: toGlimpseError(error) }),
  );
  answers.put(id, { outcome, forget });
}

/** The answer started for `id`, once; undefined when none was. */
export const answeredAhead = (id: string): Promise<Outcome<Classification>> | undefined => answers.take(id)?.outcome;
