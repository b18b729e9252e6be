import type { DiffOp, Divergence, DivergenceType, Report } from '@parallax/core';
import { buildEventView, type EventView, plural, type StatementView, shortSha } from './event-view';
import { html, htmlUrl, langAttr, SafeHtml } from './html-escape';
import { REPORT_CSS } from './html-style';
import { SEVERITY_ORDER } from './severity';
import { summarizeReport, total } from './summary';
import { validateReport } from './validate';

/** No scripts, no requests of any kind: styles may only come from the inline sheet. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

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

/**
 * One self-contained HTML file: inline CSS, a CSP that forbids scripts and every request, and every
 * report string escaped through the `html` template. Readable without JavaScript, printable.
 */
export function renderHtml(input: Report): string {
  const report = validateReport(input);
  const summary = summarizeReport(report);
  const views = report.events.map((event, index) => buildEventView(event, index));
  const first = report.events[0];
  const title =
    first === undefined
      ? 'Parallax report'
      : `Parallax report: ${first.title}${report.events.length > 1 ? ` (+${report.events.length - 1} more)` : ''}`;
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
<li><strong>${summary.documents}</strong> ${summary.documents === 1 ? 'document' : 'documents'}</li>
<li><strong>${summary.statements}</strong> aligned ${summary.statements === 1 ? 'statement' : 'statements'}</li>
<li><strong>${summary.renditions}</strong> ${summary.renditions === 1 ? 'rendition' : 'renditions'}</li>
<li><strong>${total(summary.divergencesByType)}</strong> divergences</li>
<li><strong>${total(summary.factConflictsByKind)}</strong> fact conflicts</li>
</ul>
${legend()}
${views.length > 1 ? toc(views) : null}
</header>
<main>
${views.length === 0 ? html`<p class="none">This report has no events.</p>` : views.map(renderEvent)}
</main>
<footer>Every finding names its document (D1, D2… in the event’s documents table: URL and snapshot sha256) and character offsets into that document’s extracted text. The JSON rendering of this report carries the full ids and hashes.</footer>
</div>
</body>
</html>
`;
  return page.value;
}

function legend(): SafeHtml {
  return html`<dl class="legend" aria-label="How to read this report">
<dt><del>struck through</del></dt><dd>Words in the reference rendition <em>a</em> only: cut or replaced in <em>b</em> (divergences read a → b).</dd>
<dt><ins>underlined</ins></dt><dd>Words in rendition <em>b</em> only: added or substituted.</dd>
<dt>[start–end]</dt><dd>Character offsets into the document’s extracted text. D1, D2… link to the event’s documents table; S1, S2… number its statements.</dd>
<dt>Order</dt><dd>Statements are sorted by their most severe divergence: ${SEVERITY_ORDER.map((type, i) => html`${i > 0 ? ', ' : ''}<span class="badge ${SEVERITY_CLASS[type]}">${type}</span>`)}.</dd>
<dt>“…”</dt><dd>Words from documents, exactly as written.</dd>
</dl>`;
}

function toc(views: readonly EventView[]): SafeHtml {
  return html`<nav class="toc" aria-label="Events"><ol>${views.map(
    (view) =>
      html`<li><a href="#${view.anchor}">${view.event.title}</a> <span class="muted">· ${plural(view.diverging.length, 'diverging statement')} · ${plural(view.event.factConflicts.length, 'fact conflict')}</span></li>`,
  )}</ol></nav>`;
}

function renderEvent(view: EventView): SafeHtml {
  const { event } = view;
  const divergences = event.statements.reduce((n, s) => n + s.divergences.length, 0);
  return html`
<section class="event" id="${view.anchor}" aria-labelledby="${view.anchor}-title">
<h2 id="${view.anchor}-title"><span class="muted">${view.number}.</span> <bdi>${event.title}</bdi></h2>
<p class="meta">Event <code class="wrap">${event.id}</code> · ${plural(event.documents.length, 'document')} · ${plural(event.statements.length, 'aligned statement')} (${view.diverging.length} diverging) · ${plural(divergences, 'divergence')} · ${plural(event.factConflicts.length, 'fact conflict')}</p>
${documentsTable(view)}
${factConflicts(view)}
${diverging(view)}
${single(view)}
${coverage(view)}
${fidelity(view)}
</section>`;
}

function documentsTable(view: EventView): SafeHtml {
  return html`<h3>Documents</h3>
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
<td${langAttr(ref.lang)} dir="auto">${ref.title}${ref.copyOf === undefined ? null : html` <span class="muted">(copy of ${docRef(view, ref.copyOf)})</span>`}</td>
<td class="url">${htmlUrl(ref.url)}</td>
<td><code title="${ref.snapshotSha256}">${shortSha(ref.snapshotSha256)}</code></td>
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
  return html`<span class="badge ${SEVERITY_CLASS[type]}">${type}</span>`;
}

