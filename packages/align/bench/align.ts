/**
 * Statement alignment and comparison at scale: synthetic corpora of 1k, 10k and 100k statements
 * across many sources (bench/corpus.ts), each size run in its own process so that its peak memory is
 * its own. Prints time, peak RSS, alignment precision/recall against the known answers, the growth
 * exponent, and the same figures for a named baseline — naive all-pairs alignment — on the sizes it
 * can finish.
 *
 *   pnpm bench:align            (tsx packages/align/bench/align.ts)
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { compareRenditions } from '@parallax/compare';
import type { Statement } from '@parallax/core';
import { canonicalSpeaker, contentStems, sameSpeaker } from '@parallax/normalize';
import { alignStatements } from '../src/index';
import { syntheticCorpus } from './corpus';

interface Run {
  method: string;
  statements: number;
  documents: number;
  ms: number;
  alignMs: number;
  peakRssMb: number;
  precision: number;
  recall: number;
  groups: number;
}

/** Pairwise precision and recall of predicted groups (lists of statement ids) against the truth. */
function pairScores(groups: string[][], truth: Map<string, number>) {
  const choose2 = (x: number) => (x * (x - 1)) / 2;
  const joint = new Map<string, number>();
  const goldSize = new Map<number, number>();
  let predicted = 0;
  for (const [g, ids] of groups.entries()) {
    predicted += choose2(ids.length);
    for (const id of ids) {
      const t = truth.get(id) as number;
      joint.set(`${g}:${t}`, (joint.get(`${g}:${t}`) ?? 0) + 1);
    }
  }
  for (const t of truth.values()) goldSize.set(t, (goldSize.get(t) ?? 0) + 1);
  let tp = 0;
  for (const c of joint.values()) tp += choose2(c);
  let gold = 0;
  for (const c of goldSize.values()) gold += choose2(c);
  return { precision: predicted ? tp / predicted : 1, recall: gold ? tp / gold : 1 };
}

/** Baseline: every pair of statements from different documents scored with the same rule, linked. */
function naiveAllPairs(documents: ReturnType<typeof syntheticCorpus>['documents']): string[][] {
  const items = documents.flatMap((d) =>
    d.statements.map((s: Statement) => ({
      doc: d.id,
      id: s.id,
      stems: new Set(contentStems(s.text)),
      speaker: s.speaker ? canonicalSpeaker(s.speaker) : null,
    })),
  );
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (let i = 0; i < items.length; i++) {
    const a = items[i] as (typeof items)[number];
    for (let j = i + 1; j < items.length; j++) {
      const b = items[j] as (typeof items)[number];
      if (a.doc === b.doc) continue;
      let common = 0;
      for (const s of a.stems) if (b.stems.has(s)) common++;
      const smaller = Math.min(a.stems.size, b.stems.size);
      const agree = !a.speaker || !b.speaker || sameSpeaker(a.speaker, b.speaker);
      if (smaller > 0 && common >= Math.min(3, smaller) && common / smaller >= (agree ? 0.5 : 0.75)) {
        parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, string[]>();
  items.forEach((it, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), it.id]);
  });
  return [...groups.values()];
}

function runOne(method: string, size: number): Run {
  const corpus = syntheticCorpus(size);
  const t0 = performance.now();
  let groups: string[][];
  let alignMs: number;
  if (method === 'parallax') {
    const aligned = alignStatements(corpus.documents);
    alignMs = performance.now() - t0;
    // The compare stage as the pipeline runs it: every rendition against its group's reference.
    for (const g of aligned) {
      const ref = g.renditions[g.reference];
      if (!ref) continue;
      const asComparable = (r: typeof ref) => ({
        documentId: r.documentId,
        text: r.statement.text,
        kind: r.statement.kind,
        lang: r.lang,
        speakerLabel: r.statement.speaker,
        speaker: r.speaker,
        facts: [],
      });
      for (const [i, r] of g.renditions.entries()) {
        if (i !== g.reference) compareRenditions(asComparable(ref), asComparable(r));
      }
    }
    groups = aligned.map((g) => g.renditions.map((r) => r.statement.id));
  } else {
    groups = naiveAllPairs(corpus.documents);
    alignMs = performance.now() - t0;
  }
  const ms = performance.now() - t0;
  const { precision, recall } = pairScores(groups, corpus.truth);
  return {
    method,
    statements: corpus.statements,
    documents: corpus.documents.length,
    ms,
    alignMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    precision,
    recall,
    groups: groups.length,
  };
}

const self = fileURLToPath(import.meta.url);
if (process.argv[2] === '--child') {
  const run = runOne(process.argv[3] as string, Number(process.argv[4]));
  process.stdout.write(JSON.stringify(run));
} else {
  const child = (method: string, size: number): Run =>
    JSON.parse(
      execFileSync(process.execPath, [...process.execArgv, self, '--child', method, String(size)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      }),
    );
  const sizes = [1_000, 10_000, 100_000];
  const runs: Run[] = [];
  const line = (r: Run) =>
    console.log(
      `${r.method.padEnd(22)} ${String(r.statements).padStart(7)} ${String(r.documents).padStart(6)}  ${(r.ms / 1000).toFixed(2).padStart(8)} s ${(r.alignMs / 1000).toFixed(2).padStart(8)} s  ${r.peakRssMb.toFixed(0).padStart(6)} MB   ${r.precision.toFixed(3)}  ${r.recall.toFixed(3)}`,
    );
  console.log('align + compare on synthetic multi-source corpora (each size in its own process)');
  console.log(
    `${'method'.padEnd(22)} ${'stmts'.padStart(7)} ${'docs'.padStart(6)}  ${'total'.padStart(10)} ${'align'.padStart(10)}  ${'peak RSS'.padStart(9)}   pair-P  pair-R`,
  );
  // The machine is shared: the smaller sizes run three times and keep their fastest run, so that a
  // neighbour's burst of work does not pass for growth.
  for (const size of sizes) {
    const tries = size >= 100_000 ? 1 : 3;
    const attempts = Array.from({ length: tries }, () => child('parallax', size));
    const run = attempts.reduce((best, r) => (r.ms < best.ms ? r : best));
    runs.push(run);
    line(run);
  }
  const baseline: Run[] = [];
  for (const size of [1_000, 3_000]) {
    const run = child('naive all-pairs', size);
    baseline.push(run);
    line(run);
  }
  const exponent = (a: Run, b: Run) => Math.log(b.ms / a.ms) / Math.log(b.statements / a.statements);
  const [r1, r2, r3] = runs as [Run, Run, Run];
  // Least-squares slope of log(time) on log(size) over the three sizes.
  const xs = runs.map((r) => Math.log(r.statements));
  const ys = runs.map((r) => Math.log(r.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const slope =
    xs.reduce((a, x, i) => a + (x - mx) * ((ys[i] as number) - my), 0) /
    xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  console.log(`growth exponent, least-squares fit over 1k/10k/100k: ${slope.toFixed(2)}`);
  console.log(
    `growth exponent (time ∝ n^k): parallax 1k→10k ${exponent(r1, r2).toFixed(2)}, 10k→100k ${exponent(r2, r3).toFixed(2)}, 1k→100k ${exponent(r1, r3).toFixed(2)}; naive all-pairs 1k→3k ${exponent(baseline[0] as Run, baseline[1] as Run).toFixed(2)}`,
  );
  console.log(
    `goals: exponent ≤ 1.15, 100k statements < 60 s, peak RSS ≤ 512 MB → 100k took ${(r3.ms / 1000).toFixed(1)} s, ${r3.peakRssMb.toFixed(0)} MB`,
  );
}
