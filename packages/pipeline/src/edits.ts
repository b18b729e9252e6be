import { type ComparableRendition, compareRenditions } from '@parallax/compare';
import type { Edit, EditVersion, Fact, Statement } from '@parallax/core';
import { canonicalSpeaker } from '@parallax/normalize';
import type { DocumentVersion, Store } from '@parallax/store';
import { diffArrays } from 'diff';
import type { ProcessedDocument } from './stages';

/** A stored version of a page as the edit finder reads it: the document and when its snapshot was fetched. */
export interface PageVersion {
  document: ProcessedDocument;
  fetchedAt: string;
}

/** A stretch of the earlier text and the stretch of the later one it became (equal or changed). */
interface Hunk {
  equal: boolean;
  beforeStart: number;
  beforeEnd: number;
  afterStart: number;
  afterEnd: number;
}

const TOKEN = /\S+/g;

function tokens(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * The two texts aligned word by word (jsdiff, as renditions are): equal runs and the changed runs
 * between them, as character ranges of both texts, in order. Too many changes to diff within the
 * limits: the whole text is one changed hunk.
 */
function alignTexts(before: string, after: string): Hunk[] {
  const a = tokens(before);
  const b = tokens(after);
  const changes = diffArrays(
    a.map((t) => t.word),
    b.map((t) => t.word),
    { maxEditLength: 5_000, timeout: 2_000 },
  );
  if (!changes) {
    return [
      { equal: false, beforeStart: 0, beforeEnd: before.length, afterStart: 0, afterEnd: after.length },
    ];
  }
  // Runs as token index ranges first, consecutive changes merged into one.
  const runs: { equal: boolean; i0: number; i1: number; j0: number; j1: number }[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const n = change.count ?? change.value.length;
    const equal = !change.added && !change.removed;
    const last = runs[runs.length - 1];
    const run = !equal && last && !last.equal ? last : { equal, i0: i, i1: i, j0: j, j1: j };
    if (run !== last) runs.push(run);
    if (equal || change.removed) i += n;
    if (equal || change.added) j += n;
    run.i1 = i;
    run.j1 = j;
  }
  const range = (list: typeof a, k0: number, k1: number) => {
    if (k1 > k0) return [(list[k0] as { start: number }).start, (list[k1 - 1] as { end: number }).end];
    const at = k0 > 0 ? (list[k0 - 1] as { end: number }).end : 0;
    return [at, at];
  };
  return runs.map((r) => {
    const [beforeStart, beforeEnd] = range(a, r.i0, r.i1) as [number, number];
    const [afterStart, afterEnd] = range(b, r.j0, r.j1) as [number, number];
    return { equal: r.equal, beforeStart, beforeEnd, afterStart, afterEnd };
  });
}

/** Where an offset of the earlier text lands in the later one: exact inside equal runs, a changed run's edge inside it. */
function mapOffset(hunks: readonly Hunk[], offset: number, side: 'start' | 'end'): number {
  for (const h of hunks) {
    if (offset > h.beforeEnd || (offset === h.beforeEnd && side === 'start' && h.beforeStart < h.beforeEnd)) {
      continue;
    }
    if (offset < h.beforeStart) return h.afterStart;
    if (h.equal) return Math.min(h.afterEnd, h.afterStart + (offset - h.beforeStart));
    return side === 'start' ? h.afterStart : h.afterEnd;
  }
  const last = hunks[hunks.length - 1];
  return last ? last.afterEnd : 0;
}

/** True when no changed run touches [start, end) of the earlier text (or of the later one). */
function unchanged(
  hunks: readonly Hunk[],
  start: number,
  end: number,
  side: 'before' | 'after' = 'before',
): boolean {
  return hunks.every((h) => {
    if (h.equal) return true;
    const [h0, h1] = side === 'before' ? [h.beforeStart, h.beforeEnd] : [h.afterStart, h.afterEnd];
    if (h0 === h1) return h0 <= start || h0 >= end;
    return overlap(h0, h1, start, end) === 0;
  });
}

/** Where an offset of the later text stood in the earlier one (the inverse of mapOffset, roughly). */
function mapBack(hunks: readonly Hunk[], offset: number): number {
  for (const h of hunks) {
    if (offset > h.afterEnd) continue;
    if (offset < h.afterStart || !h.equal) return h.beforeStart;
    return Math.min(h.beforeEnd, h.beforeStart + (offset - h.afterStart));
  }
  const last = hunks[hunks.length - 1];
  return last ? last.beforeEnd : 0;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

function speakerOf(s: Statement): string | null {
  return s.resolvedSpeaker ?? s.speaker;
}

function comparable(doc: ProcessedDocument, s: Statement): ComparableRendition {
  const label = speakerOf(s);
  return {
    documentId: doc.ref.id,
    text: s.text,
    kind: s.kind,
    lang: doc.ref.lang,
    speakerLabel: label,
    writtenLabel: s.speaker,
    speaker: label ? canonicalSpeaker(label) : null,
    facts: doc.facts.filter((f) => f.start >= s.start && f.end <= s.end),
  };
}

function version(
  page: PageVersion,
  span: { text: string; start: number; end: number },
  extra: Pick<EditVersion, 'speakerLabel' | 'value'> = {},
): EditVersion {
  return {
    documentId: page.document.ref.id,
    snapshotSha256: page.document.ref.snapshotSha256,
    fetchedAt: page.fetchedAt,
    text: span.text,
    start: span.start,
    end: span.end,
    ...extra,
  };
}

function empty(at: number) {
  return { text: '', start: at, end: at };
}

/**
 * What changed in a page's statements and facts from one stored version to the next (a silent edit):
 * statements are matched by where they stand once the two texts are aligned word by word; a matched
 * pair whose words differ is a `quote` edit with the renditions' word diff (compare's, as between
 * sources), one given to another speaker a `speaker` edit, a fact whose value changed in place a
 * `figure` edit, and a statement on one side only `added` or `removed`. The same extracted text, or
 * changes outside every statement and fact, give none. Pure.
 */
export function findEdits(before: PageVersion, after: PageVersion): Edit[] {
  const a = before.document;
  const b = after.document;
  if (a.ref.id === b.ref.id || a.article.text === b.article.text) return [];
  const url = b.ref.url;
  const hunks = alignTexts(a.article.text, b.article.text);
  const edits: Edit[] = [];
  const paired = new Set<Statement>();
  for (const old of a.statements) {
    const start = mapOffset(hunks, old.start, 'start');
    const end = mapOffset(hunks, old.end, 'end');
    let best: Statement | undefined;
    let bestOverlap = 0;
    for (const s of b.statements) {
      if (paired.has(s)) continue;
      const o = overlap(start, end, s.start, s.end);
      if (o > bestOverlap) {
        best = s;
        bestOverlap = o;
      }
    }
    if (!best) {
      if (unchanged(hunks, old.start, old.end)) continue;
      edits.push({
        type: 'edit',
        change: 'removed',
        url,
        before: version(before, old, { speakerLabel: speakerOf(old) }),
        after: version(after, empty(start)),
        note: `the later version no longer carries ${speakerOf(old) ?? 'an unattributed'} statement “${old.text}”`,
      });
      continue;
    }
    paired.add(best);
    const divergences = compareRenditions(comparable(a, old), comparable(b, best));
    const textual = divergences.find((d) => d.type !== 'misattributed');
    const misattributed = divergences.some((d) => d.type === 'misattributed');
    const pair = {
      url,
      before: version(before, old, { speakerLabel: speakerOf(old) }),
      after: version(after, best, { speakerLabel: speakerOf(best) }),
    };
    if (textual && textual.type !== 'verbatim') {
      edits.push({
        type: 'edit',
        change: 'quote',
        ...pair,
        ...(textual.diff ? { diff: textual.diff } : {}),
        note: `the statement's words changed from the earlier version (a) to the later one (b), ${textual.type}: ${textual.note}`,
      });
    }
    const was = speakerOf(old);
    const now = speakerOf(best);
    if (misattributed || (was === null) !== (now === null)) {
      edits.push({
        type: 'edit',
        change: 'speaker',
        ...pair,
        note: `the statement was given to ${was ?? 'nobody'} and is now given to ${now ?? 'nobody'}`,
      });
    }
  }
  for (const s of b.statements) {
    if (paired.has(s)) continue;
    if (unchanged(hunks, s.start, s.end, 'after')) continue;
    edits.push({
      type: 'edit',
      change: 'added',
      url,
      before: version(before, empty(mapBack(hunks, s.start))),
      after: version(after, s, { speakerLabel: speakerOf(s) }),
      note: `the later version adds ${speakerOf(s) ?? 'an unattributed'} statement “${s.text}”`,
    });
  }
  edits.push(...figureEdits(before, after, hunks));
  return edits;
}

/** Facts whose value changed where they stand: the same kind of fact in the matching place of the later text. */
function figureEdits(before: PageVersion, after: PageVersion, hunks: readonly Hunk[]): Edit[] {
  const out: Edit[] = [];
  const later = after.document.facts;
  const used = new Set<Fact>();
  for (const fact of before.document.facts) {
    if (unchanged(hunks, fact.start, fact.end)) continue;
    const start = mapOffset(hunks, fact.start, 'start');
    const end = mapOffset(hunks, fact.end, 'end');
    const match = later.find(
      (f) =>
        !used.has(f) &&
        f.kind === fact.kind &&
        overlap(start, Math.max(end, start + 1), f.start, Math.max(f.end, f.start + 1)) > 0,
    );
    if (!match || match.value === fact.value) continue;
    used.add(match);
    out.push({
      type: 'edit',
      change: 'figure',
      url: after.document.ref.url,
      before: version(before, fact, { value: fact.value }),
      after: version(after, match, { value: match.value }),
      note: `${fact.kind} (${fact.subject}) changed from ${fact.text} to ${match.text} after publication`,
    });
  }
  return out;
}

/**
 * The silent edits of a run's documents: each one compared with the version of its page stored just
 * before it (by fetch time), when there is one with another document id. One query for the pages'
 * versions, one for every earlier version needed.
 */
export async function editsOfPages(
  store: Pick<Store, 'documentVersionsOf' | 'getDocuments'>,
  documents: readonly ProcessedDocument[],
): Promise<Edit[]> {
  const pairs: { previous: DocumentVersion; current: DocumentVersion; document: ProcessedDocument }[] = [];
  const byUrl = await store.documentVersionsOf(documents.map((d) => d.ref.url));
  for (const document of documents) {
    const versions = byUrl.get(document.ref.url) ?? [];
    const k = versions.findIndex((v) => v.documentId === document.ref.id);
    const current = versions[k];
    if (k < 1 || current === undefined) continue;
    const previous = versions
      .slice(0, k)
      .reverse()
      .find((v) => v.documentId !== document.ref.id && v.snapshotSha256 !== document.ref.snapshotSha256);
    if (previous) pairs.push({ previous, current, document });
  }
  if (pairs.length === 0) return [];
  const stored = new Map(
    (await store.getDocuments(pairs.map((p) => p.previous.documentId))).map((d) => [d.ref.id, d]),
  );
  return pairs.flatMap(({ previous, current, document }) => {
    const earlier = stored.get(previous.documentId);
    if (!earlier) return [];
    return findEdits(
      { document: earlier, fetchedAt: previous.fetchedAt },
      { document, fetchedAt: current.fetchedAt },
    );
  });
}
