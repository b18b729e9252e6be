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
import type { Store, StoryVersion, StoryVersionInput } from '@parallax/store';
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
  report: Report;
  reportId: string;
  /** The story versions this compare wrote. */
  stories: StoryVersionInput[];
  corpusVersion: number;
  /** How many documents were grouped and compared again (the rest kept their stories' versions). */
  recomputed: number;
}

/** Canonical order's key (see buildReport): publication time, undated last, then URL, then id. */
function canonicalKey(ref: DocumentRef): [number, string, string] {
  const t = ref.publishedAt ? Date.parse(ref.publishedAt) : Number.NaN;
  return [Number.isNaN(t) ? Number.POSITIVE_INFINITY : t, ref.url, ref.id];
}

function compareKeys(a: [number, string, string], b: [number, string, string]): number {
  const key = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return a[0] - b[0] || key(a[1], b[1]) || key(a[2], b[2]);
}

/** buildReport's order of events: by each one's first document in canonical order. */
function byFirstDocument(events: Event[]): Event[] {
  const first = new Map(
    events.map((e) => [e, e.documents.map(canonicalKey).sort(compareKeys)[0] ?? [0, '', e.id]] as const),
  );
  return [...events].sort((a, b) =>
    compareKeys(first.get(a) as [number, string, string], first.get(b) as [number, string, string]),
  );
}

/**
 * The part of the corpus a compare must group again: the run's documents, the stored documents they
 * could be grouped with (published within the event window and sharing names, numbers or quoted
 * words: see candidateDocuments), and every document of the stories those are in, or that hold a
 * page's superseded version. The other stories cannot change and keep their versions.
 */
async function affectedPart(
  store: Store,
  fresh: readonly ProcessedDocument[],
  currentIds: Set<string>,
  current: readonly StoryVersion[],
): Promise<{ documents: ProcessedDocument[]; stories: StoryVersion[] }> {
  const freshIds = new Set(fresh.map((d) => d.ref.id));
  const refs = (await store.listDocuments()).filter((r) => currentIds.has(r.id) && !freshIds.has(r.id));
  const windowed = await store.getDocuments(
    withinWindow(
      fresh.map((d) => d.ref),
      refs,
    ).map((r) => r.id),
  );
  const candidates = new Set(candidateDocuments(fresh, windowed));
  const stories = current.filter((s) =>
    s.documentIds.some((id) => freshIds.has(id) || candidates.has(id) || !currentIds.has(id)),
  );
  const wanted = new Set([...candidates, ...stories.flatMap((s) => s.documentIds)]);
  for (const id of freshIds) wanted.delete(id);
  const loaded = new Map(windowed.map((d) => [d.ref.id, d]));
  const missing = [...wanted].filter((id) => currentIds.has(id) && !loaded.has(id));
  for (const d of await store.getDocuments(missing)) loaded.set(d.ref.id, d);
  const documents = [...wanted].flatMap((id) => {
    const d = loaded.get(id);
    return d && currentIds.has(id) ? [d] : [];
  });
  return { documents: [...documents, ...fresh], stories };
}

/**
 * The compare of a scheduled run: the run's documents placed among every stored document (the latest
 * version of every page, of every source), stories grouped and compared — so the same documents give
 * the same stories whether they came in one run or in many — and a new version written for each story
 * that changed. Incremental: only the stories the run's documents can join are grouped and compared
 * again (see affectedPart); the others keep their current versions and stand in the corpus report as
 * stored. `full: true` groups the whole corpus again instead (the reference the incremental compare
 * is tested against). Silent edits of the run's pages join their stories (and stay on later
 * versions). Saved with optimistic versioning: when another compare saved first, the corpus is read
 * again (it now holds that compare's documents too) and compared again; a compare that dies before it
 * saves leaves every previous version as it was.
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
    const ids = await store.currentDocumentIds();
    // A page's later version supersedes its earlier: only the current versions are the corpus.
    const currentIds = new Set(ids);
    const fresh = options.documents.filter((d) => currentIds.has(d.ref.id));
    const current = await store.currentStories();
    let part: { documents: ProcessedDocument[]; stories: StoryVersion[] };
    if (options.full) {
      const given = new Set(fresh.map((d) => d.ref.id));
      const stored = await store.getDocuments(ids.filter((id) => !given.has(id)));
      part = { documents: [...stored, ...fresh], stories: [...current] };
    } else {
      part = await affectedPart(store, fresh, currentIds, current);
    }
    const carried = part.stories.flatMap((s) => s.event.edits ?? []);
    const known = new Set(runEdits.map(editKey));
    const edits = [...runEdits, ...carried.filter((e) => !known.has(editKey(e)))];
    const rebuilt = buildReport(part.documents, options.now, { edits });
    const kept = new Set(part.stories.map((s) => s.storyId));
    const untouched = current.filter((s) => !kept.has(s.storyId)).map((s) => s.event);
    const report: Report = { ...rebuilt, events: byFirstDocument([...untouched, ...rebuilt.events]) };
    const reportId = await store.saveReport(report);
    const generatedAt = report.generatedAt;
    const { stories, retired } = assignStories(rebuilt.events, part.stories, generatedAt);
    const saved = await store.saveStoryVersions({
      expectedCorpusVersion: corpusVersion,
      runId: options.runId,
      reportId,
      generatedAt,
      stories,
      retired,
    });
    if (saved)
      return {
        report,
        reportId,
        stories,
        corpusVersion: corpusVersion + 1,
        recomputed: part.documents.length,
      };
  }
  throw new ParallaxError(
    'PARALLAX_CORPUS_BUSY',
    `other compares kept saving the corpus first (${maxAttempts} attempts)`,
  );
}
