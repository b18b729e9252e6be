import type { DiffOp, Divergence, Edit, Event, FactConflict, Rendition, Report } from '@parallax/core';
import { spacedOps } from './diff-ops';
import { buildEventView, type EventView, plural, type StatementView, shortSha } from './event-view';
import { LINE_BREAK_MARK, mdCell, mdText, mdUrl } from './markdown-escape';
import { SEVERITY_ORDER } from './severity';
import { summarizeReport, total } from './summary';
import { validateReport } from './validate';

/**
 * Markdown for people: GFM tables, word diffs as ~~deleted~~ and **inserted** (scraped text is escaped,
 * so these marks can only come from the diff). All report text goes through mdText, and
 * every line that carries report text starts with fixed text, so no scraped string can start a block.
 */
export function renderMarkdown(input: Report): string {
  const report = validateReport(input);
  const summary = summarizeReport(report);
  const out: string[] = [
    '# Parallax report',
    '',
    [
      `Generated ${mdText(report.generatedAt)}`,
      `schema version ${report.schemaVersion}`,
      plural(summary.events, 'event'),
      plural(summary.documents, 'document'),
      plural(summary.statements, 'aligned statement'),
      plural(summary.renditions, 'rendition'),
      plural(total(summary.divergencesByType), 'divergence'),
      plural(total(summary.factConflictsByKind), 'fact conflict'),
    ].join(' · '),
    '',
    '**Legend**',
    '',
    '- Word diffs show how rendition *b* differs from the reference rendition *a* (written a → b): ~~struck-through~~ words are in *a* only (cut or replaced in *b*), **bold** words are in *b* only; the rest is shared.',
    '- `[start–end]` are character offsets into the document’s extracted text. D1, D2… refer to the event’s documents table; S1, S2… to its statements.',
    `- Statements are ordered by their most severe divergence: ${SEVERITY_ORDER.join(', ')}.`,
    `- Words from documents appear exactly as written, between “curly quotes”; ${LINE_BREAK_MARK} marks a line break in the source. In the raw file, a backslash before punctuation is Markdown escaping, not part of the source.`,
    '',
  ];
  if (report.events.length === 0) out.push('_This report has no events._', '');
  report.events.forEach((event, index) => {
    out.push(...renderEvent(buildEventView(event, index)));
  });
  while (out.at(-1) === '') out.pop();
  return `${out.join('\n')}\n`;
}

function renderEvent(view: EventView): string[] {
  const { event } = view;
  const divergences = event.statements.reduce((n, s) => n + s.divergences.length, 0);
  const out: string[] = [
    `## ${view.number}. ${mdText(event.title)}`,
    '',
    [
      `Event ${mdText(event.id)}`,
      plural(event.documents.length, 'document'),
      `${plural(event.statements.length, 'aligned statement')} (${view.diverging.length} diverging)`,
      plural(divergences, 'divergence'),
      plural(event.factConflicts.length, 'fact conflict'),
    ].join(' · '),
    '',
    '### Documents',
    '',
    '| # | Source | Kind | Lang | Published | Title | URL | Snapshot sha256 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const { ref, key } of view.documents) {
    const copyOf = ref.copyOf === undefined ? '' : ` (copy of ${docLabel(view, ref.copyOf)})`;
    out.push(
      `| ${key} | ${mdCell(ref.source)} | ${ref.kind} | ${mdCell(ref.lang)} | ${mdCell(ref.publishedAt)} | ${mdCell(ref.title)}${copyOf} | ${mdUrl(ref.url)} | \`${shortSha(ref.snapshotSha256)}\` |`,
    );
  }
  out.push(
    '',
    ...renderChanges(view),
    ...renderEdits(view),
    ...renderFactConflicts(view),
    ...renderDiverging(view),
    ...renderSingle(view),
  );
  out.push(...renderCoverage(view), ...renderFidelity(view));
  return out;
}

