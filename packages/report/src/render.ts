import { type Report, UsageError } from '@parallax/core';
import { renderCsv } from './csv';
import type { HtmlReportOptions } from './html';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';

export type ReportFormat = 'md' | 'html' | 'json' | 'csv';

export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'json', 'csv'];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * Renders in the given format; an unknown format (say, from a CLI flag) is a UsageError. The options
 * only change the HTML rendering (where its evidence points).
 */
export function renderReport(report: Report, format: ReportFormat, options: HtmlReportOptions = {}): string {
  switch (format) {
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report, options);
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderCsv(report);
    default:
      throw new UsageError(
        `Unknown report format ${JSON.stringify(format)}: use one of ${REPORT_FORMATS.join(', ')}`,
      );
  }
}
