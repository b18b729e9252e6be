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
