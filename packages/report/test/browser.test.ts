import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../src/index';
import { hostileReport, PAYLOADS } from './fixtures/hostile';
import { BLOOMBERG, DOCUMENT_TEXTS, KYIV, putinMongoliaReport } from './fixtures/putin-mongolia';

// A real Chromium, never skipped: a missing browser fails the suite with the way to install one.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let dir = '';
let launched: Promise<BrowserContext> | undefined;

/**
 * The browser, launched on first use. Each test asks for it, so a missing Chromium fails every test
 * with the reason (a failing beforeAll would only mark them skipped).
 */
function browser(): Promise<BrowserContext> {
  launched ??= (async () => {
    if (!existsSync(executablePath)) {
      throw new Error(
        `Chromium not found at ${executablePath}. Install it with \`apt-get update && apt-get install -y chromium\` or set CHROMIUM_PATH.`,
      );
    }
    dir = await mkdtemp(join(tmpdir(), 'parallax-report-browser-'));
    // launchPersistentContext is how Playwright takes a user-data-dir: a fresh one per run.
    return chromium.launchPersistentContext(join(dir, 'profile'), { executablePath, args: ARGS });
  })();
  return launched;
}

afterAll(async () => {
  await launched?.then((context) => context.close()).catch(() => undefined);
  if (dir !== '' && !process.env.KEEP_REPORT_SCREENSHOTS) await rm(dir, { recursive: true, force: true });
});

