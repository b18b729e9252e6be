import type { DiffOp, Divergence, DivergenceType, Edit, Report } from '@parallax/core';
import { spacedOps } from './diff-ops';
import { buildEventView, type EventView, plural, type StatementView, shortSha } from './event-view';
import { type EvidenceOptions, evidenceExcerpt, evidenceHref } from './evidence';
import { html, htmlUrl, langAttr, SafeHtml } from './html-escape';
import { REPORT_SCRIPT, REPORT_SCRIPT_HASH } from './html-script';
import { REPORT_CSS } from './html-style';
import { SEVERITY_ORDER } from './severity';
import { summarizeReport, total } from './summary';
import { validateReport } from './validate';

/**
 * Only the filter script (by its hash) may run, and nothing may be requested: styles come from the
 * inline sheet, the chart is inline SVG. A hash, unlike 'unsafe-inline', also blocks inline event
 * handlers, so markup smuggled past escaping still could not run.
 */
const REPORT_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src ${REPORT_SCRIPT_HASH}; base-uri 'none'; form-action 'none'`;

const SEVERITY_CLASS: Record<DivergenceType, string> = {
  misattributed: 'sev-critical',
  negation: 'sev-critical',
  number: 'sev-fact',
  date: 'sev-fact',
  place: 'sev-fact',
  paraphrased: 'sev-wording',
  reworded: 'sev-wording',
  truncated: 'sev-cut',
  elided: 'sev-cut',
  extended: 'sev-cut',
  translated: 'sev-minor',
  verbatim: 'sev-minor',
};

/** A shape per severity, so a matrix cell or a badge never relies on colour alone. */
const SEVERITY_SHAPE: Record<string, string> = {
  'sev-critical': '▲',
  'sev-fact': '◆',
  'sev-wording': '■',
  'sev-cut': '✂',
  'sev-minor': '=',
};

export type HtmlReportOptions = EvidenceOptions;

/** Filter values are made from positions (p1, s1), never from report strings. */
interface FilterKeys {
  speakers: Map<string, { key: string; name: string }>;
  sources: Map<string, string>;
  types: DivergenceType[];
}

interface Context {
  view: EventView;
  filters: FilterKeys;
  evidence: EvidenceOptions;
}

/**
 * One self-contained HTML file: inline CSS, one hashed inline script (filters and search), inline
 * SVG, a CSP that forbids every request, and every report string escaped through the `html`
 * template. Readable without JavaScript, printable.
 */
export function renderHtml(input: Report, options: HtmlReportOptions = {}): string {
  const report = validateReport(input);
  const summary = summarizeReport(report);
  const views = report.events.map((event, index) => buildEventView(event, index));
  const filters = filterKeys(views);
  const first = report.events[0];
  const title =
    first === undefined
      ? 'Parallax report'
      : `Parallax report: ${first.title}${report.events.length > 1 ? ` (+${report.events.length - 1} more)` : ''}`;
  const byType = SEVERITY_ORDER.filter((type) => summary.divergencesByType[type] > 0);
  const byKind = Object.entries(summary.factConflictsByKind).filter(([, n]) => n > 0);
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Parallax">
<title>${title}</title>
<style>${new SafeHtml(REPORT_CSS.replace(/<\//g, '<\\/'))}</style>
</head>
<body>
<div class="page">
<header class="report-header">
<h1>Parallax report</h1>
<p class="meta">Generated ${dateTime(report.generatedAt)} · report schema version ${report.schemaVersion}</p>
<ul class="counts">
<li><strong>${summary.events}</strong> ${summary.events === 1 ? 'event' : 'events'}</li>
<li><strong>${summary.documents}</strong> ${summary.documents === 1 ? 'source document' : 'source documents'}</li>
<li><strong>${summary.statements}</strong> aligned ${summary.statements === 1 ? 'statement' : 'statements'}</li>
<li><strong>${summary.renditions}</strong> ${summary.renditions === 1 ? 'rendition' : 'renditions'}</li>
<li><strong>${total(summary.divergencesByType)}</strong> divergences</li>
<li><strong>${total(summary.factConflictsByKind)}</strong> fact conflicts</li>
</ul>
<p class="by-type">Divergences by type: ${byType.length === 0 ? html`<span class="muted">none</span>` : byType.map((type) => html`${badge(type)}\u00a0<strong class="count" data-type="${type}">${summary.divergencesByType[type]}</strong> `)}
· Fact conflicts: ${byKind.length === 0 ? html`<span class="muted">none</span>` : byKind.map(([kind, n], i) => html`${i > 0 ? ', ' : ''}${kind} <strong>${n}</strong>`)}</p>
${legend()}
${views.length > 1 ? toc(views) : null}
${filterBar(filters)}
</header>
<main>
${views.length === 0 ? html`<p class="none">This report has no events.</p>` : views.map((view) => renderEvent({ view, filters, evidence: options }))}
</main>
<footer>Every finding names its document (D1, D2… in the event’s documents table: URL and snapshot sha256) and character offsets into that document’s extracted text. ${evidenceNote(options)} The JSON rendering of this report carries the full ids and hashes.</footer>
</div>
<script>${new SafeHtml(REPORT_SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}

function evidenceNote(options: EvidenceOptions): string {
  const parts: string[] = [];
  if (options.documentTexts !== undefined)
    parts.push('“In context” shows the words around each span, taken from the stored document text.');
  if (options.evidenceBaseUrl !== undefined)
    parts.push(
      '“Snapshot view” opens the archived document in the Parallax dashboard with the span highlighted.',
    );
  return parts.join(' ');
}

function filterKeys(views: readonly EventView[]): FilterKeys {
  const speakers = new Map<string, { key: string; name: string }>();
  const sources = new Map<string, string>();
  const types = new Set<DivergenceType>();
  for (const view of views) {
    for (const doc of view.documents)
      if (!sources.has(doc.ref.source)) sources.set(doc.ref.source, `s${sources.size + 1}`);
    for (const statement of [...view.diverging, ...view.single]) {
      const speaker = statement.statement.speaker;
      if (speaker !== null && !speakers.has(speaker.id))
        speakers.set(speaker.id, { key: `p${speakers.size + 1}`, name: speaker.name });
      for (const d of statement.divergences) types.add(d.type);
    }
    for (const conflict of view.event.factConflicts)
      if (conflict.kind !== 'name') types.add(conflict.kind as DivergenceType);
  }
  return { speakers, sources, types: SEVERITY_ORDER.filter((type) => types.has(type)) };
}

function filterBar(filters: FilterKeys): SafeHtml {
  const speakers = [...filters.speakers.values()].sort((a, b) => a.name.localeCompare(b.name));
  const sources = [...filters.sources.entries()].sort(([a], [b]) => a.localeCompare(b));
  return html`<form id="filters" class="filters" role="search" aria-label="Filter statements" hidden>
