import { describe, expect, it } from 'vitest';
import { REPORT_SCRIPT } from '../src/html-script';
import { renderHtml, renderMarkdown } from '../src/index';
import { HOSTILE_URLS, hostileReport, PAYLOADS } from './fixtures/hostile';
import {
  allPlainText,
  headings,
  linkHrefs,
  parseMarkdown,
  tableShapes,
  tokenTypes,
} from './fixtures/markdown-structure';

const SAFE_SCHEMES = /^https?:/i;

describe('Markdown with hostile strings', () => {
  const markdown = renderMarkdown(hostileReport());
  const { tokens, html } = parseMarkdown(markdown);

  it('creates no raw HTML, code blocks or code spans beyond its own hashes and legend', () => {
    const types = tokenTypes(tokens);
    for (const type of ['html_inline', 'html_block', 'fence', 'code_block', 'image', 'em']) {
      expect(types.has(type), type).toBe(false);
    }
    const codeSpans = tokens
      .flatMap((t) => t.children ?? [])
      .filter((t) => t.type === 'code_inline')
      .map((t) => t.content);
    for (const code of codeSpans) expect(code).toMatch(/^(?:[0-9a-f]{12}|\[start–end\])$/);
    // Strike-through comes only from the legend's example and the diffs' deletions (one of them a
    // deleted script payload), never from a payload's own ~~strike~~.
    const inline = tokens.flatMap((t) => t.children ?? []);
    const struck = inline.flatMap((t, i) => (t.type === 's_open' ? [inline[i + 1]?.content] : []));
    const deletions = hostileReport()
      .events.flatMap((e) => e.statements.flatMap((s) => s.divergences.flatMap((d) => d.diff ?? [])))
      .filter((op) => op.op === 'delete');
    expect(struck).toHaveLength(1 + deletions.length);
    expect(struck).toContain(PAYLOADS.script);
    expect(struck).not.toContain('strike');
    expect(html).not.toMatch(/<(?:script|img|svg|iframe)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  });

  it('creates only the links it means to: http and https URLs of documents', () => {
    const hrefs = linkHrefs(tokens);
    for (const href of hrefs) expect(href).toMatch(SAFE_SCHEMES);
    expect(hrefs).toContain(
      'https://kyivindependent.com/a?q=%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E&x=%27y%27%7Cz',
    );
    // markdown-it's linkify turns bare http URLs in text into links; none of them is a javascript: one.
    expect(hrefs.filter((href) => /javascript/i.test(href))).toEqual([]);
  });

  it('keeps the document structure: headings and table shapes as in a clean report', () => {
    const levels = headings(tokens).map((h) => h.level);
    expect(levels.filter((l) => l === 'h1')).toHaveLength(1);
    expect(levels.filter((l) => l === 'h2')).toHaveLength(1);
    expect(levels.filter((l) => l === 'h3')).toHaveLength(6);
    expect(levels.filter((l) => l === 'h4')).toHaveLength(2 + 4);
    expect(headings(tokens).some((h) => h.text === 'Injected heading')).toBe(false);
    const tables = tableShapes(tokens);
    expect(tables.map((rows) => rows[0])).toEqual([8, 4, 4, 3, 8]);
    for (const rows of tables) expect(new Set(rows).size).toBe(1);
    const bullets = tokens.filter((t) => t.type === 'bullet_list_open').length;
    // The legend, and per diverging statement its renditions and divergences (plus one nested diff list
    // per divergence with a diff), and the single-source list: none added by a payload.
    expect(bullets).toBe(1 + 4 * 2 + 5 + 1);
  });

  it('shows every payload as its literal characters', () => {
    const text = allPlainText(tokens).join('\n');
    for (const [name, payload] of Object.entries(PAYLOADS)) {
      if (name === 'mdNewlines') continue;
      expect(text, name).toContain(payload.replace(/\t/g, ' '));
    }
    // Line breaks inside report text become ¶ marks instead of new blocks.
    expect(text).toContain(
      'first line ¶ # Injected heading ¶ | x | y | ¶ | --- | --- | ¶ | 1 | 2 | ¶ <script>',
    );
    expect(text).toContain(`${HOSTILE_URLS.javascript} (not linked)`);
    expect(text).toContain(`${HOSTILE_URLS.data} (not linked)`);
  });
});

describe('HTML with hostile strings', () => {
  const page = renderHtml(hostileReport());

  it('contains no element or attribute that a payload asked for', () => {
    // The page's own script (allowed by its CSP hash), filter form and fidelity chart, once each.
    expect(page.match(/<script\b/gi)).toEqual(['<script']);
    expect(page).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(page.match(/<form\b[^>]*>/gi)).toEqual([expect.stringMatching(/^<form id="filters" /)]);
    expect(page.match(/<svg\b[^>]*>/gi)).toEqual([expect.stringMatching(/^<svg class="fidelity-chart" /)]);
    expect(page).not.toMatch(/<(?:img|iframe|object|embed|link|base)\b/i);
    const tags = page.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(100);
    for (const tag of tags) {
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/javascript:/i);
    }
  });

  it('links only http and https URLs, with rel="noopener noreferrer"', () => {
    const anchors = page.match(/<a\s[^>]*>/g) ?? [];
    const external = anchors.filter((a) => !a.startsWith('<a href="#'));
    expect(external).toHaveLength(1);
    for (const a of external) {
      expect(a).toMatch(/^<a href="https?:[^"]*" rel="noopener noreferrer" target="_blank">$/);
    }
    expect(page).toContain(
      '<span class="unlinked">javascript:window.__pwned=1</span> <span class="muted">(not linked)</span>',
    );
    expect(page).toContain(
      '<span class="unlinked">data:text/html,&lt;script&gt;window.__pwned=1&lt;/script&gt;</span>',
    );
  });

  it('escapes & < > " and \' in text and attributes', () => {
    expect(page).toContain('&lt;img src=x onerror=&quot;window.__pwned=1;alert(1)&quot;&gt;');
    expect(page).toContain('&quot;&gt;&lt;svg onload=&quot;window.__pwned=1;alert(1)&quot;&gt;');
    expect(page).toContain('&#39;&gt;&lt;iframe');
    expect(page).toContain('&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;');
    expect(page).toContain('<title>Parallax report: # Injected heading &lt;script&gt;');
    // A lang value that is not a language tag is shown as text and never becomes an attribute.
    expect(page).toContain('<td>en&quot; onmouseover=&quot;window.__pwned=1</td>');
  });
});
