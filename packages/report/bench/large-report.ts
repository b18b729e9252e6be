import type { Report } from '@parallax/core';
import { putinMongoliaReport } from '../test/fixtures/putin-mongolia';

/** The fixture event repeated with fresh ids: each copy is a realistic event with four sources. */
export function largeReport(events: number): Report {
  const base = putinMongoliaReport();
  const template = base.events[0];
  if (template === undefined) throw new Error('fixture has an event');
  return {
    ...base,
    events: Array.from({ length: events }, (_, i) => {
      const copy = structuredClone(template);
      copy.id = `${template.id}_${i}`;
      copy.title = `${template.title} (${i + 1})`;
      for (const s of copy.statements) s.id = `${s.id}_${i}`;
      for (const row of copy.coverage ?? []) row.statementId = `${row.statementId}_${i}`;
      return copy;
    }),
  };
}
