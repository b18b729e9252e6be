import { type AlignedRendition, alignStatements, groupEvents, type StatementGroup } from '@parallax/align';
import {
  type ComparableRendition,
  compareRenditions,
  coverageOf,
  fidelityOf,
  findFactConflicts,
} from '@parallax/compare';
import {
  type AlignedStatement,
  type Article,
  contentId,
  type DocumentRef,
  type Edit,
  type Event,
  type Fact,
  type Report,
  SCHEMA_VERSION,
  type SourceKind,
  type Statement,
  severityRank,
} from '@parallax/core';
import { articleFromText, extractArticle } from '@parallax/extract';
import { type CanonicalSpeaker, contentStems, isSpeakerLabel, speakerRelation } from '@parallax/normalize';
import { extractFacts, extractStatements, type StatementOptions, splitSentences } from '@parallax/statements';

/** What is known about a document before its text is read: from a manifest, a source profile or a file. */
export interface DocumentMeta {
  source: string;
  kind: SourceKind;
  url: string;
  title?: string;
  lang?: string;
  publishedAt?: string;
}

export interface DocumentInput {
  meta: DocumentMeta;
  /** The decoded body. */
  body: string;
  format: 'html' | 'text';
  snapshotSha256: string;
}

/** One document through extract and statements: everything later stages need, as stored. */
export interface ProcessedDocument {
  ref: DocumentRef;
  article: Article;
  statements: Statement[];
  facts: Fact[];
}

/** How statements are cut (see StatementOptions): the pipeline's default units, or attributions. */
export type ProcessOptions = Pick<StatementOptions, 'units' | 'onWarning'>;

/** Stage extract + statements: a document's body → its article, statements and facts. Pure. */
export function processDocument(input: DocumentInput, options: ProcessOptions = {}): ProcessedDocument {
  const { meta } = input;
  const extracted =
    input.format === 'html'
      ? extractArticle(input.body, { url: meta.url })
      : articleFromText(input.body, { publishedAt: meta.publishedAt });
  const article: Article = {
    ...extracted,
    lang: meta.lang ?? extracted.lang,
    publishedAt: meta.publishedAt ?? extracted.publishedAt,
  };
  const id = contentId('doc', meta.url, input.snapshotSha256);
  const statements = extractStatements(article.text, {
    lang: article.lang,
    headlineEnd: article.headlineEnd,
    issuer: meta.kind === 'official' ? meta.source : undefined,
    documentId: id,
    ...options,
  });
  const facts = extractFacts(article.text, {
    publishedAt: article.publishedAt,
    headlineEnd: article.headlineEnd,
    documentId: id,
  });
  const ref: DocumentRef = {
    id,
    source: meta.source,
    kind: meta.kind,
    url: meta.url,
    title: meta.title ?? article.title,
    lang: article.lang,
    snapshotSha256: input.snapshotSha256,
    ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
  };
  return { ref, article, statements, facts };
}

function comparable(r: AlignedRendition, facts: Fact[]): ComparableRendition {
  const { statement } = r;
  return {
    documentId: r.documentId,
    text: statement.text,
    kind: statement.kind,
    lang: r.lang,
    speakerLabel: statement.resolvedSpeaker ?? statement.speaker,
    writtenLabel: statement.speaker,
    speaker: r.speaker,
    facts: facts.filter((f) => f.start >= statement.start && f.end <= statement.end),
  };
}

/** Content words a sentence of a quotation needs to be aligned on its own. */
const MIN_PART_WORDS = 6;

/**
 * A quotation of several sentences as its sentences, for alignment: outlets quote one sentence of a
 * statement here, another there, and both sentences elsewhere; each sentence is lined up with its
 * own renditions. A sentence too short to be told apart ("No.", "We love you!") stays with the one
 * before it. Reported speech is one clause and stays whole.
 */
export function sentenceParts(statement: Statement, text: string): Statement[] {
  if (statement.kind !== 'direct') return [statement];
  const sentences = splitSentences(text, [{ start: statement.start, end: statement.end }]);
  if (sentences.length < 2) return [statement];
  const spans: Array<{ start: number; end: number }> = [];
  for (const s of sentences) {
    const long = contentStems(text.slice(s.start, s.end)).length >= MIN_PART_WORDS;
    const last = spans[spans.length - 1];
    if (last && (!long || contentStems(text.slice(last.start, last.end)).length < MIN_PART_WORDS))
      last.end = s.end;
    else spans.push({ start: s.start, end: s.end });
  }
  if (spans.length < 2) return [statement];
  return spans.map((span, i) => {
    const part = text.slice(span.start, span.end);
    return {
      ...statement,
      id: contentId('st', statement.id, String(i)),
      text: part,
      start: span.start,
      end: span.end,
      ...(statement.quoted
        ? {
            quoted: statement.quoted
              .filter((q) => q.end > span.start && q.start < span.end)
              .map((q) => {
                const start = Math.max(q.start, span.start);
                const end = Math.min(q.end, span.end);
                return { start, end, text: text.slice(start, end) };
              }),
          }
        : {}),
    };
  });
}