<label>Speaker <select name="speaker"><option value="">all</option>${speakers.map((s) => html`<option value="${s.key}">${s.name}</option>`)}</select></label>
<label>Source <select name="source"><option value="">all</option>${sources.map(([name, key]) => html`<option value="${key}">${name}</option>`)}</select></label>
<label>Divergence <select name="type"><option value="">all</option>${filters.types.map((type) => html`<option value="${type}">${type}</option>`)}</select></label>
<label>Search <input type="search" name="q" placeholder="words, speaker, outlet…" autocomplete="off"></label>
<button type="reset">Clear</button>
<output id="filter-count" aria-live="polite"></output>
</form>`;
}

function legend(): SafeHtml {
  return html`<dl class="legend" aria-label="How to read this report">
<dt><del>struck through</del></dt><dd>Words in the reference rendition only: cut or replaced in this one.</dd>
<dt><ins>underlined</ins></dt><dd>Words in this rendition only: added or substituted.</dd>
<dt>Coverage marks</dt><dd>★ reference rendition · ● carried, no divergence recorded (“only”: no other source carries it) · ${SEVERITY_ORDER.filter((t) => t !== 'verbatim').map((type, i) => html`${i > 0 ? ' ' : ''}${badge(type)}`)} · = verbatim · ○ absent.</dd>
<dt>[start–end]</dt><dd>Character offsets into the document’s extracted text. D1, D2… link to the event’s documents table; S1, S2… number its statements.</dd>
<dt>Order</dt><dd>Statements are sorted by their most severe divergence, most severe first (the order of the marks above).</dd>
<dt>“…”</dt><dd>Words from documents, exactly as written.</dd>
</dl>`;
}

function toc(views: readonly EventView[]): SafeHtml {
  return html`<nav class="toc" aria-label="Events"><ol>${views.map(
    (view) =>
      html`<li><a href="#${view.anchor}">${view.event.title}</a> <span class="muted">· ${plural(view.diverging.length, 'diverging statement')} · ${plural(view.event.factConflicts.length, 'fact conflict')}</span></li>`,
  )}</ol></nav>`;
}

function renderEvent(ctx: Context): SafeHtml {
  const { event } = ctx.view;
  const view = ctx.view;
  const divergences = event.statements.reduce((n, s) => n + s.divergences.length, 0);
  return html`
