import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../src/index';
import { hostileReport, PAYLOADS } from './fixtures/hostile';
import { putinMongoliaReport } from './fixtures/putin-mongolia';

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

    const dom = await page.evaluate(() => ({
      dangerous: document.querySelectorAll(
        'script, img, svg, iframe, object, embed, link, base, form, style ~ style',
      ).length,
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
    expect(dom.handlers).toEqual([]);
    expect(dom.metas).toEqual(['Content-Security-Policy']);
    for (const href of dom.hrefs) expect(href).toMatch(/^(?:https?:|file:)/);
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
      'Documents',
      'Fact conflicts',
      'Statements that diverge',
      'Statements carried by one source',
      'Coverage',
      'Fidelity',
    ]);
    expect(structure.statements).toEqual([
      'S1 · Dmitry Peskov misattributed truncated',
      'S2 · Vladimir Putin paraphrased',
      'S3 · Fadi El Abdallah reworded',
      'S4 · Ministry of Foreign Affairs of Ukraine truncated',
    ]);
    expect(structure.unscopedTh).toBe(0);
    expect(structure.csp).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(structure.links).toEqual(Array(4).fill('noopener noreferrer'));
    // Readable on a laptop: nothing forces sideways scrolling at 1280 px.
    expect(structure.width).toBeLessThanOrEqual(1280);

    expectPng(await screenshot(page, 'report'));
    await page.emulateMedia({ media: 'print' });
    expectPng(await screenshot(page, 'report-print'));
    await page.close();
  });
});
