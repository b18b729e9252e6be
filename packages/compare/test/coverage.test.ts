import type { AlignedStatement, DocumentRef, SourceKind } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { coverageOf, fidelityOf } from '../src/index';

function ref(id: string, kind: SourceKind, copyOf?: string): DocumentRef {
  return {
    id,
    source: id,
    kind,
    url: `https://example.org/${id}`,
    title: `${id} story`,
    lang: 'en',
    snapshotSha256: 'a'.repeat(64),
    ...(copyOf ? { copyOf } : {}),
  };
}

const documents = [
  ref('kremlin', 'official'),
  ref('bloomberg', 'outlet'),
  ref('aggregator', 'aggregator'),
  ref('mirror', 'aggregator', 'aggregator'),
  ref('blog', 'other'),
  ref('kyiv-independent', 'outlet'),
];

function rendition(documentId: string, text: string) {
  return {
    documentId,
    text,
    kind: 'direct' as const,
    speakerLabel: 'Vladimir Putin',
    start: 0,
    end: text.length,
  };
}

const GAS = 'Russia is ready to supply natural gas to Mongolia.';
const TRADE = 'Our trade with Mongolia grew by 21 percent last year.';
const PLATFORM = 'Putin should not be given a platform to promote aggression against Ukraine.';

const statements: AlignedStatement[] = [
  {
    id: 'as-gas',
    speaker: { id: 'spk-putin', name: 'Vladimir Putin' },
    renditions: [
      rendition('kremlin', GAS),
      rendition('bloomberg', GAS),
      rendition('blog', 'ready to supply natural gas'),
    ],
    divergences: [
      {
        type: 'verbatim',
        a: 'kremlin',
        b: 'bloomberg',
        diff: [{ op: 'equal', text: 'russia is ready' }],
        note: 'same words',
      },
      { type: 'verbatim', a: 'kremlin', b: 'blog', diff: [{ op: 'equal', text: 'ready' }], note: 'partial' },
    ],
  },
  {
    id: 'as-trade',
    speaker: { id: 'spk-putin', name: 'Vladimir Putin' },
    renditions: [rendition('kremlin', TRADE), rendition('aggregator', TRADE), rendition('bloomberg', TRADE)],
    divergences: [
      { type: 'reworded', a: 'kremlin', b: 'aggregator', diff: [{ op: 'delete', text: 'grew' }], note: 'x' },
      { type: 'misattributed', a: 'kremlin', b: 'aggregator', note: 'given to Peskov' },
      { type: 'translated', a: 'kremlin', b: 'bloomberg', note: 'in ru' },
      { type: 'number', a: 'kremlin', b: 'bloomberg', note: 'a states 21; b states 12' },
    ],
  },
  {
    id: 'as-platform',
    speaker: null,
    renditions: [rendition('bloomberg', PLATFORM), rendition('kyiv-independent', PLATFORM)],
    divergences: [
      {
        type: 'verbatim',
        a: 'bloomberg',
        b: 'kyiv-independent',
        diff: [{ op: 'equal', text: 'putin' }],
        note: 'same',
      },
    ],
  },
];

describe('coverageOf', () => {
  it('lists, for each statement of a primary source, who carries it and which independent reports leave it out', () => {
    expect(coverageOf(statements, documents)).toEqual([
      {
        statementId: 'as-gas',
        documentIds: ['kremlin', 'bloomberg', 'blog'],
        missingFrom: ['aggregator', 'kyiv-independent'],
      },
      {
        statementId: 'as-trade',
        documentIds: ['kremlin', 'aggregator', 'bloomberg'],
        missingFrom: ['kyiv-independent'],
      },
    ]);
  });

  it('counts a document once even when it renders the statement twice', () => {
    const twice: AlignedStatement = {
      id: 'as-twice',
      speaker: null,
      renditions: [
        rendition('kremlin', GAS),
        rendition('bloomberg', GAS),
        rendition('bloomberg', 'ready to supply'),
      ],
      divergences: [],
    };
    expect(coverageOf([twice], documents)[0]?.documentIds).toEqual(['kremlin', 'bloomberg']);
  });

  it('is empty when no statement comes from a primary source', () => {
    expect(coverageOf([statements[2] as AlignedStatement], documents)).toEqual([]);
  });
});

describe('fidelityOf', () => {
  it('counts, per document, the renditions compared to a reference, the verbatim ones and each divergence type', () => {
    expect(fidelityOf(statements, documents)).toEqual([
      { documentId: 'kremlin', renditions: 0, verbatim: 0, byType: {} },
      {
        documentId: 'bloomberg',
        renditions: 2,
        verbatim: 1,
        byType: { verbatim: 1, translated: 1, number: 1 },
      },
      { documentId: 'aggregator', renditions: 1, verbatim: 0, byType: { reworded: 1, misattributed: 1 } },
      { documentId: 'mirror', renditions: 0, verbatim: 0, byType: {} },
      { documentId: 'blog', renditions: 1, verbatim: 1, byType: { verbatim: 1 } },
      { documentId: 'kyiv-independent', renditions: 1, verbatim: 1, byType: { verbatim: 1 } },
    ]);
  });

  it('ignores divergences about documents it was not given', () => {
    const stray: AlignedStatement = {
      id: 'as-stray',
      speaker: null,
      renditions: [rendition('kremlin', GAS)],
      divergences: [{ type: 'verbatim', a: 'kremlin', b: 'unknown-site', diff: [], note: 'same words' }],
    };
    expect(fidelityOf([stray], [ref('kremlin', 'official')])).toEqual([
      { documentId: 'kremlin', renditions: 0, verbatim: 0, byType: {} },
    ]);
  });
});
