import { isDeepStrictEqual } from 'node:util';
import {
  contentId,
  type DocumentRef,
  type Edit,
  type Event,
  type FactConflict,
  ParallaxError,
  type Report,
  type StoryChanges,
} from '@parallax/core';
import type { PublicationSpan, Store, StoryVersion, StoryVersionInput } from '@parallax/store';
import { candidateDocuments, withinWindow } from './corpus-candidates';
import { editsOfPages } from './edits';
import { buildReport, type ProcessedDocument } from './stages';

const renditionKey = (r: { documentId: string; start: number; end: number }) =>
  `${r.documentId}:${r.start}:${r.end}`;
const divergenceKey = (d: { type: string; a: string; b: string; note: string }) =>
  `${d.type}|${d.a}|${d.b}|${d.note}`;
const conflictKey = (c: FactConflict) =>
  `${c.kind}|${c.subject}|${c.values
    .map((v) => `${v.documentId}:${v.start}:${v.value}`)
    .sort()
    .join(',')}`;
const editKey = (e: Edit) =>
  `${e.change}|${e.before.snapshotSha256}:${e.before.start}|${e.after.snapshotSha256}:${e.after.start}`;

/**
 * What `event` has that `previous` (an earlier version of the same story) does not: documents,
 * renditions, divergences, fact conflicts, edits. With no previous version everything is new. Pure.
 */
export function storyChanges(
  storyId: string,
  version: number,
  event: Event,
  previous: { version: number; event: Event } | null,
  generatedAt: string,
  merged: string[] = [],
): StoryChanges {
  const before = previous?.event;
  const docs = new Set(before?.documents.map((d) => d.id) ?? []);
  const renditions = new Set(before?.statements.flatMap((s) => s.renditions.map(renditionKey)) ?? []);
  const divergences = new Set(before?.statements.flatMap((s) => s.divergences.map(divergenceKey)) ?? []);
  const conflicts = new Set(before?.factConflicts.map(conflictKey) ?? []);
  const edits = new Set(before?.edits?.map(editKey) ?? []);
  return {
    storyId,
    version,
    since: previous?.version ?? null,
    generatedAt,
    documents: event.documents.map((d) => d.id).filter((id) => !docs.has(id)),
    renditions: event.statements.flatMap((s) =>
      s.renditions.filter((r) => !renditions.has(renditionKey(r))).map((r) => ({ ...r, statementId: s.id })),
    ),
    divergences: event.statements.flatMap((s) =>
      s.divergences
        .filter((d) => !divergences.has(divergenceKey(d)))
        .map((d) => ({ ...d, statementId: s.id })),
    ),
    factConflicts: event.factConflicts.filter((c) => !conflicts.has(conflictKey(c))),
    edits: (event.edits ?? []).filter((e) => !edits.has(editKey(e))),
    merged,
  };
}

function hasChanges(c: StoryChanges): boolean {
  return (
    c.documents.length +
      c.renditions.length +
      c.divergences.length +
      c.factConflicts.length +
      c.edits.length >
      0 || c.merged.length > 0
  );
}

/** The same event, whatever the order of keys (a stored event comes back from jsonb). */
function sameEvent(a: Event, b: Event): boolean {
  return isDeepStrictEqual(a, b);
}

/**
 * The corpus report's events as story versions: each event continues the current story that shares
 * the most of its documents (ties: the older story id), else starts a story named after its first
 * documents. An event the same as its story's current version writes nothing; a story whose documents
 * all went to others is retired (listed as merged into the one that took the most). Pure.
 */
