export {
  clusterEvents,
  defaultMinSimilarity,
  type EventClusterOptions,
  type EventDocument,
  type EventGrouping,
  findCopies,
  groupEvents,
  nameKeys,
} from './events';
export {
  type AlignDocument,
  type AlignedRendition,
  type AlignOptions,
  alignStatements,
  type StatementGroup,
  speakersWords,
} from './statements';
