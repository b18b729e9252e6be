export { isoDate } from './dates';
export * from './errors/index';
export { contentId, sha256Hex } from './ids';
export { DatePrecision, Manifest, ManifestEntry, parsePublishedAt } from './manifest';
export * from './schemas';
export { DIVERGENCE_SEVERITY, severityRank } from './severity';
