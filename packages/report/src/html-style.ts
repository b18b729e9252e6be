/**
 * The report's only stylesheet, inlined: the file must open anywhere (a mail attachment, an air-gapped
 * laptop) and the CSP forbids loading anything. Diff marks never rely on colour alone: deletions are
 * struck through, insertions underlined, and both are announced to screen readers.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;
  --del-bg: #ffe4e4; --del-fg: #82071e; --ins-bg: #dafbe1; --ins-fg: #0f5323;
  --critical: #b42318; --fact: #b54708; --wording: #6941c6; --cut: #7a5c00; --minor: #59636e; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: #fff;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif; }
.page { max-width: 78rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
a { color: #0b57d0; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .35rem; }
h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.75rem 0 .35rem; padding-top: 1rem; border-top: 3px solid var(--fg); }
h3 { font-size: 1.15rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
h4 { font-size: 1rem; margin: 0 0 .6rem; line-height: 1.4; }
p { margin: .4rem 0; }
.muted { color: var(--muted); }
.meta { color: var(--muted); font-size: .92rem; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .86em; }
.report-header { padding-bottom: 1rem; border-bottom: 1px solid var(--line); }
.counts { display: flex; flex-wrap: wrap; gap: .4rem 1.4rem; margin: .6rem 0; padding: 0; list-style: none; }
.counts strong { font-size: 1.15rem; }
.legend { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: .8rem 0 0; padding: .75rem 1rem;
  background: var(--soft); border: 1px solid var(--line); border-radius: 6px; font-size: .92rem; }
.legend dt { font-weight: 600; }
.legend dd { margin: 0; }
nav.toc ol { margin: .4rem 0; padding-left: 1.5rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .5rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid var(--line); padding: .4rem .55rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: var(--soft); font-weight: 600; }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.nowrap, .key { white-space: nowrap; }
.enum { overflow-wrap: normal; }
.wrap, .url { overflow-wrap: anywhere; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.statement { border: 1px solid var(--line); border-left: 6px solid var(--sev); border-radius: 6px; padding: .85rem 1.1rem .6rem; margin: 1.1rem 0; }
/* A run's report can hold thousands of statement cards: the browser lays out only those near the
   viewport (the rest keep a remembered or estimated height), so a large report opens quickly. */
.statement, .conflict { content-visibility: auto; contain-intrinsic-size: auto 22rem; }
.event + .event { content-visibility: auto; contain-intrinsic-size: auto 150rem; }
.statement table { margin-bottom: .6rem; }
.divergences { list-style: none; padding: 0; margin: .3rem 0; }
.divergences > li { padding: .45rem 0; border-top: 1px dashed var(--line); }
.diff { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); border: 1px solid var(--line); border-radius: 4px;
  padding: .45rem .7rem; margin: .4rem 0 .2rem; line-height: 1.8; }
