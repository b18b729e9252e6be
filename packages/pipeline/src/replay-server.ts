import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplayPage {
  /** The page's original URL (what the document's `url` stays). */
  url: string;
  /** Path of the recorded body on disk. */
  file: string;
}

export interface ReplayServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Where the replay server serves a page recorded for `url`. */
  urlFor(url: string): string;
  close(): Promise<void>;
}

function replayPath(url: string): string {
  const u = new URL(url);
  return `/${u.host}${u.pathname}${u.search}`;
}

function contentTypeOf(file: string): string {
  if (/\.html?$/i.test(file)) return 'text/html; charset=utf-8';
  if (/\.xml$/i.test(file)) return 'application/xml; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

/**
 * A real HTTP server on loopback that serves recorded pages at /<host>/<path> of their original URL,
 * so the demo and the tests fetch through the same HTTP client as a live run. Bodies are read from
 * disk per request, byte for byte.
 */
export async function startReplayServer(pages: ReplayPage[]): Promise<ReplayServer> {
  const routes = new Map(pages.map((p) => [replayPath(p.url), p.file]));
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      return;
    }
    const file = routes.get(path);
    if (!file || req.method !== 'GET') {
      res
        .writeHead(file ? 405 : 404, { 'content-type': 'text/plain' })
        .end(file ? 'method not allowed' : 'not found');
      return;
    }
    readFile(file).then(
      (body) =>
        res.writeHead(200, { 'content-type': contentTypeOf(file), 'content-length': body.length }).end(body),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('cannot read recording'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    urlFor: (url) => `${origin}${replayPath(url)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
