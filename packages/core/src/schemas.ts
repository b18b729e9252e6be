import { z } from 'zod';

/** The report contract's version. Fields may be added within a version; none may change meaning. */
export const SCHEMA_VERSION = 1 as const;

const isoDateTime = z.string().datetime({ offset: true });
const offset = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256');

export const SourceKind = z.enum(['outlet', 'official', 'aggregator', 'other']);
export type SourceKind = z.infer<typeof SourceKind>;

export const Source = z.object({
  id: z.string(),
  name: z.string().min(1),
  kind: SourceKind,
  homepage: z.string().url().optional(),
});
export type Source = z.infer<typeof Source>;

/** One fetch of one URL, as stored: what came back and the hash of exactly those bytes. */
export const Snapshot = z.object({
  sha256,
  url: z.string(),
  finalUrl: z.string(),
  redirects: z.array(z.string()),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  contentType: z.string().nullable(),
  fetchedAt: isoDateTime,
  byteLength: z.number().int().nonnegative(),
});
export type Snapshot = z.infer<typeof Snapshot>;

/**
 * Per-outlet extraction hints (CSS selectors) from a source profile. They improve known outlets;
 * extraction must still stand on its own without them.
 */
export const ExtractionHints = z.object({
  /** Elements holding the article body, tried in order; the first that matches wins. */
  body: z.array(z.string()).optional(),
  /** Elements to drop before extraction (share bars, promos) in addition to the generic rules. */
  remove: z.array(z.string()).optional(),
  title: z.string().optional(),
  byline: z.string().optional(),
  publishedAt: z.string().optional(),
});
export type ExtractionHints = z.infer<typeof ExtractionHints>;

export const BlockType = z.enum(['title', 'heading', 'paragraph', 'quote', 'list']);
export const TextBlock = z.object({ type: BlockType, start: offset, end: offset });
export type TextBlock = z.infer<typeof TextBlock>;

/**
 * A document's readable text. `text` is what every offset in Parallax refers to: for HTML it is the
 * headline, a blank line, then the body blocks separated by blank lines; for plain text it is the
 * file's content unchanged.
 */
export const Article = z.object({
  title: z.string(),
  byline: z.string().nullable(),
  publishedAt: isoDateTime.nullable(),
  /** When the page says it was last updated (JSON-LD dateModified, article:modified_time). */
  modifiedAt: isoDateTime.optional(),
  lang: z.string(),
  text: z.string(),
  blocks: z.array(TextBlock),
  /** End offset of the headline inside `text` (0 when the document has none). */
  headlineEnd: offset,
});
export type Article = z.infer<typeof Article>;

export const StatementKind = z.enum(['direct', 'partial', 'indirect']);
export type StatementKind = z.infer<typeof StatementKind>;

/** A stretch of a document's text: offsets and the words they slice. */
export const StatementSpan = z.object({ start: offset, end: offset, text: z.string() });
export type StatementSpan = z.infer<typeof StatementSpan>;

export const Statement = z.object({
  id: z.string(),
  text: z.string(),
  kind: StatementKind,
  /** The speaker as the document wrote it, or null when nothing in the text names one. */
  speaker: z.string().nullable(),
  /** The speaker after resolving pronouns and attributions carried over from nearby sentences. */
  resolvedSpeaker: z.string().nullable(),
  cue: z.string().nullable(),
  lang: z.string(),
  /**
   * The content span: a direct quote's words inside its marks (from the first quotation to the last
   * when its tag splits it), a partial or indirect statement's whole attributed clause (PARC, PolNeAR).
   */
  start: offset,
  end: offset,
  /** The verbatim spans inside the content: a direct quote's quotations, a partial quote's fragments. */
  quoted: z.array(StatementSpan).optional(),
  /** Where the source (the speaker phrase as written at the attribution) stands. */
  source: StatementSpan.optional(),
  /** Where the cue ("said", "according to", "заявил") stands. */
  cueSpan: StatementSpan.optional(),
});
export type Statement = z.infer<typeof Statement>;

export const FactKind = z.enum(['number', 'date', 'place', 'name']);
export type FactKind = z.infer<typeof FactKind>;

