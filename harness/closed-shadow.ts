/**
 * Glimpse's in-page elements (cards, the scan's progress pill) keep their content in closed shadow
 * roots: page script cannot reach them, DevTools can. Tests read and drive them through DevTools.
 */
import type { Page } from 'puppeteer-core';

type CdpClient = { send(method: string, params?: object): Promise<any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- CDP answers are typed per method

export interface ClosedRoot {
  client: CdpClient;
  objectId: string;
}

/** The closed shadow root of each element matching `hostSelector`, in every frame, in document order. */
export async function* closedShadowRoots(page: Page, hostSelector: string): AsyncGenerator<ClosedRoot> {
  for (const frame of page.frames()) {
    // Each frame's DevTools session (a cross-site frame has its own).
    const client = (frame as unknown as { client: CdpClient }).client;
    let hosts;
    try {
      hosts = await frame.$$(hostSelector);
    } catch {
      continue; // a frame that navigated or went away
    }
    for (const host of hosts) {
      try {
        const { node } = await client.send('DOM.describeNode', { objectId: host.remoteObject().objectId, depth: 1, pierce: true });
        const shadowRoot = (node.shadowRoots ?? [])[0] as { backendNodeId: number } | undefined;
        if (!shadowRoot) continue;
        const { object } = await client.send('DOM.resolveNode', { backendNodeId: shadowRoot.backendNodeId });
        try {
          yield { client, objectId: object.objectId as string };
        } finally {
          await client.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => undefined);
        }
      } catch {
        // removed while being read
      } finally {
        await host.dispose().catch(() => undefined);
      }
    }
  }
}

/** Runs `fn` (source text, called as `fn(root, ...args)`) in the page's main world on a closed root; returns its serialisable result. */
export async function callOnRoot<T>({ client, objectId }: ClosedRoot, fn: string, args: unknown[] = []): Promise<T> {
  const { result, exceptionDetails } = await client.send('Runtime.callFunctionOn', {
    // __name: what esbuild's keepNames (tsx) wraps around named functions in the source.
    objectId, functionDeclaration: `function (...args) { const __name = (f) => f; return (${fn})(this, ...args); }`,
    arguments: args.map((value) => ({ value })), returnByValue: true, awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(`in the shadow root: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as T;
}