interface Observed {
  page: Page;
  url: string;
  dialogs: string[];
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

/** Opens HTML from a file, recording dialogs, requests, errors and CSP violations from the first byte on. */
async function open(name: string, html: string): Promise<Observed> {
  const context = await browser();
  const file = join(dir, `${name}.html`);
  await writeFile(file, html);
  const page = await context.newPage();
  const observed: Observed = {
    page,
    url: pathToFileURL(file).href,
    dialogs: [],
    requests: [],
    consoleErrors: [],
    pageErrors: [],
  };
  page.on('dialog', (dialog) => {
    observed.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => observed.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') observed.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => observed.pageErrors.push(error.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(observed.url, { waitUntil: 'load' });
  // Give any onerror/onload handler a chance to run before anything is asserted.
  await page.waitForTimeout(300);
  return observed;
}

async function screenshot(page: Page, name: string): Promise<Buffer> {
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return readFile(path);
}

function expectPng(png: Buffer): void {
  expect(png.length).toBeGreaterThan(10_000);
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
}

describe('HTML report in Chromium', () => {
  it('detects what it must: a payload that runs, a request and a CSP violation (controls)', async () => {
    // The same payload unescaped and without a CSP: the script runs and the image is requested.
    const bare = await open('control-bare', `<!doctype html><p>${PAYLOADS.img}</p>`);
    expect(await bare.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(1);
    expect(bare.dialogs).toEqual(['1']);
    expect(bare.requests.length).toBeGreaterThan(1);
    await bare.page.close();
    // Behind the report's CSP the same markup runs nothing, and the violation is seen.
    const csp = renderHtml(putinMongoliaReport()).match(
      /<meta http-equiv="Content-Security-Policy"[^>]*>/,
    )?.[0];
    expect(csp).toBeDefined();
    const guarded = await open('control-csp', `<!doctype html><head>${csp}</head><p>${PAYLOADS.img}</p>`);
    expect(
      await guarded.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(guarded.dialogs).toEqual([]);
    expect(
      await guarded.page.evaluate(
        () => (window as unknown as { __cspViolations: string[] }).__cspViolations.length,
      ),
    ).toBeGreaterThan(0);
    await guarded.page.close();
  });

  it('runs nothing from hostile strings, requests nothing and shows every payload as text', async () => {
    const observed = await open('hostile', renderHtml(hostileReport()));
    const { page } = observed;
    expect(observed.dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(
      await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    ).toEqual([]);
    expect(observed.requests).toEqual([observed.url]);
    expect(observed.pageErrors).toEqual([]);
    expect(observed.consoleErrors).toEqual([]);

    // Statement cards far from the viewport are not laid out (content-visibility: auto), and innerText
    // leaves out what is not laid out: render them all first, as scrolling would.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('.statement, .conflict, .event')) {
        el.style.contentVisibility = 'visible';
      }
    });
    const dom = await page.evaluate(() => ({
      dangerous: document.querySelectorAll(
        'img, iframe, object, embed, link, base, style ~ style, svg script, svg foreignObject, svg a',
      ).length,
      // The page's own: one script (the filters, allowed by hash), one form, one chart.
      own: [...document.querySelectorAll('script, form, svg')].map(
        (el) => `${el.tagName.toLowerCase()}#${el.id}.${el.getAttribute('class') ?? ''}`,
      ),
      handlers: [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes]
          .filter((a) => a.name.toLowerCase().startsWith('on'))
          .map((a) => `${el.tagName} ${a.name}`),
      ),
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      metas: [...document.querySelectorAll('meta[http-equiv]')].map((m) => m.getAttribute('http-equiv')),
      title: document.title,
      // innerText, not textContent: what is rendered visibly, which is the point.
      // biome-ignore lint/performance/useDomNodeTextContent: visible text is what the test is about
      text: document.body.innerText,
    }));
    expect(dom.dangerous).toBe(0);
    expect(dom.own).toEqual(['form#filters.filters', 'svg#.fidelity-chart', 'script#.']);
    expect(dom.handlers).toEqual([]);
    expect(dom.metas).toEqual(['Content-Security-Policy']);
    for (const href of dom.hrefs) expect(href).toMatch(/^(?:https?:|file:[^#]*#event-)/);
    expect(dom.title).toContain(PAYLOADS.script);
    for (const [name, payload] of Object.entries(PAYLOADS)) {
      expect(dom.text, name).toContain(payload);
    }
    expectPng(await screenshot(page, 'hostile'));
    await page.close();
  });

  it('shows the word diff as del and ins elements, marked without relying on colour', async () => {
    const observed = await open('report', renderHtml(putinMongoliaReport()));
    const { page } = observed;
    expect(observed.requests).toEqual([observed.url]);
    expect(observed.dialogs).toEqual([]);
    expect(observed.consoleErrors).toEqual([]);

    const diff = await page.evaluate(() => ({
      del: [...document.querySelectorAll('.diff del')].map((el) => el.textContent),
      ins: [...document.querySelectorAll('.diff ins')].map((el) => el.textContent),
      delLine: getComputedStyle(document.querySelector('.diff del') as Element).textDecorationLine,
      insLine: getComputedStyle(document.querySelector('.diff ins') as Element).textDecorationLine,
    }));
    expect(diff.del).toEqual([
      'There are no worries. ',
      'the Power of Siberia 2',
      'States Parties ',
      'a duty',
      ' in accordance with Chapter 9 of the Statute, including in relation to arrest warrants.',
      ' and transfer Putin to the International Criminal Court in The Hague.',
      'We call on the Mongolian side to ',
    ]);
    expect(diff.ins).toEqual(['Russia ', 'this', 'ICC ', 'the obligation']);
    expect(diff.delLine).toBe('line-through');
    expect(diff.insLine).toBe('underline');

    const structure = await page.evaluate(() => ({
      sections: [...document.querySelectorAll('main > section')].map(
        (s) => s.querySelector('h2')?.textContent,
      ),
      h3: [...document.querySelectorAll('section h3')].map((h) => h.textContent),
      statements: [...document.querySelectorAll('article.statement h4')].map((h) =>
        h.textContent?.replace(/\s+/g, ' ').trim(),
      ),
      unscopedTh: document.querySelectorAll('th:not([scope])').length,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      links: [...document.querySelectorAll('a[target]')].map((a) => a.getAttribute('rel')),
      width: document.documentElement.scrollWidth,
    }));
    expect(structure.sections).toEqual(['1. Putin visits Mongolia despite ICC arrest warrant']);
    expect(structure.h3).toEqual([
      'Sources',
      'Coverage',
      'Fact conflicts',
      'Statements that diverge',
      'Statements carried by one source',
      'Outlet fidelity',
    ]);
    expect(structure.statements).toEqual([
      // Each badge carries its severity's shape as well as its colour.
      'S1 · Dmitry Peskov ▲ misattributed ✂ truncated',
      'S2 · Vladimir Putin ■ paraphrased',
      'S3 · Fadi El Abdallah ■ reworded',
      'S4 · Ministry of Foreign Affairs of Ukraine ✂ truncated',
    ]);
    expect(structure.unscopedTh).toBe(0);
    expect(structure.csp).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    // Three web sources; the aggregator's file: URL is shown as text, not linked.
    expect(structure.links).toEqual(Array(3).fill('noopener noreferrer'));
    // Readable on a laptop: nothing forces sideways scrolling at 1280 px.
    expect(structure.width).toBeLessThanOrEqual(1280);

    expectPng(await screenshot(page, 'report'));
    await page.emulateMedia({ media: 'print' });
    expectPng(await screenshot(page, 'report-print'));
    await page.close();
  });

  it('filters by speaker, source and divergence type and searches, all without a server', async () => {
    const observed = await open('filters', renderHtml(putinMongoliaReport()));
    const { page } = observed;
    expect(observed.consoleErrors).toEqual([]);
    expect(observed.pageErrors).toEqual([]);
    const visible = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('article.statement')]
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => el.querySelector('h4 bdi')?.textContent),
      );
    // The script un-hides the filter bar: without it the page shows everything and no dead controls.
    expect(await page.isVisible('#filters')).toBe(true);
    const all = await visible();
    expect(all).toEqual([
      'Dmitry Peskov',
      'Vladimir Putin',
      'Fadi El Abdallah',
      'Ministry of Foreign Affairs of Ukraine',
    ]);
    expect(await page.textContent('#filter-count')).toBe('7 of 7 statements shown');

    await page.selectOption('select[name="type"]', 'truncated');
    expect(await visible()).toEqual(['Dmitry Peskov', 'Ministry of Foreign Affairs of Ukraine']);
    // The coverage matrix follows the same filter.
    expect(await page.locator('table.matrix tbody tr:visible').count()).toBe(2);

    await page.selectOption('select[name="type"]', '');
    await page.selectOption('select[name="source"]', { label: KYIV.source });
    expect(await visible()).toEqual(['Dmitry Peskov', 'Vladimir Putin', 'Fadi El Abdallah']);

    await page.selectOption('select[name="source"]', '');
    await page.selectOption('select[name="speaker"]', { label: 'Vladimir Putin' });
    expect(await visible()).toEqual(['Vladimir Putin']);
    expect(await page.textContent('#filter-count')).toBe('1 of 7 statements shown');

    await page.click('button[type="reset"]');
    await page.fill('input[name="q"]', 'POWER OF SIBERIA');
    expect(await visible()).toEqual(['Vladimir Putin']);
    await page.fill('input[name="q"]', 'no such words anywhere');
    expect(await visible()).toEqual([]);
    await page.fill('input[name="q"]', '');
    expect(await visible()).toEqual(all);
    await page.close();
  });

  it('marks every coverage cell with text and a shape, not colour alone', async () => {
    const { page } = await open('matrix', renderHtml(putinMongoliaReport()));
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('table.matrix tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
      ),
    );
    // S1: Peskov's words, carried by Bloomberg (the reference) and by the Kyiv Independent, which
    // gives them to Ushakov; the ministry and the aggregator do not carry them.
    expect(rows[0]).toEqual(['○ absent', '★ reference', '▲ misattributed', '○ absent']);
    for (const row of rows) {
      expect(row).toHaveLength(4);
      for (const cell of row) expect(cell).toMatch(/^[○★●▲◆■✂=] [a-z]+$/);
    }
    await page.close();
  });

  it('shows each rendition’s snapshot hash, its words in context and a link to the snapshot view', async () => {
    const report = putinMongoliaReport();
    const { page, requests, url } = await open(
      'evidence',
      renderHtml(report, { documentTexts: DOCUMENT_TEXTS, evidenceBaseUrl: 'http://127.0.0.1:4173' }),
    );
    expect(requests).toEqual([url]);
    const evidence = await page.evaluate(() =>
      [...document.querySelectorAll('article.statement .evidence')].map((el) => ({
        sha: el.querySelector('code.sha')?.textContent,
        href: el.querySelector('a.snapshot-link')?.getAttribute('href'),
        mark: el.querySelector('mark')?.textContent,
      })),
    );
    const renditions =
      report.events[0]?.statements.filter((s) => s.renditions.length > 1).flatMap((s) => s.renditions) ?? [];
    expect(evidence).toHaveLength(renditions.length);
    const bloomberg = evidence.find(
      (e) => e.sha === BLOOMBERG.snapshotSha256 && e.mark?.startsWith('There are'),
    );
    const peskov = renditions.find((r) => r.documentId === BLOOMBERG.id && r.text.startsWith('There are'));
    expect(bloomberg?.mark).toBe(BLOOMBERG.text.slice(peskov?.start, peskov?.end));
    expect(bloomberg?.href).toBe(
      `http://127.0.0.1:4173/documents/${BLOOMBERG.id}?start=${peskov?.start}&end=${peskov?.end}#span`,
    );
    await page.close();
  });
});
