import type { SourceKind } from '@parallax/core';
import { contentStems, foldDiacritics, nameStem, transliterate, words } from '@parallax/normalize';
import { hash32, lshCandidates, minhashSignature } from './minhash';

export interface EventDocument {
  id: string;
  text: string;
  publishedAt?: string | null;
  /** The kind of source: when copies are found, an official document is the original they copy. */
  kind?: SourceKind;
}

export interface EventClusterOptions {
  /** Documents further apart than this in publication time are never one event. Default 7 days. */
  windowDays?: number;
  /**
   * Average similarity two groups of documents must have to be one event (TF-IDF cosine over content
   * words and names; across scripts, over names and numbers alone). Default: see defaultMinSimilarity.
   */
  minSimilarity?: number;
  /**
   * Added to minSimilarity for each day between two documents' publication: a follow-up days later
   * needs more in common than same-day coverage. Default 0.04.
   */
  similarityPerDay?: number;
  /** Share of a document's word 5-shingles found in another for it to count as a copy. Default 0.8. */
  minCopyContainment?: number;
}

export interface EventGrouping {
  /** Document ids per event; every input document is in exactly one. */
  events: string[][];
  /** For each document recognised as a copy (wire copy, syndication, AMP page, mirror), the original's id. */
  copyOf: Map<string, string>;
  /**
   * For each document left alone in its event: the most similar other document scored (within the
   * time window) and the similarity, when there is one. A page below the bar may still belong to a
   * story (see the pipeline's joinStories).
   */
  nearest?: Map<string, { id: string; score: number }>;
}

/**
 * The names a document mentions, in a script-neutral form (normalize's nameStem), so that inflected
 * forms in Mongolian and Russian ("Путины", "Монголын") meet their English spellings ("Putin",
 * "Mongolia").
 */
export function nameKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}]{3,}/gu)) {
    const latin = foldDiacritics(transliterate(m[0])).toLowerCase();
    if (STOP_NAMES.has(latin)) continue;
    keys.add(nameStem(m[0]));
  }
  return keys;
}

/** Capitalised words that open sentences and name nothing. */
const STOP_NAMES = new Set(
  `the this that there these those their they when while after before however following read more
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december`.split(/\s+/),
);

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[i] !== root) {
      const next = this.parent[i] as number;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  /** Joins the two sets; the smaller index becomes the root. Returns the root. */
  union(a: number, b: number): number {
    const ra = this.find(a);
    const rb = this.find(b);
    const root = Math.min(ra, rb);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = root;
    return root;
  }
}

type Vector = Map<string, number>;

interface Profile {
  /** TF-IDF over content stems and names, unit length. */
  content: Vector;
  /** TF-IDF over names alone, unit length: what documents in different scripts can share. */
  names: Vector;
  cyrillic: boolean;
  time: number;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, weight] of small) {
    const other = large.get(key);
    if (other !== undefined) dot += weight * other;
  }
  return dot;
}

function unitTfIdf(counts: Map<string, number>, idf: Map<string, number>): Vector {
  const vector: Vector = new Map();
  let norm = 0;
  for (const [key, tf] of counts) {
    const w = (1 + Math.log(tf)) * (idf.get(key) ?? 0);
    if (w <= 0) continue;
    vector.set(key, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [key, w] of vector) vector.set(key, w / norm);
  return vector;
}

function countInto(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Mostly Cyrillic letters: such a document shares names, not words, with an English one. */
function isCyrillic(text: string): boolean {
  const cyr = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const lat = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return cyr > lat;
}

function profiles(documents: EventDocument[]): { profiles: Profile[]; keySets: Set<string>[] } {
  const counts = documents.map((d) => {
    const c = new Map<string, number>();
    for (const s of contentStems(d.text)) {
      if (/^\d[\d,.]*$/.test(s)) countInto(c, `n:#${s}`);
      else if (s.length > 1) countInto(c, s);
    }
    for (const m of d.text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}]{3,}/gu)) {
      const latin = foldDiacritics(transliterate(m[0])).toLowerCase();
      if (!STOP_NAMES.has(latin)) countInto(c, `n:${nameStem(m[0])}`);
    }
    return c;
  });
  const df = new Map<string, number>();
  for (const c of counts) for (const key of c.keys()) countInto(df, key);
  const n = documents.length;
  const idf = new Map<string, number>();
  // Names weigh double: the people, places and bodies involved are what tells one event of a kind
  // (an earthquake, an arrest) from another.
  for (const [key, f] of df) idf.set(key, (Math.log((n + 1) / (f + 1)) + 1) * (key.startsWith('n:') ? 2 : 1));
  const out = documents.map((d, i) => {
    const c = counts[i] as Map<string, number>;
    const nameCounts = new Map([...c].filter(([k]) => k.startsWith('n:')));
    return {
      content: unitTfIdf(c, idf),
      names: unitTfIdf(nameCounts, idf),
      cyrillic: isCyrillic(d.text),
      time: d.publishedAt ? Date.parse(d.publishedAt) : Number.NaN,
    };
  });
  return { profiles: out, keySets: counts.map((c) => new Set(c.keys())) };
}

