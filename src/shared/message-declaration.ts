/** How one message is declared in a table (the product's in protocol.ts, the development tools' in dev-protocol.ts). */
import type { Check } from './validate';

/** A message's declaration: its payload's check and (as a type only) its answer. */
export interface Message<P, A> {
  readonly payload: Check<P>;
  readonly answer?: A;
}

/** `message<Answer>()(payloadCheck)`: the answer's type is given, the payload's inferred from its check. */
export const message = <A>() => <P>(payload: Check<P>): Message<P, A> => ({ payload });
