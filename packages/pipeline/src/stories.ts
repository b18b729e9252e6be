import { type Event, InputError, type Report, SCHEMA_VERSION, type StoryChanges } from '@parallax/core';
import type { Store, StoryVersion } from '@parallax/store';
import { storyChanges } from './corpus';

/**
 * The version of a story an analyst last looked at: a version number, or an instant (the latest
 * version generated at or before it; none when the story is younger).
 */
function versionAt(versions: readonly StoryVersion[], since: string): StoryVersion | null {
  if (/^\d+$/.test(since)) {
    const n = Number(since);
    const found = versions.find((v) => v.version === n);
    if (!found) {
      throw new InputError(`the story has no version ${n} (versions 1–${versions.length})`);
    }
    return found;
  }
  const t = Date.parse(since);
  if (Number.isNaN(t)) throw new InputError(`--since takes a version number or an ISO date, not "${since}"`);
  return versions.filter((v) => Date.parse(v.generatedAt) <= t).at(-1) ?? null;
}

/**
 * A story's report: its current version as a one-event Report (generatedAt: when that version was
 * written). With `since`, the event carries `changes`: what is new since that version (or since the
 * story began, when it is younger than the instant given).
 */
export async function storyReport(
  store: Pick<Store, 'storyVersions'>,
  storyId: string,
  since?: string,
): Promise<{ report: Report; version: StoryVersion; changes?: StoryChanges }> {
  const versions = await store.storyVersions(storyId);
  const latest = versions.at(-1);
  if (!latest) throw new InputError(`no story ${storyId} in the store (see parallax stories)`);
  let event: Event = latest.event;
  let changes: StoryChanges | undefined;
  if (since !== undefined) {
    const from = versionAt(versions, since);
    changes = storyChanges(
      storyId,
      latest.version,
      latest.event,
      from,
      latest.generatedAt,
      versions.filter((v) => v.version > (from?.version ?? 0)).flatMap((v) => v.changes.merged),
    );
    event = { ...event, changes };
  }
  const report: Report = { schemaVersion: SCHEMA_VERSION, generatedAt: latest.generatedAt, events: [event] };
  return { report, version: latest, ...(changes ? { changes } : {}) };
}

/** One line of the changes feed: a story version's changes, with the story's title. */
export type ChangeLine = StoryChanges & { title: string; current: boolean };

/** The changes feed: every story version generated after `since`, oldest first, as JSON-ready lines. */
export async function changesSince(
  store: Pick<Store, 'storyVersionsSince'>,
  since: string,
  limit?: number,
): Promise<ChangeLine[]> {
  const versions = await store.storyVersionsSince(since, limit);
  return versions.map((v) => ({ ...v.changes, title: v.event.title, current: v.current }));
}
