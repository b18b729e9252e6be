import { nameKeys } from '@parallax/align';
import type { DocumentRef } from '@parallax/core';
import { contentStems } from '@parallax/normalize';
import type { ProcessedDocument } from './stages';

const DAY = 86_400_000;

/** The publication time, NaN when undated (an undated page can join any story). */
function timeOf(ref: Pick<DocumentRef, 'publishedAt'>): number {
  return ref.publishedAt ? Date.parse(ref.publishedAt) : Number.NaN;
}

/**
 * The stored documents published close enough to one of the new ones to share an event with it:
 * groupEvents never puts two documents further apart than its window (7 days) in one cluster, so a
 * stored page outside every new page's window can only be reached through its story, which the
 * caller rebuilds whole. Undated pages on either side pass. Pure; reads refs only, no text.
 */
export function withinWindow(
  fresh: readonly Pick<DocumentRef, 'publishedAt'>[],
  stored: readonly DocumentRef[],
  windowDays = 7,
): DocumentRef[] {
  const times = fresh.map(timeOf);
  if (times.some(Number.isNaN)) return [...stored];
  const sorted = times.sort((a, b) => a - b);
  const window = windowDays * DAY;
  return stored.filter((ref) => {
    const t = timeOf(ref);
    if (Number.isNaN(t)) return true;
    // Nearest new time by binary search.
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    const near = [sorted[lo], sorted[lo - 1]].filter((x): x is number => x !== undefined);
    return near.some((x) => Math.abs(x - t) <= window);
  });
}

/**
 * The keys a document can share with another of its event: its names (align's script-neutral
 * nameKeys), its numbers, and the words of its statements (a quote shared by two pages ties their
 * clusters into one story, whatever else they share).
 */
function keysOf(d: ProcessedDocument): Set<string> {
  const keys = new Set<string>();
  for (const k of nameKeys(d.article.text)) keys.add(`n:${k}`);
  for (const s of contentStems(d.article.text)) if (/^\d[\d,.]*$/.test(s)) keys.add(`#:${s}`);
  for (const st of d.statements) {
    const stems = contentStems(st.text).filter((s) => s.length > 3);
    // Adjacent stem pairs: one shared quote gives many, two unrelated statements rarely one.
    for (let i = 0; i + 1 < stems.length; i++) keys.add(`q:${stems[i]} ${stems[i + 1]}`);
  }
  return keys;
}

/**
 * The stored documents (already narrowed to the time window) that a new document could be grouped
 * with: those sharing at least `minShared` keys (names, numbers, statement word pairs) with one of
 * the new documents, keys found in more than `maxShare` of the window's pages left out (a word every
 * page has tells no event from another). Liberal on purpose: a false candidate costs a story's
 * rebuild, a missed one a story the compare would have changed. Pure.
 */
export function candidateDocuments(
  fresh: readonly ProcessedDocument[],
  stored: readonly ProcessedDocument[],
  options: { minShared?: number; maxShare?: number } = {},
): string[] {
  const minShared = options.minShared ?? 2;
  const maxPostings = Math.max(10, Math.ceil((options.maxShare ?? 0.05) * stored.length));
  const index = new Map<string, number[]>();
  stored.forEach((d, i) => {
    for (const key of keysOf(d)) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  const out = new Set<number>();
  for (const d of fresh) {
    const shared = new Map<number, number>();
    for (const key of keysOf(d)) {
      const postings = index.get(key);
      if (!postings || postings.length > maxPostings) continue;
      for (const i of postings) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    for (const [i, count] of shared) if (count >= minShared) out.add(i);
  }
  return [...out].sort((a, b) => a - b).map((i) => (stored[i] as ProcessedDocument).ref.id);
}
