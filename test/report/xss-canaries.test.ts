/// <reference lib="dom" />
// page.evaluate callbacks run in Chromium, so this file sees the DOM types.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Report } from '@parallax/core';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../harness/cli';
import { ARTIFACTS, type Browser, launchChromium, type Watched, watchedPage } from './browser';

const CANARIES = resolve(REPO_ROOT, 'test/corpus/xss-canaries');

/**
 * The XSS canary corpus through the real CLI (extract, statements, align, compare, render) and into
 * Chromium. Every payload would set window.__xss or open a dialog if it ran.
 */
describe('XSS canaries in the HTML report', () => {
  const work = mkdtempSync(join(tmpdir(), 'parallax-xss-'));
  const htmlFile = join(work, 'canaries.html');
  let report: Report;
  let browser: Browser;
  let watched: Watched;
  const manifest: Array<{ source: string; url: string; title: string }> = JSON.parse(
    readFileSync(join(CANARIES, 'manifest.json'), 'utf8'),
  );

  beforeAll(async () => {
    const manifestArgs = ['--manifest', join(CANARIES, 'manifest.json')];
    const json = await runCli(['compare', ...manifestArgs, '--format', 'json']);
    if (json.code !== 0) throw new Error(`compare failed: ${json.stderr}`);
    report = Report.parse(JSON.parse(json.stdout));
    const html = await runCli(['compare', ...manifestArgs, '--format', 'html', '--out', htmlFile]);
    if (html.code !== 0) throw new Error(`compare --format html failed: ${html.stderr}`);
    browser = await launchChromium();
    watched = await watchedPage(browser.context);
    await watched.page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    // Time for any onerror/onload handler to fire before anything is asserted.
    await watched.page.waitForTimeout(300);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('carries the payloads through the pipeline into the report (the canaries are live)', () => {
    const event = report.events[0];
    expect(event?.title).toContain('<script>');
    const texts = event?.statements.flatMap((s) => s.renditions.map((r) => r.text)).join('\n') ?? '';
    expect(texts).toContain('<img src=x onerror=');
    expect(texts).toContain('<svg onload=');
    expect(texts).toContain('＜script＞');
    expect(texts).toContain('\u202e');
    expect(event?.documents.map((d) => d.url)).toContain(manifest[0]?.url);
    expect(event?.statements.map((s) => s.speaker?.name)).toContain('Marek N\u043eval');
  });

  it('runs no script: no global flag, no dialog, no CSP violation, no request but the file', async () => {
    const { page } = watched;
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(watched.dialogs).toEqual([]);
    expect(await watched.cspViolations()).toEqual([]);
    expect(watched.requests).toEqual([pathToFileURL(htmlFile).href]);
    expect(watched.pageErrors).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
  });

  it('creates no element, handler or link from a payload', async () => {
    const dom = await watched.page.evaluate(() => ({
      injected: document.querySelectorAll(
        'img, iframe, object, embed, link, base, svg script, svg foreignObject',
      ).length,
      scripts: document.querySelectorAll('script').length,
      svgs: [...document.querySelectorAll('svg')].map((svg) => svg.getAttribute('class')),
      handlers: [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
      ),
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
    }));
    expect(dom.injected).toBe(0);
    expect(dom.scripts).toBe(1);
    expect(dom.svgs.every((c) => c === 'fidelity-chart')).toBe(true);
    expect(dom.handlers).toEqual([]);
    for (const href of dom.hrefs) expect(href).toMatch(/^(?:#|https?:\/\/)/);
    expect(dom.hrefs.some((h) => /javascript:/i.test(h))).toBe(false);
  });

  it('shows title, sources, quotes and URLs as their literal text', async () => {
    const { page } = watched;
    const text = await page.evaluate(() => {
      // Statement cards far from the viewport are not laid out (content-visibility: auto), and
      // innerText leaves out what is not laid out: render them all, as scrolling would.
      for (const el of document.querySelectorAll<HTMLElement>('.statement, .conflict, .event')) {
        el.style.contentVisibility = 'visible';
      }
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered visibly is the point
      return document.body.innerText;
    });
    for (const entry of manifest) {
      expect(text).toContain(entry.source);
      expect(text).toContain(entry.url);
    }
    expect(await page.title()).toContain('</style><script>window.__xss=1');
    expect(text).toContain('<img src=x onerror="window.__xss=2;alert(\'quote\')">');
    expect(text).toContain('＜script＞window.__xss=8＜/script＞');
    expect(text).toContain('(not linked)');
    await page.screenshot({ path: join(ARTIFACTS, 'xss-canaries.png'), fullPage: true });
  });
});

describe('XSS canaries in Markdown and CSV', () => {
  it('neutralise markup in Markdown and formulas in CSV', async () => {
    const args = ['compare', '--manifest', join(CANARIES, 'manifest.json')];
    const md = await runCli([...args, '--format', 'md']);
    expect(md.code).toBe(0);
    // Every < of a payload is backslash-escaped, so no renderer sees a tag.
    expect(md.stdout).not.toMatch(/(?<!\\)<(?:script|img|svg|\/style|\/title)\b/i);
    expect(md.stdout).toContain('\\<script\\>');
    expect(md.stdout).not.toMatch(/\]\(<?javascript:/i);
    const csv = await runCli([...args, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });
});
