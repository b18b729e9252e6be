import type { AlignedStatement, DocumentRef, Event } from '@parallax/core';

type Coverage = NonNullable<Event['coverage']>;
type Fidelity = NonNullable<Event['fidelity']>;

/**
 * Which documents carry each statement a primary source made, and which independent reports
 * (outlets and aggregators) leave it out. Only statements with an official rendition are listed:
 * omission is measured against what the primary source said.
 */
export function coverageOf(statements: AlignedStatement[], documents: DocumentRef[]): Coverage {
  const kindOf = new Map(documents.map((d) => [d.id, d.kind]));
  const reporters = documents.filter((d) => (d.kind === 'outlet' || d.kind === 'aggregator') && !d.copyOf);
  return statements
    .filter((s) => s.renditions.some((r) => kindOf.get(r.documentId) === 'official'))
    .map((s) => {
      const carrying = [...new Set(s.renditions.map((r) => r.documentId))];
      return {
        statementId: s.id,
        documentIds: carrying,
        missingFrom: reporters.filter((d) => !carrying.includes(d.id)).map((d) => d.id),
      };
    });
}

/** Per document: how many of its renditions were compared to a reference, how many verbatim, and each type. */
export function fidelityOf(statements: AlignedStatement[], documents: DocumentRef[]): Fidelity {
  const rows = new Map(
    documents.map((d) => [
      d.id,
      { documentId: d.id, renditions: 0, verbatim: 0, byType: {} as Record<string, number> },
    ]),
  );
  for (const s of statements) {
    for (const d of s.divergences) {
      const row = rows.get(d.b);
      if (!row) continue;
      if (d.diff !== undefined || d.type === 'translated') {
        row.renditions++;
        if (d.type === 'verbatim') row.verbatim++;
      }
      row.byType[d.type] = (row.byType[d.type] ?? 0) + 1;
    }
  }
  return [...rows.values()];
}
