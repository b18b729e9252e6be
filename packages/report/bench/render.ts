/**
 * How fast the renderers are on a large report, next to named peers in the same run:
 * JSON.stringify of the same report (the floor: no escaping, no layout) and markdown-it turning our
 * Markdown into HTML (a widely used renderer doing comparable work). Run: pnpm bench:report
 */
import { performance } from 'node:perf_hooks';
import MarkdownIt from 'markdown-it';
import { renderCsv, renderHtml, renderJson, renderMarkdown } from '../src/index';
import { DOCUMENT_TEXTS } from '../test/fixtures/putin-mongolia';
import { largeReport } from './large-report';

function time(
  label: string,
  run: () => string,
  rounds: number,
): { label: string; ms: number; bytes: number } {
  run(); // warm-up
  const start = performance.now();
  let bytes = 0;
  for (let i = 0; i < rounds; i++) bytes = Buffer.byteLength(run());
  return { label, ms: (performance.now() - start) / rounds, bytes };
}

const sizes = (process.argv[2] ?? '10,100,500').split(',').map(Number);
const md = new MarkdownIt({ html: false, linkify: false });
console.log('events  statements  renderer                         ms/report    output     MB/s');
for (const events of sizes) {
  const report = largeReport(events);
  const statements = report.events.reduce((n, e) => n + e.statements.length, 0);
  const markdown = renderMarkdown(report);
  const rounds = events <= 10 ? 20 : events <= 100 ? 5 : 2;
  const rows = [
    time(
      'renderHtml (with evidence text)',
      () => renderHtml(report, { documentTexts: DOCUMENT_TEXTS }),
      rounds,
    ),
    time('renderHtml', () => renderHtml(report), rounds),
    time('renderMarkdown', () => renderMarkdown(report), rounds),
    time('renderCsv', () => renderCsv(report), rounds),
    time('renderJson (validates)', () => renderJson(report), rounds),
    time('peer: JSON.stringify', () => JSON.stringify(report), rounds),
    time('peer: markdown-it md → html', () => md.render(markdown), rounds),
  ];
  for (const row of rows) {
    const mb = row.bytes / 1e6;
    console.log(
      `${String(events).padStart(6)}  ${String(statements).padStart(10)}  ${row.label.padEnd(32)} ${row.ms.toFixed(1).padStart(9)}  ${`${mb.toFixed(2)} MB`.padStart(9)}  ${(mb / (row.ms / 1000)).toFixed(1).padStart(7)}`,
    );
  }
}
const rss = process.memoryUsage().rss / 1e6;
console.log(`peak-ish RSS after the run: ${rss.toFixed(0)} MB`);
