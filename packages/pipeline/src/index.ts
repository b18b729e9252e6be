export { buildEvent, buildReport, type DocumentInput, type DocumentMeta, type ProcessedDocument, processDocument } from './stages';
