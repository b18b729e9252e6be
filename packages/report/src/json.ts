import type { Report } from '@parallax/core';
import { validateReport } from './validate';

/**
 * The report contract as JSON: validated first (PARALLAX_REPORT_INVALID otherwise), keys in schema
 * order, unknown keys dropped, two-space indent, one trailing newline. The same report always gives
 * the same bytes: the schema fixes the order of object keys, and the keys of its one record
 * (fidelity's byType) are sorted by code point.
 */
export function renderJson(report: Report): string {
  const valid = validateReport(report);
  for (const event of valid.events) {
    for (const row of event.fidelity ?? []) row.byType = sortedRecord(row.byType);
  }
  return `${JSON.stringify(valid, null, 2)}\n`;
}

function sortedRecord<V>(record: Record<string, V>): Record<string, V> {
  const sorted: Record<string, V> = {};
  for (const key of Object.keys(record).sort(compareCodePoints)) {
    Object.defineProperty(sorted, key, {
      value: record[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return sorted;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
