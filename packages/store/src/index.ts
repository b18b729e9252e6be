export { openStore } from './open';
export { reportId, reportOrder } from './report-identity';
export type {
  DocumentVersion,
  OpenStoreOptions,
  PublicationSpan,
  ReportListing,
  RunRecord,
  RunResult,
  RunStatus,
  SavedCorpus,
  Store,
  StoredDocument,
  StoryVersion,
  StoryVersionInput,
} from './types';
