/**
 * MinHash signatures and banded locality-sensitive hashing: candidate pairs of similar sets without
 * comparing all pairs. Two sets with Jaccard similarity J share a band with probability
 * 1 − (1 − J^rows)^bands.
 */

/** FNV-1a over UTF-16 code units: a fast, stable 32-bit hash for shingles. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Bit mixer (murmur3 finaliser) so that the permuted hashes are independent of one another. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds: signatures must be the same on every run and every machine. */
const SEEDS = Array.from({ length: 256 }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2d)));

/** The MinHash signature of a set of 32-bit element hashes. An empty set gets all-max slots. */
export function minhashSignature(elements: Iterable<number>, size: number): Uint32Array {
  if (size > SEEDS.length) throw new RangeError(`at most ${SEEDS.length} hash functions`);
  const signature = new Uint32Array(size).fill(0xffffffff);
  for (const element of elements) {
    for (let i = 0; i < size; i++) {
      const h = mix(element ^ (SEEDS[i] as number));
      if (h < (signature[i] as number)) signature[i] = h;
    }
  }
  return signature;
}

export interface LshOptions {
  bands: number;
  rows: number;
  /**
   * Buckets holding more items than this are skipped: a band that many items share is a common
   * phrase or boilerplate, not a sign that those items are one another's copies or one event.
   */
  maxBucket: number;
}

/**
 * Candidate pairs (i < j) whose signatures agree on every row of at least one band, each reported
 * once, to `visit`. Signatures of empty sets (all slots max) are never candidates. In a bucket over
 * maxBucket, only items with identical whole signatures are paired, each with the previous one.
 */
export function lshCandidates(
  signatures: Uint32Array[],
  options: LshOptions,
  visit: (i: number, j: number) => void,
): void {
  const { bands, rows, maxBucket } = options;
  const n = signatures.length;
  const seen = new Set<number>();
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((sig, i) => {
      if (sig[0] === 0xffffffff) return;
      let key = '';
      for (let r = 0; r < rows; r++) key += `${(sig[band * rows + r] as number).toString(36)},`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      if (bucket.length > maxBucket) {
        // A band shared by too many items is boilerplate, except among items whose whole signatures
        // agree (the same text many times over: a manifest of copies): those are chained, one pair
        // per item, so that the same text groups alike at any batch size.
        const bySignature = new Map<string, number>();
        for (const i of bucket) {
          const key = (signatures[i] as Uint32Array).join(',');
          const previous = bySignature.get(key);
          bySignature.set(key, i);
          if (previous === undefined) continue;
          const pair = previous * n + i;
          if (seen.has(pair)) continue;
          seen.add(pair);
          visit(previous, i);
        }
        continue;
      }
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const i = bucket[x] as number;
          const j = bucket[y] as number;
          const pair = i * n + j;
          if (seen.has(pair)) continue;
          seen.add(pair);
          visit(i, j);
        }
      }
    }
  }
}