/**
 * The groups of sentence parts made groups of utterances: the groups that hold sentences of one
 * quotation are one statement (the quotation is one utterance, whichever of its sentences other
 * outlets quote), and each quotation is one rendition, whole, in it. The reference is that of the
 * largest group joined.
 */
function wholeUtterances(groups: StatementGroup[], wholeOf: Map<string, Statement>): StatementGroup[] {
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  // The speakers each joined set of groups names, so that a join never puts a different person or
  // body's words in the utterance (a quotation run read as one, a pronoun resolved wrongly): the
  // speaker of its reference when the reference names one — a member misattributing the words to
  // someone else is a finding of that utterance, not another utterance — else every speaker named.
  const speakersOf = new Map<number, CanonicalSpeaker[]>();
  const named = (r: AlignedRendition) => r.speaker !== null && isSpeakerLabel(r.statement.speaker);
  groups.forEach((group, g) => {
    const reference = group.renditions[group.reference] as AlignedRendition;
    const list = named(reference) ? [reference] : group.renditions.filter(named);
    speakersOf.set(
      g,
      list.map((r) => r.speaker as CanonicalSpeaker),
    );
  });
  const groupOfWhole = new Map<string, number>();
  groups.forEach((group, g) => {
    for (const r of group.renditions) {
      const whole = (wholeOf.get(r.statement.id) ?? r.statement).id;
      const seen = groupOfWhole.get(whole);
      if (seen === undefined) groupOfWhole.set(whole, g);
      else {
        const a = find(seen);
        const b = find(g);
        if (a === b) continue;
        const sa = speakersOf.get(a) ?? [];
        const sb = speakersOf.get(b) ?? [];
        if (sa.some((x) => sb.some((y) => speakerRelation(x, y) === 'different'))) continue;
        const root = Math.min(a, b);
        parent[Math.max(a, b)] = root;
        speakersOf.set(root, [...sa, ...sb]);
      }
    }
  });
  const joined = new Map<number, number[]>();
  groups.forEach((_, g) => {
    const root = find(g);
    joined.set(root, [...(joined.get(root) ?? []), g]);
  });
  return [...joined.values()].map((members) => {
    const lead = members.reduce((best, g) =>
      (groups[g] as StatementGroup).renditions.length > (groups[best] as StatementGroup).renditions.length
        ? g
        : best,
    );
    const leadGroup = groups[lead] as StatementGroup;
    const leadWhole = wholeOf.get(
      (leadGroup.renditions[leadGroup.reference] as AlignedRendition).statement.id,
    );
    const renditions: AlignedRendition[] = [];
    const seen = new Set<string>();
    for (const g of [lead, ...members.filter((m) => m !== lead)])
      for (const r of (groups[g] as StatementGroup).renditions) {
        const whole = wholeOf.get(r.statement.id) ?? r.statement;
        if (seen.has(whole.id)) continue;
        seen.add(whole.id);
        renditions.push({ ...r, statement: whole });
      }
    const reference = Math.max(
      0,
      renditions.findIndex((r) => r.statement.id === leadWhole?.id),
    );
    return { renditions, reference };
  });
}

/**
 * Stage align + compare over documents: every statement of every document lined up with its other
 * renditions, whichever event cluster each document fell into, and each rendition compared with the
 * group's reference. Most severe first.
 */