function none(text = 'None.'): SafeHtml {
  return html`<p class="none">${text}</p>`;
}

function factConflicts(view: EventView): SafeHtml {
  const conflicts = view.event.factConflicts;
  return html`<h3>Fact conflicts</h3>
${
  conflicts.length === 0
    ? none()
    : conflicts.map(
        (conflict) => html`<div class="conflict">
<h4><span class="badge sev-fact">${conflict.kind}</span> <bdi>${conflict.subject}</bdi></h4>
<table>
${columns(30, 20, 36, 14)}
<thead><tr><th scope="col">Source</th><th scope="col">Value</th><th scope="col">As written</th><th scope="col">Offsets</th></tr></thead>
<tbody>${conflict.values.map(
          (value) =>
            html`<tr><th scope="row">${docRef(view, value.documentId)}</th><td class="wrap">${value.value}</td><td>${quoted(view, value.documentId, value.text)}</td><td>${offsets(value.start, value.end)}</td></tr>`,
        )}</tbody>
</table>
</div>`,
      )
}`;
}

function htmlDiff(ops: readonly DiffOp[]): SafeHtml {
  return html`${ops
    .filter((op) => op.text !== '')
    .map((op) => {
      if (op.op === 'delete') return html`<del>${op.text}</del>`;
      if (op.op === 'insert') return html`<ins>${op.text}</ins>`;
      return html`<span>${op.text}</span>`;
    })}`;
}

function divergenceItem(view: EventView, divergence: Divergence): SafeHtml {
  const b = view.document(divergence.b);
  return html`<li>
<p>${badge(divergence.type)} ${docRef(view, divergence.a)} → ${docRef(view, divergence.b)}${divergence.note === '' ? null : html` — <span dir="auto">${divergence.note}</span>`}</p>
${
  divergence.diff === undefined
    ? null
    : html`<p class="diff"${langAttr(b.lang)} dir="auto">${divergence.diff.length === 0 ? html`<span class="none">empty diff</span>` : htmlDiff(divergence.diff)}</p>`
}
</li>`;
}

function diverging(view: EventView): SafeHtml {
  return html`<h3>Statements that diverge</h3>
${view.diverging.length === 0 ? none() : view.diverging.map((statement) => statementCard(view, statement))}`;
}

function statementCard(view: EventView, statement: StatementView): SafeHtml {
  const worst = statement.divergences[0]?.type;
  const types = [...new Set(statement.divergences.map((d) => d.type))];
  return html`<article class="statement ${worst === undefined ? 'sev-none' : SEVERITY_CLASS[worst]}" id="${statement.anchor}" aria-labelledby="${statement.anchor}-title">
<h4 id="${statement.anchor}-title"><span class="muted">${statement.key}</span> · ${speakerName(statement)} ${types.map((type) => html` ${badge(type)}`)}</h4>
<table class="renditions">
${columns(17, 9, 19, 43, 12)}
<thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Speaker as written</th><th scope="col">Text</th><th scope="col">Offsets</th></tr></thead>
<tbody>${statement.statement.renditions.map(
    (rendition) => html`<tr>
<th scope="row">${docRef(view, rendition.documentId)}</th>
<td class="enum">${rendition.kind}</td>
<td>${rendition.speakerLabel === null ? html`<span class="muted">none named</span>` : html`<bdi>${rendition.speakerLabel}</bdi>`}${rendition.cue === undefined ? null : html`<br><span class="muted">cue: <bdi>${rendition.cue}</bdi></span>`}</td>
<td class="text">${quoted(view, rendition.documentId, rendition.text)}</td>
<td>${offsets(rendition.start, rendition.end)}</td>
</tr>`,
  )}</tbody>
</table>
${statement.divergences.length === 0 ? null : html`<ul class="divergences">${statement.divergences.map((d) => divergenceItem(view, d))}</ul>`}
</article>`;
}

