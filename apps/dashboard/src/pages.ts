import type { DocumentRef, Snapshot } from '@parallax/core';
import { html, linkableUrl, SafeHtml } from '@parallax/report';
import type { StoredDocument } from '@parallax/store';
import type { Catalog } from './catalog';

/**
 * The dashboard's own pages. Like the reports, they run no script and load nothing: every stored
 * string (all of it scraped) goes through the escaping `html` template.
 */
const PAGE_CSS = `
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: #1f2328; }
.page { max-width: 72rem; margin: 0 auto; padding: 1.2rem 2rem 3rem; }
nav.top { display: flex; gap: 1.2rem; align-items: baseline; border-bottom: 1px solid #d1d9e0; padding-bottom: .5rem; }
nav.top strong { font-size: 1.2rem; }
h1 { font-size: 1.5rem; margin: 1rem 0 .4rem; }
h2 { font-size: 1.2rem; margin: 1.8rem 0 .5rem; border-bottom: 1px solid #d1d9e0; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #d1d9e0; padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #f6f8fa; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; overflow-wrap: anywhere; }
.muted { color: #59636e; }
.problem { color: #b42318; }
.doc-text { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; border: 1px solid #d1d9e0; border-radius: 6px; padding: 1rem 1.2rem; line-height: 1.65; }
mark { background: #fff3b0; outline: 2px solid #b08800; scroll-margin-top: 30vh; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
`;

export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function page(title: string, body: SafeHtml, queues: boolean): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Parallax</title>
<style>${new SafeHtml(PAGE_CSS)}</style>
</head>
<body><div class="page">
<nav class="top"><strong><a href="/">Parallax</a></strong><a href="/">Reports</a><a href="/documents">Documents</a>${queues ? html`<a href="/queues/">Queues</a>` : html`<span class="muted">Queues: no Redis URL set</span>`}</nav>
${body}
</div></body>
</html>
`.value;
}

function externalLink(url: string): SafeHtml {
  const href = linkableUrl(url);
  return href === null
    ? html`<span>${url}</span> <span class="muted">(not linked)</span>`
    : html`<a href="${href}" rel="noopener noreferrer" target="_blank">${url}</a>`;
}

export function indexPage(catalog: Catalog, queues: boolean): string {
  const events = new Map<string, { title: string; reports: number }>();
  for (const report of catalog.reports) {
    for (const event of report.events) {
      const seen = events.get(event.id);
      events.set(event.id, { title: event.title, reports: (seen?.reports ?? 0) + 1 });
    }
  }
  return page(
    'Reports',
    html`<h1>Reports</h1>
<h2>Events</h2>
${
  events.size === 0
    ? html`<p class="muted">No events yet: run <code>pnpm parallax demo</code>.</p>`
    : html`<table><thead><tr><th scope="col">Event</th><th scope="col">Id</th><th scope="col">Reports</th></tr></thead><tbody>${[
        ...events.entries(),
      ].map(
        ([id, e]) =>
          html`<tr><th scope="row"><a href="/events/${encodeURIComponent(id)}">${e.title}</a></th><td><code>${id}</code></td><td>${e.reports}</td></tr>`,
      )}</tbody></table>`
}
<h2>Reports</h2>
${
  catalog.reports.length === 0
    ? html`<p class="muted">No reports found.</p>`
    : html`<table><thead><tr><th scope="col">Generated</th><th scope="col">Events</th><th scope="col">Formats</th><th scope="col">Report id</th><th scope="col">Found in</th></tr></thead><tbody>${catalog.reports.map(
        (r) => {
          const base = `/reports/${encodeURIComponent(r.id)}`;
          return html`<tr><td><time datetime="${r.generatedAt}">${r.generatedAt}</time></td><td>${r.events.map((e, i) => html`${i > 0 ? html`<br>` : null}<a href="${base}">${e.title}</a>`)}</td><td><a href="${base}">HTML</a> · <a href="${base}.md">Markdown</a> · <a href="${base}.csv">CSV</a> · <a href="${base}.json">JSON</a></td><td><code>${r.id}</code></td><td>${r.origin === 'store' ? 'store' : html`file <code>${r.origin}</code>`}</td></tr>`;
        },
      )}</tbody></table>`
}
<h2>Runs</h2>
${
  catalog.runs.length === 0
    ? html`<p class="muted">No runs.</p>`
    : html`<table><thead><tr><th scope="col">Run</th><th scope="col">Status</th><th scope="col">Started</th><th scope="col">Finished</th><th scope="col">Error</th></tr></thead><tbody>${catalog.runs.map(
        (run) =>
          html`<tr><td><code>${run.id}</code></td><td>${run.status}</td><td>${run.startedAt}</td><td>${run.finishedAt ?? '—'}</td><td>${run.error ?? ''}</td></tr>`,
      )}</tbody></table>`
}
${
  catalog.problems.length === 0
    ? null
    : html`<h2>Files not read</h2><ul>${catalog.problems.map((p) => html`<li class="problem"><code>${p.file}</code>: ${p.message}</li>`)}</ul>`
}`,
    queues,
  );
}

export function documentsPage(documents: DocumentRef[], queues: boolean): string {
  return page(
    'Documents',
    html`<h1>Stored documents</h1>