export function buildStatements(
  documents: ProcessedDocument[],
  occasionOf?: Map<string, string>,
): AlignedStatement[] {
  const byId = new Map(documents.map((d) => [d.ref.id, d]));
  // Quotations are aligned sentence by sentence (see sentenceParts), then made whole again.
  const wholeOf = new Map<string, Statement>();
  const parts = documents.map((d) =>
    d.statements.flatMap((statement) => {
      const list = sentenceParts(statement, d.article.text);
      for (const part of list) wholeOf.set(part.id, statement);
      return list;
    }),
  );
  const groups = wholeUtterances(
    alignStatements(
      documents.map((d, i) => ({
        id: d.ref.id,
        kind: d.ref.kind,
        lang: d.ref.lang,
        statements: parts[i] as Statement[],
        ...(d.ref.copyOf ? { copyOf: d.ref.copyOf } : {}),
        ...(occasionOf?.has(d.ref.id) ? { occasion: occasionOf.get(d.ref.id) } : {}),
        publishedAt: d.ref.publishedAt ?? null,
      })),
    ),
    wholeOf,
  );
  const statements: AlignedStatement[] = groups.map((group) => {
    const reference = group.renditions[group.reference] as AlignedRendition;
    const others = group.renditions.filter((_, i) => i !== group.reference);
    const ordered = [reference, ...others];
    const factsOf = (r: AlignedRendition) => byId.get(r.documentId)?.facts ?? [];
    const divergences = others.flatMap((o) =>
      compareRenditions(comparable(reference, factsOf(reference)), comparable(o, factsOf(o))),
    );
    const speaker = ordered.find((r) => r.speaker)?.speaker ?? null;
    return {
      id: contentId('as', ...ordered.map((r) => r.statement.id).sort()),
      speaker: speaker ? { id: contentId('spk', speaker.key), name: speaker.name } : null,
      renditions: ordered.map((r) => ({
        documentId: r.documentId,
        text: r.statement.text,
        kind: r.statement.kind,
        speakerLabel: r.statement.speaker,
        ...(r.statement.cue ? { cue: r.statement.cue } : {}),
        start: r.statement.start,
        end: r.statement.end,
      })),
      divergences,
    };
  });
  const severity = (s: AlignedStatement) =>
    Math.min(...s.divergences.map((d) => severityRank(d.type)), s.renditions.length > 1 ? 8 : 10);
  statements.sort((a, b) => severity(a) - severity(b) || b.renditions.length - a.renditions.length);
  return statements;
}

/**
 * One event (a story) from its documents. Its statements are those given (aligned over the whole run:
 * see buildReport) that have a rendition in one of its documents — a statement carried by documents
 * of several events is in each, with the same id and all its renditions — or, when none are given,
 * its own documents' statements aligned among themselves. `occasions`: the document clusters the
 * story joins, listed when there are several. Pure.
 */
export function buildEvent(
  documents: ProcessedDocument[],
  runStatements?: AlignedStatement[],
  occasions?: string[][],
): Event {
  const refs = documents.map((d) => d.ref);
  const ids = new Set(refs.map((r) => r.id));
  const statements = runStatements
    ? runStatements.filter((s) => s.renditions.some((r) => ids.has(r.documentId)))
    : buildStatements(documents);
  const factConflicts = findFactConflicts(
    documents.map((d) => ({ documentId: d.ref.id, facts: d.facts, text: d.article.text })),
  );
  return {
    id: contentId('event', ...refs.map((r) => r.id).sort()),
    title: eventTitle(documents),
    documents: refs,
    statements,
    factConflicts,
    coverage: coverageOf(statements, refs),
    fidelity: fidelityOf(statements, refs),
    ...(occasions && occasions.length > 1 ? { occasions } : {}),
  };
}

/** An event is named after its earliest independent report, else its earliest document. */
function eventTitle(documents: ProcessedDocument[]): string {
  const time = (d: ProcessedDocument) =>
    d.ref.publishedAt ? Date.parse(d.ref.publishedAt) : Number.POSITIVE_INFINITY;
  const sorted = [...documents].sort((a, b) => time(a) - time(b));
  const reporter = sorted.find((d) => d.ref.kind === 'outlet' || d.ref.kind === 'aggregator');
  return (reporter ?? sorted[0])?.ref.title || 'Untitled event';
}

/**
 * Stage events + align + compare + report over a batch of processed documents. Pure given `now`.
 *
 * Statements are aligned over the whole run, never per cluster: the renditions of one utterance land
 * in one AlignedStatement whichever documents carry them. Events are stories: the document clusters
 * of groupEvents (one similarity bar at any batch size), joined where the run's statements tie them
 * (see joinStories).
 */
