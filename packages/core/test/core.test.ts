import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  contentId,
  FetchError,
  InputError,
  isParallaxError,
  Manifest,
  ParallaxError,
  Report,
  reportJsonSchema,
  StoreError,
  sha256Hex,
  UsageError,
} from '../src/index';

describe('content-hash ids', () => {
  it('are stable for the same parts and differ when any part differs', () => {
    const id = contentId('doc', 'https://www.bloomberg.com/news/a', 'd01dde27');
    expect(id).toBe(contentId('doc', 'https://www.bloomberg.com/news/a', 'd01dde27'));
    expect(id).toMatch(/^doc_[0-9a-f]{24}$/);
    expect(contentId('doc', 'https://www.bloomberg.com/news/b', 'd01dde27')).not.toBe(id);
  });

  it('cannot be forged by moving text across part boundaries', () => {
    expect(contentId('st', 'ab', 'c')).not.toBe(contentId('st', 'a', 'bc'));
    expect(contentId('st', 'a\u0000', 'b')).not.toBe(contentId('st', 'a', '\u0000b'));
  });

  it('sha256Hex matches the published digest of a known string', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(sha256Hex('abc'));
  });
});

describe('typed errors', () => {
  it('carry a stable code and whether a retry can help', () => {
    expect(new UsageError('bad flag')).toMatchObject({
      code: 'PARALLAX_USAGE',
      retryable: false,
      name: 'UsageError',
    });
    expect(new ConfigError('bad manifest')).toMatchObject({
      code: 'PARALLAX_CONFIG_INVALID',
      retryable: false,
    });
    expect(new InputError('no such file')).toMatchObject({
      code: 'PARALLAX_INPUT_INVALID',
      retryable: false,
    });
    expect(new StoreError('connection lost')).toMatchObject({
      code: 'PARALLAX_STORE_FAILED',
      retryable: true,
    });
    const timeout = new FetchError('PARALLAX_FETCH_TIMEOUT', 'timed out', true, { status: undefined });
    expect(timeout.retryable).toBe(true);
    const gone = new FetchError('PARALLAX_FETCH_STATUS', 'HTTP 410', false, { status: 410 });
    expect(gone.status).toBe(410);
  });

  it('are recognisable as Parallax errors and keep their cause', () => {
    const cause = new Error('ECONNRESET');
    const error = new StoreError('write failed', { cause });
    expect(isParallaxError(error)).toBe(true);
    expect(error).toBeInstanceOf(ParallaxError);
    expect(error.cause).toBe(cause);
    expect(isParallaxError(new Error('plain'))).toBe(false);
  });
});

describe('report contract', () => {
  const valid = {
    schemaVersion: 1,
    generatedAt: '2024-09-05T00:00:00.000Z',
    events: [
      {
        id: 'event_1',
        title: 'Putin visits Mongolia',
        documents: [
          {
            id: 'doc_1',
            source: 'Bloomberg',
            kind: 'outlet',
            url: 'https://www.bloomberg.com/news/a',
            title: 'Putin Gets Assurances',
            lang: 'en',
            snapshotSha256: sha256Hex('page'),
          },
        ],
        statements: [],
        factConflicts: [],
      },
    ],
  };

  it('accepts a minimal valid report and rejects a wrong version, kind or offset', () => {
    expect(Report.parse(valid)).toEqual(valid);
    expect(Report.safeParse({ ...valid, schemaVersion: 2 }).success).toBe(false);
    const badKind = structuredClone(valid);
    (badKind.events[0]?.documents[0] as { kind: string }).kind = 'blog';
    expect(Report.safeParse(badKind).success).toBe(false);
    const badOffset = structuredClone(valid) as unknown as { events: Array<{ factConflicts: unknown[] }> };
    badOffset.events[0]?.factConflicts.push({
      kind: 'number',
      subject: 'member state',
      values: [
        { documentId: 'doc_1', value: '124', text: '124 member states', start: -1, end: 5 },
        { documentId: 'doc_2', value: '125', text: '125 member states', start: 0, end: 5 },
      ],
    });
    expect(Report.safeParse(badOffset).success).toBe(false);
  });

  it('exports the contract as JSON Schema', () => {
    const schema = reportJsonSchema() as {
      properties: Record<string, { const?: number }>;
      required: string[];
    };
    expect(schema.properties.schemaVersion?.const).toBe(1);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'generatedAt', 'events']));
  });

  it('reads a manifest in other words: outlet for source, date for publishedAt, kinds by common names', () => {
    const parsed = Manifest.parse({
      documents: [
        {
          file: 'reuters.txt',
          outlet: 'Reuters',
          url: 'https://www.reuters.com/world/asia-pacific/putin-arrives-mongolia-2024-09-02/',
          date: '2024-09-02',
        },
        {
          path: 'kremlin.txt',
          publisher: 'President of Russia',
          type: 'Government',
          link: 'http://en.kremlin.ru/events/president/transcripts/74988',
          published: '2024-09-02T08:00',
          language: 'en',
        },
      ],
    });
    expect(parsed).toEqual([
      {
        file: 'reuters.txt',
        source: 'Reuters',
        kind: 'outlet',
        url: 'https://www.reuters.com/world/asia-pacific/putin-arrives-mongolia-2024-09-02/',
        publishedAt: '2024-09-02T00:00:00.000Z',
        publishedPrecision: 'day',
      },
      {
        file: 'kremlin.txt',
        source: 'President of Russia',
        kind: 'official',
        url: 'http://en.kremlin.ru/events/president/transcripts/74988',
        publishedAt: '2024-09-02T08:00:00.000Z',
        lang: 'en',
      },
    ]);
    const wrong = Manifest.safeParse([
      { file: 'a.txt', source: 'A', url: 'https://a.example/1', date: 'last Tuesday' },
    ]);
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toContain('expected an ISO date');
  });

  it('validates manifests', () => {
    expect(Manifest.safeParse([]).success).toBe(false);
    expect(
      Manifest.safeParse([
        {
          file: 'a.html',
          source: 'ICC',
          kind: 'official',
          url: 'not a url',
          lang: 'en',
          publishedAt: '2024-08-30T11:00:00Z',
          title: 'x',
        },
      ]).success,
    ).toBe(false);
  });
});
