/// <reference lib="dom" />
// page.evaluate callbacks run in Chromium, so these files see the DOM types.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Report } from '@parallax/core';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../harness/cli';
import { ARTIFACTS, type Browser, launchChromium, type Watched, watchedPage } from './browser';

/**
 * The report the README's demo writes, opened in a real Chromium from disk: what an analyst sees
 * first. The demo runs once (the real CLI: replay server, HTTP fetches, PGlite) with all four formats.
 */
describe('the demo report in Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), 'parallax-demo-report-'));
  const out = join(work, 'reports');
  let browser: Browser;
  let report: Report;
  let htmlFile = '';
  let watched: Watched;

  beforeAll(async () => {
    const result = await runCli([
      'demo',
      '--out',
      out,
      '--data-dir',
      join(work, 'data'),
      '--format',
      'md,html,json,csv',
      '--quiet',
    ]);
    if (result.code !== 0) throw new Error(`demo failed (${result.code}): ${result.stderr}`);
    const files = readdirSync(out);
    const json = files.find((f) => f.endsWith('.json'));
    if (json === undefined) throw new Error(`no JSON report in ${files.join(', ')}`);
    report = Report.parse(JSON.parse(readFileSync(join(out, json), 'utf8')));
    htmlFile = join(out, json.replace(/\.json$/, '.html'));
    browser = await launchChromium();
    watched = await watchedPage(browser.context);
    await watched.page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const event = () => {
    const first = report.events[0];
    if (first === undefined) throw new Error('the demo report has no event');
    return first;
  };

  it('prints only the written paths with --quiet, one per format', () => {
    expect(readdirSync(out).sort()).toEqual(
      ['csv', 'html', 'json', 'md'].map((ext) => `${event().id}.${ext}`).sort(),
    );
  });

  it('renders with no console errors, no page errors, no CSP violations and no request but the file', async () => {
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    expect(await watched.cspViolations()).toEqual([]);
    expect(watched.requests).toEqual([pathToFileURL(htmlFile).href]);
    expect(watched.dialogs).toEqual([]);
  });

  it('shows the coverage matrix: one row per statement, one column per source, every cell marked', async () => {
    const { page } = watched;
    expect(await page.isVisible('table.matrix')).toBe(true);
    const matrix = await page.evaluate(() => ({
      columns: document.querySelectorAll('table.matrix thead th.doc-col').length,
      rows: [...document.querySelectorAll('table.matrix tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
      ),
    }));
    expect(matrix.columns).toBe(event().documents.length);
    expect(matrix.rows).toHaveLength(event().statements.length);
    for (const row of matrix.rows) {
      expect(row).toHaveLength(event().documents.length);
      for (const cell of row) expect(cell).toMatch(/^[○★●▲◆■✂=] [a-z]+$/);
    }
    // Every rendition appears as a non-absent cell.
    const present = matrix.rows.flat().filter((cell) => !cell.endsWith('absent')).length;
    expect(present).toBe(
      event().statements.reduce((n, s) => n + new Set(s.renditions.map((r) => r.documentId)).size, 0),
    );
  });

  it('shows word diffs as visible del and ins marks for the diverging statements', async () => {
    const { page } = watched;
    const withDiff = event()
      .statements.flatMap((s) => s.divergences)
      .filter((d) => (d.diff ?? []).some((op) => op.op !== 'equal'));
    expect(withDiff.length).toBeGreaterThan(0);
    expect(await page.locator('.diff del').first().isVisible()).toBe(true);
    const marks = await page.evaluate(() => document.querySelectorAll('.diff del, .diff ins').length);
    expect(marks).toBeGreaterThan(0);
    // The misattribution the corpus plants is called out in words, not only by colour.
    if (event().statements.some((s) => s.divergences.some((d) => d.type === 'misattributed'))) {
      expect(await page.locator('.callout', { hasText: 'Misattributed' }).first().isVisible()).toBe(true);
    }
  });

  it('filters change what is shown, and clearing them brings everything back', async () => {
    const { page } = watched;
    const visibleStatements = () => page.locator('[data-filter-item="statement"]:visible').count();
    const total = await visibleStatements();
    expect(total).toBe(event().statements.length);

    const types = [...new Set(event().statements.flatMap((s) => s.divergences.map((d) => d.type)))];
    const rare = types
      .map((type) => ({
        type,
        n: event().statements.filter((s) => s.divergences.some((d) => d.type === type)).length,
      }))
      .sort((a, b) => a.n - b.n)[0];
    if (rare === undefined) throw new Error('the demo report has no divergences');
    await page.selectOption('select[name="type"]', rare.type);
    expect(await visibleStatements()).toBe(rare.n);
    expect(await page.textContent('#filter-count')).toBe(`${rare.n} of ${total} statements shown`);

    await page.selectOption('select[name="type"]', '');
    const source = event().documents[0];
    if (source === undefined) throw new Error('no documents');
    await page.selectOption('select[name="source"]', { label: source.source });
    const carried = event().statements.filter((s) =>
      s.renditions.some(
        (r) => event().documents.find((d) => d.id === r.documentId)?.source === source.source,
      ),
    ).length;
    expect(await visibleStatements()).toBe(carried);

    await page.click('button[type="reset"]');
    const quote = event().statements.find((s) => s.renditions.length > 1)?.renditions[0]?.text ?? '';
    const words = quote.split(/\s+/).slice(0, 4).join(' ');
    await page.fill('input[name="q"]', words.toUpperCase());
    const found = await visibleStatements();
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(total);
    await page.fill('input[name="q"]', '');
    expect(await visibleStatements()).toBe(total);
  });

  it('writes a screenshot artifact (and the README screenshot on request)', async () => {
    const { page } = watched;
    await page.evaluate(() => window.scrollTo(0, 0));
    const path = join(ARTIFACTS, 'demo-report.png');
    const png = await page.screenshot({ path, fullPage: true });
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      true,
    );
    expect(png.length).toBeGreaterThan(50_000);
    if (process.env.UPDATE_README_SCREENSHOT) {
      const docs = resolve(REPO_ROOT, 'packages/report/docs');
      mkdirSync(docs, { recursive: true });
      // The report as an analyst opens it: the event, its sources and counts, then the coverage
      // matrix and the first statements with their diffs and callouts.
      await page.screenshot({
        path: join(ARTIFACTS, 'readme.png'),
        clip: { x: 0, y: 0, width: 1280, height: 2000 },
        fullPage: true,
      });
      copyFileSync(join(ARTIFACTS, 'readme.png'), join(docs, 'report-screenshot.png'));
    }
  });

  it('writes the same findings to CSV: one record per divergence and per fact-conflict value', () => {
    const csv = readFileSync(join(out, `${event().id}.csv`), 'utf8');
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const divergences = event().statements.flatMap((s) => s.divergences);
    const values = event().factConflicts.flatMap((c) => c.values);
    expect(rows.filter((r) => r.record === 'divergence')).toHaveLength(divergences.length);
    expect(rows.filter((r) => r.record === 'fact_conflict')).toHaveLength(values.length);
    expect(new Set(rows.filter((r) => r.record === 'divergence').map((r) => r.type))).toEqual(
      new Set(divergences.map((d) => d.type)),
    );
  });
});