<section class="event" id="${view.anchor}" aria-labelledby="${view.anchor}-title">
<h2 id="${view.anchor}-title"><span class="muted">${view.number}.</span> <bdi>${event.title}</bdi></h2>
<p class="meta">Event <code class="wrap">${event.id}</code> · ${plural(event.documents.length, 'document')} · ${plural(event.statements.length, 'aligned statement')} (${view.diverging.length} diverging) · ${plural(divergences, 'divergence')} · ${plural(event.factConflicts.length, 'fact conflict')}</p>
${documentsTable(ctx)}
${changes(ctx)}
${coverageMatrix(ctx)}
${edits(ctx)}
${factConflicts(ctx)}
${diverging(ctx)}
${single(ctx)}
${fidelity(ctx)}
</section>`;
}

function documentsTable(ctx: Context): SafeHtml {
  const { view } = ctx;
  return html`<h3>Sources</h3>
<table class="docs">
${columns(4, 13, 9, 5, 13, 21, 24, 11)}
<thead><tr><th scope="col">#</th><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Lang</th><th scope="col">Published</th><th scope="col">Title</th><th scope="col">URL</th><th scope="col">Snapshot sha256</th></tr></thead>
<tbody>
${view.documents.map(
  ({ ref, key, anchor }) => html`<tr id="${anchor}">
<th scope="row" class="nowrap">${key}</th>
<td>${ref.source}</td>
<td class="enum">${ref.kind}</td>
<td>${ref.lang}</td>
<td>${ref.publishedAt === undefined ? html`<span class="muted">—</span>` : dateTime(ref.publishedAt)}</td>
<td${langAttr(ref.lang)} dir="auto">${ref.title}${ref.copyOf === undefined ? null : html` <span class="copy-of">⧉ copy of ${docRef(view, ref.copyOf)}</span>`}</td>
<td class="url">${htmlUrl(ref.url)}</td>
<td><code class="wrap" title="${ref.snapshotSha256}">${shortSha(ref.snapshotSha256)}</code></td>
</tr>
`,
)}</tbody>
</table>`;
}

/** A document by its source name and key, linking to its row in the documents table. */
function docRef(view: EventView, documentId: string): SafeHtml {
  const doc = view.document(documentId);
  if (doc.anchor === null)
    return html`<span class="unknown">unknown document <code class="wrap">${documentId}</code></span>`;
  return html`<a href="#${doc.anchor}"><bdi>${doc.source}</bdi></a>\u00a0<span class="muted key">${doc.key}</span>`;
}

/** Column widths in percent: tables use a fixed layout, so a long scraped string wraps instead of
 * squeezing its neighbours or pushing the page sideways. Columns without a width share the rest. */
function columns(...percents: number[]): SafeHtml {
  return html`<colgroup>${percents.map((p) => html`<col style="width: ${p}%">`)}</colgroup>`;
}

/** An ISO date-time that may wrap after the date. */
function dateTime(value: string): SafeHtml {
  const t = value.indexOf('T');
  return html`<time datetime="${value}">${t < 0 ? value : html`${value.slice(0, t + 1)}<wbr>${value.slice(t + 1)}`}</time>`;
}

function offsets(start: number, end: number): SafeHtml {
  return html`<span class="mono">[${start}–<wbr>${end}]</span>`;
}

function quoted(view: EventView, documentId: string, text: string): SafeHtml {
  return html`<span class="text"${langAttr(view.document(documentId).lang)} dir="auto">“${text}”</span>`;
}

function speakerName(statement: StatementView): SafeHtml {
  return statement.statement.speaker === null
    ? html`<span class="muted">speaker not identified</span>`
    : html`<bdi>${statement.statement.speaker.name}</bdi>`;
}

function badge(type: DivergenceType): SafeHtml {
  const severity = SEVERITY_CLASS[type];
  return html`<span class="badge ${severity}"><span aria-hidden="true">${SEVERITY_SHAPE[severity]}</span> ${type}</span>`;
}

function none(text = 'None.'): SafeHtml {
  return html`<p class="none">${text}</p>`;
}

/** The filter attributes of an item: keys only, never report text. */
function filterAttrs(
  ctx: Context,
  kind: string,
  speakerId: string | null | undefined,
  documentIds: readonly string[],
  types: readonly string[],
): SafeHtml {
  const sources = new Set<string>();
  for (const id of documentIds) {
    const source = ctx.view.document(id).source;
    const key = ctx.filters.sources.get(source);
    if (key !== undefined) sources.add(key);
  }
  const speaker =
    speakerId === null || speakerId === undefined ? '' : ctx.filters.speakers.get(speakerId)?.key;
  const knownTypes = types.filter((t) => (ctx.filters.types as readonly string[]).includes(t));
  return html` data-filter-item="${kind}" data-speaker="${speaker ?? ''}" data-sources="${[...sources].join(' ')}" data-types="${[...new Set(knownTypes)].join(' ')}"`;
}

/** The rendition all others are compared with: the `a` side of the statement's divergences. */
function referenceDocument(statement: StatementView): string | undefined {
  const counts = new Map<string, number>();
  for (const d of statement.statement.divergences) counts.set(d.a, (counts.get(d.a) ?? 0) + 1);
  let best: string | undefined;
  for (const rendition of statement.statement.renditions) {
    const n = counts.get(rendition.documentId) ?? 0;
    if (best === undefined || n > (counts.get(best) ?? 0)) best = rendition.documentId;
  }
  return best;
}

function coverageMatrix(ctx: Context): SafeHtml {
  const { view } = ctx;
  const statements = [...view.diverging, ...view.single];
  if (statements.length === 0) return html`<h3>Coverage</h3>${none('No statements.')}`;
  return html`<h3>Coverage</h3>