function docLabel(view: EventView, documentId: string): string {
  const doc = view.document(documentId);
  return doc.key === null ? `unknown document ${mdText(documentId)}` : `${mdText(doc.source)} (${doc.key})`;
}

function offsets(start: number, end: number): string {
  return `[${start}–${end}]`;
}

function quoted(text: string): string {
  return `“${mdText(text)}”`;
}

function speakerName(statement: StatementView): string {
  return statement.statement.speaker === null
    ? 'speaker not identified'
    : mdText(statement.statement.speaker.name);
}

/** What is new since an earlier version of the story (a report read with --since). Only when asked. */
function renderChanges(view: EventView): string[] {
  const changes = view.event.changes;
  if (!changes) return [];
  const since = changes.since === null ? 'the story began' : `version ${changes.since}`;
  const out = [
    `### New since ${since} (story ${mdText(changes.storyId)}, version ${changes.version})`,
    '',
    [
      plural(changes.documents.length, 'new document'),
      plural(changes.renditions.length, 'new rendition'),
      plural(changes.divergences.length, 'new divergence'),
      plural(changes.factConflicts.length, 'new fact conflict'),
      plural(changes.edits.length, 'new edit'),
    ].join(' · '),
    '',
  ];
  for (const id of changes.documents) out.push(`- 🆕 document ${docLabel(view, id)}`);
  for (const r of changes.renditions)
    out.push(`- 🆕 rendition ${renditionLine(view, r)} — ${quoted(r.text)}`);
  for (const d of changes.divergences) {
    const note = d.note === '' ? '' : ` — ${mdText(d.note)}`;
    out.push(`- 🆕 divergence **${d.type}** · ${docLabel(view, d.a)} → ${docLabel(view, d.b)}${note}`);
  }
  for (const c of changes.factConflicts) {
    out.push(
      `- 🆕 fact conflict **${c.kind}** ${mdText(c.subject)}: ${c.values.map((v) => `${docLabel(view, v.documentId)} ${quoted(v.text)}`).join(' vs ')}`,
    );
  }
  for (const e of changes.edits) out.push(`- 🆕 ${e.change} edit · ${mdUrl(e.url)} — ${mdText(e.note)}`);
  for (const id of changes.merged) out.push(`- merged story ${mdText(id)} into this one`);
  out.push('');
  return out;
}

/** One version of an edited passage: its snapshot, when it was fetched, where the words stand. */
function editVersionLine(label: string, version: Edit['before']): string {
  const parts = [
    `${label}: snapshot \`${shortSha(version.snapshotSha256)}\``,
    `fetched ${mdText(version.fetchedAt)}`,
    `document ${mdText(version.documentId)}`,
    offsets(version.start, version.end),
  ];
  if (version.speakerLabel) parts.push(`speaker: ${mdText(version.speakerLabel)}`);
  if (version.value !== undefined) parts.push(`value: ${mdText(version.value)}`);
  return `- ${parts.join(' · ')} — ${version.text === '' ? '_(nothing)_' : quoted(version.text)}`;
}

/** Silent edits: pages whose statements or facts changed after they were first stored. Only when there are some. */
function renderEdits(view: EventView): string[] {
  const edits = view.event.edits ?? [];
  if (edits.length === 0) return [];
  const out = ['### Edits after publication', ''];
  for (const edit of edits) {
    out.push(`#### ${edit.change} edit · ${mdUrl(edit.url)}`, '', mdText(edit.note), '');
    out.push(editVersionLine('before', edit.before), editVersionLine('after', edit.after));
    if (edit.diff) out.push(`- diff: ${markdownDiff(edit.diff)}`);
    out.push('');
  }
  return out;
}

