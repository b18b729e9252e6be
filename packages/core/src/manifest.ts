import { z } from 'zod';
import { SourceKind } from './schemas';

/**
 * Field names that people and other tools use for the manifest's fields ("outlet" for the source,
 * "date" for the publication time…). A manifest written by hand or exported from elsewhere is read
 * as meant instead of being refused for its vocabulary.
 */
const FIELD_ALIASES: Record<string, string[]> = {
  file: ['path', 'filename'],
  source: ['outlet', 'publisher', 'name', 'site'],
  url: ['link', 'href'],
  publishedAt: ['date', 'published', 'published_at', 'datePublished', 'pubDate'],
  kind: ['type', 'sourceKind', 'source_kind'],
  lang: ['language'],
  title: ['headline'],
};

/** Words for the kinds of source, mapped onto the four kinds a report distinguishes. */
const KIND_WORDS: Record<string, SourceKind> = {
  outlet: 'outlet',
  news: 'outlet',
  newspaper: 'outlet',
  media: 'outlet',
  agency: 'outlet',
  'news agency': 'outlet',
  wire: 'outlet',
  broadcaster: 'outlet',
  magazine: 'outlet',
  official: 'official',
  government: 'official',
  ministry: 'official',
  court: 'official',
  embassy: 'official',
  presidency: 'official',
  primary: 'official',
  aggregator: 'aggregator',
  other: 'other',
};

function withCanonicalFields(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const entry: Record<string, unknown> = { ...value };
  for (const [field, aliases] of Object.entries(FIELD_ALIASES)) {
    if (entry[field] !== undefined) continue;
    const alias = aliases.find((a) => entry[a] !== undefined);
    if (alias !== undefined) entry[field] = entry[alias];
  }
  if (typeof entry.kind === 'string') entry.kind = KIND_WORDS[entry.kind.trim().toLowerCase()] ?? entry.kind;
  return entry;
}

/** How much of a publication date a manifest gave: a year, a month, a day, or a time of day. */
export const DatePrecision = z.enum(['year', 'month', 'day', 'time']);
export type DatePrecision = z.infer<typeof DatePrecision>;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1–12 for an English month name or its abbreviation ("September", "Sep", "Sept."), else 0. */
function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return 0;
  const full = new Date(Date.UTC(2000, i, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  return full.toLowerCase().startsWith(w) || w === 'sept' ? i + 1 : 0;
}

/** A calendar date as its midnight UTC, or null when the day does not exist (2024-02-30). */
function utcDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString();
}

/**
 * A publication date as written in real manifests, as an ISO instant and the precision it was given
 * at: "2024" (year), "2024-09" or "September 2024" (month), "2024-09-02", "September 2, 2024" or
 * "2 Sep 2024" (day, its midnight UTC), a date-time with offset as given and one without read as UTC
 * (time), or an RFC 2822 date as RSS feeds write it (time).
 */
export function parsePublishedAt(raw: string): { iso: string; precision: DatePrecision } | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  let m = text.match(/^(\d{4})$/);
  if (m) return { iso: utcDate(Number(m[1]), 1, 1) as string, precision: 'year' };
  m = text.match(/^(\d{4})[-/](\d{1,2})$/);
  if (m) {
    const iso = utcDate(Number(m[1]), Number(m[2]), 1);
    return iso ? { iso, precision: 'month' } : null;
  }
  m = text.match(/^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/);
  if (m) {
    const iso = utcDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { iso, precision: 'day' } : null;
  }
  m = text.match(/^([A-Za-z]+\.?) (\d{4})$/);
  if (m && monthNumber(m[1] as string)) {
    return { iso: utcDate(Number(m[2]), monthNumber(m[1] as string), 1) as string, precision: 'month' };
  }
  // "September 2, 2024", "Sep. 2 2024", "2 September 2024", "2 Sep, 2024"
  m = text.match(/^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/);
  const dm = text.match(/^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+\.?),? (\d{4})$/);
  const [monthWord, day, year] = m ? [m[1], m[2], m[3]] : dm ? [dm[2], dm[1], dm[3]] : [];
  if (monthWord && monthNumber(monthWord)) {
    const iso = utcDate(Number(year), monthNumber(monthWord), Number(day));
    return iso ? { iso, precision: 'day' } : null;
  }
  const local = text.match(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$/);
  const iso = local
    ? `${local[1]}T${local[2]}Z`
    : /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)
      ? text.replace(' ', 'T')
      : null;
  const rfc2822 =
    /^(?:[A-Za-z]{3}, )?\d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}(:\d{2})? ?(?:[A-Z]{1,4}|[+-]\d{4})$/.test(text);
  const time = iso ? Date.parse(iso) : rfc2822 ? Date.parse(text) : Number.NaN;
  return Number.isNaN(time) ? null : { iso: new Date(time).toISOString(), precision: 'time' };
}

const PublishedAt = z.string().transform((raw, ctx) => {
  const parsed = parsePublishedAt(raw);
  if (!parsed) {
    ctx.addIssue({
      code: 'custom',
      message: `expected an ISO date (2024-09-02) or date-time (2024-09-02T12:00:00Z), a month (2024-09), a year (2024) or a written date (September 2, 2024), got "${raw}"`,
    });
    return z.NEVER;
  }
  return parsed;
});

/**
 * One document of a corpus manifest (`compare --manifest`, the demo corpus). The file, its source and
 * its URL are required; the kind defaults to outlet, and the language, title and date come from the
 * document itself when the manifest does not give them.
 */
export const ManifestEntry = z.preprocess(
  withCanonicalFields,
  z
    .object({
      file: z.string().min(1),
      source: z.string().min(1),
      kind: SourceKind.default('outlet'),
      url: z.string().url(),
      lang: z.string().min(2).optional(),
      publishedAt: PublishedAt.optional(),
      title: z.string().optional(),
    })
    .transform(
      ({
        publishedAt,
        ...entry
      }): typeof entry & { publishedAt?: string; publishedPrecision?: DatePrecision } =>
        // A full time needs no precision beside it; a day, a month or a year says how much is known.
        publishedAt === undefined
          ? entry
          : publishedAt.precision === 'time'
            ? { ...entry, publishedAt: publishedAt.iso }
            : { ...entry, publishedAt: publishedAt.iso, publishedPrecision: publishedAt.precision },
    ),
);
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/** A list of entries, or an object holding it under `documents`. */
export const Manifest = z.preprocess(
  (value) =>
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Array.isArray((value as { documents?: unknown }).documents)
      ? (value as { documents: unknown[] }).documents
      : value,
  z.array(ManifestEntry).min(1),
);
export type Manifest = z.infer<typeof Manifest>;
