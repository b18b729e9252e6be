import { ParallaxError, Report } from '@parallax/core';

const MAX_ISSUES_IN_MESSAGE = 5;

/**
 * Checks a value against the report contract and returns it as parsed by the schema: keys in schema
 * order, unknown keys dropped. Refuses anything else with `PARALLAX_REPORT_INVALID` (never retried: the
 * report itself must change). The issues go in `details.issues` as `{ path, message }`.
 */
export function validateReport(input: unknown): Report {
  const result = Report.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map((part) => String(part)).join('.') || '(root)',
    message: issue.message,
  }));
  const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((issue) => `${issue.path}: ${issue.message}`);
  const more =
    issues.length > MAX_ISSUES_IN_MESSAGE ? `; and ${issues.length - MAX_ISSUES_IN_MESSAGE} more` : '';
  throw new ParallaxError(
    'PARALLAX_REPORT_INVALID',
    `Not a valid Parallax report (schema version 1): ${shown.join('; ')}${more}`,
    { cause: result.error, details: { issues } },
  );
}
