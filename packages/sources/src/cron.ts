const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldRange {
  min: number;
  max: number;
  names?: string[];
  /** The value the first name stands for (months count from 1, weekdays from 0). */
  nameBase?: number;
}

const MINUTE: FieldRange = { min: 0, max: 59 };
const FIELDS_5: FieldRange[] = [
  MINUTE,
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { min: 0, max: 7, names: WEEKDAYS, nameBase: 0 },
];

function value(token: string, range: FieldRange): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  const index = range.names?.indexOf(token.toLowerCase()) ?? -1;
  return index >= 0 ? index + (range.nameBase ?? 0) : null;
}

function validField(field: string, range: FieldRange): boolean {
  return field.split(',').every((item) => {
    const [span, step, ...rest] = item.split('/');
    if (rest.length > 0 || span === undefined || span === '') return false;
    if (step !== undefined && !(/^\d+$/.test(step) && Number(step) > 0)) return false;
    if (span === '*' || span === '?') return true;
    const [from, to, ...more] = span.split('-');
    if (more.length > 0 || from === undefined) return false;
    const a = value(from, range);
    const b = to === undefined ? a : value(to, range);
    return a !== null && b !== null && a >= range.min && b <= range.max && a <= b;
  });
}

/**
 * Whether `expression` is a cron schedule the scheduler (BullMQ's cron parser) accepts: five fields
 * (minute hour day-of-month month weekday), or six with seconds first; numbers, names, *, ranges,
 * steps and lists.
 */
export function isCronExpression(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length === 6)
    return validField(fields[0] ?? '', MINUTE) && isCronExpression(fields.slice(1).join(' '));
  if (fields.length !== 5) return false;
  return fields.every((field, i) => {
    const range = FIELDS_5[i];
    return range !== undefined && validField(field, range);
  });
}
