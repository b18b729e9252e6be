import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, renderCsv } from '../src/index';
import { hostileReport, PAYLOADS } from './fixtures/hostile';
import { AGGREGATOR, BLOOMBERG, KYIV, putinMongoliaReport } from './fixtures/putin-mongolia';

/** Parsed by csv-parse, an independent RFC 4180 reader, in strict mode. */
function records(csv: string): Record<string, string>[] {
  return parse(csv, {
    columns: true,
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
  });
}

describe('renderCsv', () => {
  const report = putinMongoliaReport();
  const csv = renderCsv(report);
  const rows = records(csv);
  const event = report.events[0];
  if (event === undefined) throw new Error('fixture has an event');

  it('has a header row, CRLF line ends and one record per divergence and per fact-conflict value', () => {
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n/);
    const divergences = event.statements.flatMap((s) => s.divergences);
    const values = event.factConflicts.flatMap((c) => c.values);
    expect(rows.filter((r) => r.record === 'divergence')).toHaveLength(divergences.length);
    expect(rows.filter((r) => r.record === 'fact_conflict')).toHaveLength(values.length);
  });

  it('gives each divergence its type, both sources, the words as written, offsets and the snapshot', () => {
    const misattributed = rows.find((r) => r.type === 'misattributed');
    expect(misattributed).toMatchObject({
      speaker: 'Dmitry Peskov',
      reference_source: BLOOMBERG.source,
      source: KYIV.source,
      document_id: KYIV.id,
      url: KYIV.url,
      snapshot_sha256: KYIV.snapshotSha256,
      speaker_as_written: 'Kremlin aide Yuri Ushakov',
      text: 'We have a wonderful dialogue with our friends from Mongolia',
    });
    const kyivRendition = event.statements
      .flatMap((s) => s.renditions)
      .find((r) => r.documentId === KYIV.id && r.text.startsWith('We have'));
    expect(Number(misattributed?.start)).toBe(kyivRendition?.start);
    expect(KYIV.text.slice(Number(misattributed?.start), Number(misattributed?.end))).toBe(
      misattributed?.text,
    );
    const reworded = rows.find((r) => r.type === 'reworded');
    expect(reworded?.diff).toContain('[-a duty-] {+the obligation+}');
  });

  it('keeps fact conflict values with the sentence they came from', () => {
    const members = rows.filter((r) => r.record === 'fact_conflict' && r.subject === 'ICC member states');
    expect(members.map((r) => [r.source, r.value, r.text])).toEqual([
      [BLOOMBERG.source, '124', '124 member states'],
      [KYIV.source, '125', '125 member states'],
      [AGGREGATOR.source, '124', '124 member states'],
    ]);
  });
});

describe('CSV with hostile strings', () => {
  it('neutralises formulas: a cell starting with = + - @ tab or CR gets a leading apostrophe', () => {
    for (const formula of [
      '=HYPERLINK("http://evil.example","x")',
      '+1+1',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1',
      '\r=1',
    ]) {
      const cell = csvCell(formula);
      const parsed = (parse(cell) as string[][])[0]?.[0];
      expect(parsed).toBe(`'${formula}`);
    }
    expect(csvCell('Mongolia = member')).toBe('Mongolia = member');
    // Numbers the renderer itself writes (offsets) are not scraped text and stay numbers.
    expect(csvCell(-1)).toBe('-1');
  });

  it('quotes commas, quotes and line breaks so the row stays one record', () => {
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
  });

  it('round-trips every scraped string of a hostile report through a strict reader', () => {
    const report = hostileReport();
    const event = report.events[0];
    if (event === undefined) throw new Error('fixture has an event');
    event.title = "=cmd|' /C calc'!A0";
    const first = event.statements.find((s) => s.divergences.length > 0);
    if (first?.speaker) first.speaker.name = "@SUM(1+1)*cmd|' /C calc'!A0";
    const rows = records(renderCsv(report));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([...CSV_COLUMNS]);
      expect(row.event_title).toBe(`'${event.title}`);
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(rows.some((r) => r.speaker === `'${first?.speaker?.name}`)).toBe(true);
    const all = rows.flatMap((r) => Object.values(r)).join('\n');
    expect(all).toContain(PAYLOADS.script);
    expect(all).toContain(PAYLOADS.mdNewlines);
  });
});
