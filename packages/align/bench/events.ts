/**
 * Event clustering on ECB+ (Cybulska and Vossen, LREC 2014, CC BY 3.0): 982 news documents in 86
 * events, where documents of the same topic but the other subtopic report a different event of the
 * same kind — the hard negatives. Prints pairwise and B-cubed precision/recall/F1 and the adjusted
 * Rand index for Parallax's clusterer and two named baselines, and the time each took.
 *
 *   tsx packages/align/bench/events.ts [path/to/ecbplus-docs.jsonl]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { contentStems } from '@parallax/normalize';
import { clusterEvents, type EventDocument } from '../src/index';

interface EcbDoc {
  doc_id: string;
  topic: number;
  cluster: string;
  sentences: string[];
}

const path = process.argv[2] ?? '/work/shared/bench/event-clustering/ecbplus-docs.jsonl';

/** PTB tokens back to news prose: `` '' quotes, spaces before punctuation, split clitics. */
export function detokenise(sentence: string): string {
  return sentence
    .replace(/``\s*/g, '“')
    .replace(/\s*''/g, '”')
    .replace(/-LRB-\s*/g, '(')
    .replace(/\s*-RRB-/g, ')')
    .replace(/ (n't|'s|'re|'ve|'ll|'d|'m)\b/g, '$1')
    .replace(/ ([.,;:!?%)])/g, '$1')
    .replace(/([($]) /g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const docs: EcbDoc[] = readFileSync(path, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
// ecbplus documents open with their source URL (tokenised); it is not prose.
const inputs: EventDocument[] = docs.map((d) => ({
  id: d.doc_id,
  text: d.sentences
    .filter((s) => !/^https?\s*:/.test(s))
    .map(detokenise)
    .join('\n'),
}));
const gold = new Map(docs.map((d) => [d.doc_id, d.cluster]));

function labelsOf(groups: string[][]): Map<string, number> {
  const out = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const id of g) out.set(id, i);
  });
  return out;
}

function choose2(x: number): number {
  return (x * (x - 1)) / 2;
}

function score(groups: string[][]) {
  const predicted = labelsOf(groups);
  const ids = docs.map((d) => d.doc_id);
  const contingency = new Map<string, number>();
  const goldSize = new Map<string, number>();
  const predSize = new Map<number, number>();
  for (const id of ids) {
    const g = gold.get(id) as string;
    const p = predicted.get(id) as number;
    contingency.set(`${g}\u0000${p}`, (contingency.get(`${g}\u0000${p}`) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
  }
  let tp = 0;
  for (const c of contingency.values()) tp += choose2(c);
  let goldPairs = 0;
  for (const c of goldSize.values()) goldPairs += choose2(c);
  let predPairs = 0;
  for (const c of predSize.values()) predPairs += choose2(c);
  const pp = predPairs > 0 ? tp / predPairs : 1;
  const pr = goldPairs > 0 ? tp / goldPairs : 1;
  // B-cubed: per document, the share of its predicted cluster in its gold cluster and vice versa.
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    const g = gold.get(id) as string;
    const p = predicted.get(id) as number;
    const both = contingency.get(`${g}\u0000${p}`) as number;
    bp += both / (predSize.get(p) as number);
    br += both / (goldSize.get(g) as number);
  }
  bp /= ids.length;
  br /= ids.length;
  const all = choose2(ids.length);
  const expected = (goldPairs * predPairs) / all;
  const ari = (tp - expected) / ((goldPairs + predPairs) / 2 - expected);
  const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
  return { pp, pr, pf: f1(pp, pr), bp, br, bf: f1(bp, br), ari, clusters: predSize.size };
}

/** Baseline: every document of a topic in one event (what a topic classifier would give). */
function allInTopic(): string[][] {
  const byTopic = new Map<number, string[]>();
  for (const d of docs) byTopic.set(d.topic, [...(byTopic.get(d.topic) ?? []), d.doc_id]);
  return [...byTopic.values()];
}

/** Baseline: TF-IDF cosine over content stems, every pair compared, linked above a threshold. */
function tfidfAllPairs(threshold: number): string[][] {
  const counts = inputs.map((d) => {
    const c = new Map<string, number>();
    for (const s of contentStems(d.text)) c.set(s, (c.get(s) ?? 0) + 1);
    return c;
  });
  const df = new Map<string, number>();
  for (const c of counts) for (const k of c.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = inputs.length;
  const vectors = counts.map((c) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [k, tf] of c) {
      const w = (1 + Math.log(tf)) * Math.log(n / (df.get(k) as number));
      v.set(k, w);
      norm += w * w;
    }
    for (const [k, w] of v) v.set(k, w / Math.sqrt(norm || 1));
    return v;
  });
  const parent = inputs.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    return root;
  };
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let dot = 0;
      for (const [k, w] of vectors[i] as Map<string, number>)
        dot += w * ((vectors[j] as Map<string, number>).get(k) ?? 0);
      if (dot >= threshold) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, string[]>();
  inputs.forEach((d, i) => {
    groups.set(find(i), [...(groups.get(find(i)) ?? []), d.id]);
  });
  return [...groups.values()];
}

function row(name: string, run: () => string[][]) {
  const t0 = performance.now();
  const groups = run();
  const ms = performance.now() - t0;
  const s = score(groups);
  const f = (x: number) => x.toFixed(3);
  console.log(
    `${name.padEnd(38)} ${String(s.clusters).padStart(4)}  ${f(s.pp)} ${f(s.pr)} ${f(s.pf)}   ${f(s.bp)} ${f(s.br)} ${f(s.bf)}   ${f(s.ari)}  ${ms.toFixed(0).padStart(6)} ms`,
  );
}

console.log(
  `ECB+ event clustering: ${docs.length} documents, ${new Set(gold.values()).size} gold events (${path})`,
);
console.log(
  `${'clusterer'.padEnd(38)} ${'#'.padStart(4)}  pair-P pair-R pair-F1  B3-P  B3-R  B3-F1    ARI      time`,
);
row('parallax groupEvents (LSH + avg link)', () => clusterEvents(inputs));

row('baseline: all in topic', allInTopic);
row('baseline: TF-IDF cosine ≥ 0.3, all pairs', () => tfidfAllPairs(0.3));
row('baseline: TF-IDF cosine ≥ 0.5, all pairs', () => tfidfAllPairs(0.5));
