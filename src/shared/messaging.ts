import browser, { type Runtime } from 'webextension-polyfill';
import { GlimpseFailure, toGlimpseError } from './errors';
import { pack, unpack } from './message-bytes';
import {
  checkPayload, envelope, isEnvelopeFor, type Answer, type Destination, type MessageType, type Payload,
} from './protocol';

export type Handlers<D extends Destination> = {
  [K in MessageType<D>]: (payload: Payload<D, K>, sender: Runtime.MessageSender) => Promise<Answer<D, K>> | Answer<D, K>;
};

/**
 * Answers the messages addressed to `to` with `handlers`, after checking each payload.
 * Messages for other contexts are left alone (no answer), so several listeners can coexist.
 * Returns a function that stops listening (a retired content script must leave the answering
 * to the copy that replaced it).
 */
export function listen<D extends Destination>(to: D, handlers: Handlers<D>): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelopeFor(message, to)) return undefined;
    if (sender.id !== browser.runtime.id) return undefined;
    const handler = (handlers as Record<string, (p: unknown, s: Runtime.MessageSender) => unknown>)[message.type];
    return (async () => {
      const payload = checkPayload(to, { ...message, payload: await unpack(message.payload) });
      return pack(await handler!(payload, sender));
    })().catch((error: unknown) => {
      console.error(`[glimpse] ${to} failed to handle ${message.type}:`, error);
      throw error instanceof GlimpseFailure ? error : new Error(toGlimpseError(error).detail ?? 'internal');
    });
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Sends a message to an extension context (background, offscreen, or a development build's dev tools). */
export function send<D extends 'background' | 'offscreen' | 'dev', K extends MessageType<D>>(
  to: D,
  type: K,
  payload: Payload<D, K>,
): Promise<Answer<D, K>> {
  return browser.runtime.sendMessage(envelope(to, type, pack(payload) as Payload<D, K>)).then(unpack) as Promise<Answer<D, K>>;
}

/** Sends a message to the content script of one frame of a tab. */
export function sendToFrame<K extends MessageType<'content'>>(
  tabId: number,
  frameId: number,
  type: K,
  payload: Payload<'content', K>,
): Promise<Answer<'content', K>> {
  return browser.tabs.sendMessage(tabId, envelope('content', type, pack(payload) as Payload<'content', K>), { frameId }).then(unpack) as Promise<Answer<'content', K>>;
}
