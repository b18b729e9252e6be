export { type ComparableRendition, type CompareOptions, compareRenditions } from './divergences';
export { coverageOf, fidelityOf } from './coverage';
export { type FactDocument, findFactConflicts } from './fact-conflicts';
