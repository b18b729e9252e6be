export { openStore } from './open';
export { reportId } from './store';
export type {
  OpenStoreOptions,
  ReportListing,
  RunRecord,
  RunResult,
  RunStatus,
  Store,
  StoredDocument,
} from './types';
