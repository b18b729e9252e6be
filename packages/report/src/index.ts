export { CSV_COLUMNS, csvCell, renderCsv } from './csv';
export type { EvidenceOptions } from './evidence';
export { type HtmlReportOptions, renderHtml } from './html';
export { renderJson } from './json';
export { renderMarkdown } from './markdown';
export { isReportFormat, REPORT_FORMATS, type ReportFormat, renderReport } from './render';
export { type ReportSummary, summarizeReport } from './summary';
export { validateReport } from './validate';