<p class="meta">Which source carries which statement, and how it differs from the reference rendition (★).</p>
<div class="matrix-wrap"><table class="matrix">
<thead><tr><th scope="col">Statement</th>${view.documents.map((doc) => html`<th scope="col" class="doc-col"><a href="#${doc.anchor}">${doc.key}</a><br><span class="muted small"><bdi>${doc.ref.source}</bdi></span></th>`)}</tr></thead>
<tbody>${statements.map((statement) => {
    const reference = referenceDocument(statement);
    const present = new Set(statement.statement.renditions.map((r) => r.documentId));
    return html`<tr${filterAttrs(
      ctx,
      'matrix-row',
      statement.statement.speaker?.id,
      [...present],
      statement.divergences.map((d) => d.type),
    )}><th scope="row"><a href="#${statement.anchor}">${statement.key}</a> · ${speakerName(statement)}</th>${view.documents.map(
      (doc) => {
        const id = doc.ref.id;
        // Absent cells are the most common: a shape with the word for screen readers and searches,
        // so the columns stay narrow enough for many sources.
        if (!present.has(id))
          return html`<td class="cell absent" title="absent"><span aria-hidden="true">○</span><span class="visually-hidden"> absent</span></td>`;
        if (present.size === 1)
          return html`<td class="cell present" title="only this source"><span aria-hidden="true">●</span> only</td>`;
        if (id === reference)
          return html`<td class="cell ref" title="reference rendition"><span aria-hidden="true">★</span> reference</td>`;
        const worst = statement.divergences.find((d) => d.b === id);
        if (worst === undefined)
          return html`<td class="cell present" title="carried, no divergence recorded"><span aria-hidden="true">●</span> carried</td>`;
        return html`<td class="cell ${SEVERITY_CLASS[worst.type]}" title="${worst.type}">${badge(worst.type)}</td>`;
      },
    )}</tr>`;
  })}</tbody>
</table></div>`;
}

/** What is new since an earlier version of the story (a report read with --since). Only when asked. */
function changes(ctx: Context): SafeHtml | null {
  const { view } = ctx;
  const c = view.event.changes;
  if (!c) return null;
  const since = c.since === null ? 'the story began' : `version ${c.since}`;
  const item = (label: string, body: SafeHtml) =>
    html`<li><span class="badge sev-fact">new</span> ${label} ${body}</li>`;
  return html`<h3>New since ${since}</h3>
