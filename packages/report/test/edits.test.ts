import type { Edit, Report } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderJson, renderMarkdown } from '../src/index';
import { PAYLOADS } from './fixtures/hostile';
import { headings, parseMarkdown, tokenTypes } from './fixtures/markdown-structure';
import { putinMongoliaReport } from './fixtures/putin-mongolia';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

/** The demo report with a silent edit on its first story, its scraped words hostile. */
function editedReport(): Report {
  const report = putinMongoliaReport();
  const [event] = report.events;
  if (!event) throw new Error('fixture has no event');
  const after = event.documents[0];
  if (!after) throw new Error('fixture event has no document');
  const edit: Edit = {
    type: 'edit',
    change: 'quote',
    url: after.url,
    before: {
      documentId: 'doc_earlier',
      snapshotSha256: SHA_A,
      fetchedAt: '2024-09-03T08:00:00Z',
      text: `We will act ${PAYLOADS.script}`,
      start: 10,
      end: 60,
      speakerLabel: PAYLOADS.mdLink,
    },
    after: {
      documentId: after.id,
      snapshotSha256: SHA_B,
      fetchedAt: '2024-09-03T12:00:00Z',
      text: `We will act now ${PAYLOADS.img}`,
      start: 10,
      end: 70,
      speakerLabel: PAYLOADS.mdLink,
    },
    diff: [
      { op: 'equal', text: 'we will act' },
      { op: 'delete', text: PAYLOADS.script },
      { op: 'insert', text: `now ${PAYLOADS.img}` },
    ],
    note: `the words changed ${PAYLOADS.mdHeading}`,
  };
  report.events[0] = { ...event, edits: [edit] };
  return report;
}

describe('silent edits in the reports', () => {
  it('Markdown: a section per story with both versions, scraped words escaped', () => {
    const markdown = renderMarkdown(editedReport());
    const { tokens, html } = parseMarkdown(markdown);
    expect(headings(tokens).map((h) => h.text)).toContain('Edits after publication');
    for (const type of ['html_inline', 'html_block']) expect(tokenTypes(tokens).has(type)).toBe(false);
    expect(html).not.toMatch(/<(?:script|img)\b/i);
    expect(markdown).toContain(SHA_A.slice(0, 12));
    expect(markdown).toContain(SHA_B.slice(0, 12));
    expect(markdown).toContain('2024-09-03T08:00:00Z');
    expect(markdown).toContain('[10–60]');
    expect(markdown).toContain('[10–70]');
  });

  it('HTML: the same, escaped by the report package', () => {
    const page = renderHtml(editedReport());
    expect(page).toContain('Edits after publication');
    expect(page).not.toContain(PAYLOADS.script);
    expect(page).not.toContain(PAYLOADS.img);
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain(`title="${SHA_A}"`);
    expect(page).toContain(`title="${SHA_B}"`);
    expect(page).toContain('<del>');
  });

  it('JSON: the edit as the schema has it; a report without edits has no such section', () => {
    const json = JSON.parse(renderJson(editedReport()));
    expect(json.events[0].edits[0].before.snapshotSha256).toBe(SHA_A);
    expect(renderMarkdown(putinMongoliaReport())).not.toContain('Edits after publication');
    expect(renderHtml(putinMongoliaReport())).not.toContain('Edits after publication');
  });
});
