export { assignStories, type CorpusCompareResult, compareWithCorpus, storyChanges } from './corpus';
export { editsOfPages, findEdits, type PageVersion } from './edits';
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
export { type ChangeLine, changesSince, storyReport } from './stories';
export { type TranslationGaps, translationGaps } from './translation-gaps';
