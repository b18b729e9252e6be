import {
  type Article,
  contentId,
  type DocumentRef,
  type Event,
  type Fact,
  type Report,
  type Snapshot,
  type Statement,
  sha256Hex,
} from '@parallax/core';
import type { StoredDocument } from '../src/index';

const HEADLINE = 'Putin lands in Mongolia despite ICC arrest warrant';
const PARAGRAPHS = [
  'ULAANBAATAR, Sept 2 — Russian President Vladimir Putin arrived in Ulaanbaatar late on Monday, his first visit ' +
    'to a member state of the International Criminal Court since the court issued a warrant for his arrest in ' +
    'March 2023.',
  '“Mongolia has obligations under the Rome Statute,” ICC spokesperson Fadi El Abdallah said on Friday, adding ' +
    'that judges could make a finding of non-compliance and inform the Assembly of States Parties.',
  'Ukraine’s foreign ministry called the visit “a heavy blow to the International Criminal Court and the system ' +
    'of criminal law” and said Mongolia shared responsibility for Putin’s war crimes.',
  'Kremlin spokesman Dmitry Peskov said Moscow had no worries about the trip: “We have a wonderful dialogue with ' +
    'our friends from Mongolia.”',
];

export const ARTICLE_TEXT = [HEADLINE, ...PARAGRAPHS].join('\n\n');

export function articleHtml(): string {
  return `<!doctype html><html lang="en"><head><title>${HEADLINE}</title>
<meta property="article:published_time" content="2024-09-03T06:45:00+08:00"></head>
<body><article><h1>${HEADLINE}</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

export function snapshotOf(
  html: string,
  url = 'https://news.example.mn/world/2024/09/03/putin-mongolia',
): {
  snapshot: Snapshot;
  body: Uint8Array;
} {
  const body = new TextEncoder().encode(html);
  return {
    body,
    snapshot: {
      sha256: sha256Hex(body),
      url,
      finalUrl: `${url}/`,
      redirects: [url],
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        etag: '"a1b2c3"',
        'cache-control': 'max-age=60',
      },
      contentType: 'text/html; charset=utf-8',
      fetchedAt: '2024-09-03T01:14:05.123Z',
      byteLength: body.byteLength,
    },
  };
}

/** Offsets of `needle` in `text` (the nth occurrence), failing loudly rather than building bad data. */
export function span(text: string, needle: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`fixture: ${JSON.stringify(needle)} not found`);
  }
  return { start, end: start + needle.length };
}

function blocksOf(text: string): Article['blocks'] {
  const blocks: Article['blocks'] = [];
  let offset = 0;
  for (const [i, part] of text.split('\n\n').entries()) {
    blocks.push({ type: i === 0 ? 'title' : 'paragraph', start: offset, end: offset + part.length });
    offset += part.length + 2;
  }
  return blocks;
}

export function buildDocument(
  snapshot: Snapshot,
  options: { id?: string; text?: string } = {},
): StoredDocument {
  const text = options.text ?? ARTICLE_TEXT;
  const id = options.id ?? contentId('doc', snapshot.sha256, snapshot.url);
  const statement = (
    quote: string,
    kind: Statement['kind'],
    speaker: string | null,
    resolvedSpeaker: string | null,
    cue: string | null,
  ): Statement => {
    const { start, end } = span(text, quote);
    return {
      id: contentId('st', id, start, end),
      text: quote,
      kind,
      speaker,
      resolvedSpeaker,
      cue,
      lang: 'en',
      start,
      end,
    };
  };
  const fact = (
    words: string,
    kind: Fact['kind'],
    subject: string,
    value: string,
    extra: Partial<Fact> = {},
    nth = 0,
  ): Fact => {
    const { start, end } = span(text, words, nth);
    return {
      id: contentId('fact', id, kind, start, end),
      kind,
      subject,
      value,
      text: words,
      start,
      end,
      ...extra,
    };
  };
  const ref: DocumentRef = {
    id,
    source: 'news.example.mn',
    kind: 'outlet',
    url: snapshot.url,
    title: HEADLINE,
    publishedAt: '2024-09-03T06:45:00+08:00',
    lang: 'en',
    snapshotSha256: snapshot.sha256,
  };
  const article: Article = {
    title: HEADLINE,
    byline: 'Bolormaa Enkhbat',
    publishedAt: '2024-09-02T22:45:00.000Z',
    lang: 'en',
    text,
    blocks: blocksOf(text),
    headlineEnd: HEADLINE.length,
  };
  return {
    ref,
    article,
    statements:
      text === ARTICLE_TEXT
        ? [
            statement(
              'Mongolia has obligations under the Rome Statute,',
              'direct',
              'ICC spokesperson Fadi El Abdallah',
              'Fadi El Abdallah',
              'said',
            ),
            statement(
              'a heavy blow to the International Criminal Court and the system of criminal law',
              'partial',
              'Ukraine’s foreign ministry',
              'Ministry of Foreign Affairs of Ukraine',
              'called',
            ),
            statement(
              'Mongolia shared responsibility for Putin’s war crimes',
              'indirect',
              null,
              'Ministry of Foreign Affairs of Ukraine',
              'said',
            ),
            statement(
              'We have a wonderful dialogue with our friends from Mongolia.',
              'direct',
              'Kremlin spokesman Dmitry Peskov',
              'Dmitry Peskov',
              'said',
            ),
          ]
        : [],
    facts:
      text === ARTICLE_TEXT
        ? [
            fact('Mongolia', 'place', 'location', 'Mongolia', { country: 'MN', inHeadline: true }),
            fact('Ulaanbaatar', 'place', 'location', 'Ulaanbaatar', { country: 'MN', inHeadline: false }),
            fact('March 2023', 'date', 'arrest warrant', '2023-03'),
          ]
        : [],
  };
}

export function buildEvent(
  doc: StoredDocument,
  id = 'evt_putin_mongolia_2024',
  title = 'Putin visits Mongolia',
): Event {
  const [first] = doc.statements;
  if (first === undefined) throw new Error('fixture: document has no statements');
  return {
    id,
    title,
    documents: [doc.ref],
    statements: [
      {
        id: contentId('as', id, first.id),
        speaker: { id: 'spk_fadi_el_abdallah', name: 'Fadi El Abdallah' },
        renditions: [
          {
            documentId: doc.ref.id,
            text: first.text,
            kind: first.kind,
            speakerLabel: first.speaker,
            cue: 'said',
            start: first.start,
            end: first.end,
          },
        ],
        divergences: [],
      },
    ],
    factConflicts: [],
    coverage: [{ statementId: contentId('as', id, first.id), documentIds: [doc.ref.id], missingFrom: [] }],
  };
}

export function buildReport(events: Event[], generatedAt = '2024-09-03T12:00:00.000Z'): Report {
  return { schemaVersion: 1, generatedAt, events };
}
