import { createServer, type Server } from 'node:http';
import { type AddressInfo, isIPv4 } from 'node:net';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Report } from '@parallax/core';
import { renderCsv, renderHtml, renderJson, renderMarkdown } from '@parallax/report';
import type { Store } from '@parallax/store';
import { Queue } from 'bullmq';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Redis } from 'ioredis';
import { ReportCatalog } from './catalog';
import { documentsPage, indexPage, notFoundPage, PAGE_CSP, snapshotPage, spanOf } from './pages';

/** The BullMQ queues of the pipeline's distributed mode (see @parallax/pipeline's fleet). */
export const DEFAULT_QUEUE_NAMES = [
  'parallax-discover',
  'parallax-fetch',
  'parallax-extract',
  'parallax-compare',
];

export interface DashboardOptions {
  store: Store;
  /** A folder of JSON reports (what `parallax demo` writes) listed next to the store's. */
  reportsDir?: string;
  /** 127.0.0.1 unless told otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** With a Redis URL, Bull Board is mounted at /queues (read-only). */
  redisUrl?: string;
  queueNames?: readonly string[];
}

export interface Dashboard {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIPv4(host) && host.startsWith('127.'));
}

/**
 * The Host headers a dashboard bound to a loopback address answers: exactly that address (and
 * "localhost", which browsers never send to DNS) with the port, lower-cased, the port optional only
 * on port 80. Anything else — `127.0.0.1.evil.example`, `127.0.0.1.nip.io`, `127.0.0.1evil`, another
 * port — is a name a DNS-rebinding page could point at us, and is refused.
 */
function allowedHostHeaders(boundHost: string, port: number): Set<string> {
  const names =
    boundHost === 'localhost'
      ? ['localhost', '127.0.0.1', '[::1]']
      : ['localhost', boundHost.includes(':') ? `[${boundHost}]` : boundHost];
  const allowed = new Set(names.map((n) => `${n}:${port}`));
  if (port === 80) for (const n of names) allowed.add(n);
  return allowed;
}

/**
 * A read-only web app over the store: reports (HTML with evidence links, Markdown, CSV, JSON), events
 * (their latest report), stored documents and the snapshot view with a span highlighted. GET and
 * HEAD only. On a loopback address it also refuses requests whose Host header names another host,
 * so a web page elsewhere cannot reach it through DNS rebinding.
 */
export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const host = options.host ?? '127.0.0.1';
  const catalog = new ReportCatalog(options.store, options.reportsDir);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  let port = 0;
  let allowedHosts = new Set<string>();

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .status(405)
        .set('Allow', 'GET, HEAD')
        .type('text/plain')
        .send('The Parallax dashboard is read-only.\n');
      return;
    }
    if (isLoopback(host)) {
      if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
        res
          .status(421)
          .type('text/plain')
          .send('Misdirected request: this dashboard answers on loopback only.\n');
        return;
      }
    }
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'no-referrer');
    next();
  });

  const connections: Redis[] = [];
  const queues: Queue[] = [];
  if (options.redisUrl !== undefined) {
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath('/queues');
    for (const name of options.queueNames ?? DEFAULT_QUEUE_NAMES) {
      const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
      connections.push(connection);
      queues.push(new Queue(name, { connection }));
    }
    createBullBoard({
      queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true, allowRetries: false })),
      serverAdapter,
    });
    app.use('/queues', serverAdapter.getRouter());
  }
  const withQueues = options.redisUrl !== undefined;

  const html = (res: Response, body: string, status = 200, csp = PAGE_CSP) => {
    res.status(status).set('Content-Security-Policy', csp).type('text/html; charset=utf-8').send(body);
  };

  app.get('/', async (_req, res) => {
    html(res, indexPage(await catalog.list(), withQueues));
  });

  app.get('/documents', async (_req, res) => {
    html(res, documentsPage(await options.store.listDocuments(), withQueues));
  });

  app.get('/documents/:id', async (req, res) => {
    const doc = await options.store.getDocument(req.params.id as string);
    if (doc === null) return html(res, notFoundPage('No stored document has this id.', withQueues), 404);
    const snapshot = await options.store.getSnapshot(doc.ref.snapshotSha256);
    const requested = req.query.start !== undefined || req.query.end !== undefined;
    const span = spanOf(doc.article.text, req.query.start, req.query.end);
    html(res, snapshotPage(doc, snapshot?.snapshot ?? null, span, requested, withQueues));
  });

  app.get('/events/:id', async (req, res) => {
    const report = await options.store.latestReportForEvent(req.params.id as string);
    if (report !== null) {
      return sendReport(res, report, 'html');
    }
    // Not in the store: the newest report file that has it.
    const listed = (await catalog.list()).reports.find((r) => r.events.some((e) => e.id === req.params.id));
    if (listed === undefined) return html(res, notFoundPage('No report has this event.', withQueues), 404);
    res.redirect(302, `/reports/${encodeURIComponent(listed.id)}`);
  });

  app.get('/reports/:name', async (req, res) => {
    const match = /^(.+?)(?:\.(md|csv|json|html))?$/.exec(req.params.name as string);
    const id = match?.[1] ?? '';
    const format = (match?.[2] ?? 'html') as 'md' | 'csv' | 'json' | 'html';
    const report = await catalog.report(id);
    if (report === null) return html(res, notFoundPage('No report has this id.', withQueues), 404);
    return sendReport(res, report, format);
  });

  async function sendReport(res: Response, report: Report, format: 'md' | 'csv' | 'json' | 'html') {
    if (format === 'md') return res.type('text/markdown; charset=utf-8').send(renderMarkdown(report));
    if (format === 'csv') return res.type('text/csv; charset=utf-8').send(renderCsv(report));
    if (format === 'json') return res.type('application/json; charset=utf-8').send(renderJson(report));
    // The store's document texts give every rendition its words in context; relative evidence links
    // open this dashboard's snapshot view. The report's own CSP (a meta tag) governs its script.
    const documentTexts = new Map<string, string>();
    for (const event of report.events) {
      for (const ref of event.documents) {
        if (documentTexts.has(ref.id)) continue;
        const doc = await options.store.getDocument(ref.id);
        if (doc !== null) documentTexts.set(ref.id, doc.article.text);
      }
    }
    return html(
      res,
      renderHtml(report, { documentTexts, evidenceBaseUrl: '' }),
      200,
      "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  }

  app.use((_req, res) => html(res, notFoundPage('No such page.', withQueues), 404));
  // Errors (a store that went away, a corrupt row) answer 500 without a stack trace.
  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    const code = (error as { code?: unknown }).code;
    res
      .status(500)
      .type('text/plain')
      .send(`Parallax dashboard error${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}\n`);
  });

  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  allowedHosts = allowedHostHeaders(host, port);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    host,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
      for (const c of connections) c.disconnect();
    },
  };
}
