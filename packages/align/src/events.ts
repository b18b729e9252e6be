import { foldDiacritics, transliterate } from '@parallax/normalize';

export interface EventDocument {
  id: string;
  text: string;
  publishedAt?: string | null;
}

export interface EventClusterOptions {
  /** Documents further apart than this in publication time are never one event. Default 7 days. */
  windowDays?: number;
  /** Minimum share of the smaller document's names that the two must have in common. Default 0.3. */
  minOverlap?: number;
  /** Minimum number of names in common. Default 3. */
  minShared?: number;
}

/**
 * The names a document mentions, in a script-neutral form: capitalised words transliterated to Latin,
 * diacritics folded, cut to their first five letters so that inflected forms in Mongolian and Russian
 * ("Путины", "Монголын") meet their English spellings ("Putin", "Mongolia").
 */
export function nameKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}]{3,}/gu)) {
    const latin = foldDiacritics(transliterate(m[0])).toLowerCase();
    if (STOP_NAMES.has(latin)) continue;
    keys.add(latin.slice(0, 5));
  }
  return keys;
}

/** Capitalised words that open sentences and name nothing. */
const STOP_NAMES = new Set([
  'the',
  'this',
  'that',
  'there',
  'these',
  'those',
  'their',
  'they',
  'when',
  'while',
  'after',
  'before',
  'however',
  'following',
  'read',
  'more',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

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
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export { UnionFind };

/**
 * Groups documents into events: two documents are linked when they were published within the window
 * and share enough of the names they mention; events are the connected groups. Candidate pairs come
 * from an inverted index of names, so documents with no name in common are never compared.
 */
export function clusterEvents(documents: EventDocument[], options: EventClusterOptions = {}): string[][] {
  const windowMs = (options.windowDays ?? 7) * 86_400_000;
  const minOverlap = options.minOverlap ?? 0.3;
  const minShared = options.minShared ?? 3;
  const keys = documents.map((d) => nameKeys(d.text));
  const times = documents.map((d) => (d.publishedAt ? Date.parse(d.publishedAt) : Number.NaN));
  const index = new Map<string, number[]>();
  keys.forEach((set, i) => {
    for (const key of set) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  // Names carried by nearly every document (the protagonist) still count, but very common ones in a
  // large batch are skipped as blocking keys to keep the candidate set near-linear.
  const maxPosting = Math.max(50, Math.ceil(documents.length * 0.5));
  const shared = new Map<number, number>();
  for (const postings of index.values()) {
    if (postings.length > maxPosting) continue;
    for (let x = 0; x < postings.length; x++) {
      for (let y = x + 1; y < postings.length; y++) {
        const a = postings[x] as number;
        const b = postings[y] as number;
        const pair = a * documents.length + b;
        shared.set(pair, (shared.get(pair) ?? 0) + 1);
      }
    }
  }
  const uf = new UnionFind(documents.length);
  for (const [pair, count] of shared) {
    const a = Math.floor(pair / documents.length);
    const b = pair % documents.length;
    const ta = times[a] as number;
    const tb = times[b] as number;
    if (!Number.isNaN(ta) && !Number.isNaN(tb) && Math.abs(ta - tb) > windowMs) continue;
    const smaller = Math.min((keys[a] as Set<string>).size, (keys[b] as Set<string>).size);
    if (count >= minShared && count / smaller >= minOverlap) uf.union(a, b);
  }
  const groups = new Map<number, string[]>();
  documents.forEach((d, i) => {
    const root = uf.find(i);
    const group = groups.get(root);
    if (group) group.push(d.id);
    else groups.set(root, [d.id]);
  });
  return [...groups.values()];
}
