/// <reference lib="dom" />
// page.evaluate callbacks run in Chromium, so this file sees the DOM types.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@parallax/core';
import { renderJson } from '@parallax/report';
import { openStore, type Store } from '@parallax/store';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../src/index';
import { seedCorpus } from './seed';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** A raw request, so the Host header and the method can be anything. */
function raw(
  url: string,
  options: { method?: string; host?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: options.host ? { host: options.host } : {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('dashboard over a real store on loopback', () => {
  let work = '';
  let store: Store;
  let dashboard: Dashboard;
  let demo: { report: Report; id: string };
  let canaries: { report: Report; id: string };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'parallax-dashboard-'));
    store = await openStore({ memory: true });
    demo = await seedCorpus(store, 'putin-mongolia-2024', '2024-09-04T07:00:00.000Z');
    canaries = await seedCorpus(store, 'xss-canaries', '2025-03-12T10:00:00.000Z');
    // The demo writes its JSON reports to a folder; the dashboard lists that folder.
    const reports = join(work, 'reports');
    await mkdir(reports);
    await writeFile(join(reports, 'demo.json'), renderJson(demo.report));
    // The canaries' report is only in the store; a finished and a running run too.
    await store.finishRun((await store.startRun('run_demo_seed')).id, {
      status: 'succeeded',
      summary: { documents: 9 },
    });
    await store.startRun('run_still_going');
    await writeFile(join(reports, 'broken.json'), '{"schemaVersion": 1, "events": "not a list"}');
    dashboard = await startDashboard({ store, reportsDir: reports, port: 0 });
  }, 120_000);

  afterAll(async () => {
    await dashboard?.close();
    await store?.close();
    if (work !== '') await rm(work, { recursive: true, force: true });
  });

  it('binds to 127.0.0.1 by default', () => {
    expect(dashboard.host).toBe('127.0.0.1');
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lists events, reports (store and reports folder) and runs, and names a file it cannot read', async () => {
    const res = await raw(`${dashboard.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    for (const { report, id } of [demo, canaries]) {
      expect(res.body).toContain(`/reports/${id}`);
      expect(res.body).toContain(`/events/${report.events[0]?.id}`);
    }
    expect(res.body).toContain('broken.json');
    expect(res.body).toMatch(/<code>run_still_going<\/code><\/td><td>running</);
    expect(res.body).toMatch(/<code>run_demo_seed<\/code><\/td><td>succeeded</);
    // The canary titles are on the page as text, never as markup.
    expect(res.body).not.toMatch(/<script>window\.__xss/);
    expect(res.body).toContain('&lt;script&gt;window.__xss=1');
  });

  it('serves each report as HTML with evidence links, and as Markdown, CSV and JSON', async () => {
    const base = `${dashboard.url}/reports/${demo.id}`;
    const page = await raw(base);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toMatch(/href="\/documents\/doc_[0-9a-f]+\?start=\d+&amp;end=\d+#span"/);
    expect((await raw(`${base}.md`)).headers['content-type']).toMatch(/^text\/markdown/);
    const csv = await raw(`${base}.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^record,event_id,/);
    expect(JSON.parse((await raw(`${base}.json`)).body)).toEqual(JSON.parse(renderJson(demo.report)));
    expect((await raw(`${dashboard.url}/reports/report_unknown`)).status).toBe(404);
  });

  it('opens an event at its latest stored report', async () => {
    const res = await raw(`${dashboard.url}/events/${demo.report.events[0]?.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<h1>Parallax report</h1>');
  });

  it('shows a document’s snapshot view with the span highlighted at its offsets', async () => {
    const rendition = demo.report.events[0]?.statements.find((s) => s.renditions.length > 1)?.renditions[0];
    if (rendition === undefined) throw new Error('the demo has a statement carried twice');
    const stored = await store.getDocument(rendition.documentId);
    const res = await raw(
      `${dashboard.url}/documents/${rendition.documentId}?start=${rendition.start}&end=${rendition.end}`,
    );
    expect(res.status).toBe(200);
    const marked = /<mark id="span">([\s\S]*?)<\/mark>/.exec(res.body)?.[1];
    const expected = stored?.article.text.slice(rendition.start, rendition.end) ?? '';
    expect(marked).toBe(
      expected
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;'),
    );
    expect(res.body).toContain(stored?.ref.snapshotSha256);
    const outside = await raw(`${dashboard.url}/documents/${rendition.documentId}?start=0&end=99999999`);
    expect(outside.status).toBe(200);
    expect(outside.body).toContain('do not fit');
    expect(outside.body).not.toContain('<mark');
  });

  it('is read-only, and refuses a Host header that is not loopback (DNS rebinding)', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await raw(`${dashboard.url}/`, { method });
      expect(res.status, method).toBe(405);
    }
    expect((await raw(`${dashboard.url}/`, { host: 'attacker.example' })).status).toBe(421);
    expect((await raw(`${dashboard.url}/`, { host: `localhost:${dashboard.port}` })).status).toBe(200);
  });

  describe('in Chromium', () => {
    let context: BrowserContext | undefined;
    let profile = '';
    const browser = async (): Promise<BrowserContext> => {
      if (context) return context;
      if (!existsSync(CHROMIUM)) {
        throw new Error(
          `Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`,
        );
      }
      profile = await mkdtemp(join(tmpdir(), 'parallax-dashboard-chromium-'));
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
        ],
      });
      return context;
    };
    afterAll(async () => {
      await context?.close();
      if (profile !== '') await rm(profile, { recursive: true, force: true });
    });

    it('goes from the report list to a report and from a rendition to its highlighted span', async () => {
      const page = await (await browser()).newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`${dashboard.url}/`);
      await page.click(`a[href="/reports/${demo.id}"] >> nth=0`);
      await page.waitForURL(`**/reports/${demo.id}`);
      expect(await page.isVisible('table.matrix')).toBe(true);
      const link = page.locator('a.snapshot-link').first();
      const href = await link.getAttribute('href');
      await link.click();
      await page.waitForURL(`**${href?.replace(/#span$/, '')}*`);
      const mark = page.locator('mark#span');
      expect(await mark.isVisible()).toBe(true);
      // The fragment scrolls the span into view.
      const inView = await mark.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight;
      });
      expect(inView).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });

    it('runs none of the canary payloads in the report or the snapshot views', async () => {
      const page = await (await browser()).newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const visit = async (path: string) => {
        await page.goto(`${dashboard.url}${path}`, { waitUntil: 'load' });
        await page.waitForTimeout(150);
        // Report cards far from the viewport are not laid out (content-visibility: auto) and innerText
        // leaves out what is not laid out: render them all first, as scrolling would.
        await page.evaluate(() => {
          for (const el of document.querySelectorAll<HTMLElement>('.statement, .conflict, .event')) {
            el.style.contentVisibility = 'visible';
          }
        });
        return page.evaluate(() => ({
          xss: (window as unknown as { __xss?: number }).__xss,
          injected: document.querySelectorAll('img, iframe, object, embed, body svg:not(.fidelity-chart)')
            .length,
          // biome-ignore lint/performance/useDomNodeTextContent: what is rendered visibly is the point
          text: document.body.innerText,
        }));
      };
      const seen = [await visit('/'), await visit(`/reports/${canaries.id}`)];
      for (const doc of canaries.report.events[0]?.documents ?? [])
        seen.push(await visit(`/documents/${doc.id}`));
      for (const view of seen) {
        expect(view.xss).toBeUndefined();
        expect(view.injected).toBe(0);
      }
      expect(dialogs).toEqual([]);
      expect(seen[1]?.text).toContain('<img src=x onerror=');
      await page.close();
    });
  });
});
