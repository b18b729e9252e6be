export { openStore } from './open';
export { reportId } from './store';
export type { OpenStoreOptions, RunRecord, RunResult, RunStatus, Store, StoredDocument } from './types';
