import browser, { type Runtime } from 'webextension-polyfill';
import { GlimpseFailure, toGlimpseError } from './errors';
import { checkPayload, envelope, isEnvelopeFor, type Destination, type ProtocolOf } from './protocol';

type Payload<P, K extends keyof P> = P[K] extends { payload: infer Q } ? Q : never;
type Answer<P, K extends keyof P> = P[K] extends { answer: infer A } ? A : never;

export type Handlers<D extends Destination> = {
  [K in keyof ProtocolOf<D>]: (
    payload: Payload<ProtocolOf<D>, K>,
    sender: Runtime.MessageSender,
  ) => Promise<Answer<ProtocolOf<D>, K>> | Answer<ProtocolOf<D>, K>;
};

/**
 * Answers the messages addressed to `to` with `handlers`, after checking each payload.
 * Messages for other contexts are left alone (no answer), so several listeners can coexist.
 */
export function listen<D extends Destination>(to: D, handlers: Handlers<D>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelopeFor(message, to)) return undefined;
    if (sender.id !== browser.runtime.id) return undefined;
    const handler = (handlers as Record<string, (p: unknown, s: Runtime.MessageSender) => unknown>)[message.type];
    return (async () => {
      const payload = checkPayload(to, message);
      return handler!(payload, sender);
    })().catch((error: unknown) => {
      console.error(`[glimpse] ${to} failed to handle ${message.type}:`, error);
      throw error instanceof GlimpseFailure ? error : new Error(toGlimpseError(error).detail ?? 'internal');
    });
  });
}

/** Sends a message to an extension context (background or offscreen). */
export function send<D extends 'background' | 'offscreen', K extends keyof ProtocolOf<D> & string>(
  to: D,
  type: K,
  payload: Payload<ProtocolOf<D>, K>,
): Promise<Answer<ProtocolOf<D>, K>> {
  return browser.runtime.sendMessage(envelope(to, type, payload)) as Promise<Answer<ProtocolOf<D>, K>>;
}

/** Sends a message to the content script of one frame of a tab. */
export function sendToFrame<K extends keyof ProtocolOf<'content'> & string>(
  tabId: number,
  frameId: number,
  type: K,
  payload: Payload<ProtocolOf<'content'>, K>,
): Promise<Answer<ProtocolOf<'content'>, K>> {
  return browser.tabs.sendMessage(tabId, envelope('content', type, payload), { frameId }) as Promise<
    Answer<ProtocolOf<'content'>, K>
  >;
}
