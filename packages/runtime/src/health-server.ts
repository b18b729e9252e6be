import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface HealthServer {
  /** http://HOST:PORT */
  url: string;
  close(): Promise<void>;
}

/**
 * GET /health (200 while `health()` says ok, 503 otherwise, with its JSON) and GET /metrics
 * (Prometheus text from `registry`), on `host:port` (port 0: any free one).
 */
export async function startHealthServer(options: {
  port: number;
  host?: string;
  registry: Registry;
  health: () => { ok: boolean } & Record<string, unknown>;
}): Promise<HealthServer> {
  const { registry } = options;
  const server = createServer((req, res) => {
    if (req.method !== 'GET') {
      res.writeHead(405, { 'content-type': 'text/plain' }).end('method not allowed');
    } else if (req.url === '/health') {
      const status = options.health();
      res
        .writeHead(status.ok ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ...status, status: status.ok ? 'ok' : 'unavailable' }));
    } else if (req.url === '/metrics') {
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
      );
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
