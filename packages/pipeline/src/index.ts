/** Languages whose bilingual dictionary a report needed and did not find (translations not aligned). */
export { missingDictionaries } from '@parallax/normalize';
export * from './fleet/index';
export { type ReplayPage, type ReplayServer, startReplayServer } from './replay-server';
export {
  type RunFailure,
  type RunOptions,
  type RunProgress,
  type RunResult,
  type RunSource,
  runPipeline,
} from './runner';
export {
  buildEvent,
  buildReport,
  buildStatements,
  type DocumentInput,
  type DocumentMeta,
  joinStories,
  type ProcessedDocument,
  type ProcessOptions,
  processDocument,
} from './stages';
