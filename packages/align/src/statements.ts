import type { SourceKind, Statement } from '@parallax/core';
import {
  type CanonicalSpeaker,
  canonicalSpeaker,
  contentStems,
  numbersIn,
  sameSpeaker,
} from '@parallax/normalize';

export interface AlignDocument {
  id: string;
  kind: SourceKind;
  lang: string;
  statements: Statement[];
}

export interface AlignedRendition {
  documentId: string;
  documentKind: SourceKind;
  lang: string;
  statement: Statement;
  speaker: CanonicalSpeaker | null;
}

export interface StatementGroup {
  renditions: AlignedRendition[];
  /** Index into renditions of the reference every other rendition is compared against. */
  reference: number;
}

export interface AlignOptions {
  /** Share of the smaller statement's content words the two must share when speakers agree. Default 0.5. */
  minContainment?: number;
  /** The same when the speakers differ (a misattribution needs stronger textual evidence). Default 0.75. */
  minContainmentOtherSpeaker?: number;
  /** Minimum content words in common. Default 3. */
  minShared?: number;
}

interface Prepared extends AlignedRendition {
  stems: Set<string>;
  numbers: Set<string>;
}

const KIND_RANK: Record<Statement['kind'], number> = { direct: 0, partial: 1, indirect: 2 };

/**
 * Which of two statements is the better reference: a primary source's own words (an official
 * document) first, then a direct quotation over a partial one over reported speech, English (the
 * language most coverage is compared in) and finally the fuller text.
 */
function compareAuthority(a: AlignedRendition, b: AlignedRendition): number {
  return (
    (a.documentKind === 'official' ? 0 : 1) - (b.documentKind === 'official' ? 0 : 1) ||
    KIND_RANK[a.statement.kind] - KIND_RANK[b.statement.kind] ||
    (a.lang === 'en' ? 0 : 1) - (b.lang === 'en' ? 0 : 1) ||
    b.statement.end - b.statement.start - (a.statement.end - a.statement.start) ||
    a.statement.start - b.statement.start
  );
}

/** Numbers that identify content, not calendar years. */
function salientNumbers(text: string): Set<string> {
  return new Set(numbersIn(text).filter((n) => n.length >= 2 && !/^(19|20)\d\d$/.test(n)));
}

/**
 * Lines up the same statement across documents. Within a language, two statements are the same when
 * they share enough content words (containment of the smaller, so a partial quote meets the full
 * sentence it was cut from), with a higher bar when their speakers differ. Across languages, they
 * are the same when the speakers agree and they carry the same figures.
 */
export function alignStatements(documents: AlignDocument[], options: AlignOptions = {}): StatementGroup[] {
  const minContainment = options.minContainment ?? 0.5;
  const minOther = options.minContainmentOtherSpeaker ?? 0.75;
  const minShared = options.minShared ?? 3;
  const items: Prepared[] = documents.flatMap((doc) =>
    doc.statements.map((statement) => {
      const label = statement.resolvedSpeaker ?? statement.speaker;
      return {
        documentId: doc.id,
        documentKind: doc.kind,
        lang: statement.lang || doc.lang,
        statement,
        speaker: label ? canonicalSpeaker(label) : null,
        stems: new Set(contentStems(statement.text)),
        numbers: salientNumbers(statement.text),
      };
    }),
  );

  // Candidate pairs from an inverted index over content stems and numbers.
  const index = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const key of [...item.stems, ...[...item.numbers].map((n) => `#${n}`)]) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  const shared = new Map<number, number>();
  const n = items.length;
  for (const postings of index.values()) {
    if (postings.length > 200) continue; // a word in hundreds of statements identifies none of them
    for (let x = 0; x < postings.length; x++) {
      for (let y = x + 1; y < postings.length; y++) {
        const a = postings[x] as number;
        const b = postings[y] as number;
        if ((items[a] as Prepared).documentId === (items[b] as Prepared).documentId) continue;
        const pair = a * n + b;
        shared.set(pair, (shared.get(pair) ?? 0) + 1);
      }
    }
  }

  const linked = new Map<number, Array<{ other: number; score: number }>>();
  const link = (x: number, y: number, score: number) => {
    const list = linked.get(x);
    if (list) list.push({ other: y, score });
    else linked.set(x, [{ other: y, score }]);
  };
  for (const pair of shared.keys()) {
    const x = Math.floor(pair / n);
    const y = pair % n;
    const a = items[x] as Prepared;
    const b = items[y] as Prepared;
    const speakersKnown = a.speaker !== null && b.speaker !== null;
    const agree = speakersKnown && sameSpeaker(a.speaker as CanonicalSpeaker, b.speaker as CanonicalSpeaker);
    let score = 0;
    if (a.lang !== b.lang) {
      // Across languages only the speaker and the figures can vouch; rank below any same-language match.
      if (agree && [...a.numbers].some((v) => b.numbers.has(v))) score = 0.01;
    } else {
      let common = 0;
      for (const stem of a.stems) if (b.stems.has(stem)) common++;
      const smaller = Math.min(a.stems.size, b.stems.size);
      const bar = speakersKnown && !agree ? minOther : minContainment;
      const containment = smaller > 0 ? common / smaller : 0;
      if (common >= Math.min(minShared, smaller) && containment >= bar) score = containment;
    }
    if (score > 0) {
      link(x, y, score);
      link(y, x, score);
    }
  }

  // Each statement points to the most similar statement that is a better reference than itself (an
  // official document's words, a direct quotation, a fuller text); a group is a reference with all
  // that point to it, directly or through others. Pointers only ever go up the authority order, so
  // there are no cycles, and a statement joins the sentence it matches best rather than the first
  // sentence that shares a few words with it.
  const parent = items.map((item, i) => {
    let best = -1;
    let bestScore = 0;
    for (const { other, score } of linked.get(i) ?? []) {
      const candidate = items[other] as Prepared;
      if (candidate.documentId === item.documentId || compareAuthority(candidate, item) >= 0) continue;
      if (
        score > bestScore ||
        (score === bestScore && best >= 0 && compareAuthority(candidate, items[best] as Prepared) < 0)
      ) {
        best = other;
        bestScore = score;
      }
    }
    return best;
  });
  const rootOf = (i: number): number => {
    let r = i;
    while ((parent[r] as number) >= 0) r = parent[r] as number;
    return r;
  };
  const members = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = rootOf(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });
  return [...members.entries()].map(([root, list]) => ({
    renditions: list.map((i) => {
      const { stems: _s, numbers: _n, ...rendition } = items[i] as Prepared;
      return rendition;
    }),
    reference: list.indexOf(root),
  }));
}
