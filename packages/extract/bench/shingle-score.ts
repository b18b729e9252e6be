/**
 * The article-extraction benchmark's metric (Zyte's article-extraction-benchmark): texts become
 * multisets of consecutive 4-token shingles; precision and recall are averaged over pages, and F1
 * is the harmonic mean of the two averages.
 */

/**
 * Runs of word characters exactly as the benchmark's Python scorer finds them with `re.findall(r'\w+')`:
 * letters, numbers and underscore. Python's `\w` excludes combining marks (they are not
 * alphanumeric), and that matters: with marks counted, trafilatura's published output scores
 * 0.95749 (0.957) instead of the published 0.958; without them, 0.95750.
 */
const WORD_RUN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(WORD_RUN) ?? [];
}

/** Consecutive n-token shingles with their counts; 1 to n-1 tokens make one shingle, none make none. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last && tokens.length > 0; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Shingles in both texts (by multiplicity), only predicted, only expected. */
export function pageCounts(expected: string, predicted: string): PageCounts {
  const truth = shingles(expected);
  const guess = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, g] of guess) {
    const t = truth.get(key) ?? 0;
    tp += Math.min(g, t);
    fp += Math.max(0, g - t);
  }
  for (const [key, t] of truth) fn += Math.max(0, t - (guess.get(key) ?? 0));
  return { tp, fp, fn };
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** Mean precision over pages that predicted something, mean recall over pages that expected something. */
export function scorePages(pages: readonly PageCounts[]): Score {
  let precisionSum = 0;
  let precisionPages = 0;
  let recallSum = 0;
  let recallPages = 0;
  for (const { tp, fp, fn } of pages) {
    if (tp + fp > 0) {
      precisionSum += tp / (tp + fp);
      precisionPages++;
    }
    if (tp + fn > 0) {
      recallSum += tp / (tp + fn);
      recallPages++;
    }
  }
  const precision = precisionPages ? precisionSum / precisionPages : 0;
  const recall = recallPages ? recallSum / recallPages : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: pages.length };
}
