/**
 * pnpm bench:compare — the comparison dev set (test/compare-devset): runs `parallax compare
 * --manifest M --format json` on each event's manifest (the CLI itself, so the figures are the
 * command's), scores the report against the event's gold.json and prints per event, per split and
 * overall figures, next to a naive peer measured on the same extracted statements: content-word
 * Jaccard ≥ 0.5 without speakers, verbatim when the words are the same.
 *
 * `--errors` lists, per dev event, the gold members not found and the pairs judged wrong.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '@parallax/core';
import { contentStems, words } from '@parallax/normalize';
import {
  addCounts,
  type Counts,
  emptyCounts,
  type Figures,
  figures,
  type Gold,
  type PredictedRendition,
  type Prediction,
  scoreEvent,
  TEXTUAL,
} from './scorer';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const devset = join(root, 'test/compare-devset');
const showErrors = process.argv.includes('--errors');

interface ManifestEntry {
  file: string;
  url: string;
}

/** The report of one manifest, from the CLI exactly as a user runs it. */
function runCompare(manifest: string): Report {
  const out = execFileSync(
    join(root, 'node_modules/.bin/tsx'),
    [join(root, 'apps/cli/src/main.ts'), 'compare', '--manifest', manifest, '--format', 'json', '--quiet'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
  );
  return JSON.parse(out) as Report;
}

/**
 * The report as a Prediction over file names. Divergences come per statement as each non-reference
 * rendition's comparison in rendition order, each opening with its one textual verdict (verbatim …
 * translated); the types up to the next textual verdict are that rendition's.
 */
function toPrediction(report: Report, fileOf: Map<string, string>): Prediction & { texts: string[][] } {
  const statements: Prediction['statements'] = [];
  const texts: string[][] = [];
  const events: string[][] = [];
  const copies: Record<string, string> = {};
  const factConflicts: Prediction['factConflicts'] = [];
  for (const event of report.events) {
    const file = (id: string) => fileOf.get(id) ?? id;
    events.push(event.documents.map((d) => file(d.url)));
    const byId = new Map(event.documents.map((d) => [d.id, file(d.url)]));
    for (const d of event.documents) {
      if (d.copyOf) {
        const original = report.events.flatMap((e) => e.documents).find((o) => o.id === d.copyOf);
        copies[file(d.url)] = original ? file(original.url) : d.copyOf;
      }
    }
    for (const s of event.statements) {
      const blocks: string[][] = [];
      for (const d of s.divergences) {
        if (TEXTUAL.has(d.type) || blocks.length === 0) blocks.push([d.type]);
        else (blocks[blocks.length - 1] as string[]).push(d.type);
      }
      const renditions: PredictedRendition[] = s.renditions.map((r, i) => ({
        file: byId.get(r.documentId) ?? r.documentId,
        start: r.start,
        end: r.end,
        types: i === 0 ? [] : (blocks[i - 1] ?? []),
      }));
      statements.push({ renditions });
      texts.push(s.renditions.map((r) => r.text));
    }
    for (const fc of event.factConflicts) {
      factConflicts.push({
        kind: fc.kind,
        values: fc.values.map((v) => ({ file: byId.get(v.documentId) ?? v.documentId, value: v.value })),
      });
    }
  }
  return { events, statements, copies, factConflicts, texts };
}

/** The naive peer: the same renditions, grouped by content-word Jaccard ≥ 0.5 regardless of speaker. */
function naivePrediction(prediction: Prediction & { texts: string[][] }, files: string[]): Prediction {
  const items = prediction.statements.flatMap((s, si) =>
    s.renditions.map((r, ri) => ({
      r,
      text: prediction.texts[si]?.[ri] ?? '',
      stems: new Set(contentStems(prediction.texts[si]?.[ri] ?? '')),
    })),
  );
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (let x = 0; x < items.length; x++) {
    for (let y = x + 1; y < items.length; y++) {
      const a = (items[x] as (typeof items)[number]).stems;
      const b = (items[y] as (typeof items)[number]).stems;
      let common = 0;
      for (const s of a) if (b.has(s)) common++;
      const union = a.size + b.size - common;
      if (union > 0 && common / union >= 0.5) parent[find(x)] = find(y);
    }
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const list = groups.get(find(i)) ?? [];
    list.push(i);
    groups.set(find(i), list);
  });
  const canonical = (t: string) =>
    words(t.toLowerCase())
      .filter((w) => /[\p{L}\p{N}]/u.test(w))
      .join(' ');
  const statements = [...groups.values()].map((list) => {
    const sorted = [...list].sort(
      (x, y) =>
        (items[y] as (typeof items)[number]).text.length - (items[x] as (typeof items)[number]).text.length,
    );
    const ref = items[sorted[0] as number] as (typeof items)[number];
    return {
      renditions: sorted.map((i, k) => {
        const it = items[i] as (typeof items)[number];
        const same = canonical(it.text) === canonical(ref.text);
        return { ...it.r, types: k === 0 ? [] : [same ? 'verbatim' : 'reworded'] };
      }),
    };
  });
  return { events: [files], statements, copies: {}, factConflicts: [] };
}

const pct = (x: number) => (Number.isNaN(x) ? '   —  ' : `${(100 * x).toFixed(1).padStart(5)}%`);