export function assignStories(
  events: readonly Event[],
  current: readonly StoryVersion[],
  generatedAt: string,
): { stories: StoryVersionInput[]; retired: string[] } {
  const storyOf = new Map<string, StoryVersion>();
  for (const story of current) for (const id of story.documentIds) storyOf.set(id, story);
  const claimed = new Map<string, Event>();
  const assigned: { event: Event; story: StoryVersion | null }[] = [];
  // Larger events choose first, so a story split in two continues in its larger half.
  const order = [...events].sort((a, b) => b.documents.length - a.documents.length || (a.id < b.id ? -1 : 1));
  for (const event of order) {
    const counts = new Map<string, number>();
    for (const d of event.documents) {
      const s = storyOf.get(d.id);
      if (s) counts.set(s.storyId, (counts.get(s.storyId) ?? 0) + 1);
    }
    const best = [...counts]
      .filter(([id]) => !claimed.has(id))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    const story = best ? (current.find((s) => s.storyId === best[0]) ?? null) : null;
    if (story) claimed.set(story.storyId, event);
    assigned.push({ event, story });
  }
  const retired = current.filter((s) => !claimed.has(s.storyId)).map((s) => s.storyId);
  const mergedInto = new Map<string, string[]>();
  const stories: StoryVersionInput[] = [];
  for (const { event, story } of assigned) {
    const storyId = story?.storyId ?? contentId('story', ...event.documents.map((d) => d.id).sort());
    // The retired stories whose documents this event holds the most of.
    const merged = retired.filter((id) => {
      const old = current.find((s) => s.storyId === id);
      return old?.documentIds.some((d) => event.documents.some((e) => e.id === d));
    });
    if (merged.length) mergedInto.set(storyId, merged);
    if (story && sameEvent(story.event, event) && merged.length === 0) continue;
    const version = (story?.version ?? 0) + 1;
    const changes = storyChanges(storyId, version, event, story, generatedAt, merged);
    if (story && !hasChanges(changes) && sameEvent(story.event, event)) continue;
    stories.push({ storyId, version, documentIds: event.documents.map((d) => d.id), event, changes });
  }
  return { stories, retired };
}

export interface CorpusCompareResult {
  /** The corpus report's id: read it whole with store.getReport (every story's current version). */
  reportId: string;
  /** How many events (stories) the corpus report holds. */
  events: number;
  /** The part of the corpus this compare grouped again, as a report (the rest kept their versions). */
  rebuilt: Report;
  /** The story versions this compare wrote. */
  stories: StoryVersionInput[];
  corpusVersion: number;
  /** How many documents were grouped and compared again (the rest kept their stories' versions). */
  recomputed: number;
}

/** groupEvents' window: it never puts two documents further apart than this in one cluster. */
const WINDOW_DAYS = 7;
const DAY = 86_400_000;
/** Spans are read a second wider each side (timestamptz rounding); withinWindow then decides exactly. */
const SLACK = 1000;

/**
 * The spans of publication time a stored document must fall in to share a window with one of the
 * new ones (overlapping windows merged), or null when a new one is undated (it can join any story).
 */
export function windowSpans(
  fresh: readonly Pick<DocumentRef, 'publishedAt'>[],
  windowDays = WINDOW_DAYS,
): PublicationSpan[] | null {
  const times = fresh.map((r) => (r.publishedAt ? Date.parse(r.publishedAt) : Number.NaN));
  if (times.some(Number.isNaN)) return null;
  const reach = windowDays * DAY + SLACK;
  const spans: { from: number; to: number }[] = [];
  for (const t of times.sort((a, b) => a - b)) {
    const last = spans.at(-1);
    if (last && t - reach <= last.to) last.to = t + reach;
    else spans.push({ from: t - reach, to: t + reach });
  }
  return spans.map((x) => ({ from: new Date(x.from).toISOString(), to: new Date(x.to).toISOString() }));
}

/** The current stored documents (not the new ones) published close enough to a new one to share its event. */
async function storedNear(store: Store, fresh: readonly ProcessedDocument[]): Promise<ProcessedDocument[]> {
  const freshIds = new Set(fresh.map((d) => d.ref.id));
  const spans = windowSpans(fresh.map((d) => d.ref));
  const ids =
    spans === null
      ? await store.currentDocumentIds()
      : withinWindow(
          fresh.map((d) => d.ref),
          await store.currentDocumentsPublishedIn(spans),
        ).map((r) => r.id);
  return store.getDocuments(ids.filter((id) => !freshIds.has(id)));
}

/** The earlier stored versions of the new documents' pages: their stories must give them up. */
async function supersededVersions(store: Store, fresh: readonly ProcessedDocument[]): Promise<string[]> {
  const freshIds = new Set(fresh.map((d) => d.ref.id));
  const byUrl = await store.documentVersionsOf(fresh.map((d) => d.ref.url));
  return [...byUrl.values()].flat().flatMap((v) => (freshIds.has(v.documentId) ? [] : [v.documentId]));
}

interface CorpusPart {
  documents: ProcessedDocument[];
  stories: StoryVersion[];
}

/**
 * The part of the corpus a compare must group again: the run's documents, the stored documents they
 * could be grouped with (published within the event window and sharing names, numbers or quoted
 * words: see candidateDocuments), and every current document of the stories those are in, or that
 * hold a page's superseded version. The other stories cannot change and keep their versions. Reads
 * by index only what the run's documents reach: the window, the stories holding those documents.
 */