<p class="meta">Story <code class="wrap">${c.storyId}</code>, version ${c.version} · ${plural(c.documents.length, 'new document')} · ${plural(c.renditions.length, 'new rendition')} · ${plural(c.divergences.length, 'new divergence')} · ${plural(c.factConflicts.length, 'new fact conflict')} · ${plural(c.edits.length, 'new edit')}</p>
<ul class="changes">
${c.documents.map((id) => item('document', docRef(view, id)))}
${c.renditions.map((r) => item('rendition', html`${docRef(view, r.documentId)} ${offsets(r.start, r.end)} ${quoted(view, r.documentId, r.text)}`))}
${c.divergences.map((d) => item('divergence', html`${badge(d.type)} ${docRef(view, d.a)} → ${docRef(view, d.b)} — ${d.note}`))}
${c.factConflicts.map((f) => item('fact conflict', html`${f.kind}: <bdi>${f.subject}</bdi> — ${f.values.map((v, i) => html`${i > 0 ? ' vs ' : ''}${docRef(view, v.documentId)} <strong>${v.value}</strong>`)}`))}
${c.edits.map((e) => item(`${e.change} edit`, html`${htmlUrl(e.url)} — ${e.note}`))}
${c.merged.map((id) => html`<li>merged story <code class="wrap">${id}</code> into this one</li>`)}
</ul>`;
}

/** One version of an edited passage: its snapshot, fetch time and offsets, then its words. */
function editVersion(view: EventView, label: string, version: Edit['before']): SafeHtml {
  return html`<tr><th scope="row">${label}</th><td><code class="wrap" title="${version.snapshotSha256}">${shortSha(version.snapshotSha256)}</code><br>${dateTime(version.fetchedAt)}</td><td>${offsets(version.start, version.end)}${version.speakerLabel ? html`<br><bdi>${version.speakerLabel}</bdi>` : null}${version.value === undefined ? null : html`<br><strong>${version.value}</strong>`}</td><td>${version.text === '' ? html`<span class="muted">(nothing)</span>` : quoted(view, version.documentId, version.text)}</td></tr>`;
}

/** Silent edits of the story's pages (only when there are some): each with both versions. */
function edits(ctx: Context): SafeHtml | null {
  const { view } = ctx;
  const list = view.event.edits ?? [];
  if (list.length === 0) return null;
  return html`<h3>Edits after publication</h3>
${list.map(
  (
    edit,
  ) => html`<div class="edit"><p><span class="badge sev-fact"><span aria-hidden="true">✎</span> ${edit.change} edit</span> ${htmlUrl(edit.url)} — ${edit.note}</p>
<table class="conflicts">
${columns(10, 24, 22, 44)}
<thead><tr><th scope="col">Version</th><th scope="col">Snapshot, fetched</th><th scope="col">Offsets</th><th scope="col">Words</th></tr></thead>
<tbody>${editVersion(view, 'before', edit.before)}${editVersion(view, 'after', edit.after)}</tbody>
</table>${edit.diff ? html`<p class="diff">${htmlDiff(edit.diff)}</p>` : null}</div>`,
)}`;
}

function factConflicts(ctx: Context): SafeHtml {
  const { view } = ctx;
  const conflicts = view.event.factConflicts;
  return html`<h3>Fact conflicts</h3>
${
  conflicts.length === 0
    ? none()
    : html`<table class="conflicts">
${columns(16, 22, 14, 36, 12)}
<thead><tr><th scope="col">Subject</th><th scope="col">Source</th><th scope="col">Value</th><th scope="col">Sentence, as written</th><th scope="col">Offsets</th></tr></thead>
${conflicts.map(
  (conflict) =>
    html`<tbody class="conflict"${filterAttrs(
      ctx,
      'conflict',
      undefined,
      conflict.values.map((v) => v.documentId),
      [conflict.kind],
    )}>${conflict.values.map(
      (value, i) =>
        html`<tr>${i === 0 ? html`<th scope="rowgroup" rowspan="${conflict.values.length}"><span class="badge sev-fact"><span aria-hidden="true">◆</span> ${conflict.update ? `${conflict.kind} update` : conflict.kind}</span><br><bdi>${conflict.subject}</bdi>${conflict.update ? html`<br><span class="muted">successive figures of one running count, not a disagreement: ${conflict.update.map((u, j) => html`${j > 0 ? ' → ' : ''}${u.value} (first reported ${u.reportedAt})`)}</span>` : null}</th>` : null}<td>${docRef(view, value.documentId)}</td><td class="wrap"><strong>${value.value}</strong></td><td>${quoted(view, value.documentId, value.text)}</td><td>${offsets(value.start, value.end)}</td></tr>`,
    )}</tbody>`,
)}
</table>`
}`;
}

function htmlDiff(ops: readonly DiffOp[]): SafeHtml {
  return html`${spacedOps(ops).map((op) => {
    const space = op.spaceBefore ? ' ' : '';
    if (op.op === 'delete') return html`${space}<del>${op.text}</del>`;
    if (op.op === 'insert') return html`${space}<ins>${op.text}</ins>`;
    return html`${space}<span>${op.text}</span>`;
  })}`;
}

function diverging(ctx: Context): SafeHtml {
  return html`<h3>Statements that diverge</h3>
