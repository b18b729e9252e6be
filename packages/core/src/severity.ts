import type { DivergenceType } from './schemas';

/**
 * How much a divergence should worry an analyst, lower first. A wrong speaker or a flipped meaning
 * matters more than a changed figure, which matters more than changed wording, which matters more
 * than a cut; a translation is expected and verbatim means no difference. Reports and the pipeline
 * order statements by it.
 */
export const DIVERGENCE_SEVERITY: Readonly<Record<DivergenceType, number>> = {
  misattributed: 0,
  negation: 1,
  number: 2,
  date: 2,
  place: 2,
  paraphrased: 3,
  reworded: 4,
  truncated: 5,
  elided: 5,
  extended: 5,
  translated: 6,
  verbatim: 7,
};

/** Lower is more severe. Types this version does not know sort after every known one. */
export function severityRank(type: string): number {
  return (DIVERGENCE_SEVERITY as Record<string, number | undefined>)[type] ?? Number.MAX_SAFE_INTEGER;
}
