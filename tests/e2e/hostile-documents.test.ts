/**
 * Hostile documents: pages locked down by CSP, Trusted Types or sandboxing, cross-site frames,
 * unusual picture elements, pages that delete or hide what Glimpse adds, and a picture that
 * never finishes downloading. What the user did, what they must see. Listed in
 * docs/RELIABILITY.md ("Hostile pages").
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../harness/chromium';
import { touches } from './support/card-geometry';
import { PHOTO_PATH } from './fixtures/hostile/cases';
import { history, settledLatest } from '../../harness/reading';
import { PHOTO, photoBytes } from './fixtures/hostile/images';
import { photo } from './fixtures/hostile/pages';
import { cards, identifyElement, settledCard, type Box, type CardState, type MenuTarget } from '../../harness/menu';
import { startServer, type TestServer } from '../../harness/server';

describe('hostile documents: locked-down, sandboxed, framed and unusual pages still get their answer', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  let other: TestServer;
  const crashes: string[] = [];

  beforeAll(async () => {
    [server, other] = await Promise.all([startServer(), startServer()]);
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all([server?.close(), other?.close()]);
  });

  /** Serves `body` as an HTML page with `headers` (a CSP, say) and opens it. */
  async function open(where: TestServer, name: string, body: string, headers: Record<string, string> = {}, waitUntil: 'load' | 'domcontentloaded' = 'load'): Promise<Page> {
    const path = `/documents/${name}.html`;
    where.route(path, (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(`<!doctype html><html><head><meta charset="utf-8"><title>${name}</title></head><body>${body}</body></html>`);
    });
    const page = await ext.browser.newPage();
    page.on('pageerror', (error) => crashes.push(`${name}: ${String(error)}`));
    await page.goto(`${where.origin}${path}`, { waitUntil });
    return page;
  }

  const photoUrl = (where: TestServer = server) => `${where.origin}${PHOTO_PATH}`;

  async function identifyIn(page: Page, selector: string, target: MenuTarget = {}, where = page.mainFrame()): Promise<CardState> {
    const before = (await cards(page)).length;
    await identifyElement(ext, where, selector, target);
    return (await settledCard(page, before + 1)).at(-1)!;
  }

  const expectPenguin = (card: CardState) => {
    expect(card.state, card.text).toBe('result');
    expect(card.text.toLowerCase()).toContain(PHOTO.label);
  };

  const boxOf = (page: Page, selector: string): Promise<Box> =>
    page.$eval(selector, (node) => {
      const rect = node.getBoundingClientRect();
      return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    });

  it('a page with a strict CSP and Trusted Types enforced: the card appears with the answer', async () => {
    const csp = "default-src 'none'; img-src 'self'; style-src 'none'; script-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";
    const page = await open(server, 'strict-csp', photo('target', PHOTO_PATH), { 'content-security-policy': csp });
    const card = await identifyIn(page, '#target', { srcUrl: photoUrl(), mediaType: 'image' });
    expectPenguin(card);
    expect(touches(card.box!, await boxOf(page, '#target'))).toBe(true);
    await page.close();
  });

  it('a page sandboxed by its CSP (opaque origin, no scripts): the card appears with the answer', async () => {
    const page = await open(server, 'csp-sandbox', photo('target', PHOTO_PATH), { 'content-security-policy': 'sandbox' });
    expectPenguin(await identifyIn(page, '#target', { srcUrl: photoUrl(), mediaType: 'image' }));
    await page.close();
  });

  it('a picture in a sandboxed iframe (srcdoc, no scripts, opaque origin): the frame gets its card', async () => {
    const srcdoc = `<!doctype html><body style=margin:0>${photo('target', photoUrl())}</body>`.replace(/"/g, '&quot;');
    const page = await open(server, 'sandboxed-frame', `<iframe id="frame" sandbox srcdoc="${srcdoc}" width="400" height="300"></iframe>`);
    const frame = (await (await page.waitForSelector('#frame'))!.contentFrame())!;
    await frame.waitForSelector('#target');
    const card = await identifyIn(page, '#target', { srcUrl: photoUrl(), mediaType: 'image' }, frame);
    expectPenguin(card);
    await page.close();
  });

  it('a picture in a cross-site iframe: that frame gets its card, beside the picture', async () => {
    other.route('/documents/inner.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><body style="margin:0">${photo('target', PHOTO_PATH)}</body>`);
    });
    const page = await open(server, 'cross-site-frame', `<p>A frame from another site:</p><iframe id="frame" src="${other.origin}/documents/inner.html" width="600" height="300"></iframe>`);
    const frame = (await (await page.waitForSelector('#frame'))!.contentFrame())!;
    await frame.waitForSelector('#target');
    const card = await identifyIn(page, '#target', { srcUrl: photoUrl(other), mediaType: 'image' }, frame);
    expectPenguin(card);
    expect(card.frameUrl).toBe(`${other.origin}/documents/inner.html`);
    await page.close();
  });

  for (const [name, body] of [
    ['an <object> showing a photo', `<object id="target" data="${PHOTO_PATH}" type="image/jpeg" width="240" height="180"></object>`],
    ['an <embed> showing a photo', `<embed id="target" src="${PHOTO_PATH}" type="image/jpeg" width="240" height="180">`],
    ['an <input type=image> button', `<input id="target" type="image" src="${PHOTO_PATH}" width="240" height="180" alt="Go">`],
    ['an SVG <image> inside inline SVG', `<svg width="240" height="180"><image id="target" href="${PHOTO_PATH}" width="240" height="180"/></svg>`],
  ] as const) {
    it(`unusual picture elements: ${name}`, async () => {
      const page = await open(server, `unusual-${name.replace(/\W+/g, '-')}`, body);
      await page.waitForFunction(() => document.readyState === 'complete');
      expectPenguin(await identifyIn(page, '#target', {}));
      await page.close();
    });
  }

  it('a page that keeps wiping what it did not render (a framework re-rendering, 5 times after the right-click): the card comes back beside the picture', async () => {
    const page = await open(server, 'wiper', `${photo('target', PHOTO_PATH)}<script>
      addEventListener('contextmenu', () => {
        let wipes = 0;
        const timer = setInterval(() => {
          for (const el of [...document.documentElement.children]) if (el !== document.head && el !== document.body) el.remove();
          document.body.dataset.wipes = String(++wipes);
          if (wipes >= 5) clearInterval(timer);
        }, 300);
      }, { once: true });
    </script>`);
    await identifyIn(page, '#target', { srcUrl: photoUrl(), mediaType: 'image' });
    await page.waitForFunction(() => document.body.dataset.wipes === '5');
    const [card] = await settledCard(page, 1);
    expectPenguin(card!);
    expect(card!.visible).toBe(true);
    expect(touches(card!.box!, await boxOf(page, '#target'))).toBe(true);
    await page.close();
  });

  it('a page that deletes every element it did not add, the instant it appears: the page keeps working, and the answer is in the popup', async () => {
    const page = await open(server, 'deleter', `${photo('target', PHOTO_PATH)}<script>
      const own = new Set(document.querySelectorAll('*'));
      let removed = 0;
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1 && !own.has(node)) (node.remove(), removed++);
        document.body.dataset.removed = String(removed);
      }).observe(document, { childList: true, subtree: true });
    </script>`);
    const since = Date.now();
    await identifyElement(ext, page, '#target', { srcUrl: photoUrl(), mediaType: 'image' });
    const latest = await settledLatest(ext, since);
    expect(latest.kind).toBe('answer');
    const entry = (await history(ext)).find((e) => latest.kind === 'answer' && e.id === latest.entryId);
    expect(entry?.predictions[0]?.label).toBe(PHOTO.label);
    // Glimpse put its card back a bounded number of times, then let the page be.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const removed = Number(await page.evaluate(() => document.body.dataset.removed));
    expect(removed).toBeGreaterThan(0);
    expect(removed).toBeLessThanOrEqual(21);
    await page.close();
  });

  it('a page that hides unknown elements with CSS (display, visibility, opacity, clip, all !important): the answer still shows', async () => {
    const page = await open(server, 'hider', `<style>
      html > :not(head):not(body), body > :not(img), * { }
      :not(html):not(head):not(body):not(img):not(style):not(script) { display: none !important; visibility: hidden !important; opacity: 0 !important; clip-path: inset(50%) !important; }
      :not(html):not(head):not(body):not(img):not(style):not(script)::backdrop { display: none !important; }
    </style>${photo('target', PHOTO_PATH)}`);
    const card = await identifyIn(page, '#target', { srcUrl: photoUrl(), mediaType: 'image' });
    expectPenguin(card);
    expect(card.visible).toBe(true);
    await page.close();
  });

  it('a picture that never finishes downloading (the server keeps the body open): the picture is named, without waiting for an end', async () => {
    server.route('/documents/stream.jpg', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.write(photoBytes());
      const drip = setInterval(() => res.write(Buffer.alloc(16)), 200);
      res.on('close', () => clearInterval(drip));
    });
    // The page never finishes loading; the picture shows all the same.
    const page = await open(server, 'endless', photo('target', '/documents/stream.jpg'), {}, 'domcontentloaded');
    await page.waitForFunction(() => (document.querySelector('#target') as HTMLImageElement).naturalWidth > 0);
    const card = await identifyIn(page, '#target', { srcUrl: `${server.origin}/documents/stream.jpg`, mediaType: 'image' });
    expectPenguin(card);
    await page.close();
  });

  it('a webcam stream (MJPEG: multipart/x-mixed-replace, one frame after another, for ever): the frame is named', async () => {
    server.route('/documents/webcam.mjpg', (_req, res) => {
      res.writeHead(200, { 'content-type': 'multipart/x-mixed-replace; boundary=frame' });
      const frame = () => {
        res.write(`--frame\r\nContent-Type: image/jpeg\r\nContent-Length: ${photoBytes().length}\r\n\r\n`);
        res.write(photoBytes());
        res.write('\r\n');
      };
      frame();
      const next = setInterval(frame, 300);
      res.on('close', () => clearInterval(next));
    });
    const page = await open(server, 'webcam', photo('target', '/documents/webcam.mjpg'), {}, 'domcontentloaded');
    await page.waitForFunction(() => (document.querySelector('#target') as HTMLImageElement).naturalWidth > 0);
    expectPenguin(await identifyIn(page, '#target', { srcUrl: `${server.origin}/documents/webcam.mjpg`, mediaType: 'image' }));
    await page.close();
  });

  it('nothing crashed on any page', () => {
    expect(crashes).toEqual([]);
  });
});
