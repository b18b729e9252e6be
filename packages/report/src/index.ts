export { renderHtml } from './html';
export { renderJson } from './json';
export { renderMarkdown } from './markdown';
export { isReportFormat, REPORT_FORMATS, type ReportFormat, renderReport } from './render';
export { type ReportSummary, summarizeReport } from './summary';
export { validateReport } from './validate';
