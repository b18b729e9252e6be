import type { DiffOp, Report } from '@parallax/core';
import { spacedOps } from './diff-ops';
import { buildEventView } from './event-view';
import { validateReport } from './validate';

/** The columns, in order. One row per divergence and one per value of a fact conflict. */
export const CSV_COLUMNS = [
  'record',
  'event_id',
  'event_title',
  'statement',
  'speaker',
  'type',
  'subject',
  'reference_source',
  'reference_document_id',
  'reference_text',
  'source',
  'document_id',
  'url',
  'snapshot_sha256',
  'kind',
  'speaker_as_written',
  'text',
  'value',
  'start',
  'end',
  'diff',
  'note',
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

/**
 * Whether a spreadsheet would read the cell as a formula (or as a DDE command): = + - @ at the start,
 * and tab or carriage return, which some spreadsheets skip before looking at the first character.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell under RFC 4180: quoted when it holds a comma, a quote or a line break (quotes doubled).
 * A scraped string that a spreadsheet would run as a formula gets a leading apostrophe first (the
 * OWASP advice): it then shows as text, and the apostrophe tells the reader why it is there.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Word diff in the same notation as the Markdown's raw source: [-deleted-]{+inserted+}. */
function diffText(ops: readonly DiffOp[] | undefined): string | undefined {
  if (ops === undefined) return undefined;
  return spacedOps(ops)
    .map((op) => {
      const space = op.spaceBefore ? ' ' : '';
      if (op.op === 'delete') return `${space}[-${op.text}-]`;
      if (op.op === 'insert') return `${space}{+${op.text}+}`;
      return `${space}${op.text}`;
    })
    .join('');
}

/**
 * Divergences and fact conflicts as one CSV table for spreadsheets (RFC 4180: CRLF line ends, a
 * header row, quoted fields where needed). `record` tells the two kinds of row apart. Statements
 * and documents carry the report's short keys (S1, D1) next to the full ids, in the same order as
 * the HTML and Markdown renderings. Verbatim divergences are rows too: they record agreement.
 */
export function renderCsv(input: Report): string {
  const report = validateReport(input);
  const rows: Row[] = [];
  report.events.forEach((event, index) => {
    const view = buildEventView(event, index);
    const docOf = (id: string) => view.documents.find((d) => d.ref.id === id)?.ref;
    for (const statement of [...view.diverging, ...view.single]) {
      for (const divergence of statement.divergences) {
        const a = statement.statement.renditions.find((r) => r.documentId === divergence.a);
        const b = statement.statement.renditions.find((r) => r.documentId === divergence.b);
        const docA = view.document(divergence.a);
        const docB = view.document(divergence.b);
        rows.push({
          record: 'divergence',
          event_id: event.id,
          event_title: event.title,
          statement: statement.key,
          speaker: statement.statement.speaker?.name ?? '',
          type: divergence.type,
          reference_source: docA.source,
          reference_document_id: divergence.a,
          reference_text: a?.text ?? '',
          source: docB.source,
          document_id: divergence.b,
          url: docOf(divergence.b)?.url ?? '',
          snapshot_sha256: docOf(divergence.b)?.snapshotSha256 ?? '',
          kind: b?.kind ?? '',
          speaker_as_written: b?.speakerLabel ?? '',
          text: b?.text ?? '',
          start: b?.start,
          end: b?.end,
          diff: diffText(divergence.diff),
          note: divergence.note,
        });
      }
    }
    for (const conflict of event.factConflicts) {
      for (const value of conflict.values) {
        rows.push({
          // A running count that later reports raised is an update, not a disagreement.
          record: conflict.update ? 'fact_update' : 'fact_conflict',
          event_id: event.id,
          event_title: event.title,
          type: conflict.kind,
          subject: conflict.subject,
          source: view.document(value.documentId).source,
          document_id: value.documentId,
          url: docOf(value.documentId)?.url ?? '',
          snapshot_sha256: docOf(value.documentId)?.snapshotSha256 ?? '',
          text: value.text,
          value: value.value,
          start: value.start,
          end: value.end,
        });
      }
    }
  });
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map((row) => CSV_COLUMNS.map((c) => csvCell(row[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
