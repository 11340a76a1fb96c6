import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export const SAMPLES_DIR = resolve(process.cwd(), '../shared/eval/imagenet-samples-dev');
export const FIXTURES_DIR = resolve(process.cwd(), 'tests/e2e/fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.jpeg': 'image/jpeg', '.jpg': 'image/jpeg', '.png': 'image/png',
  '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif', '.svg': 'image/svg+xml', '.js': 'text/javascript',
};

export interface TestServer {
  origin: string;
  /** Every request this server saw, by path. */
  requests: string[];
  route(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  close(): Promise<void>;
}

function serveFile(path: string, res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(200, { 'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', 'content-length': statSync(path).size, ...headers });
  createReadStream(path).pipe(res);
}

/**
 * Serves fixture pages from tests/e2e/fixtures and the ImageNet samples under /samples/, on
 * 127.0.0.1 and a free port. `cors: false` (the default) sends no CORS headers at all.
 */
export async function startServer(options: { cors?: boolean } = {}): Promise<TestServer> {
  const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  const requests: string[] = [];
  const headers: Record<string, string> = options.cors ? { 'access-control-allow-origin': '*' } : {};
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const handler = routes.get(url.pathname);
    if (handler) return handler(req, res);
    const path = url.pathname.startsWith('/samples/')
      ? join(SAMPLES_DIR, normalize(decodeURIComponent(url.pathname.slice('/samples/'.length))))
      : join(FIXTURES_DIR, normalize(decodeURIComponent(url.pathname)));
    if (!path.startsWith(SAMPLES_DIR) && !path.startsWith(FIXTURES_DIR)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      return;
    }
    serveFile(path, res, headers);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** A page holding `body`, served at `path`. */
export function htmlPage(server: TestServer, path: string, body: string, title = 'Glimpse test page'): string {
  server.route(path, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`);
  });
  return `${server.origin}${path}`;
}
