import {
  type AlignedStatement,
  type Divergence,
  type DocumentRef,
  type Event,
  severityRank,
} from '@parallax/core';
import { isDiverging, sortBySeverity, sortStatements } from './severity';

/**
 * What both readable renderers show for one event, decided once: short keys (D1, S1) that tie
 * renditions, divergences and conflicts back to the documents table, the statement order and the
 * split between diverging and single-source statements. Keys and anchors are made here from
 * positions, never from report strings, so they are safe to put in ids and hrefs.
 */
interface DocumentView {
  ref: DocumentRef;
  key: string;
  anchor: string;
}

interface DocumentLabel {
  /** `D2`, or null when the report names a document the event does not list. */
  key: string | null;
  /** The source's name, or the raw id of an unknown document. */
  source: string;
  anchor: string | null;
  lang: string | undefined;
}

export interface StatementView {
  statement: AlignedStatement;
  key: string;
  anchor: string;
  /** Most severe first. */
  divergences: Divergence[];
}

export interface EventView {
  event: Event;
  number: number;
  anchor: string;
  documents: DocumentView[];
  diverging: StatementView[];
  single: StatementView[];
  /** byType keys found in fidelity rows, most severe first. */
  fidelityTypes: string[];
  document(id: string): DocumentLabel;
  statement(id: string): StatementView | undefined;
}

export function buildEventView(event: Event, index: number): EventView {
  const number = index + 1;
  const anchor = `event-${number}`;
  const documents = event.documents.map((ref, i) => ({
    ref,
    key: `D${i + 1}`,
    anchor: `${anchor}-d${i + 1}`,
  }));
  const byId = new Map<string, DocumentView>();
  for (const document of documents) if (!byId.has(document.ref.id)) byId.set(document.ref.id, document);

  const ordered = sortStatements(event.statements);
  const views: StatementView[] = [];
  const diverging = ordered.filter(isDiverging);
  const single = ordered.filter((statement) => !isDiverging(statement));
  for (const statement of [...diverging, ...single]) {
    const n = views.length + 1;
    views.push({
      statement,
      key: `S${n}`,
      anchor: `${anchor}-s${n}`,
      divergences: sortBySeverity(statement.divergences),
    });
  }
  const statementsById = new Map<string, StatementView>();
  for (const view of views)
    if (!statementsById.has(view.statement.id)) statementsById.set(view.statement.id, view);

  const fidelityTypes = [...new Set((event.fidelity ?? []).flatMap((row) => Object.keys(row.byType)))].sort(
    (a, b) => severityRank(a) - severityRank(b) || (a < b ? -1 : a > b ? 1 : 0),
  );

  return {
    event,
    number,
    anchor,
    documents,
    diverging: views.slice(0, diverging.length),
    single: views.slice(diverging.length),
    fidelityTypes,
    document(id) {
      const found = byId.get(id);
      if (!found) return { key: null, source: id, anchor: null, lang: undefined };
      return { key: found.key, source: found.ref.source, anchor: found.anchor, lang: found.ref.lang };
    },
    statement(id) {
      return statementsById.get(id);
    },
  };
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** First 12 hex digits: enough to find the snapshot, short enough for a table. */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}
