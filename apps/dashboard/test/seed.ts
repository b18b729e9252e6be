import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Manifest, type Report, sha256Hex } from '@parallax/core';
import { buildReport, processDocument } from '@parallax/pipeline';
import type { Store } from '@parallax/store';

const CORPORA = join(import.meta.dirname, '../../../test/corpus');

/**
 * A corpus through the real extract, statements, align and compare stages into a store, as a run
 * would leave it: snapshots (the files' bytes), documents, and the report. Fetching is not what the
 * dashboard tests are about, so the files are read from disk.
 */
export async function seedCorpus(
  store: Store,
  corpus: string,
  fetchedAt: string,
): Promise<{ report: Report; id: string }> {
  const dir = join(CORPORA, corpus);
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const documents = [];
  for (const entry of manifest) {
    const bytes = new Uint8Array(readFileSync(join(dir, entry.file)));
    const sha256 = sha256Hex(bytes);
    const html = /\.html?$/.test(entry.file);
    await store.saveSnapshot(
      {
        sha256,
        url: entry.url,
        finalUrl: entry.url,
        redirects: [],
        status: 200,
        headers: {},
        contentType: html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
        fetchedAt,
        byteLength: bytes.byteLength,
      },
      bytes,
    );
    const processed = processDocument({
      meta: {
        source: entry.source,
        kind: entry.kind,
        url: entry.url,
        title: entry.title,
        lang: entry.lang,
        publishedAt: entry.publishedAt,
      },
      body: new TextDecoder().decode(bytes),
      format: html ? 'html' : 'text',
      snapshotSha256: sha256,
    });
    await store.saveDocument(processed);
    documents.push(processed);
  }
  const report = buildReport(documents, new Date(fetchedAt));
  const id = await store.saveReport(report);
  return { report, id };
}
