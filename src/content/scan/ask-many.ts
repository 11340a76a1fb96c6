/** Asking the service worker for several of a scan's pictures at once, surviving a worker that stops mid-way. */
import { GlimpseFailure } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import { send } from '../../shared/messaging';
import { isDisconnect, type Answer, type Payload } from '../../shared/protocol';

type Request = Payload<'background', 'identify-many'>;
type Reply = Answer<'background', 'identify-many'>;

/** Past the worker's own limits (downloads, then the engine, tried twice) the answer was lost. */
const ANSWER_DEADLINE_MS = LIMITS.fetchTimeoutMs + 2 * LIMITS.engineTimeoutMs + 15_000;

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GlimpseFailure({ code: 'interrupted', detail: `no answer in ${ms} ms` })), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** The worker's reply; if it was stopped mid-way, asked once more; else every picture fails as "interrupted". */
export async function identifyMany(request: Request): Promise<Reply> {
  for (let attempt = 1; ; attempt++) {
    try {
      const reply = await withDeadline(send('background', 'identify-many', request), ANSWER_DEADLINE_MS);
      if (reply?.outcomes?.length === request.pictures.length) return reply;
      throw new Error('message port closed without an answer');
    } catch (error) {
      if (attempt >= 2 || !isDisconnect(error)) {
        return { outcomes: request.pictures.map(() => ({ ok: false, error: { code: 'interrupted', detail: String(error) } })) };
      }
    }
  }
}