${ctx.view.diverging.length === 0 ? none() : ctx.view.diverging.map((statement) => statementCard(ctx, statement))}`;
}

/** The compare stage's standard misattribution note says what the callout already shows from the labels. */
function restatesCallout(note: string): boolean {
  return note === '' || note.startsWith('a gives these words to ');
}

/** Misattribution and negation change what someone is on record as saying: they get a callout. */
function callouts(ctx: Context, statement: StatementView): SafeHtml[] {
  const { view } = ctx;
  const labelOf = (documentId: string) =>
    statement.statement.renditions.find((r) => r.documentId === documentId)?.speakerLabel ?? null;
  const seen = new Set<string>();
  return statement.divergences
    .filter((d) => d.type === 'misattributed' || d.type === 'negation')
    .filter((d) => {
      // One callout per claim, even when the document repeats the words (two renditions, two divergences).
      const key = `${d.type}\u0000${d.a}\u0000${d.b}\u0000${d.note}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((d) => {
      if (d.type === 'misattributed') {
        const a = labelOf(d.a);
        const b = labelOf(d.b);
        return html`<p class="callout sev-critical" role="note"><strong>▲ Misattributed:</strong> ${docRef(view, d.b)} gives these words to ${b === null ? html`<span class="muted">no named speaker</span>` : html`“<bdi>${b}</bdi>”`}; ${docRef(view, d.a)} gives them to ${a === null ? html`<span class="muted">no named speaker</span>` : html`“<bdi>${a}</bdi>”`}.${restatesCallout(d.note) ? null : html` <span dir="auto">${d.note}</span>`}</p>`;
      }
      return html`<p class="callout sev-critical" role="note"><strong>▲ Negation:</strong> ${docRef(view, d.b)} reverses the sense of ${docRef(view, d.a)}.${d.note === '' ? null : html` <span dir="auto">${d.note}</span>`}</p>`;
    });
}

