import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/index';
import { headings, linkHrefs, parseMarkdown, tableShapes, tokenTypes } from './fixtures/markdown-structure';
import { AGGREGATOR, BLOOMBERG, KYIV, MFA, putinMongoliaReport } from './fixtures/putin-mongolia';

const LABEL: Record<string, string> = {
  [MFA.id]: 'Ministry of Foreign Affairs of Ukraine (D1)',
  [BLOOMBERG.id]: 'Bloomberg (D2)',
  [KYIV.id]: 'The Kyiv Independent (D3)',
  [AGGREGATOR.id]: 'News aggregator (D4)',
};

describe('renderMarkdown', () => {
  const report = putinMongoliaReport();
  const markdown = renderMarkdown(report);

  it('shows a running count that later reports raised as an update with its sequence, not a disagreement', () => {
    const updated = putinMongoliaReport();
    const conflict = updated.events[0]?.factConflicts.find((c) => c.kind === 'number');
    if (!conflict) throw new Error('fixture has a number conflict');
    conflict.update = conflict.values.map((v, i) => ({ value: v.value, reportedAt: `2024-09-0${i + 2}` }));
    const text = renderMarkdown(updated);
    expect(text).toContain(`#### number update: ${conflict.subject}`);
    expect(text).toContain('not a disagreement');
    expect(text).toContain(`${conflict.values[0]?.value} (first reported 2024-09-02) →`);
    expect(markdown).not.toContain('number update');
  });

  it('names every divergence with its type and both sources, a → b', () => {
    const lines = markdown.split('\n');
    const divergences = report.events[0]?.statements.flatMap((s) => s.divergences) ?? [];
    expect(divergences).toHaveLength(6);
    for (const d of divergences) {
      const prefix = `- **${d.type}** · ${LABEL[d.a]} → ${LABEL[d.b]} — `;
      expect(lines.filter((line) => line.startsWith(prefix)).length).toBeGreaterThan(0);
    }
  });

  it('writes word diffs as ~~deleted~~ and **inserted**, and says so in the legend', () => {
    expect(markdown).toContain('~~struck-through~~ words are in *a* only');
    expect(markdown).toContain('**bold** words are in *b* only');
    expect(markdown).toContain(
      '  - diff: We call on the Mongolian side to execute the binding international arrest warrant ~~and transfer Putin to the International Criminal Court in The Hague.~~',
    );
    expect(markdown).toContain(
      '  - diff: ~~There are no worries.~~ We have a wonderful dialogue with our friends from Mongolia',
    );
    expect(markdown).toContain('Rome Statute have ~~a duty~~ **the obligation** to cooperate');
    expect(markdown).toContain('**Russia** may supply gas');
  });

  it('spaces whole-word diff chunks that come without their whitespace, as the compare stage writes them', () => {
    const piped = putinMongoliaReport();
    const divergence = piped.events[0]?.statements.find((s) => s.divergences.length > 0)?.divergences[0];
    if (divergence === undefined) throw new Error('fixture has a divergence');
    divergence.diff = [
      { op: 'equal', text: 'the cabinet had' },
      { op: 'delete', text: 'looked at 12' },
      { op: 'insert', text: 'reviewed 14' },
      { op: 'equal', text: 'bids since march' },
    ];
    expect(renderMarkdown(piped)).toContain(
      '  - diff: the cabinet had ~~looked at 12~~ **reviewed 14** bids since march',
    );
  });

  it('renders each diff mark as strike-through or bold in a GFM renderer, with the words inside', () => {
    const { tokens } = parseMarkdown(markdown);
    const inline = tokens.flatMap((t) => t.children ?? []);
    const inside = (open: string) =>
      inline.flatMap((t, i) => (t.type === open ? [inline[i + 1]?.content ?? ''] : []));
    const deleted = report.events[0]?.statements
      .flatMap((s) => s.divergences)
      .flatMap((d) => d.diff ?? [])
      .filter((op) => op.op === 'delete')
      .map((op) => op.text.trim());
    expect(inside('s_open').slice(1).sort()).toEqual(deleted?.sort());
    expect(inside('strong_open')).toEqual(
      expect.arrayContaining(['Russia', 'the obligation', 'this', 'ICC']),
    );
  });

  it('puts the most severe statements first and numbers them in that order', () => {
    const titles = headings(parseMarkdown(markdown).tokens)
      .filter((h) => h.level === 'h4' && /^S\d/.test(h.text))
      .map((h) => h.text);
    expect(titles).toEqual([
      'S1 · Dmitry Peskov · misattributed, truncated',
      'S2 · Vladimir Putin · paraphrased',
      'S3 · Fadi El Abdallah · reworded',
      'S4 · Ministry of Foreign Affairs of Ukraine · truncated',
    ]);
  });

  it('lists the documents with source, kind, language, date, title, URL and short snapshot hash', () => {
    expect(markdown).toContain(
      `| D2 | Bloomberg | outlet | en | 2024-08-30T16:30:00.000Z | Putin Gets Assurances He Won’t Be Arrested on Mongolia Visit | [${BLOOMBERG.url}](<${BLOOMBERG.url}>) | \`${BLOOMBERG.snapshotSha256.slice(0, 12)}\` |`,
    );
    expect(markdown).toContain(`| D4 | News aggregator | aggregator | en | — |`);
    // A file: URL names a path on the machine that ran Parallax: shown, never linked.
    expect(markdown).toContain(`${AGGREGATOR.url.replace('://', '\\://')} (not linked)`);
    expect(markdown).not.toContain(`(<${AGGREGATOR.url}>)`);
  });

  it('traces renditions and fact values to the document and offsets', () => {
    expect(markdown).toContain(
      '- **Bloomberg (D2)** · direct · [728–809] · speaker as written: Kremlin spokesman Dmitry Peskov · cue: told reporters',
    );
    expect(markdown).toContain(
      '  > “There are no worries. We have a wonderful dialogue with our friends from Mongolia”',
    );
    expect(markdown).toContain('#### number: ICC member states');
    expect(markdown).toContain('| Bloomberg (D2) | 124 | “124 member states” | [1277–1294] |');
    expect(markdown).toContain('| The Kyiv Independent (D3) | 125 | “125 member states” | [407–424] |');
    expect(markdown).toContain(
      '| News aggregator (D4) | Kyzyl, Tuva, Russia | “Kyzyl Republic Of Tuva” | [22–44] |',
    );
  });

  it('calls out a misattribution with the speaker each source names', () => {
    expect(markdown).toContain(
      '> **Misattributed:** The Kyiv Independent (D3) gives these words to “Kremlin aide Yuri Ushakov”; Bloomberg (D2) gives them to “Kremlin spokesman Dmitry Peskov”.',
    );
    expect(markdown.match(/^> \*\*Misattributed:\*\*/gm)).toHaveLength(1);
  });

  it('lists single-source statements compactly, including one with no identified speaker', () => {
    const section = markdown.slice(
      markdown.indexOf('### Statements carried by one source'),
      markdown.indexOf('### Coverage'),
    );
    expect(section.split('\n').filter((line) => line.startsWith('- **S'))).toHaveLength(3);
    expect(section).toContain('- **S6** · speaker not identified · **Bloomberg (D2)** · indirect');
  });

  it('renders coverage and fidelity tables', () => {
    expect(markdown).toContain(
      '| S1 · Dmitry Peskov | Bloomberg (D2), The Kyiv Independent (D3) | Ministry of Foreign Affairs of Ukraine (D1), News aggregator (D4) |',
    );
    expect(markdown).toContain(
      '| Document | Renditions | Verbatim | misattributed | paraphrased | reworded | truncated |',
    );
    expect(markdown).toContain('| News aggregator (D4) | 4 | 1 | 0 | 1 | 1 | 1 |');
  });

  it('has the structure a Markdown renderer expects: one h1, an h2 per event, consistent tables, no raw HTML', () => {
    const { tokens } = parseMarkdown(markdown);
    const levels = headings(tokens).map((h) => h.level);
    expect(levels.filter((l) => l === 'h1')).toHaveLength(1);
    expect(levels.filter((l) => l === 'h2')).toHaveLength(1);
    expect(
      headings(tokens)
        .filter((h) => h.level === 'h3')
        .map((h) => h.text),
    ).toEqual([
      'Documents',
      'Fact conflicts',
      'Statements that diverge',
      'Statements carried by one source',
      'Coverage',
      'Fidelity',
    ]);
    const tables = tableShapes(tokens);
    expect(tables.map((rows) => rows.length)).toEqual([5, 4, 4, 5, 5]);
    for (const rows of tables) expect(new Set(rows).size).toBe(1);
    expect(linkHrefs(tokens)).toEqual([MFA.url, BLOOMBERG.url, KYIV.url]);
    const types = tokenTypes(tokens);
    expect(types.has('html_inline') || types.has('html_block')).toBe(false);
  });

  it('ends with exactly one newline', () => {
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });
});
