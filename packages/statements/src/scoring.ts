import type { StatementKind } from '@parallax/core';
import { canonicalSpeaker, foldDiacritics, sameSpeaker, transliterate } from '@parallax/normalize';

/**
 * The gold format of the statements dev set (test/statements-devset/gold/*.json): a document's text
 * file and the statements a human annotated in it, as character offsets into that text.
 */
export interface GoldStatement {
  start: number;
  end: number;
  kind: StatementKind;
  /** The speaker as the annotator identified them (fullest name the document gives), or null. */
  speaker: string | null;
  /** The annotated words, equal to the document text between start and end. */
  text?: string;
}

export interface GoldDocument {
  id: string;
  /** Path of the plain-text document, relative to the gold file's folder's parent. */
  file: string;
  lang: string;
  split: 'dev' | 'test' | 'test2' | 'test3' | 'test4' | 'test5' | 'test6' | 'test7';
  genre?: string;
  publishedAt?: string;
  statements: GoldStatement[];
}

/** What the scorer reads from a predicted statement. */
export interface ScoredPrediction {
  start: number;
  end: number;
  speaker: string | null;
  resolvedSpeaker?: string | null;
  /** The verbatim spans inside the content (a split quotation's parts, a partial quote's fragments). */
  quoted?: ReadonlyArray<{ start: number; end: number }>;
}

export interface Tally {
  gold: number;
  predicted: number;
  matched: number;
  /** Matched statements whose gold speaker is named in the text. */
  speakerGold: number;
  speakerCorrect: number;
}

export interface Scores extends Tally {
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
}

export const EMPTY_TALLY: Tally = { gold: 0, predicted: 0, matched: 0, speakerGold: 0, speakerCorrect: 0 };

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Two spans are the same statement when their overlap covers at least half of each (the issue's rule). */
export function spansMatch(
  a: { start: number; end: number },
  b: { start: number; end: number },
  minShare = 0.5,
): boolean {
  const shared = overlap(a, b);
  const aLength = a.end - a.start;
  const bLength = b.end - b.start;
  if (aLength <= 0 || bLength <= 0) return false;
  return shared / aLength >= minShare && shared / bLength >= minShare;
}

/**
 * One-to-one matching of gold to predicted spans: candidate pairs that pass `spansMatch`, taken in
 * order of decreasing overlap, each side used once. Returns [goldIndex, predictedIndex] pairs.
 */
export function matchSpans(
  gold: ReadonlyArray<{ start: number; end: number }>,
  predicted: ReadonlyArray<{ start: number; end: number }>,
): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      if (spansMatch(g, p)) candidates.push([gi, pi, overlap(g, p)]);
    });
  });
  candidates.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [gi, pi] of candidates) {
    if (usedGold.has(gi) || usedPredicted.has(pi)) continue;
    usedGold.add(gi);
    usedPredicted.add(pi);
    out.push([gi, pi]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * A label reduced for equality: script, case, articles and punctuation dropped, and Russian case
 * endings cut from each word, so a label as written in an oblique case ("по данным следствия")
 * equals the annotator's nominative ("следствие").
 */
function plain(label: string): string {
  return label
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/^(?:the|a|an)\s+/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) =>
      /\p{Script=Cyrillic}/u.test(w) && w.length > 4
        ? w.replace(/(?:ия|ие|ии|ого|ому|ым|ом|ой|ую|ая|ые|ых|а|у|е|ы|и|я|о)$/u, '')
        : w,
    )
    .map((w) => foldDiacritics(transliterate(w)))
    .join(' ');
}

/**
 * Whether a predicted speaker names the gold speaker. A gold person is matched only by a label naming
 * the same person (same surname, across scripts: Песков ~ Peskov); an organisation or role by a label
 * that the speaker canonicaliser takes for the same body (Ukraine's Foreign Ministry ~ Ministry of
 * Foreign Affairs of Ukraine). Titles around a name do not matter; a wrong or missing name does.
 */
export function speakerMatches(predicted: string | null | undefined, gold: string): boolean {
  if (!predicted) return false;
  if (plain(predicted) === plain(gold)) return true;
  const p = canonicalSpeaker(predicted);
  const g = canonicalSpeaker(gold);
  if (g.person.length > 0 && p.person.length === 0) return false;
  return sameSpeaker(p, g);
}

/** Counts for one document: spans matched one-to-one, and speakers checked on matched spans. */
export function scoreDocument(gold: GoldDocument, predicted: ReadonlyArray<ScoredPrediction>): Tally {
  // The dev set annotates one statement per quotation and a partial quote by its fragment; a
  // statement is one attribution (PARC): its content span and each of its quoted spans may each
  // answer one gold statement. A statement answering k gold statements counts as k predictions.
  const units: Array<{ start: number; end: number; owner: number }> = [];
  predicted.forEach((p, i) => {
    units.push({ start: p.start, end: p.end, owner: i });
    for (const q of p.quoted ?? [])
      if (q.start !== p.start || q.end !== p.end) units.push({ start: q.start, end: q.end, owner: i });
  });
  const pairs = matchSpans(gold.statements, units);
  const answered = new Map<number, number>();
  let speakerGold = 0;
  let speakerCorrect = 0;
  for (const [gi, ui] of pairs) {
    const pi = (units[ui] as { owner: number }).owner;
    answered.set(pi, (answered.get(pi) ?? 0) + 1);
    const g = gold.statements[gi] as GoldStatement;
    if (g.speaker === null) continue;
    speakerGold++;
    const p = predicted[pi] as ScoredPrediction;
    if (speakerMatches(p.resolvedSpeaker ?? p.speaker, g.speaker)) speakerCorrect++;
  }
  let extra = 0;
  for (const n of answered.values()) extra += n - 1;
  return {
    gold: gold.statements.length,
    predicted: predicted.length + extra,
    matched: pairs.length,
    speakerGold,
    speakerCorrect,
  };
}

export function addTallies(a: Tally, b: Tally): Tally {
  return {
    gold: a.gold + b.gold,
    predicted: a.predicted + b.predicted,
    matched: a.matched + b.matched,
    speakerGold: a.speakerGold + b.speakerGold,
    speakerCorrect: a.speakerCorrect + b.speakerCorrect,
  };
}

export function scoresOf(t: Tally): Scores {
  const precision = t.predicted === 0 ? 0 : t.matched / t.predicted;
  const recall = t.gold === 0 ? 0 : t.matched / t.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const speakerAccuracy = t.speakerGold === 0 ? 0 : t.speakerCorrect / t.speakerGold;
  return { ...t, precision, recall, f1, speakerAccuracy };
}