async function affectedPart(store: Store, fresh: readonly ProcessedDocument[]): Promise<CorpusPart> {
  const freshIds = new Set(fresh.map((d) => d.ref.id));
  const windowed = await storedNear(store, fresh);
  const candidates = candidateDocuments(fresh, windowed);
  const stories = await store.currentStoriesOf([
    ...freshIds,
    ...candidates,
    ...(await supersededVersions(store, fresh)),
  ]);
  const wanted = new Set([...candidates, ...stories.flatMap((s) => s.documentIds)]);
  for (const id of freshIds) wanted.delete(id);
  const loaded = new Map(windowed.map((d) => [d.ref.id, d]));
  const others = await store.currentAmong([...wanted].filter((id) => !loaded.has(id)));
  for (const d of await store.getDocuments(others)) loaded.set(d.ref.id, d);
  const documents = [...wanted].flatMap((id) => loaded.get(id) ?? []);
  return { documents: [...documents, ...fresh], stories };
}

/** The whole corpus, every story of it: the reference the incremental compare is tested against. */
async function wholeCorpus(store: Store, fresh: readonly ProcessedDocument[]): Promise<CorpusPart> {
  const given = new Set(fresh.map((d) => d.ref.id));
  const ids = await store.currentDocumentIds();
  const stored = await store.getDocuments(ids.filter((id) => !given.has(id)));
  return { documents: [...stored, ...fresh], stories: await store.currentStories() };
}

/** The run's documents that are the current version of their page (a later fetch supersedes them). */
async function currentOf(
  store: Store,
  documents: readonly ProcessedDocument[],
): Promise<ProcessedDocument[]> {
  const current = new Set(await store.currentAmong(documents.map((d) => d.ref.id)));
  return documents.filter((d) => current.has(d.ref.id));
}

/**
 * The compare of a scheduled run: the run's documents placed among every stored document (the latest
 * version of every page, of every source), stories grouped and compared — so the same documents give
 * the same stories whether they came in one run or in many — and a new version written for each story
 * that changed. Incremental: only the stories the run's documents can join are read, grouped and
 * compared again (see affectedPart); the others keep their current versions. The corpus report is
 * saved as a reference to the story versions current after the save (store.getReport reads it whole),
 * so a compare reads and writes what its documents reach, not the corpus. `full: true` groups the
 * whole corpus again instead (the reference the incremental compare is tested against). Silent edits
 * of the run's pages join their stories (and stay on later versions). Saved with optimistic
 * versioning: when another compare saved first, the corpus is read again (it now holds that compare's
 * documents too) and compared again; a compare that dies before it saves leaves every previous
 * version as it was.
 */
export async function compareWithCorpus(
  store: Store,
  options: {
    runId: string | null;
    /** The run's documents as extracted (the rest of the corpus is read from the store). */
    documents: readonly ProcessedDocument[];
    now: Date;
    maxAttempts?: number;
    full?: boolean;
  },
): Promise<CorpusCompareResult> {
  const runEdits = await editsOfPages(store, options.documents);
  const maxAttempts = options.maxAttempts ?? 8;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const corpusVersion = await store.corpusVersion();
    // A page's later version supersedes its earlier: only the current versions are the corpus.
    const fresh = await currentOf(store, options.documents);
    const part = options.full ? await wholeCorpus(store, fresh) : await affectedPart(store, fresh);
    const carried = part.stories.flatMap((s) => s.event.edits ?? []);
    const known = new Set(runEdits.map(editKey));
    const edits = [...runEdits, ...carried.filter((e) => !known.has(editKey(e)))];
    const rebuilt = buildReport(part.documents, options.now, { edits });
    const generatedAt = rebuilt.generatedAt;
    const { stories, retired } = assignStories(rebuilt.events, part.stories, generatedAt);
    const saved = await store.saveStoryVersions({
      expectedCorpusVersion: corpusVersion,
      runId: options.runId,
      generatedAt,
      stories,
      retired,
    });
    if (saved)
      return {
        reportId: saved.reportId,
        events: saved.events,
        rebuilt,
        stories,
        corpusVersion: saved.corpusVersion,
        recomputed: part.documents.length,
      };
  }
  throw new ParallaxError(
    'PARALLAX_CORPUS_BUSY',
    `other compares kept saving the corpus first (${maxAttempts} attempts)`,
  );
}

/** The corpus report a compare saved, read whole: every story's version current at that save. */
export async function corpusReport(store: Pick<Store, 'getReport'>, reportId: string): Promise<Report> {
  const report = await store.getReport(reportId);
  if (report === null) {
    throw new ParallaxError('PARALLAX_REPORT_MISSING', `corpus report ${reportId} is not in the store`);
  }
  return report;
}
