/**
 * Glimpse's cards in Firefox, read as a person sees them. The card lives in a closed shadow root;
 * WebDriver BiDi serializes closed roots too (includeShadowTree: 'all') and hands back a reference
 * that a function can run on, as DevTools does in Chromium (harness/menu.ts reads it there).
 */
import type { Page } from 'puppeteer-core';
import { readCard, settledCards, type CardState } from '../../harness/menu';
import type { BidiBrowser } from '../../harness/firefox';

interface RemoteNode {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: RemoteNode | null };
}

type Send = BidiBrowser['connection']['send'];

const contextOf = (frame: unknown): string => (frame as { _id: string })._id;

async function cardRoots(send: Send, context: string): Promise<string[]> {
  const answer = (await send('script.evaluate', {
    expression: `[...document.querySelectorAll('[data-glimpse-card]')]`,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
  })) as unknown as { result: { type: string; result?: { value?: RemoteNode[] } } };
  if (answer.result.type !== 'success') return [];
  return (answer.result.result?.value ?? []).flatMap((host) => (host.value?.shadowRoot?.sharedId ? [host.value.shadowRoot.sharedId] : []));
}

/** The cards Glimpse shows on a page (all frames), oldest first. */
export async function cards(page: Page): Promise<CardState[]> {
  const send: Send = (page.browser() as unknown as BidiBrowser).connection.send.bind((page.browser() as unknown as BidiBrowser).connection);
  const all: CardState[] = [];
  for (const frame of page.frames()) {
    const context = contextOf(frame);
    const roots = await cardRoots(send, context).catch(() => [] as string[]);
    for (const sharedId of roots) {
      const answer = (await send('script.callFunction', {
        // (__name: what tsx's transform calls inside functions; vitest's does not.)
        functionDeclaration: `function () { const __name = (f) => f; return JSON.stringify((${readCard.toString()}).call(this)); }`,
        this: { sharedId },
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
      }).catch(() => undefined)) as unknown as { result: { type: string; result?: { value?: string } } } | undefined;
      if (answer?.result.type === 'success' && answer.result.result?.value) all.push(JSON.parse(answer.result.result.value) as CardState);
    }
  }
  return all;
}

/** Waits until at least `count` cards are on the page and all have finished (see settledCards). */
export const settledCard = (page: Page, count = 1, timeoutMs = 120_000): Promise<CardState[]> => settledCards(() => cards(page), count, timeoutMs);
