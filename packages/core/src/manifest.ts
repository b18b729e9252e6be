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

/**
 * A publication time as an ISO instant: a full date-time with offset as given, a date-time without
 * one read as UTC, a bare date as its midnight UTC.
 */
const PublishedAt = z.string().transform((raw, ctx) => {
  const text = raw.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T00:00:00Z`
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
      ? `${text}Z`
      : text;
  const time = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(time)) {
    ctx.addIssue({
      code: 'custom',
      message: `expected an ISO date (2024-09-02) or date-time (2024-09-02T12:00:00Z), got "${raw}"`,
    });
    return z.NEVER;
  }
  return new Date(time).toISOString();
});

/**
 * One document of a corpus manifest (`compare --manifest`, the demo corpus). The file, its source and
 * its URL are required; the kind defaults to outlet, and the language, title and date come from the
 * document itself when the manifest does not give them.
 */
export const ManifestEntry = z.preprocess(
  withCanonicalFields,
  z.object({
    file: z.string().min(1),
    source: z.string().min(1),
    kind: SourceKind.default('outlet'),
    url: z.string().url(),
    lang: z.string().min(2).optional(),
    publishedAt: PublishedAt.optional(),
    title: z.string().optional(),
  }),
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
