import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Edit, Report } from '@parallax/core';
import { openStore, type Store } from '@parallax/store';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunSource, runPipeline } from '../src/index';

/** A news page as an outlet serves it: furniture (header stamp, ad, related links) around the article. */
function page(options: {
  quote: string;
  figure: string;
  stamp: string;
  ad: string;
  related: string;
  closing?: string;
}): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mongolia hosts talks on mining licences</title>
<meta property="article:published_time" content="2024-09-03T08:00:00Z"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav><p class="stamp">Last updated ${options.stamp}</p></header>
<aside class="ad"><p>${options.ad}</p></aside>
<article>
<h1>Mongolia hosts talks on mining licences</h1>
<p>Officials from Mongolia and Japan met in Ulaanbaatar on Tuesday to discuss licences for copper and coal mines in the Gobi.</p>
<p>“${options.quote},” Foreign Minister Battsetseg Batmunkh told reporters after the meeting.</p>
<p>The Japanese delegation of ${options.figure} officials is due to travel to the Oyu Tolgoi mine later this week, according to the ministry.</p>
<p>The talks are expected to continue in Tokyo next month, when both sides will review the draft agreement.</p>
<p>${options.closing ?? 'Both governments described the atmosphere as cordial.'}</p>
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">${options.related}</a></li></ul></aside>
<footer><p>© 2024 Example News</p></footer>
</body></html>`;
}

const ORIGINAL = {
  quote: 'We will not allow any licence to be cancelled without a court ruling',
  figure: '120',
  stamp: '3 September 2024 08:00',
  ad: 'Subscribe now for 1 dollar a week',
  related: 'Coal exports rise in August',
};

let server: Server;
let body = page(ORIGINAL);
let base: string;
let store: Store;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  body = page(ORIGINAL);
  store = await openStore({ memory: true });
});
afterEach(async () => {
  await store.close();
});

const fetchOptions = { userAgent: 'ParallaxTest/0.1', allowPrivateAddresses: true, timeoutMs: 5_000 };
const sources = (): RunSource[] => [
  { meta: { source: 'Example News', kind: 'outlet', url: `${base}/story` }, fetchUrl: `${base}/story` },
];
const edits = (report: Report) => report.events.flatMap((e) => e.edits ?? []);

describe('silent edits: a page fetched again after it changed', () => {
  it('reports a changed quote and a changed figure with both versions', async () => {
    const first = await runPipeline(sources(), { store, fetch: fetchOptions });
    expect(edits(first.report)).toEqual([]);
    const [before] = first.documents;
    expect(before?.statements.map((s) => s.text)).toContain(ORIGINAL.quote);

    body = page({
      ...ORIGINAL,
      quote: 'We will not allow any licence to be revoked without a ruling of the Supreme Court',
      figure: '150',
    });
    const second = await runPipeline(sources(), { store, fetch: fetchOptions });
    const [after] = second.documents;
    const found = edits(second.report);
    for (const edit of found) Edit.parse(edit);
    expect(Report.parse(second.report)).toEqual(second.report);

    const quote = found.find((e) => e.change === 'quote');
    expect(quote).toBeDefined();
    expect(quote?.before.text).toBe(ORIGINAL.quote);
    expect(quote?.after.text).toBe(
      'We will not allow any licence to be revoked without a ruling of the Supreme Court',
    );
    expect(quote?.diff?.some((op) => op.op === 'delete' && op.text.includes('cancelled'))).toBe(true);
    expect(quote?.diff?.some((op) => op.op === 'insert' && op.text.includes('revoked'))).toBe(true);

    const figure = found.find((e) => e.change === 'figure');
    expect(figure?.before.value).toBe('120');
    expect(figure?.after.value).toBe('150');

    for (const edit of [quote, figure]) {
      // Both versions, traceable: snapshot hashes, fetch times and offsets into each document's text.
      expect(edit?.before.documentId).toBe(before?.ref.id);
      expect(edit?.after.documentId).toBe(after?.ref.id);
      expect(edit?.before.snapshotSha256).toBe(before?.ref.snapshotSha256);
      expect(edit?.after.snapshotSha256).toBe(after?.ref.snapshotSha256);
      expect(edit?.before.snapshotSha256).not.toBe(edit?.after.snapshotSha256);
      expect(Date.parse(edit?.before.fetchedAt ?? '')).toBeLessThanOrEqual(
        Date.parse(edit?.after.fetchedAt ?? ''),
      );
      expect(before?.article.text.slice(edit?.before.start, edit?.before.end)).toBe(edit?.before.text);
      expect(after?.article.text.slice(edit?.after.start, edit?.after.end)).toBe(edit?.after.text);
    }
    expect(found.filter((e) => e.change !== 'quote' && e.change !== 'figure')).toEqual([]);
  });

  it('reports nothing when only the furniture changed (stamp, ad, related links)', async () => {
    const first = await runPipeline(sources(), { store, fetch: fetchOptions });
    body = page({
      ...ORIGINAL,
      stamp: '4 September 2024 17:45',
      ad: 'Half price: 2 dollars a month for 12 months',
      related: 'Gold output falls by 30 percent',
    });
    const second = await runPipeline(sources(), { store, fetch: fetchOptions });
    // A new snapshot version (the bytes changed) with the same article text: no edit.
    expect(second.documents[0]?.ref.snapshotSha256).not.toBe(first.documents[0]?.ref.snapshotSha256);
    expect(second.documents[0]?.article.text).toBe(first.documents[0]?.article.text);
    expect(edits(second.report)).toEqual([]);
    expect(second.report.events.every((e) => e.edits === undefined)).toBe(true);
  });

  it('reports nothing when the text changed outside every statement and fact', async () => {
    const first = await runPipeline(sources(), { store, fetch: fetchOptions });
    body = page({
      ...ORIGINAL,
      closing: 'Both governments called the atmosphere friendly and constructive.',
    });
    const second = await runPipeline(sources(), { store, fetch: fetchOptions });
    expect(second.documents[0]?.article.text).not.toBe(first.documents[0]?.article.text);
    expect(edits(second.report)).toEqual([]);
  });

  it('reports nothing for a page fetched again unchanged', async () => {
    await runPipeline(sources(), { store, fetch: fetchOptions });
    const second = await runPipeline(sources(), { store, fetch: fetchOptions });
    expect(edits(second.report)).toEqual([]);
  });
});
