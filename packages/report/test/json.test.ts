import { isParallaxError, ParallaxError, Report } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderJson, renderMarkdown, renderReport, validateReport } from '../src/index';
import { DOCUMENT_TEXTS, putinMongoliaReport } from './fixtures/putin-mongolia';

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** The same data with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

describe('fixture', () => {
  it('has offsets that point at exactly the words of every rendition and fact value', () => {
    const event = putinMongoliaReport().events[0];
    expect(event).toBeDefined();
    let checked = 0;
    for (const statement of event?.statements ?? []) {
      for (const r of statement.renditions) {
        expect(DOCUMENT_TEXTS[r.documentId]?.slice(r.start, r.end)).toBe(r.text);
        checked++;
      }
    }
    for (const conflict of event?.factConflicts ?? []) {
      for (const v of conflict.values) {
        expect(DOCUMENT_TEXTS[v.documentId]?.slice(v.start, v.end)).toBe(v.text);
        checked++;
      }
    }
    expect(checked).toBe(18);
  });

  it('has diffs whose sides rebuild the two renditions', () => {
    for (const statement of putinMongoliaReport().events[0]?.statements ?? []) {
      for (const d of statement.divergences) {
        if (d.diff === undefined) continue;
        const a = d.diff
          .filter((op) => op.op !== 'insert')
          .map((op) => op.text)
          .join('');
        const b = d.diff
          .filter((op) => op.op !== 'delete')
          .map((op) => op.text)
          .join('');
        expect(statement.renditions.find((r) => r.documentId === d.a)?.text).toBe(a);
        expect(statement.renditions.find((r) => r.documentId === d.b)?.text).toBe(b);
      }
    }
  });
});

describe('renderJson', () => {
  it('writes pretty JSON with one trailing newline that validates against the Report schema', () => {
    const json = renderJson(putinMongoliaReport());
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.endsWith('\n\n')).toBe(false);
    expect(json).toContain('\n  "schemaVersion": 1,\n');
    const parsed: unknown = JSON.parse(json);
    expect(Report.safeParse(parsed).success).toBe(true);
  });

  it('round-trips: parse(render(report)) equals the report, and rendering that again gives the same bytes', () => {
    const report = putinMongoliaReport();
    const json = renderJson(report);
    const parsed = JSON.parse(json) as Report;
    expect(parsed).toEqual(report);
    expect(renderJson(parsed)).toBe(json);
  });

  it('writes keys in schema order whatever order the input had, and drops unknown keys', () => {
    const report = putinMongoliaReport();
    const shuffled = reverseKeys({ ...report, comment: 'not in the schema' }) as Report;
    expect(Object.keys(shuffled)[0]).toBe('comment');
    const json = renderJson(shuffled);
    expect(json).toBe(renderJson(report));
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'generatedAt', 'events']);
    const event = (parsed.events as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(event)).toEqual([
      'id',
      'title',
      'documents',
      'statements',
      'factConflicts',
      'coverage',
      'fidelity',
    ]);
    const document = (event.documents as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(document)).toEqual([
      'id',
      'source',
      'kind',
      'url',
      'title',
      'publishedAt',
      'lang',
      'snapshotSha256',
    ]);
  });
});

describe('invalid reports', () => {
  const broken = (): unknown => {
    const report = putinMongoliaReport() as unknown as {
      events: {
        documents: { snapshotSha256: string }[];
        statements: { renditions: { start: number }[] }[];
      }[];
    };
    const event = report.events[0];
    if (!event?.documents[0] || !event.statements[0]?.renditions[0]) throw new Error('fixture shape');
    event.documents[0].snapshotSha256 = 'ABC';
    event.statements[0].renditions[0].start = -1;
    return report;
  };

  it('are refused with PARALLAX_REPORT_INVALID, not retryable, naming each bad field', () => {
    const error = catchError(() => renderJson(broken() as Report));
    expect(error).toBeInstanceOf(ParallaxError);
    expect(isParallaxError(error)).toBe(true);
    const e = error as ParallaxError;
    expect(e.code).toBe('PARALLAX_REPORT_INVALID');
    expect(e.retryable).toBe(false);
    expect(e.message).toContain('events.0.documents.0.snapshotSha256');
    expect(e.details.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'events.0.documents.0.snapshotSha256' }),
        expect.objectContaining({ path: 'events.0.statements.0.renditions.0.start' }),
      ]),
    );
  });

  it('are refused by every renderer and by validateReport', () => {
    for (const render of [renderMarkdown, renderHtml, renderJson, validateReport]) {
      expect((catchError(() => render(broken() as Report)) as ParallaxError).code).toBe(
        'PARALLAX_REPORT_INVALID',
      );
    }
    for (const input of [null, {}, { schemaVersion: 2, generatedAt: '2024-09-04T07:12:09Z', events: [] }]) {
      expect((catchError(() => renderJson(input as Report)) as ParallaxError).code).toBe(
        'PARALLAX_REPORT_INVALID',
      );
    }
  });
});

describe('renderReport', () => {
  it('dispatches on the format', () => {
    const report = putinMongoliaReport();
    expect(renderReport(report, 'json')).toBe(renderJson(report));
    expect(renderReport(report, 'md')).toBe(renderMarkdown(report));
    expect(renderReport(report, 'html')).toBe(renderHtml(report));
  });

  it('refuses an unknown format with a usage error', () => {
    const error = catchError(() => renderReport(putinMongoliaReport(), 'pdf' as 'md')) as ParallaxError;
    expect(error.code).toBe('PARALLAX_USAGE');
    expect(error.message).toContain('md, html, json');
  });

  it('renders an empty report in every format', () => {
    const empty: Report = { schemaVersion: 1, generatedAt: '2024-09-04T07:12:09Z', events: [] };
    expect(renderMarkdown(empty)).toContain('This report has no events.');
    expect(renderHtml(empty)).toContain('This report has no events.');
    expect(JSON.parse(renderJson(empty))).toEqual(empty);
  });
});
