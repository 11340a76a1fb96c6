/** Asking the service worker for several of a scan's pictures at once, surviving a worker that stops mid-way. */
import { send } from '../../shared/messaging';
import { isDisconnect, type Answer, type Payload } from '../../shared/protocol';
import { ANSWER_DEADLINE_MS, withDeadline } from '../ask/ask-background';

type Request = Payload<'background', 'identify-many'>;
type Reply = Answer<'background', 'identify-many'>;

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