/** Letters and digits only, lower case: enough to tell which rendition a diff describes. */
function comparable(text: string): string {
  return text
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Which rendition each divergence describes. A divergence names documents, not renditions, and one
 * document can quote the same words twice: its diff's b side (equal and inserted words) then tells
 * the renditions apart. A divergence goes to exactly one rendition.
 */
function divergencesByRendition(statement: StatementView): Map<number, Divergence[]> {
  const renditions = statement.statement.renditions;
  const out = new Map<number, Divergence[]>();
  for (const d of statement.divergences) {
    if (d.a === d.b) continue;
    const candidates = renditions.map((r, i) => ({ r, i })).filter(({ r }) => r.documentId === d.b);
    let chosen = candidates[0]?.i;
    if (candidates.length > 1 && d.diff !== undefined) {
      const bSide = comparable(
        d.diff
          .filter((op) => op.op !== 'delete')
          .map((op) => op.text)
          .join(' '),
      );
      const exact = candidates.find(({ r }) => comparable(r.text) === bSide);
      if (exact !== undefined) chosen = exact.i;
    }
    if (chosen === undefined) continue;
    const list = out.get(chosen) ?? [];
    list.push(d);
    out.set(chosen, list);
  }
  return out;
}

function statementCard(ctx: Context, statement: StatementView): SafeHtml {
  const { view } = ctx;
  const worst = statement.divergences[0]?.type;
  const types = [...new Set(statement.divergences.map((d) => d.type))];
  const reference = referenceDocument(statement);
  const assigned = divergencesByRendition(statement);
  return html`<article class="statement ${worst === undefined ? 'sev-none' : SEVERITY_CLASS[worst]}" id="${statement.anchor}" aria-labelledby="${statement.anchor}-title"${filterAttrs(
    ctx,
    'statement',
    statement.statement.speaker?.id,
    statement.statement.renditions.map((r) => r.documentId),
    types,
  )}>
<h4 id="${statement.anchor}-title"><span class="muted">${statement.key}</span> · ${speakerName(statement)} ${types.map((type) => html` ${badge(type)}`)}</h4>
${callouts(ctx, statement)}
<ol class="renditions">${statement.statement.renditions.map((rendition, index) => {
    const isReference = rendition.documentId === reference && !assigned.has(index);
    const against = assigned.get(index) ?? [];
    const withDiff = against.find((d) => d.diff !== undefined && d.diff.length > 0);
    const doc = view.document(rendition.documentId);
    const ref = view.documents.find((d) => d.ref.id === rendition.documentId)?.ref;
    return html`<li class="rendition${isReference ? ' reference' : ''}">
<p class="rendition-meta">${docRef(view, rendition.documentId)} · <span class="enum">${rendition.kind}</span> · speaker as written: ${rendition.speakerLabel === null ? html`<span class="muted">none named</span>` : html`<bdi class="label">${rendition.speakerLabel}</bdi>`}${rendition.cue === undefined ? null : html` · cue: <bdi>${rendition.cue}</bdi>`} · ${offsets(rendition.start, rendition.end)}${isReference ? html` · <strong class="ref-mark">★ reference</strong>` : null}${against.map((d) => html` ${badge(d.type)}${d.a === reference ? null : html` <span class="muted">vs ${docRef(view, d.a)}</span>`}`)}</p>
${
  withDiff?.diff === undefined
    ? html`<p class="said">${quoted(view, rendition.documentId, rendition.text)}</p>`
    : html`<p class="diff"${langAttr(doc.lang)} dir="auto">${htmlDiff(withDiff.diff)}</p>`
}
${against
  .filter((d) => d.note !== '' && d.type !== 'misattributed' && d.type !== 'negation')
  .map((d) => html`<p class="note">${d.type}: <span dir="auto">${d.note}</span></p>`)}
${evidence(ctx, rendition.documentId, rendition.start, rendition.end, ref?.snapshotSha256)}
</li>`;
  })}</ol>
</article>`;
}

/** The snapshot hash, and where available the words around the span and a link to the snapshot view. */
function evidence(
  ctx: Context,
  documentId: string,
  start: number,
  end: number,
  sha256: string | undefined,
): SafeHtml {
  const href = evidenceHref(ctx.evidence, documentId, start, end);
  const excerpt = evidenceExcerpt(ctx.evidence, documentId, start, end);
  const lang = ctx.view.document(documentId).lang;
  return html`<div class="evidence"><span class="muted">snapshot sha256</span> <code class="sha">${sha256 ?? 'unknown'}</code>${href === null ? null : html` · <a class="snapshot-link" href="${href}" rel="noopener noreferrer">snapshot view</a>`}${
    excerpt === null
      ? null
      : html`<details><summary>In context</summary><p class="context"${langAttr(lang)} dir="auto">${excerpt.cutBefore ? '… ' : ''}${excerpt.before}<mark>${excerpt.span}</mark>${excerpt.after}${excerpt.cutAfter ? ' …' : ''}</p></details>`
  }</div>`;
}

function single(ctx: Context): SafeHtml {
  const { view } = ctx;
  return html`<h3>Statements carried by one source</h3>
${
  view.single.length === 0
    ? none()
    : html`<table class="single">
${columns(5, 13, 14, 9, 14, 33, 12)}
<thead><tr><th scope="col">#</th><th scope="col">Speaker</th><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Speaker as written</th><th scope="col">Text</th><th scope="col">Offsets</th></tr></thead>
<tbody>${view.single.flatMap((statement) =>
        statement.statement.renditions.map((rendition) => {
          const sha = view.documents.find((d) => d.ref.id === rendition.documentId)?.ref.snapshotSha256;
          return html`<tr id="${statement.anchor}"${filterAttrs(
            ctx,
            'statement',
            statement.statement.speaker?.id,
            [rendition.documentId],
            statement.divergences.map((d) => d.type),
          )}>
<th scope="row" class="nowrap">${statement.key}</th>
<td>${speakerName(statement)}</td>
<td>${docRef(view, rendition.documentId)}</td>
<td class="enum">${rendition.kind}</td>
<td>${rendition.speakerLabel === null ? html`<span class="muted">none named</span>` : html`<bdi>${rendition.speakerLabel}</bdi>`}${rendition.cue === undefined ? null : html`<br><span class="muted">cue: <bdi>${rendition.cue}</bdi></span>`}</td>
<td class="text">${quoted(view, rendition.documentId, rendition.text)}${evidence(ctx, rendition.documentId, rendition.start, rendition.end, sha)}</td>
<td>${offsets(rendition.start, rendition.end)}</td>
</tr>`;
        }),
      )}</tbody>
</table>`
}`;
}

const SEVERITY_FILL: Record<string, string> = {
  'sev-critical': '#b42318',
  'sev-fact': '#b54708',
  'sev-wording': '#6941c6',
  'sev-cut': '#7a5c00',
  'sev-minor': '#59636e',
};

/**
 * Outlet fidelity as inline SVG: per document, the share of its renditions that are verbatim (a bar
 * with the percentage written next to it) and its divergences by type (segments that carry their
 * count and type as text, so the chart reads in greyscale and to a screen reader).
 */
function fidelityChart(ctx: Context): SafeHtml {
  const rows = ctx.view.event.fidelity ?? [];
  const known = new Set<string>(SEVERITY_ORDER);
  const rowHeight = 34;
  const labelWidth = 190;
  const shareWidth = 180;
  const typesX = labelWidth + shareWidth + 120;
  const unit = 14;
  const width = 980;
  const height = rows.length * rowHeight + 30;
  return html`<svg class="fidelity-chart" role="img" aria-labelledby="${ctx.view.anchor}-fidelity-title" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">
<title id="${ctx.view.anchor}-fidelity-title">Outlet fidelity: share of renditions verbatim, and divergences by type, per source</title>
<text x="${labelWidth}" y="14" class="axis">share verbatim</text><text x="${typesX}" y="14" class="axis">divergences by type (count, shape, type)</text>
${rows.map((row, i) => {
  const y = 24 + i * rowHeight;
  const doc = ctx.view.document(row.documentId);
  const share = row.renditions === 0 ? 0 : row.verbatim / row.renditions;
  let x = typesX;
  const segments = ctx.view.fidelityTypes
    .filter((type) => Object.hasOwn(row.byType, type) && (row.byType[type] ?? 0) > 0)
    .map((type) => {
      const n = row.byType[type] ?? 0;
      const severity = known.has(type) ? SEVERITY_CLASS[type as DivergenceType] : 'sev-minor';
      // Wide enough for its own words: the count, the shape and the type name, in white on the fill.
      const w = Math.round(40 + [...type].length * 8.4 + (n - 1) * unit);
      const segment = html`<g><title>${type}: ${n}</title><rect x="${x}" y="${y}" width="${w}" height="22" rx="3" fill="${SEVERITY_FILL[severity] ?? '#59636e'}"></rect><text x="${x + 6}" y="${y + 15}" class="seg">${n}\u00a0${SEVERITY_SHAPE[severity] ?? ''}\u00a0${type}</text></g>`;
      x += w + 6;
      return segment;
    });
  return html`<g class="fidelity-row"><text x="0" y="${y + 15}" class="label">${doc.key ?? '?'} ${truncate(doc.source, 24)}</text>
<rect x="${labelWidth}" y="${y}" width="${shareWidth}" height="22" class="track"></rect><rect x="${labelWidth}" y="${y}" width="${Math.round(share * shareWidth)}" height="22" class="share"></rect>
<text x="${labelWidth + shareWidth + 8}" y="${y + 15}" class="pct">${Math.round(share * 100)}% (${row.verbatim}/${row.renditions})</text>
${segments.length === 0 ? html`<text x="${typesX}" y="${y + 15}" class="none-text">no divergences</text>` : segments}</g>`;
})}
</svg>`;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function fidelity(ctx: Context): SafeHtml | null {
  const { view } = ctx;
  const rows = view.event.fidelity;
  if (rows === undefined) return null;
  const types = view.fidelityTypes;
  return html`<h3>Outlet fidelity</h3>
${
  rows.length === 0
    ? none('No rows.')
    : html`<figure class="chart">${fidelityChart(ctx)}<figcaption class="meta">Numbers as a table below.</figcaption></figure>
<table class="fidelity">
${columns(28)}
<thead><tr><th scope="col">Document</th><th scope="col" class="num">Renditions</th><th scope="col" class="num">Verbatim</th>${types.map((type) => html`<th scope="col" class="num wrap">${type}</th>`)}</tr></thead>
<tbody>${rows.map(
        (row) =>
          html`<tr><th scope="row">${docRef(view, row.documentId)}</th><td class="num">${row.renditions}</td><td class="num">${row.verbatim}</td>${types.map((type) => html`<td class="num">${Object.hasOwn(row.byType, type) ? row.byType[type] : 0}</td>`)}</tr>`,
      )}</tbody>
</table>`
}`;
}