del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through 2px; padding: .1em 0; }
del + ins, ins + del { margin-left: .15em; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: underline 2px; text-underline-offset: 3px; padding: .1em 0; }
del::before, del::after, ins::before, ins::after { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
del::before { content: " [deletion start] "; } del::after { content: " [deletion end] "; }
ins::before { content: " [insertion start] "; } ins::after { content: " [insertion end] "; }
.badge { display: inline-block; padding: .05rem .5rem; border: 1.5px solid currentColor; border-radius: 999px;
  font-size: .78rem; font-weight: 700; letter-spacing: .02em; vertical-align: .1em; background: #fff; }
.sev-critical { --sev: var(--critical); } .badge.sev-critical { color: var(--critical); }
.sev-fact { --sev: var(--fact); } .badge.sev-fact { color: var(--fact); }
.sev-wording { --sev: var(--wording); } .badge.sev-wording { color: var(--wording); }
.sev-cut { --sev: var(--cut); } .badge.sev-cut { color: var(--cut); }
.sev-minor, .sev-none { --sev: var(--minor); } .badge.sev-minor { color: var(--minor); }
.conflict { margin: .8rem 0 1.2rem; }
.none { color: var(--muted); font-style: italic; }
.unlinked { overflow-wrap: anywhere; }
[hidden] { display: none !important; }
.small { font-size: .8rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.by-type { margin: .3rem 0 .6rem; line-height: 2; }
.filters { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center;
  margin: .9rem 0 0; padding: .6rem .9rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; font-size: .9rem; }
.filters label { display: inline-flex; gap: .35rem; align-items: center; font-weight: 600; }
.filters select, .filters input, .filters button { font: inherit; font-weight: 400; padding: .2rem .4rem; }
.filters input { min-width: 14rem; }
.filters output { color: var(--muted); }
.matrix-wrap { overflow-x: auto; }
table.matrix { table-layout: auto; }
.matrix th[scope="row"] { min-width: 12rem; }
.matrix .doc-col { text-align: center; font-size: .8rem; }
.matrix td, .matrix th { padding: .3rem .35rem; }
.cell { text-align: center; white-space: nowrap; font-size: .78rem; }
.cell .badge { font-size: .72rem; padding: 0 .35rem; }
.cell.absent { color: var(--muted); background: repeating-linear-gradient(135deg, #fff 0 6px, var(--soft) 6px 12px); }
.cell.ref { font-weight: 700; }
.cell.present { color: var(--fg); }
.copy-of { display: inline-block; margin-left: .3rem; padding: 0 .35rem; border: 1px dashed var(--muted); border-radius: 4px; font-size: .82rem; }
.callout { margin: .4rem 0 .7rem; padding: .45rem .7rem; border: 2px solid var(--sev); border-radius: 6px; background: #fff5f5; }
ol.renditions { list-style: none; margin: .4rem 0; padding: 0; }
ol.renditions > li { padding: .5rem 0 .55rem; border-top: 1px dashed var(--line); }
ol.renditions > li.reference { background: linear-gradient(90deg, var(--soft), #fff 60%); }
.rendition-meta { font-size: .88rem; }
.said { margin: .3rem 0; }
.note { font-size: .88rem; color: var(--muted); }
.evidence { font-size: .8rem; color: var(--muted); margin-top: .25rem; }
.evidence code.sha { overflow-wrap: anywhere; }
.evidence details { margin-top: .2rem; }
.evidence summary { cursor: pointer; }
.context { white-space: pre-wrap; overflow-wrap: anywhere; color: var(--fg); background: var(--soft); border-left: 3px solid var(--line); padding: .35rem .6rem; font-size: .88rem; }
mark { background: #fff3b0; outline: 1px solid #b08800; }
table.conflicts tbody.conflict { border-top: 2px solid var(--line); }
figure.chart { margin: .5rem 0; }
.fidelity-chart { max-width: 100%; height: auto; font-family: inherit; }
.fidelity-chart .label, .fidelity-chart .pct { font-size: 13px; fill: #1f2328; }
.fidelity-chart .axis, .fidelity-chart .none-text { font-size: 11px; fill: #59636e; }
.fidelity-chart .seg { font-size: 12px; font-weight: 700; fill: #fff; }
.fidelity-chart .track { fill: #f6f8fa; stroke: #d1d9e0; }
.fidelity-chart .share { fill: #1a7f37; }
footer { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
@media (max-width: 48rem) { .page { padding: 1rem; } table { font-size: .8rem; } }
@media print {
  body { font-size: 9.5pt; }
  table { font-size: 8.5pt; }
  .page { max-width: none; padding: 0; }
  nav.toc, .filters, .evidence summary, .snapshot-link { display: none; }
  .evidence details { display: none; }
  a { color: inherit; }
  .event + .event { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  .statement, .conflict, tr { break-inside: avoid; }
  .statement, .conflict, .event + .event { content-visibility: visible; }
  /* The matrix must fit the page width however many sources there are: it wraps instead of scrolling. */
  .matrix-wrap { overflow: visible; }
  table.matrix { table-layout: fixed; font-size: 7pt; }
  .matrix th[scope="row"] { min-width: 0; width: 20%; }
  .matrix .doc-col { font-size: 6.5pt; overflow-wrap: anywhere; }
  .cell { white-space: normal; font-size: 6.5pt; }
  .cell .badge { font-size: 6.5pt; padding: 0 .15em; white-space: normal; }
  del, ins, .badge, thead th, .diff, .legend { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