function renderFactConflicts(view: EventView): string[] {
  const out = ['### Fact conflicts', ''];
  if (view.event.factConflicts.length === 0) return [...out, '_None._', ''];
  for (const conflict of view.event.factConflicts) {
    out.push(
      `#### ${conflict.update ? `${conflict.kind} update` : conflict.kind}: ${mdText(conflict.subject)}`,
      '',
    );
    if (conflict.update) out.push(`${updateLine(conflict.update)}`, '');
    out.push('| Source | Value | As written | Offsets |', '| --- | --- | --- | --- |');
    for (const value of conflict.values) {
      out.push(
        `| ${docLabel(view, value.documentId)} | ${mdCell(value.value)} | ${quoted(value.text)} | ${offsets(value.start, value.end)} |`,
      );
    }
    out.push('');
  }
  return out;
}

/** A running count as later reports raised it: successive figures, not a disagreement. */
function updateLine(update: NonNullable<FactConflict['update']>): string {
  const steps = update.map((u) => `${mdText(u.value)} (first reported ${mdText(u.reportedAt)})`);
  return `_Successive figures of one running count, not a disagreement:_ ${steps.join(' → ')}`;
}

function renditionLine(view: EventView, rendition: Rendition): string {
  const parts = [
    `**${docLabel(view, rendition.documentId)}**`,
    rendition.kind,
    offsets(rendition.start, rendition.end),
    rendition.speakerLabel === null
      ? 'no speaker named in the text'
      : `speaker as written: ${mdText(rendition.speakerLabel)}`,
  ];
  if (rendition.cue !== undefined) parts.push(`cue: ${mdText(rendition.cue)}`);
  return parts.join(' · ');
}

/**
 * A marked span: GFM only honours `~~` and `**` when they hug the text, so leading and trailing
 * spaces go outside the marks. Whitespace-only changes are named, since marks around nothing vanish.
 */
function mark(text: string, marker: '~~' | '**'): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, lead = '', body = '', trail = ''] = match ?? [];
  if (body === '') return `${marker}(${text.includes('\n') ? 'line break' : 'space'})${marker}`;
  return `${mdText(lead)}${marker}${mdText(body)}${marker}${mdText(trail)}`;
}

/** A zero-width space: punctuation to GFM's flanking rules (as `;`), invisible to the reader. */
const ZWSP = '&#8203;';
const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

function markdownDiff(ops: readonly DiffOp[]): string {
  const parts = spacedOps(ops).map((op) => {
    const space = op.spaceBefore ? ' ' : '';
    if (op.op === 'delete') return `${space}${mark(op.text, '~~')}`;
    if (op.op === 'insert') return `${space}${mark(op.text, '**')}`;
    return `${space}${mdText(op.text)}`;
  });
  // A mark that opens on punctuation right after a letter (or closes on punctuation right before one)
  // does not count as a mark in GFM; a zero-width space between them makes it count.
  let out = '';
  for (const part of parts) {
    const opens = /^(?:~~|\*\*)/.test(part);
    if (opens && WORD_END.test(out) && !/^(?:~~|\*\*)[\p{L}\p{N}]/u.test(part)) out += ZWSP;
    if (/(?:~~|\*\*)$/.test(out) && WORD_START.test(part) && !/[\p{L}\p{N}](?:~~|\*\*)$/u.test(out))
      out += ZWSP;
    out += part;
  }
  return out;
}

function divergenceLines(view: EventView, divergence: Divergence): string[] {
  const note = divergence.note === '' ? '' : ` — ${mdText(divergence.note)}`;
  const out = [
    `- **${divergence.type}** · ${docLabel(view, divergence.a)} → ${docLabel(view, divergence.b)}${note}`,
  ];
  if (divergence.diff !== undefined) {
    const diff = markdownDiff(divergence.diff);
    out.push(`  - diff: ${diff === '' ? '_(empty)_' : diff}`);
  }
  return out;
}