function row(label: string, f: Figures, c: Counts): string {
  return [
    label.padEnd(24),
    pct(f.membersFound),
    `${pct(f.pairRecall)} (${c.pairsFound}/${c.goldPairs})`.padEnd(17),
    `${pct(f.wronglyMerged)} (${c.wronglyMerged}/${c.judgedPredictedPairs})`.padEnd(15),
    `${pct(f.typeAccuracy)} (${c.differingRight}/${c.differing})`.padEnd(15),
    `${pct(f.spuriousTypes)} (${c.differingSpurious}/${c.differingJudged})`.padEnd(14),
    `${pct(f.verbatimAccuracy)} (${c.identicalRight}/${c.identical})`.padEnd(15),
    `${pct(f.conflictRecall)}/${pct(f.conflictPrecision)}`,
    ` ${pct(f.copyRecall)}/${pct(f.copyPrecision)}`,
    ` ${pct(f.partitionPairs)}`,
  ].join(' ');
}

const header = [
  'event'.padEnd(24),
  'found ',
  'pair recall'.padEnd(17),
  'wrong merges'.padEnd(15),
  'type accuracy'.padEnd(15),
  'extra types'.padEnd(14),
  'verbatim'.padEnd(15),
  'conflicts R/P  ',
  ' copies R/P     ',
  ' partition',
].join(' ');

const dirs = readdirSync(devset, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const totals = { dev: emptyCounts(), test: emptyCounts() };
const naiveTotals = { dev: emptyCounts(), test: emptyCounts() };
const lines: string[] = [];
const started = Date.now();
for (const name of dirs) {
  const dir = join(devset, name);
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
  const fileOf = new Map(manifest.map((e) => [e.url, e.file]));
  const texts = new Map(manifest.map((e) => [e.file, readFileSync(join(dir, e.file), 'utf8')]));
  const report = runCompare(join(dir, 'manifest.json'));
  const prediction = toPrediction(report, fileOf);
  const counts = scoreEvent(gold, texts, prediction);
  const naive = scoreEvent(
    gold,
    texts,
    naivePrediction(
      prediction,
      manifest.map((e) => e.file),
    ),
  );
  addCounts(totals[gold.split], counts);
  addCounts(naiveTotals[gold.split], naive);
  lines.push(row(`${gold.split} ${name}`, figures(counts), counts));
  // The test split is held out: its errors are never listed.
  if (showErrors && gold.split === 'dev') lines.push(...errorsOf(gold, texts, prediction));
}

/** What the gold has that the prediction does not, for tuning on the dev split. */
function errorsOf(gold: Gold, texts: Map<string, string>, prediction: Prediction): string[] {
  const out: string[] = [];
  const where = (file: string, quote: string, occurrence = 1) => {
    let at = -1;
    for (let n = 0; n < occurrence; n++) at = (texts.get(file) ?? '').indexOf(quote, at + 1);
    const end = at + quote.length;
    for (const [si, s] of prediction.statements.entries()) {
      for (const [ri, r] of s.renditions.entries()) {
        const overlap = Math.min(r.end, end) - Math.max(r.start, at);
        if (r.file === file && overlap > 0 && overlap >= 0.5 * Math.min(r.end - r.start, end - at))
          return { si, ri, types: r.types };
      }
    }
    return undefined;
  };
  for (const s of gold.statements) {
    const locs = s.members.map((m) => ({ m, loc: where(m.file, m.quote, m.occurrence) }));
    const ref = locs.find((l) => l.m.reference);
    for (const { m, loc } of locs) {
      const label = `${s.id} ${m.file} “${m.quote.slice(0, 50)}”`;
      if (!loc) out.push(`    not extracted: ${label}`);
      else if (ref?.loc && ref.loc.si !== loc.si) out.push(`    not aligned with reference: ${label}`);
      else if (!m.reference && ref?.loc)
        out.push(
          `    ${m.types?.join(',')} → ${loc.ri === 0 ? '(is the reference)' : loc.types.join(',')}: ${label}`,
        );
    }
  }
  for (const [si, s] of prediction.statements.entries()) {
    if (s.renditions.length < 2) continue;
    const ids = new Set(
      s.renditions.flatMap((r) =>
        gold.statements
          .filter((g) =>
            g.members.some((m) => m.file === r.file && where(m.file, m.quote, m.occurrence)?.si === si),
          )
          .map((g) => g.id),
      ),
    );
    if (ids.size > 1) out.push(`    merged gold statements: ${[...ids].join(' + ')}`);
  }
  return out;
}

const all = addCounts(addCounts(emptyCounts(), totals.dev), totals.test);
const naiveAll = addCounts(addCounts(emptyCounts(), naiveTotals.dev), naiveTotals.test);
console.log(
  `parallax compare on test/compare-devset (${dirs.length} events, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
);
console.log(header);
for (const line of lines) console.log(line);
console.log('');
console.log(row('dev (all dev events)', figures(totals.dev), totals.dev));
console.log(row('test (held out)', figures(totals.test), totals.test));
console.log(row('all', figures(all), all));
console.log(row('naive peer, dev', figures(naiveTotals.dev), naiveTotals.dev));
console.log(row('naive peer, test', figures(naiveTotals.test), naiveTotals.test));
console.log(row('naive peer, all', figures(naiveAll), naiveAll));
console.log(
  '\nfound: gold renditions extracted at all; pair recall: gold same-statement pairs in one aligned statement;' +
    '\nwrong merges: predicted pairs of two gold renditions that gold puts in different statements;' +
    '\ntype accuracy: differing renditions carrying every expected non-verbatim type against an equivalent reference;' +
    '\nextra types: of those compared with an equivalent reference, the share carrying a misattributed, negation,' +
    '\nnumber, date or place type the gold does not list;' +
    '\nverbatim: identical renditions reported verbatim and nothing else; conflicts, copies: recall/precision;' +
    '\npartition: document pairs put together or apart as gold does. The naive peer groups the same renditions by' +
    '\ncontent-word Jaccard ≥ 0.5 (no speakers, no events, no copies or conflicts), verbatim when the words match.',
);