export function buildReport(
  input: ProcessedDocument[],
  now: Date = new Date(),
  options: {
    /** Silent edits of the batch's pages (see editsOfPages): each goes to the story of its later version. */
    edits?: readonly Edit[];
  } = {},
): Report {
  const documents = canonicalOrder(input);
  const {
    events: clusters,
    copyOf,
    nearest,
  } = groupEvents(
    documents.map((d) => ({
      id: d.ref.id,
      text: d.article.text,
      publishedAt: d.ref.publishedAt ?? null,
      kind: d.ref.kind,
    })),
  );
  // Copies (wire copies, syndication, mirrors) are marked so that they do not count as independent sources.
  const byId = new Map(
    documents.map((d) => {
      const original = copyOf.get(d.ref.id);
      return [d.ref.id, original ? { ...d, ref: { ...d.ref, copyOf: original } } : d];
    }),
  );
  const marked = documents.map((d) => byId.get(d.ref.id) as ProcessedDocument);
  // Each document's occasion is its cluster: the same words on two occasions are two statements.
  const occasionOf = new Map<string, string>();
  clusters.forEach((ids, c) => {
    for (const id of ids) occasionOf.set(id, String(c));
  });
  const statements = buildStatements(marked, occasionOf);
  const stories = joinStories(clusters, statements, { nearest });
  const events = stories.map((occasions) => {
    const event = buildEvent(
      occasions.flat().map((id) => byId.get(id) as ProcessedDocument),
      statements,
      occasions,
    );
    const ids = new Set(event.documents.map((d) => d.id));
    const edits = (options.edits ?? []).filter((e) => ids.has(e.after.documentId));
    return edits.length > 0 ? { ...event, edits } : event;
  });

  return { schemaVersion: SCHEMA_VERSION, generatedAt: now.toISOString(), events };
}

/**
 * The batch in one order whatever order it arrived in (a fleet's compare job reads documents in the
 * order they were stored, which retries and restarts change): by publication time, undated last,
 * then URL, then id. Clustering and alignment are greedy, so the same documents in another order
 * could otherwise give another report.
 */
function canonicalOrder(documents: ProcessedDocument[]): ProcessedDocument[] {
  const time = (d: ProcessedDocument) => {
    const t = d.ref.publishedAt ? Date.parse(d.ref.publishedAt) : Number.NaN;
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  const key = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...documents].sort(
    (a, b) => time(a) - time(b) || key(a.ref.url, b.ref.url) || key(a.ref.id, b.ref.id),
  );
}

/**
 * Clusters joined into stories by the statements they share: two clusters are one story when at
 * least `minShared` aligned statements have renditions in both. One is enough by default: an
 * utterance (a speaker on one occasion) quoted in two clusters ties them to one story, whatever
 * the vocabulary the pages share (a translation, an excerpt, a follow-up days later); the clusters
 * stay the story's occasions. A page alone in its cluster joins the story of its most similar page
 * at a lower similarity (options.nearest, minLoneSimilarity). Each story is returned as its
 * clusters; order: by first cluster.
 */
export function joinStories(
  clusters: string[][],
  statements: AlignedStatement[],
  options: {
    minShared?: number;
    /** Per page alone in its cluster: its most similar page and the similarity (groupEvents' nearest). */
    nearest?: Map<string, { id: string; score: number }>;
    /** Similarity at which a lone page joins the story of its most similar page. Default 0.15. */
    minLoneSimilarity?: number;
  } = {},
): string[][][] {
  const minShared = options.minShared ?? 1;
  const minLone = options.minLoneSimilarity ?? 0.15;
  const clusterOf = new Map<string, number>();
  clusters.forEach((ids, c) => {
    for (const id of ids) clusterOf.set(id, c);
  });
  const parent = clusters.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const shared = new Map<string, number>();
  for (const s of statements) {
    const cs = [...new Set(s.renditions.map((r) => clusterOf.get(r.documentId)))]
      .filter((c): c is number => c !== undefined)
      .sort((a, b) => a - b);
    for (let i = 0; i < cs.length; i++) {
      for (let j = i + 1; j < cs.length; j++) {
        const key = `${cs[i]}:${cs[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  for (const [key, count] of shared) {
    if (count < minShared) continue;
    const [a, b] = key.split(':').map(Number) as [number, number];
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  // A page alone in its cluster, about the story in words the cluster bar does not accept (a
  // transcript, a page in another script): it joins the story of the page it is most like.
  for (const [id, { id: other, score }] of options.nearest ?? []) {
    if (score < minLone) continue;
    const a = clusterOf.get(id);
    const b = clusterOf.get(other);
    if (a === undefined || b === undefined) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const stories = new Map<number, string[][]>();
  clusters.forEach((ids, c) => {
    const root = find(c);
    const story = stories.get(root);
    if (story) story.push(ids);
    else stories.set(root, [ids]);
  });
  return [...stories.values()];
}
