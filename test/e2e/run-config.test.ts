import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@parallax/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../harness/cli';
import { iccSite, kremlinSite, type RecordedSite, sourcesYaml } from '../harness/recorded-site';

let kremlin: RecordedSite;
let icc: RecordedSite;
let work: string;
let file: string;

beforeAll(async () => {
  [kremlin, icc] = await Promise.all([kremlinSite().start(), iccSite().start()]);
  work = mkdtempSync(join(tmpdir(), 'parallax-run-config-'));
  file = join(work, 'sources.yaml');
  // Every endpoint answers here (the fleet test covers one that fails).
  writeFileSync(
    file,
    sourcesYaml(kremlin, icc).replace(`      - type: feed\n        url: ${icc.origin}/rss\n`, ''),
  );
});

afterAll(async () => {
  await Promise.all([kremlin?.close(), icc?.close()]);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('parallax run --config FILE --source ID (in process)', () => {
  // The recorded feeds are of late August / early September 2024: --since opens the window there.
  const args = () => [
    'run',
    '--config',
    file,
    '--source',
    'kremlin-en',
    '--source',
    'icc',
    '--since',
    '2024-08-30T00:00:00Z',
    '--data-dir',
    join(work, 'data'),
  ];

  it('discovers the named sources’ articles in the window and runs them together into one report', async () => {
    const result = await runCli(args(), { env: { REDIS_URL: '', DATABASE_URL: '' } });
    expect(result.stderr).not.toMatch(/"level":(50|60)/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^run run_\S+ \(in process\): 2 documents, 0 failed, \d+ events, report \S+\n$/,
    );
    const store = await openStore({ dataDir: join(work, 'data', 'db') });
    try {
      expect((await store.listDocuments()).map((d) => d.url).sort()).toEqual(
        [
          `${icc.origin}/news/icc-spokesperson-obligations-states-parties-cooperate`,
          `${kremlin.origin}/events/president/transcripts/74988`,
        ].sort(),
      );
      const [run] = await store.listRuns();
      expect(run?.status).toBe('succeeded');
    } finally {
      await store.close();
    }
    // robots.txt read once per site by discovery and once by the article fetches (each caches it);
    // older items in the feed and the listing never fetched.
    expect(kremlin.hits('/robots.txt')).toBe(2);
    expect(icc.hits('/robots.txt')).toBe(2);
    expect(kremlin.hits('/events/president/transcripts/74951')).toBe(0);
    expect(icc.hits('/news/icc-president-opens-judicial-seminar-hague')).toBe(0);
  });

  it('run again, it finds nothing new and fetches no article', async () => {
    const before = kremlin.hits('/events/president/transcripts/74988');
    const result = await runCli(args(), { env: { REDIS_URL: '', DATABASE_URL: '' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing new to run: kremlin-en, icc');
    expect(kremlin.hits('/events/president/transcripts/74988')).toBe(before);
  });

  it('an unknown source id is a usage error naming the configured ones', async () => {
    const result = await runCli(
      ['run', '--config', file, '--source', 'reuters', '--data-dir', join(work, 'data')],
      {
        env: { REDIS_URL: '', DATABASE_URL: '' },
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no source "reuters"');
    expect(result.stderr).toContain('expected one of kremlin-en, icc');
  });
});
