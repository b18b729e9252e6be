import {
  type AlignedStatement,
  DIVERGENCE_SEVERITY,
  type Divergence,
  type DivergenceType,
  severityRank,
} from '@parallax/core';

/** Every divergence type, most severe first (ties in schema order), from core's one severity table. */
export const SEVERITY_ORDER: readonly DivergenceType[] = (
  Object.keys(DIVERGENCE_SEVERITY) as DivergenceType[]
).sort((a, b) => DIVERGENCE_SEVERITY[a] - DIVERGENCE_SEVERITY[b]);

/** The divergences most severe first; equal ones keep their order. */
export function sortBySeverity(divergences: readonly Divergence[]): Divergence[] {
  return divergences
    .map((divergence, index) => ({ divergence, index }))
    .sort((x, y) => severityRank(x.divergence.type) - severityRank(y.divergence.type) || x.index - y.index)
    .map(({ divergence }) => divergence);
}

/** True when the statement belongs under "Statements that diverge" rather than "carried by one source". */
export function isDiverging(statement: AlignedStatement): boolean {
  return statement.renditions.length > 1 || statement.divergences.some((d) => d.type !== 'verbatim');
}

function ranksOf(statement: AlignedStatement): number[] {
  return statement.divergences.map((d) => severityRank(d.type)).sort((a, b) => a - b);
}

/**
 * Statements with the most severe divergence first; on a tie the next most severe decides, and a
 * statement with more divergences of the same severity comes first. Equal statements keep their order.
 */
export function sortStatements(statements: readonly AlignedStatement[]): AlignedStatement[] {
  const keyed = statements.map((statement, index) => ({ statement, index, ranks: ranksOf(statement) }));
  keyed.sort((x, y) => {
    const length = Math.max(x.ranks.length, y.ranks.length);
    for (let i = 0; i < length; i++) {
      const a = x.ranks[i];
      const b = y.ranks[i];
      if (a === undefined) return 1;
      if (b === undefined) return -1;
      if (a !== b) return a - b;
    }
    return x.index - y.index;
  });
  return keyed.map(({ statement }) => statement);
}