/** Misattribution and negation change what someone is on record as saying: each gets a quoted callout. */
function calloutLines(view: EventView, statement: StatementView): string[] {
  const labelOf = (documentId: string) => {
    const label = statement.statement.renditions.find((r) => r.documentId === documentId)?.speakerLabel;
    return label === null || label === undefined ? 'no named speaker' : `“${mdText(label)}”`;
  };
  const seen = new Set<string>();
  const out: string[] = [];
  for (const d of statement.divergences) {
    if (d.type !== 'misattributed' && d.type !== 'negation') continue;
    const key = `${d.type}\u0000${d.a}\u0000${d.b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(
      d.type === 'misattributed'
        ? `> **Misattributed:** ${docLabel(view, d.b)} gives these words to ${labelOf(d.b)}; ${docLabel(view, d.a)} gives them to ${labelOf(d.a)}.`
        : `> **Negation:** ${docLabel(view, d.b)} reverses the sense of ${docLabel(view, d.a)}.`,
    );
  }
  return out;
}

function renderDiverging(view: EventView): string[] {
  const out = ['### Statements that diverge', ''];
  if (view.diverging.length === 0) return [...out, '_None._', ''];
  for (const statement of view.diverging) {
    const types = [...new Set(statement.divergences.map((d) => d.type))];
    const heading = [statement.key, speakerName(statement)];
    if (types.length > 0) heading.push(types.join(', '));
    out.push(`#### ${heading.join(' · ')}`, '');
    const callouts = calloutLines(view, statement);
    if (callouts.length > 0) out.push(...callouts, '');
    out.push('Renditions:', '');
    for (const rendition of statement.statement.renditions) {
      out.push(`- ${renditionLine(view, rendition)}`, `  > ${quoted(rendition.text)}`);
    }
    out.push('');
    if (statement.divergences.length > 0) {
      out.push('Divergences:', '');
      for (const divergence of statement.divergences) out.push(...divergenceLines(view, divergence));
      out.push('');
    }
  }
  return out;
}

function renderSingle(view: EventView): string[] {
  const out = ['### Statements carried by one source', ''];
  if (view.single.length === 0) return [...out, '_None._', ''];
  for (const statement of view.single) {
    for (const rendition of statement.statement.renditions) {
      out.push(
        `- **${statement.key}** · ${speakerName(statement)} · ${renditionLine(view, rendition)} — ${quoted(rendition.text)}`,
      );
    }
  }
  out.push('');
  return out;
}

function statementLabel(view: EventView, statementId: string): string {
  const statement = view.statement(statementId);
  if (statement === undefined) return `${mdText(statementId)} (not in this event)`;
  return `${statement.key} · ${speakerName(statement)}`;
}

function docList(view: EventView, ids: readonly string[]): string {
  return ids.length === 0 ? '—' : ids.map((id) => docLabel(view, id)).join(', ');
}

function renderCoverage(view: EventView): string[] {
  const coverage: Event['coverage'] = view.event.coverage;
  if (coverage === undefined) return [];
  const out = ['### Coverage', ''];
  if (coverage.length === 0) return [...out, '_No rows._', ''];
  out.push('| Statement | Carried by | Missing from |', '| --- | --- | --- |');
  for (const row of coverage) {
    out.push(
      `| ${statementLabel(view, row.statementId)} | ${docList(view, row.documentIds)} | ${docList(view, row.missingFrom)} |`,
    );
  }
  out.push('');
  return out;
}

function renderFidelity(view: EventView): string[] {
  const fidelity: Event['fidelity'] = view.event.fidelity;
  if (fidelity === undefined) return [];
  const out = ['### Fidelity', ''];
  if (fidelity.length === 0) return [...out, '_No rows._', ''];
  const types = view.fidelityTypes;
  out.push(
    `| Document | Renditions | Verbatim |${types.map((type) => ` ${mdText(type)} |`).join('')}`,
    `| --- | ---: | ---: |${types.map(() => ' ---: |').join('')}`,
  );
  for (const row of fidelity) {
    out.push(
      `| ${docLabel(view, row.documentId)} | ${row.renditions} | ${row.verbatim} |${types.map((type) => ` ${Object.hasOwn(row.byType, type) ? row.byType[type] : 0} |`).join('')}`,
    );
  }
  out.push('');
  return out;
}