export const Fact = z.object({
  id: z.string(),
  kind: FactKind,
  /** What the value is about, normalised (`member states`, `talks`, `location`). */
  subject: z.string(),
  /** Normalised value: a number as digits, a date as YYYY-MM-DD (or YYYY-MM), a place's canonical name. */
  value: z.string(),
  /** The words as written. */
  text: z.string(),
  start: offset,
  end: offset,
  /** For places: ISO country code of the place, when the gazetteer knows it. */
  country: z.string().optional(),
  /** For places: what the gazetteer knows it as (a capital's name often stands for its government). */
  placeType: z.enum(['country', 'capital', 'city', 'region']).optional(),
  /** True when the fact is in the headline. */
  inHeadline: z.boolean().optional(),
  /**
   * For numbers the words bound rather than state ("more than 120", "about 400,000", "4.75%–5%",
   * "up to 34 percent"): the interval they allow. A figure inside it does not contradict them.
   */
  low: z.number().optional(),
  high: z.number().optional(),
  /** For numbers: a part of a larger count given beside it ("24, including 16 …", "13 of the 16"). */
  part: z.boolean().optional(),
  /** For dates written with a weekday ("Wednesday, August 1"): the weekday as written, in English. */
  weekday: z.string().optional(),
  /** When the document reporting the fact was published (ISO), for telling an update from a disagreement. */
  asOf: z.string().optional(),
});
export type Fact = z.infer<typeof Fact>;

export const DocumentRef = z.object({
  id: z.string(),
  source: z.string(),
  kind: SourceKind,
  url: z.string(),
  title: z.string(),
  publishedAt: isoDateTime.optional(),
  /**
   * How much of publishedAt is known when less than the time of day: a manifest that gave "2024-09"
   * (month, publishedAt is its first day) or "2024" (year). Compare dates only to this precision.
   */
  publishedPrecision: z.enum(['year', 'month', 'day']).optional(),
  lang: z.string(),
  snapshotSha256: sha256,
  copyOf: z.string().optional(),
});
export type DocumentRef = z.infer<typeof DocumentRef>;

export const Rendition = z.object({
  documentId: z.string(),
  text: z.string(),
  kind: StatementKind,
  speakerLabel: z.string().nullable(),
  cue: z.string().optional(),
  start: offset,
  end: offset,
});
export type Rendition = z.infer<typeof Rendition>;

export const DivergenceType = z.enum([
  'verbatim',
  'truncated',
  'elided',
  'extended',
  'reworded',
  'paraphrased',
  'misattributed',
  'negation',
  'number',
  'date',
  'place',
  'translated',
]);
export type DivergenceType = z.infer<typeof DivergenceType>;

export const DiffOp = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export type DiffOp = z.infer<typeof DiffOp>;

/** How rendition b differs from rendition a (a is the reference: the primary source when there is one). */
export const Divergence = z.object({
  type: DivergenceType,
  a: z.string(),
  b: z.string(),
  diff: z.array(DiffOp).optional(),
  note: z.string(),
});
export type Divergence = z.infer<typeof Divergence>;

export const Speaker = z.object({ id: z.string(), name: z.string() });
export type Speaker = z.infer<typeof Speaker>;

/**
 * One utterance (a speaker on one occasion) with every rendition of it in the run's documents,
 * aligned over the whole run: its renditions may come from documents of several events.
 */
export const AlignedStatement = z.object({
  id: z.string(),
  speaker: Speaker.nullable(),
  renditions: z.array(Rendition).min(1),
  divergences: z.array(Divergence),
});
export type AlignedStatement = z.infer<typeof AlignedStatement>;

export const FactConflict = z.object({
  kind: FactKind,
  subject: z.string(),
  values: z
    .array(
      z.object({ documentId: z.string(), value: z.string(), text: z.string(), start: offset, end: offset }),
    )
    .min(2),
  /**
   * Set when the values are successive figures of one running count (a toll that later reports
   * raised), not a disagreement: each figure with when it was first reported, earliest first.
   */
  update: z
    .array(z.object({ value: z.string(), reportedAt: z.string() }))
    .min(2)
    .optional()
    .describe(
      'Set when the values are successive figures of one running count (a toll later reports raised), not a disagreement: each figure with when it was first reported, earliest first.',
    ),
});
export type FactConflict = z.infer<typeof FactConflict>;

/** One version of a passage of an edited page: which snapshot it is read from, when, and where. */
export const EditVersion = z.object({
  documentId: z.string(),
  snapshotSha256: sha256,
  fetchedAt: isoDateTime,
  /** The passage's words in this version ('' where the other version's passage has no counterpart). */
  text: z.string(),
  start: offset,
  end: offset,
  /** For a statement: its speaker as this version wrote (or resolved) it. */
  speakerLabel: z.string().nullable().optional(),
  /** For a figure: its normalised value in this version. */
  value: z.string().optional(),
});
export type EditVersion = z.infer<typeof EditVersion>;

