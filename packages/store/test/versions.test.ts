import { gunzipSync } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/index';
import { articleHtml, snapshotOf } from './fixtures';
import { openRaw, storeError } from './helpers';

let db: PGlite;
let store: Store;

beforeAll(async () => {
  ({ db, store } = await openRaw());
});

afterAll(async () => {
  await store.close();
});

const URL_A = 'https://montsame.mn/en/read/349581';

describe('compressed snapshots', () => {
  it('stores the body gzip-compressed and smaller, and reads back the exact bytes', async () => {
    const { snapshot, body } = snapshotOf(articleHtml(), URL_A);
    await store.saveSnapshot(snapshot, body);
    const { rows } = await db.query<{ body: Uint8Array; body_encoding: string }>(
      'SELECT body, body_encoding FROM snapshots WHERE sha256 = $1',
      [snapshot.sha256],
    );
    expect(rows[0]?.body_encoding).toBe('gzip');
    expect(rows[0]?.body.byteLength).toBeLessThan(body.byteLength);
    expect(Buffer.from(gunzipSync(rows[0]?.body as Uint8Array)).equals(Buffer.from(body))).toBe(true);
    const got = await store.getSnapshot(snapshot.sha256);
    expect(Buffer.from(got?.body ?? []).equals(Buffer.from(body))).toBe(true);
  });

  it('reads a body that no longer decompresses as a non-retryable StoreError', async () => {
    const { snapshot, body } = snapshotOf(`${articleHtml()}<!-- damaged -->`, URL_A);
    await store.saveSnapshot(snapshot, body);
    await db.query('UPDATE snapshots SET body = $2 WHERE sha256 = $1', [
      snapshot.sha256,
      new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x01]),
    ]);
    const error = await storeError(store.getSnapshot(snapshot.sha256));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/does not decompress/);
  });
});

describe('versions of one URL', () => {
  it('a re-fetch with unchanged content adds no version; changed content adds one, in fetch order', async () => {
    const url = 'https://www.president.mn/en/2024/09/03/state-visit';
    // Snapshots are keyed by the body's hash, so this page's bodies must differ from other tests' ones.
    const page = articleHtml().replace('<h1>', '<p class="kicker">State visit</p><h1>');
    const first = snapshotOf(page, url);
    await store.saveSnapshot(first.snapshot, first.body);
    // Same bytes fetched an hour later: same sha256, so no new version.
    await store.saveSnapshot({ ...first.snapshot, fetchedAt: '2024-09-03T02:14:05.123Z' }, first.body);
    const edited = snapshotOf(
      page.replace('</article>', '<p>Updated with the joint statement.</p></article>'),
      url,
    );
    const later = { ...edited.snapshot, fetchedAt: '2024-09-04T08:00:00.000Z' };
    await store.saveSnapshot(later, edited.body);
    const other = snapshotOf(articleHtml(), 'https://www.president.mn/en/2024/09/04/other');
    await store.saveSnapshot(other.snapshot, other.body);

    const versions = await store.listSnapshotVersions(url);
    expect(versions.map((v) => v.sha256)).toEqual([first.snapshot.sha256, edited.snapshot.sha256]);
    expect(versions[1]).toEqual(later);
    expect(await store.listSnapshotVersions('https://www.president.mn/never-fetched')).toEqual([]);
  });
});

describe('named runs', () => {
  it('starting a run by id twice gives the same run, still running', async () => {
    const first = await store.startRun('run_scheduled-president-mn-1725321600000');
    const again = await store.startRun('run_scheduled-president-mn-1725321600000');
    expect(again).toEqual(first);
    expect(first.status).toBe('running');
    await store.finishRun(first.id, { status: 'succeeded' });
    expect((await store.startRun(first.id)).status).toBe('succeeded');
  });

  it('refuses an empty run id', async () => {
    expect((await storeError(store.startRun(' '))).retryable).toBe(false);
  });
});