/** Word 5-shingles, hashed: two documents sharing most of them carry the same running text. */
function shingles(text: string): Set<number> {
  const list = words(text).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const out = new Set<number>();
  if (list.length < 5) {
    if (list.length > 0) out.add(hash32(list.join(' ')));
    return out;
  }
  for (let i = 0; i + 5 <= list.length; i++) out.add(hash32(list.slice(i, i + 5).join(' ')));
  return out;
}

/** Share of a's shingles that b has too. */
function containment(a: Set<number>, b: Set<number>): number {
  if (a.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / a.size;
}

/**
 * Copies among documents: a document most of whose running text (word 5-shingles) another document
 * carries too. Candidates come from MinHash/LSH over the shingles; each is then checked on the exact
 * shingle sets. A group of copies points at one original: an official document if one is in the
 * group, else the earliest published, else the first given.
 */
export function findCopies(
  documents: EventDocument[],
  options: EventClusterOptions = {},
): Map<string, string> {
  const minContainment = options.minCopyContainment ?? 0.8;
  const sets = documents.map((d) => shingles(d.text));
  const signatures = sets.map((s) => minhashSignature(s, 64));
  const uf = new UnionFind(documents.length);
  // 16 bands of 4 rows: pairs with Jaccard 0.5 are found with probability 0.65, 0.65 with 0.96.
  lshCandidates(signatures, { bands: 16, rows: 4, maxBucket: 500 }, (i, j) => {
    const a = sets[i] as Set<number>;
    const b = sets[j] as Set<number>;
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    // Very short texts (a headline, a caption) share shingles by accident of phrasing.
    if (small.size < 20) return;
    if (containment(small, large) >= minContainment) uf.union(i, j);
  });
  const groups = new Map<number, number[]>();
  documents.forEach((_, i) => {
    const root = uf.find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  });
  const time = (i: number) => {
    const t = Date.parse(documents[i]?.publishedAt ?? '');
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  const copyOf = new Map<string, string>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const original = [...members].sort(
      (x, y) =>
        (documents[x]?.kind === 'official' ? 0 : 1) - (documents[y]?.kind === 'official' ? 0 : 1) ||
        time(x) - time(y) ||
        x - y,
    )[0] as number;
    for (const m of members) {
      if (m !== original)
        copyOf.set((documents[m] as EventDocument).id, (documents[original] as EventDocument).id);
    }
  }
  return copyOf;
}

/**
 * The similarity bar when none is given: 0.3 (the best pairwise F1 on ECB+), whatever the batch
 * size, so that the same documents group alike in a manifest of five or of five hundred. A
 * hand-picked set about one story whose pages share little vocabulary (a transcript, a page in
 * another script) is made one story by the statements its clusters share (see the pipeline's
 * joinStories), not by a lower bar. The argument is kept for callers; it no longer matters.
 */
export function defaultMinSimilarity(_documents?: number): number {
  return 0.3;
}

/**
 * Groups documents into events and recognises copies.
 *
 * Candidate pairs come from MinHash/LSH over each document's content words and names, plus an
 * inverted index of rarer names (so that reports in different scripts meet); never all pairs. A pair
 * is scored by TF-IDF cosine (names only across scripts) and dropped when the documents were published
 * further apart than the window; the similarity needed grows with the days between them. Groups are
 * then merged in order of their best links while the average similarity between all their documents
 * stays above the bar (average linkage), so a chain of loosely related reports does not become one
 * event. Copies always join their original's event.
 */
export function groupEvents(documents: EventDocument[], options: EventClusterOptions = {}): EventGrouping {
  const windowMs = (options.windowDays ?? 7) * 86_400_000;
  const minSimilarity = options.minSimilarity ?? defaultMinSimilarity();
  const perDay = options.similarityPerDay ?? 0.04;
  const n = documents.length;
  const { profiles: docs, keySets } = profiles(documents);

  const edges: Array<{ a: number; b: number; score: number }> = [];
  const similar: Array<{ a: number; b: number; score: number }> = [];
  const scored = new Set<number>();
  const score = (a: number, b: number) => {
    const pair = a < b ? a * n + b : b * n + a;
    if (scored.has(pair)) return;
    scored.add(pair);
    const x = docs[a] as Profile;
    const y = docs[b] as Profile;
    let bar = minSimilarity;
    if (!Number.isNaN(x.time) && !Number.isNaN(y.time)) {
      const gap = Math.abs(x.time - y.time);
      if (gap > windowMs) return;
      bar += (perDay * gap) / 86_400_000;
    }
    const s = x.cyrillic === y.cyrillic ? cosine(x.content, y.content) : cosine(x.names, y.names);
    const edge = { a: Math.min(a, b), b: Math.max(a, b), score: s };
    similar.push(edge);
    if (s >= bar) edges.push(edge);
  };

  // 32 bands of 2 rows over content keys: a pair with Jaccard 0.1 is a candidate with probability
  // 0.28, 0.2 with 0.73, 0.3 with 0.95 — same-event reports share far more than unrelated ones.
  const signatures = keySets.map((keys) => minhashSignature([...keys].map(hash32), 64));
  lshCandidates(signatures, { bands: 32, rows: 2, maxBucket: 300 }, score);

  // Names shared across scripts: an inverted index over name keys that are not everywhere.
  const index = new Map<string, number[]>();
  keySets.forEach((keys, i) => {
    for (const key of keys) {
      if (!key.startsWith('n:')) continue;
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  const shared = new Map<number, number>();
  for (const postings of index.values()) {
    if (postings.length > 100) continue;
    for (let x = 0; x < postings.length; x++) {
      for (let y = x + 1; y < postings.length; y++) {
        const pair = (postings[x] as number) * n + (postings[y] as number);
        shared.set(pair, (shared.get(pair) ?? 0) + 1);
      }
    }
  }
  for (const [pair, count] of shared) if (count >= 2) score(Math.floor(pair / n), pair % n);

  const copyOf = findCopies(documents, options);
  const indexOf = new Map(documents.map((d, i) => [d.id, i]));

  // Average linkage over the scored edges: `links` holds, per group root, the summed similarity to
  // each neighbouring group; unscored pairs count as zero.
  const uf = new UnionFind(n);
  const size = new Array<number>(n).fill(1);
  const links = new Map<number, Map<number, number>>();
  for (const { a, b, score: s } of similar) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const m = links.get(x) ?? new Map<number, number>();
      m.set(y, s);
      links.set(x, m);
    }
  }
  const merge = (ra: number, rb: number) => {
    const root = uf.union(ra, rb);
    const gone = root === ra ? rb : ra;
    const into = links.get(root) ?? new Map<number, number>();
    for (const [other, sum] of links.get(gone) ?? []) {
      if (other === root) continue;
      into.set(other, (into.get(other) ?? 0) + sum);
      const back = links.get(other) as Map<number, number>;
      back.delete(gone);
      back.set(root, (back.get(root) ?? 0) + sum);
    }
    into.delete(gone);
    links.set(root, into);
    links.delete(gone);
    size[root] = (size[ra] as number) + (size[rb] as number);
  };
  for (const [copy, original] of copyOf) {
    const ra = uf.find(indexOf.get(copy) as number);
    const rb = uf.find(indexOf.get(original) as number);
    if (ra !== rb) merge(ra, rb);
  }
  edges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const { a, b } of edges) {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) continue;
    const sum = links.get(ra)?.get(rb) ?? 0;
    // A lone document joins the group it is most similar to (edges come best first) on one link
    // above the bar: it cannot chain two events together, and a report in another script, which
    // shares only names and numbers with the rest, would rarely pass an average.
    const lone = size[ra] === 1 || size[rb] === 1;
    if (lone || sum / ((size[ra] as number) * (size[rb] as number)) >= minSimilarity) merge(ra, rb);
  }

  const groups = new Map<number, string[]>();
  documents.forEach((d, i) => {
    const root = uf.find(i);
    const group = groups.get(root);
    if (group) group.push(d.id);
    else groups.set(root, [d.id]);
  });
  const nearest = new Map<string, { id: string; score: number }>();
  for (const { a, b, score: s } of similar) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      if (size[uf.find(x)] !== 1) continue;
      const id = (documents[x] as EventDocument).id;
      const known = nearest.get(id);
      if (!known || s > known.score) nearest.set(id, { id: (documents[y] as EventDocument).id, score: s });
    }
  }
  return { events: [...groups.values()], copyOf, nearest };
}

/** Document ids per event (see groupEvents). */
export function clusterEvents(documents: EventDocument[], options: EventClusterOptions = {}): string[][] {
  return groupEvents(documents, options).events;
}
