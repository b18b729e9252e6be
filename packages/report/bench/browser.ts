/// <reference lib="dom" />
/**
 * The HTML report in Chromium at scale: how long a large report takes to load and how long one filter
 * change takes, next to a named peer in the same run — the same report's Markdown turned into HTML by
 * markdown-it (no script, no filters), loaded the same way. Run: pnpm bench:report-browser
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { chromium } from 'playwright-core';
import { renderHtml, renderMarkdown } from '../src/index';
import { largeReport } from './large-report';

const sizes = (process.argv[2] ?? '10,100,500').split(',').map(Number);
const dir = await mkdtemp(join(tmpdir(), 'parallax-bench-browser-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const md = new MarkdownIt();
console.log('events  statements  page                         size      load ms   filter ms');
try {
  for (const events of sizes) {
    const report = largeReport(events);
    const statements = report.events.reduce((n, e) => n + e.statements.length, 0);
    const pages = [
      { label: 'Parallax HTML report', html: renderHtml(report), filter: true },
      {
        label: 'peer: markdown-it of the .md',
        html: `<!doctype html><meta charset="utf-8"><body>${md.render(renderMarkdown(report))}`,
        filter: false,
      },
    ];
    for (const page of pages) {
      const file = join(dir, `${events}-${page.filter ? 'report' : 'peer'}.html`);
      await writeFile(file, page.html);
      const tab = await browser.newPage();
      const start = performance.now();
      await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const load = performance.now() - start;
      let filter = '—';
      if (page.filter) {
        // One filter change, timed inside the page up to the next frame (the layout it causes included).
        const ms = await tab.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const select = document.querySelector('select[name="type"]') as HTMLSelectElement;
              const t0 = performance.now();
              select.value = 'truncated';
              select.dispatchEvent(new Event('input', { bubbles: true }));
              requestAnimationFrame(() => resolve(performance.now() - t0));
            }),
        );
        filter = ms.toFixed(1);
      }
      await tab.close();
      console.log(
        `${String(events).padStart(6)}  ${String(statements).padStart(10)}  ${page.label.padEnd(28)} ${`${(Buffer.byteLength(page.html) / 1e6).toFixed(2)} MB`.padStart(8)}  ${load.toFixed(0).padStart(8)}  ${filter.padStart(10)}`,
      );
    }
  }
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
