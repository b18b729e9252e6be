export { coverageOf, fidelityOf } from './coverage';
export { type ComparableRendition, type CompareOptions, compareRenditions } from './divergences';
export { type FactDocument, findFactConflicts } from './fact-conflicts';