${
  documents.length === 0
    ? html`<p class="muted">No documents stored.</p>`
    : html`<table><thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Title</th><th scope="col">URL</th><th scope="col">Snapshot sha256</th></tr></thead><tbody>${documents.map(
        (d) =>
          html`<tr><td>${d.source}</td><td>${d.kind}</td><td><a href="/documents/${encodeURIComponent(d.id)}">${d.title}</a></td><td>${externalLink(d.url)}</td><td><code>${d.snapshotSha256}</code></td></tr>`,
      )}</tbody></table>`
}`,
    queues,
  );
}

/** A span to highlight, or null when the query asks for none or for one that does not fit the text. */
export function spanOf(text: string, start: unknown, end: unknown): { start: number; end: number } | null {
  if (typeof start !== 'string' || typeof end !== 'string') return null;
  if (!/^\d{1,9}$/.test(start) || !/^\d{1,9}$/.test(end)) return null;
  const s = Number(start);
  const e = Number(end);
  return s <= e && e <= text.length ? { start: s, end: e } : null;
}

/** The snapshot view: a stored document's text with one span highlighted at its offsets. */
export function snapshotPage(
  doc: StoredDocument,
  snapshot: Snapshot | null,
  span: { start: number; end: number } | null,
  requested: boolean,
  queues: boolean,
): string {
  const text = doc.article.text;
  return page(
    doc.ref.title,
    html`<h1 dir="auto">${doc.ref.title}</h1>
<dl class="meta">
<dt>Source</dt><dd>${doc.ref.source} <span class="muted">(${doc.ref.kind}, ${doc.ref.lang})</span></dd>
<dt>URL</dt><dd>${externalLink(doc.ref.url)}</dd>
<dt>Snapshot sha256</dt><dd><code>${doc.ref.snapshotSha256}</code>${snapshot === null ? html` <span class="problem">(snapshot not in this store)</span>` : null}</dd>
${
  snapshot === null
    ? null
    : html`<dt>Fetched</dt><dd>${snapshot.fetchedAt} · HTTP ${snapshot.status} · ${snapshot.contentType ?? 'no content type'} · ${snapshot.byteLength} bytes${snapshot.finalUrl === snapshot.url ? null : html` · final URL ${externalLink(snapshot.finalUrl)}`}</dd>`
}
<dt>Document id</dt><dd><code>${doc.ref.id}</code></dd>
<dt>Span</dt><dd>${span === null ? (requested ? html`<span class="problem">the requested offsets do not fit this document’s text (${text.length} characters)</span>` : html`<span class="muted">none selected</span>`) : html`[${span.start}–${span.end}] of ${text.length} characters`}</dd>
</dl>
<h2>Extracted text</h2>
<p class="muted">The text every offset in a report points into.</p>
<div class="doc-text" lang="${/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(doc.article.lang) ? doc.article.lang : 'und'}" dir="auto">${
      span === null
        ? text
        : html`${text.slice(0, span.start)}<mark id="span">${text.slice(span.start, span.end)}</mark>${text.slice(span.end)}`
    }</div>`,
    queues,
  );
}

export function notFoundPage(what: string, queues: boolean): string {
  return page(
    'Not found',
    html`<h1>Not found</h1><p>${what}</p><p><a href="/">Back to the reports</a></p>`,
    queues,
  );
}
