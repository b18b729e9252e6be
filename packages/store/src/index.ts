export { openStore } from './open';
export { reportId } from './store';
export type {
  DocumentVersion,
  OpenStoreOptions,
  ReportListing,
  RunRecord,
  RunResult,
  RunStatus,
  Store,
  StoredDocument,
  StoryVersion,
  StoryVersionInput,
} from './types';
