/**
 * Extraction time and memory against page size (issue 15): generated article pages of plain
 * paragraphs at 1, 3, 10 and 30 MB, each extracted in a fresh process so that peak memory is the
 * page's own. Prints the time, the time per MB, the peak RSS as a multiple of the page size (the growth over the process at rest: the page string, its DOM and the article), and the
 * exponent of time against size fitted over the sizes (1.0 is linear; the goal is ≤ 1.1).
 *
 *   pnpm bench:extract-scaling                 # 1,3,10,30 MB
 *   SIZES=1,3 pnpm bench:extract-scaling
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const WORDS =
  'the minister said on tuesday that talks with the delegation would continue next week in the capital while officials declined to comment on reports of a deal'.split(
    ' ',
  );

/** A page of `mb` megabytes: a headline and plain paragraphs with a quotation each, as a long article has. */
export function generatedPage(mb: number): string {
  let seed = 1;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const target = mb * 1024 * 1024;
  const parts: string[] = [];
  let size = 0;
  while (size < target) {
    const n = 40 + Math.floor(random() * 60);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(random() * WORDS.length)] as string);
    // Every other paragraph wrapped in the source, as many CMSs and hand-written pages do.
    const text = parts.length % 2 ? words.join(' ').replace(/((?:\S+ ){12})/g, '$1\n    ') : words.join(' ');
    const p = `<p>${text}, “the spokesman said.”</p>\n`;
    parts.push(p);
    size += p.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long page</title></head><body><nav><a href="/">Home</a></nav><article><h1>A long page</h1>\n${parts.join('')}</article><footer>footer</footer></body></html>`;
}

async function child(mb: number): Promise<void> {
  const { extractArticle } = await import('@parallax/extract');
  const html = generatedPage(mb);
  const before = process.memoryUsage().rss;
  const start = performance.now();
  const article = extractArticle(html);
  const ms = performance.now() - start;
  const peak = Number(readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) * 1024;
  process.stdout.write(
    `${JSON.stringify({ mb, bytes: Buffer.byteLength(html), ms, peakRss: peak, baseRss: before, text: article.text.length })}\n`,
  );
}

function main(): void {
  const sizes = (process.env.SIZES ?? '1,3,10,30').split(',').map(Number);
  const rows = sizes.map((mb) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, String(mb)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out) as { mb: number; bytes: number; ms: number; peakRss: number; baseRss: number };
  });
  console.log('size    time      per MB    peak RSS  growth  (growth × page)');
  for (const r of rows) {
    const growth = r.peakRss - r.baseRss;
    console.log(
      `${`${r.mb} MB`.padEnd(8)}${`${(r.ms / 1000).toFixed(2)} s`.padEnd(10)}${`${(r.ms / r.mb).toFixed(0)} ms`.padEnd(10)}${`${(r.peakRss / 1048576).toFixed(0)} MB`.padEnd(10)}${`${(growth / 1048576).toFixed(0)} MB`.padEnd(8)}${(growth / r.bytes).toFixed(1)}`,
    );
  }
  // Least squares of log(time) on log(size).
  const xs = rows.map((r) => Math.log(r.bytes));
  const ys = rows.map((r) => Math.log(r.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const slope =
    xs.reduce((a, x, i) => a + (x - mx) * ((ys[i] as number) - my), 0) /
    xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  console.log(`exponent of time against size: ${slope.toFixed(2)} (goal ≤ 1.1)`);
}

// Run as a script (not when imported for generatedPage): with a size, one measurement; without, all.
if (process.argv[1] === import.meta.filename) {
  const arg = process.argv[2];
  if (arg) await child(Number(arg));
  else main();
}