function single(view: EventView): SafeHtml {
  return html`<h3>Statements carried by one source</h3>
${
  view.single.length === 0
    ? none()
    : html`<table class="single">
${columns(5, 13, 14, 9, 14, 33, 12)}
<thead><tr><th scope="col">#</th><th scope="col">Speaker</th><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Speaker as written</th><th scope="col">Text</th><th scope="col">Offsets</th></tr></thead>
<tbody>${view.single.flatMap((statement) =>
        statement.statement.renditions.map(
          (rendition) => html`<tr id="${statement.anchor}">
<th scope="row" class="nowrap">${statement.key}</th>
<td>${speakerName(statement)}</td>
<td>${docRef(view, rendition.documentId)}</td>
<td class="enum">${rendition.kind}</td>
<td>${rendition.speakerLabel === null ? html`<span class="muted">none named</span>` : html`<bdi>${rendition.speakerLabel}</bdi>`}${rendition.cue === undefined ? null : html`<br><span class="muted">cue: <bdi>${rendition.cue}</bdi></span>`}</td>
<td class="text">${quoted(view, rendition.documentId, rendition.text)}</td>
<td>${offsets(rendition.start, rendition.end)}</td>
</tr>`,
        ),
      )}</tbody>
</table>`
}`;
}

function statementRef(view: EventView, statementId: string): SafeHtml {
  const statement = view.statement(statementId);
  if (statement === undefined) {
    return html`<code class="wrap">${statementId}</code> <span class="muted">(not in this event)</span>`;
  }
  return html`<a href="#${statement.anchor}">${statement.key}</a> · ${speakerName(statement)}`;
}

function docList(view: EventView, ids: readonly string[]): SafeHtml {
  if (ids.length === 0) return html`<span class="muted">—</span>`;
  return html`${ids.map((id, i) => html`${i > 0 ? ', ' : ''}${docRef(view, id)}`)}`;
}

function coverage(view: EventView): SafeHtml | null {
  const rows = view.event.coverage;
  if (rows === undefined) return null;
  return html`<h3>Coverage</h3>
${
  rows.length === 0
    ? none('No rows.')
    : html`<table class="coverage">
${columns(30, 35, 35)}
<thead><tr><th scope="col">Statement</th><th scope="col">Carried by</th><th scope="col">Missing from</th></tr></thead>
<tbody>${rows.map(
        (row) =>
          html`<tr><th scope="row">${statementRef(view, row.statementId)}</th><td>${docList(view, row.documentIds)}</td><td>${docList(view, row.missingFrom)}</td></tr>`,
      )}</tbody>
</table>`
}`;
}

function fidelity(view: EventView): SafeHtml | null {
  const rows = view.event.fidelity;
  if (rows === undefined) return null;
  const types = view.fidelityTypes;
  return html`<h3>Fidelity</h3>
${
  rows.length === 0
    ? none('No rows.')
    : html`<table class="fidelity">
${columns(28)}
<thead><tr><th scope="col">Document</th><th scope="col" class="num">Renditions</th><th scope="col" class="num">Verbatim</th>${types.map((type) => html`<th scope="col" class="num wrap">${type}</th>`)}</tr></thead>
<tbody>${rows.map(
        (row) =>
          html`<tr><th scope="row">${docRef(view, row.documentId)}</th><td class="num">${row.renditions}</td><td class="num">${row.verbatim}</td>${types.map((type) => html`<td class="num">${Object.hasOwn(row.byType, type) ? row.byType[type] : 0}</td>`)}</tr>`,
      )}</tbody>
</table>`
}`;
}
