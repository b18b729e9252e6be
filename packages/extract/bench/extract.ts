/**
 * Article-extraction benchmark: accuracy (the Zyte benchmark's shingle F1) and speed of Parallax's
 * extractor against @mozilla/readability on linkedom and on jsdom, the published outputs of other
 * extractors scored by the same scorer, and Parallax's time against a bare htmlparser2 parse.
 *
 *   pnpm bench:extract            # from the repo root
 *   BENCH_DATA=/path/to/article-extraction pnpm bench:extract
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '@parallax/extract';
import { parseDocument } from 'htmlparser2';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { type PageCounts, pageCounts, type Score, scorePages } from './shingle-score';

const dataDir = resolve(
  process.env.BENCH_DATA ?? resolve(import.meta.dirname, '../../../../shared/bench/article-extraction'),
);

interface Page {
  id: string;
  url: string;
  html: string;
  truth: string;
}

function loadPages(): Page[] {
  const truth = JSON.parse(readFileSync(resolve(dataDir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return readdirSync(resolve(dataDir, 'html'))
    .filter((file) => file.endsWith('.html.gz'))
    .sort()
    .map((file) => {
      const id = file.slice(0, -'.html.gz'.length);
      const html = gunzipSync(readFileSync(resolve(dataDir, 'html', file))).toString('utf8');
      return { id, url: truth[id]?.url ?? '', html, truth: truth[id]?.articleBody ?? '' };
    });
}

type Extractor = (page: Page) => string;

/** The article body as the benchmark sees it: Parallax's text without the headline. */
const parallax: Extractor = (page) => {
  const article = extractArticle(page.html, { url: page.url });
  return article.text.slice(article.headlineEnd).trim();
};

const readabilityLinkedom: Extractor = (page) => {
  const { document } = parseHTML(page.html);
  return new Readability(document as unknown as Document).parse()?.textContent ?? '';
};

const quietConsole = new VirtualConsole();
const readabilityJsdom: Extractor = (page) => {
  const dom = new JSDOM(page.html, { url: page.url || undefined, virtualConsole: quietConsole });
  const text = new Readability(dom.window.document).parse()?.textContent ?? '';
  dom.window.close();
  return text;
};

const bareParse: Extractor = (page) => {
  parseDocument(page.html);
  return '';
};

interface Run {
  seconds: number;
  outputs: string[];
  failures: number;
}

/** Runs an extractor over every page `rounds` times; the outputs of the last round are kept. */
function run(pages: readonly Page[], extractor: Extractor, rounds: number): Run {
  let outputs: string[] = [];
  let failures = 0;
  const start = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) {
    failures = 0;
    outputs = pages.map((page) => {
      try {
        return extractor(page);
      } catch {
        failures++;
        return '';
      }
    });
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9 / rounds;
  return { seconds, outputs, failures };
}

function score(pages: readonly Page[], outputs: readonly string[]): Score {
  const counts: PageCounts[] = pages.map((page, i) => pageCounts(page.truth, outputs[i] ?? ''));
  return scorePages(counts);
}

const fmt = (n: number, digits = 4) => n.toFixed(digits);

function main(): void {
  // --quick: Parallax and readability on linkedom only; --worst N: list the N lowest-F1 pages.
  const quick = process.argv.includes('--quick');
  const worstIndex = process.argv.indexOf('--worst');
  const worst = worstIndex > 0 ? Number(process.argv[worstIndex + 1]) : 0;
  const pages = loadPages();
  const totalMb = pages.reduce((sum, p) => sum + Buffer.byteLength(p.html), 0) / 1e6;
  console.log(
    `article-extraction benchmark: ${pages.length} pages, ${fmt(totalMb, 1)} MB of HTML (${dataDir})\n`,
  );

  // Warm the JIT on every extractor before timing.
  const warm = pages.slice(0, 20);
  for (const extractor of [parallax, readabilityLinkedom, bareParse]) run(warm, extractor, 1);
  if (!quick) run(warm, readabilityJsdom, 1);

  const rows: [string, Run][] = [
    ['Parallax (htmlparser2)', run(pages, parallax, 3)],
    ['@mozilla/readability on linkedom', run(pages, readabilityLinkedom, 1)],
  ];
  if (!quick) rows.push(['@mozilla/readability on jsdom', run(pages, readabilityJsdom, 1)]);
  console.log('extractor                            F1      precision recall   pages/s  failures');
  for (const [name, result] of rows) {
    const s = score(pages, result.outputs);
    console.log(
      `${name.padEnd(36)} ${fmt(s.f1)}  ${fmt(s.precision)}    ${fmt(s.recall)}  ${fmt(pages.length / result.seconds, 1).padStart(7)}  ${result.failures}`,
    );
  }

  if (worst > 0) {
    const ours = rows[0]?.[1].outputs ?? [];
    const perPage = pages.map((page, i) => {
      const { tp, fp, fn } = pageCounts(page.truth, ours[i] ?? '');
      const p = tp + fp ? tp / (tp + fp) : 0;
      const r = tp + fn ? tp / (tp + fn) : 0;
      return { id: page.id, url: page.url, p, r };
    });
    perPage.sort((a, b) => a.p + a.r - (b.p + b.r));
    for (const { id, url, p, r } of perPage.slice(0, worst))
      console.log(`  P ${fmt(p, 2)} R ${fmt(r, 2)}  ${id.slice(0, 12)}  ${url}`);
  }

  console.log('\npublished outputs, same scorer        F1      precision recall   published F1');
  const published: [string, string, string][] = [
    ['go-trafilatura', 'go_trafilatura.json', '0.960'],
    ['trafilatura', 'trafilatura.json', '0.958'],
    ['newspaper4k', 'newspaper.json', '0.949'],
    ['Readability.js', 'readability_js.json', '0.947'],
  ];
  for (const [name, file, claimed] of published) {
    const raw = JSON.parse(readFileSync(resolve(dataDir, 'reference-outputs', file), 'utf8'));
    const outputs = (raw.output ?? raw) as Record<string, { articleBody?: string }>;
    const s = score(
      pages,
      pages.map((page) => outputs[page.id]?.articleBody ?? ''),
    );
    console.log(`${name.padEnd(36)} ${fmt(s.f1)}  ${fmt(s.precision)}    ${fmt(s.recall)}  ${claimed}`);
  }

  const parse = run(pages, bareParse, 3);
  const ours = rows[0]?.[1].seconds ?? 0;
  const readabilityLinkedomSeconds = rows[1]?.[1].seconds ?? 0;
  console.log(
    `\nbare htmlparser2 parseDocument: ${fmt(parse.seconds * 1000, 0)} ms for all pages; Parallax extraction: ${fmt(ours * 1000, 0)} ms = ${fmt(ours / parse.seconds, 2)}× the bare parse (goal ≤ 2×)`,
  );
  console.log(
    `Parallax throughput vs @mozilla/readability on linkedom: ${fmt(readabilityLinkedomSeconds / ours, 1)}× (goal ≥ 5×)`,
  );
}

main();
