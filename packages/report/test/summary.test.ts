import { describe, expect, it } from 'vitest';
import { summarizeReport } from '../src/index';
import { putinMongoliaReport } from './fixtures/putin-mongolia';

describe('summarizeReport', () => {
  it('counts events, documents, aligned statements, renditions, divergences by type and conflicts by kind', () => {
    expect(summarizeReport(putinMongoliaReport())).toEqual({
      events: 1,
      documents: 4,
      statements: 7,
      renditions: 12,
      divergencesByType: {
        verbatim: 0,
        truncated: 3,
        elided: 0,
        extended: 0,
        reworded: 1,
        paraphrased: 1,
        misattributed: 1,
        negation: 0,
        number: 0,
        date: 0,
        place: 0,
        translated: 0,
      },
      factConflictsByKind: { number: 1, date: 0, place: 1, name: 0 },
      factUpdates: 0,
    });
  });

  it('counts a running count that later reports raised as an update, not a conflict', () => {
    const report = putinMongoliaReport();
    const event = report.events[0];
    const conflict = event?.factConflicts.find((c) => c.kind === 'number');
    if (!event || !conflict) throw new Error('fixture has a number conflict');
    const values = conflict.values.map((v) => v.value);
    conflict.update = values.map((value, i) => ({ value, reportedAt: `2024-09-0${i + 2}` }));
    const summary = summarizeReport(report);
    expect(summary.factConflictsByKind.number).toBe(0);
    expect(summary.factUpdates).toBe(1);
  });

  it('counts a document shared by two events once, and everything else per event', () => {
    const report = putinMongoliaReport();
    const event = report.events[0];
    if (!event) throw new Error('fixture has an event');
    report.events.push({ ...event, id: 'evt_second' });
    const summary = summarizeReport(report);
    expect(summary.events).toBe(2);
    expect(summary.documents).toBe(4);
    expect(summary.statements).toBe(14);
    expect(summary.divergencesByType.truncated).toBe(6);
  });
});