export const EditChange = z.enum(['quote', 'speaker', 'figure', 'added', 'removed']);
export type EditChange = z.infer<typeof EditChange>;

/**
 * A silent edit: a page fetched again whose article text changed in a statement or a fact since its
 * previous stored version. `quote`: a statement's words changed (diff from before to after, the word
 * diff of renditions); `speaker`: the person or body it is given to changed; `figure`: a number, date,
 * place or name changed its value; `added`/`removed`: a statement the other version does not carry
 * (its side has empty text at the matching offset). Changes to the page's furniture only (the extracted
 * text unchanged, or changed outside every statement and fact) are no edit.
 */
export const Edit = z.object({
  type: z.literal('edit'),
  change: EditChange,
  url: z.string(),
  before: EditVersion,
  after: EditVersion,
  diff: z.array(DiffOp).optional(),
  note: z.string(),
});
export type Edit = z.infer<typeof Edit>;

/**
 * What a story's version adds to an earlier one (`parallax report STORY --since`, the changes feed):
 * its new documents, renditions, divergences, fact conflicts and silent edits, and the stories it
 * absorbed. Renditions and divergences carry the id of their aligned statement in this version.
 */
export const StoryChanges = z.object({
  storyId: z.string(),
  version: z.number().int().min(1),
  /** The version compared with: null for a story's first version. */
  since: z.number().int().min(1).nullable(),
  generatedAt: isoDateTime,
  documents: z.array(z.string()),
  renditions: z.array(Rendition.extend({ statementId: z.string() })),
  divergences: z.array(Divergence.extend({ statementId: z.string() })),
  factConflicts: z.array(FactConflict),
  edits: z.array(Edit),
  /** Stories whose documents this version took over (they have no version after it). */
  merged: z.array(z.string()),
});
export type StoryChanges = z.infer<typeof StoryChanges>;

/**
 * A story: document clusters (its occasions) joined where an aligned statement has renditions in
 * both. `statements` are the run's statements with a rendition in one of its documents (as clusters
 * join on any shared statement, each statement is in exactly one story in a pipeline report).
 */
export const Event = z.object({
  id: z.string(),
  title: z.string(),
  documents: z.array(DocumentRef).min(1),
  statements: z
    .array(AlignedStatement)
    .describe(
      "The run's statements (aligned across all events) with a rendition in one of this event's documents; a statement is listed, with all its renditions and the same id, in every event holding one of them.",
    ),
  factConflicts: z.array(FactConflict),
  coverage: z
    .array(
      z.object({
        statementId: z.string(),
        documentIds: z.array(z.string()),
        missingFrom: z.array(z.string()),
      }),
    )
    .optional(),
  fidelity: z
    .array(
      z.object({
        documentId: z.string(),
        renditions: z.number().int().nonnegative(),
        verbatim: z.number().int().nonnegative(),
        byType: z.record(z.string(), z.number().int().nonnegative()),
      }),
    )
    .optional(),
  /** Set on a story's report read with `--since`: what is new since that version. */
  changes: StoryChanges.optional().describe(
    "Set on a story's report read since an earlier version: what is new since then (renditions, divergences, fact conflicts, edits).",
  ),
  edits: z
    .array(Edit)
    .optional()
    .describe(
      "Silent edits: this story's pages fetched again whose statements or facts changed since their previous stored version, each with both versions' snapshot hashes, fetch times and offsets.",
    ),
  /** The story's occasions, when it has several: document ids per cluster of pages about one occasion. */
  occasions: z
    .array(z.array(z.string()))
    .optional()
    .describe(
      "The story's occasions, when it has several: document ids per cluster of pages about one occasion.",
    ),
});
export type Event = z.infer<typeof Event>;

export const Report = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generatedAt: isoDateTime,
  /** Stories; statements are aligned across all of them (see Event.statements). */
  events: z
    .array(Event)
    .describe('Stories; statements are aligned across all of them (see Event.statements).'),
});
export type Report = z.infer<typeof Report>;

/** The Report contract as JSON Schema (draft 2020-12), for consumers outside TypeScript. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Report, { target: 'draft-2020-12' }),
    $id: 'https://parallax.dev/schema/report-v1.json',
    title: 'Parallax Report',
  };
}
