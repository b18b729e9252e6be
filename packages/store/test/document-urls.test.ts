import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/index';
import { articleHtml, buildDocument, snapshotOf } from './fixtures';
import { openRaw, storeError } from './helpers';

let store: Store;

beforeAll(async () => {
  ({ store } = await openRaw());
});
afterAll(async () => {
  await store.close();
});

describe('storedDocumentUrls (discovery skips what earlier runs stored)', () => {
  it('answers which URLs have a document of that source, in the order asked, each once', async () => {
    const stored = ['https://news.example.mn/a/1', 'https://news.example.mn/a/2'];
    for (const url of stored) {
      const { snapshot, body } = snapshotOf(`${articleHtml()}<!-- ${url} -->`, url);
      await store.saveSnapshot(snapshot, body);
      await store.saveDocument(buildDocument(snapshot));
    }
    const asked = [
      'https://news.example.mn/a/3',
      'https://news.example.mn/a/2',
      'https://news.example.mn/a/1',
      'https://news.example.mn/a/2',
    ];
    expect(await store.storedDocumentUrls('news.example.mn', asked)).toEqual([
      'https://news.example.mn/a/2',
      'https://news.example.mn/a/1',
    ]);
    // Another source's documents do not count, and an empty question needs no query.
    expect(await store.storedDocumentUrls('other.example.org', asked)).toEqual([]);
    expect(await store.storedDocumentUrls('news.example.mn', [])).toEqual([]);
  });

  it('refuses arguments of the wrong type as invalid input', async () => {
    const error = await storeError(store.storedDocumentUrls('news.example.mn', 'x' as unknown as string[]));
    expect(error.retryable).toBe(false);
  });
});

describe('documentIdsPublishedBetween (the other sources’ coverage of the same days)', () => {
  it('finds documents by publication time, newest first, within the bounds and the limit', async () => {
    const { store: fresh } = await openRaw();
    try {
      const days = [
        '2024-08-30T15:00:00Z',
        '2024-09-02T08:00:00Z',
        '2024-09-03T09:15:00Z',
        '2024-09-20T10:00:00Z',
      ];
      const ids: string[] = [];
      for (const [i, publishedAt] of days.entries()) {
        const url = `https://news.example.mn/world/2024/putin-mongolia-${i}`;
        const { snapshot, body } = snapshotOf(`${articleHtml()}<!-- ${url} -->`, url);
        await fresh.saveSnapshot(snapshot, body);
        const doc = buildDocument(snapshot);
        await fresh.saveDocument({ ...doc, ref: { ...doc.ref, publishedAt } });
        ids.push(doc.ref.id);
      }
      const from = new Date('2024-08-30T00:00:00Z');
      const to = new Date('2024-09-04T00:00:00Z');
      expect(await fresh.documentIdsPublishedBetween(from, to)).toEqual([ids[2], ids[1], ids[0]]);
      expect(await fresh.documentIdsPublishedBetween(from, to, 2)).toEqual([ids[2], ids[1]]);
      expect(await fresh.documentIdsPublishedBetween(new Date('2025-01-01'), new Date('2025-02-01'))).toEqual(
        [],
      );
      const error = await storeError(fresh.documentIdsPublishedBetween(from, new Date('not a date')));
      expect(error.retryable).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
