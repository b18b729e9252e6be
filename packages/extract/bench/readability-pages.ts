/**
 * Extraction on pages it was not tuned on (issue 15): Readability.js's own test pages
 * (mozilla/readability `test/test-pages`, 130 folders of `source.html` + `expected.html`). The
 * expected text is Readability's regression output, a reference and not a gold standard: the
 * Readability row shows how well @mozilla/readability on linkedom, run live, agrees with its own
 * references; the Parallax row how well Parallax agrees with them. Same shingle scorer as
 * bench:extract. Folders named after a site are reported apart from those named after the HTML
 * feature or bug they test (some of the latter are real pages saved for that feature).
 *
 *   pnpm bench:extract-readability
 *   READABILITY_PAGES=/path/to/readability-pages pnpm bench:extract-readability [--worst N]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '@parallax/extract';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { type PageCounts, pageCounts, type Score, scorePages } from './shingle-score';

const dataDir = resolve(
  process.env.READABILITY_PAGES ?? resolve(import.meta.dirname, '../../../../shared/bench/readability-pages'),
);

/** Readability's tests load every page as this URL. */
const PAGE_URL = 'http://fakehost/test/page.html';

/** Folders named after the feature or bug they test rather than the site they come from. */
const FEATURE_CASE =
  /^(\d{3}(-.*)?|bug-\d+|dev\d+|rtl-\d+|article-author-tag|base-url.*|basic-tags-cleaning|clean-links|cnet-svg-classes|comment-inside-script-parsing|data-url-image|embedded-videos|hidden-nodes|invalid-attributes|js-link-replacement|keep-images|keep-tabular-data|lazy-image-\d+|links-in-tables|mathjax|metadata-content-missing|missing-paragraphs|normalize-spaces|ol|parsely-metadata|remove-.*|reordering-paragraphs|replace-.*|schema-org-context-object|social-buttons|style-tags-removal|svg-parsing|table-style-attributes|title-.*|toc-missing|videos-\d+|visibility-hidden)$/;

interface Page {
  id: string;
  feature: boolean;
  html: string;
  expected: string;
}

const BLOCK =
  /^(address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)$/;

/** The text of an HTML fragment, with a space at every block boundary so words do not run together. */
export function htmlText(html: string): string {
  const parts: string[] = [];
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(tag) {
        if (tag === 'script' || tag === 'style') skip++;
        else if (BLOCK.test(tag)) parts.push(' ');
      },
      onclosetag(tag) {
        if (tag === 'script' || tag === 'style') skip = Math.max(0, skip - 1);
        else if (BLOCK.test(tag)) parts.push(' ');
      },
      ontext(text) {
        if (!skip) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function loadPages(): Page[] {
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(resolve(dataDir, entry.name, 'expected.html')))
    .map((entry) => entry.name)
    .sort()
    .map((id) => ({
      id,
      feature: FEATURE_CASE.test(id),
      html: readFileSync(resolve(dataDir, id, 'source.html'), 'utf8'),
      expected: htmlText(readFileSync(resolve(dataDir, id, 'expected.html'), 'utf8')),
    }));
}

type Extractor = (page: Page) => string;

/** The article body as Readability's reference has it: Parallax's text without the headline. */
const parallax: Extractor = (page) => {
  const article = extractArticle(page.html, { url: PAGE_URL });
  return article.text.slice(article.headlineEnd).trim();
};

/** Readability's content HTML read by the same text function as the reference, so both tokenise alike. */
const readabilityLinkedom: Extractor = (page) => {
  const { document } = parseHTML(page.html);
  return htmlText(new Readability(document as unknown as Document).parse()?.content ?? '');
};

interface Run {
  seconds: number;
  outputs: string[];
  failures: number;
}

function run(pages: readonly Page[], extractor: Extractor): Run {
  let failures = 0;
  const start = process.hrtime.bigint();
  const outputs = pages.map((page) => {
    try {
      return extractor(page);
    } catch {
      failures++;
      return '';
    }
  });
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, outputs, failures };
}

const fmt = (n: number, digits = 4) => n.toFixed(digits);

function pageScore(counts: PageCounts): { f1: number; p: number; r: number } {
  const { tp, fp, fn } = counts;
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { f1: p + r ? (2 * p * r) / (p + r) : 0, p, r };
}

function main(): void {
  if (!existsSync(dataDir)) {
    console.log(
      `readability-pages benchmark: no data at ${dataDir}; set READABILITY_PAGES to the folder of Readability's test pages. Nothing measured.`,
    );
    return;
  }
  const worstIndex = process.argv.indexOf('--worst');
  const worst = worstIndex > 0 ? Number(process.argv[worstIndex + 1]) : 15;
  const pages = loadPages();
  const real = pages.filter((page) => !page.feature).length;
  console.log(
    `readability-pages benchmark: ${pages.length} folders (${real} named after a site, ${pages.length - real} after a feature), ${dataDir}`,
  );
  console.log(
    "reference: the text of Readability.js's expected.html (its regression output, not a gold standard)\n",
  );

  const rows: [string, Run][] = [
    ['Parallax (htmlparser2)', run(pages, parallax)],
    ['@mozilla/readability on linkedom', run(pages, readabilityLinkedom)],
  ];
  const counts = rows.map(([, result]) =>
    pages.map((page, i) => pageCounts(page.expected, result.outputs[i] ?? '')),
  );

  console.log('extractor                         pages                F1      precision recall   failures');
  for (const [set, keep] of [
    ['site pages', (page: Page) => !page.feature],
    ['feature cases', (page: Page) => page.feature],
  ] as const) {
    rows.forEach(([name, result], r) => {
      const s: Score = scorePages((counts[r] ?? []).filter((_, i) => keep(pages[i] as Page)));
      const failures = result.outputs.filter((out, i) => keep(pages[i] as Page) && out === '').length;
      console.log(
        `${name.padEnd(33)} ${`${set} (${s.pages})`.padEnd(20)} ${fmt(s.f1)}  ${fmt(s.precision)}    ${fmt(s.recall)}   ${failures} empty`,
      );
    });
  }

  const ours = counts[0] ?? [];
  const peer = counts[1] ?? [];
  const perPage = pages
    .map((page, i) => ({
      page,
      ours: pageScore(ours[i] as PageCounts),
      peer: pageScore(peer[i] as PageCounts),
    }))
    .filter(({ page }) => !page.feature)
    .sort((a, b) => a.ours.f1 - b.ours.f1);
  console.log(`\nworst-agreeing ${worst} site pages (Parallax | Readability on linkedom)`);
  console.log('page                      F1    P     R     |  F1    P     R');
  for (const { page, ours: o, peer: q } of perPage.slice(0, worst))
    console.log(
      `${page.id.padEnd(24)}  ${fmt(o.f1, 2)}  ${fmt(o.p, 2)}  ${fmt(o.r, 2)}  |  ${fmt(q.f1, 2)}  ${fmt(q.p, 2)}  ${fmt(q.r, 2)}`,
    );
  const [parallaxSeconds, readabilitySeconds] = rows.map(([, result]) => result.seconds);
  console.log(
    `\ntime for all ${pages.length} pages (one cold round): Parallax ${fmt((parallaxSeconds ?? 0) * 1000, 0)} ms, Readability on linkedom ${fmt((readabilitySeconds ?? 0) * 1000, 0)} ms`,
  );
}

if (process.argv[1]?.endsWith('readability-pages.ts')) main();
