import type { SourceKind, Statement } from '@parallax/core';
import { type CanonicalSpeaker, canonicalSpeaker, contentStems, numbersIn, sameSpeaker } from '@parallax/normalize';
import { UnionFind } from './events';

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
 * The statement every rendition is compared against: a primary source's own words when an official
 * document carries it, otherwise the fullest direct quotation.
 */
function chooseReference(renditions: AlignedRendition[]): number {
  let best = 0;
  const score = (r: AlignedRendition) => [
    r.documentKind === 'official' ? 0 : 1,
    KIND_RANK[r.statement.kind],
    r.lang === 'en' ? 0 : 1,
    -(r.statement.end - r.statement.start),
  ];
  renditions.forEach((r, i) => {
    const a = score(r);
    const b = score(renditions[best] as AlignedRendition);
    for (let k = 0; k < a.length; k++) {
      if ((a[k] as number) < (b[k] as number)) {
        best = i;
        break;
      }
      if ((a[k] as number) > (b[k] as number)) break;
    }
  });
  return best;
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

  const uf = new UnionFind(n);
  for (const pair of shared.keys()) {
    const a = items[Math.floor(pair / n)] as Prepared;
    const b = items[pair % n] as Prepared;
    const speakersKnown = a.speaker !== null && b.speaker !== null;
    const agree = speakersKnown && sameSpeaker(a.speaker as CanonicalSpeaker, b.speaker as CanonicalSpeaker);
    if (a.lang !== b.lang) {
      const common = [...a.numbers].filter((x) => b.numbers.has(x));
      if (agree && common.length > 0) uf.union(Math.floor(pair / n), pair % n);
      continue;
    }
    let common = 0;
    for (const s of a.stems) if (b.stems.has(s)) common++;
    const smaller = Math.min(a.stems.size, b.stems.size);
    if (smaller === 0 || common < Math.min(minShared, smaller)) continue;
    const containment = common / smaller;
    const bar = speakersKnown && !agree ? minOther : minContainment;
    if (containment >= bar) uf.union(Math.floor(pair / n), pair % n);
  }

  const groups = new Map<number, AlignedRendition[]>();
  items.forEach((item, i) => {
    const { stems: _s, numbers: _n, ...rendition } = item;
    const root = uf.find(i);
    const group = groups.get(root);
    if (group) group.push(rendition);
    else groups.set(root, [rendition]);
  });
  return [...groups.values()].map((renditions) => ({ renditions, reference: chooseReference(renditions) }));
}
