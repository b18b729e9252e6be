/**
 * Which realcoverage events the rules were tuned on and which are held out. Held-out events are only
 * ever scored in aggregate: their pages and outputs are not read for failures, so their figures are
 * the estimate for coverage Parallax has not seen. Chosen before any tuning on the set: the two largest
 * events (with most Russian pages) to tune on; the economic-policy event and the second attack event
 * held out.
 */
export type RealcoverageSplit = 'tuned' | 'held-out';

export const REALCOVERAGE_SPLITS: Record<string, RealcoverageSplit> = {
  'navalny-death-2024': 'tuned',
  'gershkovich-swap-2024': 'tuned',
  'crocus-attack-2024': 'held-out',
  'ecb-cut-2024-06': 'held-out',
};
