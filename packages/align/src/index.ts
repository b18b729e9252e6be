export { clusterEvents, type EventClusterOptions, type EventDocument, nameKeys } from './events';
export {
  type AlignDocument,
  type AlignedRendition,
  type AlignOptions,
  alignStatements,
  type StatementGroup,
} from './statements';
