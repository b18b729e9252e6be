import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sha256Hex } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { buildReport, processDocument } from '../src/index';

const corpus = resolve(import.meta.dirname, '../../../test/corpus/putin-mongolia-2024');
const read = (file: string) => readFileSync(resolve(corpus, file), 'utf8');

describe('processDocument', () => {
  it('gives an official page’s first-person statements to the issuing body and ids that are content hashes', () => {
    const body = read('mfa-ukraine.html');
    const input = {
      meta: {
        source: 'Ministry of Foreign Affairs of Ukraine',
        kind: 'official' as const,
        url: 'https://mfa.gov.ua/en/news/x',
      },
      body,
      format: 'html' as const,
      snapshotSha256: sha256Hex(body),
    };
    const doc = processDocument(input);
    expect(
      doc.statements.some(
        (s) => s.speaker === 'Ministry of Foreign Affairs of Ukraine' && s.text.startsWith('We call on'),
      ),
    ).toBe(true);
    expect(processDocument(input)).toEqual(doc);
    const other = processDocument({ ...input, meta: { ...input.meta, url: 'https://mfa.gov.ua/en/news/y' } });
    expect(other.ref.id).not.toBe(doc.ref.id);
  });

  it('lets the caller’s metadata win over what the page declares', () => {
    const body = read('bloomberg.html');
    const doc = processDocument({
      meta: {
        source: 'Bloomberg',
        kind: 'outlet',
        url: 'https://bloomberg.com/a',
        title: 'Manifest title',
        publishedAt: '2024-08-31T00:00:00Z',
        lang: 'en',
      },
      body,
      format: 'html',
      snapshotSha256: sha256Hex(body),
    });
    expect(doc.ref.title).toBe('Manifest title');
    expect(doc.ref.publishedAt).toBe('2024-08-31T00:00:00Z');
    expect(doc.article.title).toBe('Putin Gets Assurances He Won’t Be Arrested on Mongolia Visit');
  });
});

describe('buildReport', () => {
  const doc = (file: string, source: string, kind: 'outlet' | 'official', publishedAt: string) => {
    const body = read(file);
    return processDocument({
      meta: { source, kind, url: `https://example.test/${file}`, publishedAt },
      body,
      format: file.endsWith('.html') ? 'html' : 'text',
      snapshotSha256: sha256Hex(body),
    });
  };

  it('keeps an unrelated story out of the event', () => {
    const unrelated = processDocument({
      meta: {
        source: 'Example Daily',
        kind: 'outlet',
        url: 'https://example.test/harvest',
        publishedAt: '2024-09-02T08:00:00Z',
      },
      body: 'Wheat harvest in Saskatchewan beats forecasts\n\nFarmers across Saskatchewan and Manitoba brought in a record crop, Statistics Canada said on Monday.\n\n“It was the best summer in a decade,” said Regina grower Tom Whitfield.',
      format: 'text',
      snapshotSha256: sha256Hex('harvest'),
    });
    const report = buildReport(
      [
        doc('bloomberg.html', 'Bloomberg', 'outlet', '2024-08-30T16:30:00Z'),
        doc('kyiv-independent.html', 'The Kyiv Independent', 'outlet', '2024-09-03T09:15:00Z'),
        unrelated,
      ],
      new Date('2024-09-05T00:00:00Z'),
    );
    expect(report.events.map((e) => e.documents.length).sort()).toEqual([1, 2]);
  });

  it('puts the most severe divergence first and gives every aligned statement a speaker', () => {
    const report = buildReport([
      doc('bloomberg.html', 'Bloomberg', 'outlet', '2024-08-30T16:30:00Z'),
      doc('kyiv-independent.html', 'The Kyiv Independent', 'outlet', '2024-09-03T09:15:00Z'),
    ]);
    const [first] = report.events[0]?.statements ?? [];
    expect(first?.divergences.map((d) => d.type)).toContain('misattributed');
    expect(first?.speaker?.name).toBe('Kremlin spokesman Dmitry Peskov');
  });
});
