import { DivergenceType, FactKind, type Report } from '@parallax/core';

export interface ReportSummary {
  events: number;
  /** Distinct documents (by id): a document that belongs to two events counts once. */
  documents: number;
  /** Aligned statements, summed over events. */
  statements: number;
  renditions: number;
  /** Every divergence type, verbatim included; types that do not occur count 0. */
  divergencesByType: Record<DivergenceType, number>;
  /** Disagreements only: a running count that later reports raised is an update, counted apart. */
  factConflictsByKind: Record<FactKind, number>;
  /** Fact conflicts that are successive figures of one running count (`update` set). */
  factUpdates: number;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

export function summarizeReport(report: Report): ReportSummary {
  const documentIds = new Set<string>();
  const divergencesByType = zeroes(DivergenceType.options);
  const factConflictsByKind = zeroes(FactKind.options);
  let statements = 0;
  let renditions = 0;
  let factUpdates = 0;
  for (const event of report.events) {
    for (const document of event.documents) documentIds.add(document.id);
    statements += event.statements.length;
    for (const statement of event.statements) {
      renditions += statement.renditions.length;
      for (const divergence of statement.divergences) {
        divergencesByType[divergence.type] = (divergencesByType[divergence.type] ?? 0) + 1;
      }
    }
    for (const conflict of event.factConflicts) {
      if (conflict.update) {
        factUpdates += 1;
        continue;
      }
      factConflictsByKind[conflict.kind] = (factConflictsByKind[conflict.kind] ?? 0) + 1;
    }
  }
  return {
    events: report.events.length,
    documents: documentIds.size,
    statements,
    renditions,
    divergencesByType,
    factConflictsByKind,
    factUpdates,
  };
}

/** Total of a count record. */
export function total(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
