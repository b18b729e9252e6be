import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/index';
import { AGGREGATOR, locate, MFA, putinMongoliaReport, STATEMENT_IDS } from './fixtures/putin-mongolia';

/** The statement cards' markup. */
function cards(page: string): string[] {
  return page
    .split('<article class="statement')
    .slice(1)
    .map((card) => card.slice(0, card.indexOf('</article>')));
}

/** The markup of each rendition of a card, in order. */
function renditionItems(card: string): string[] {
  return card.split('<li class="rendition').slice(1);
}

describe('renderHtml statement cards', () => {
  it('gives each divergence to the rendition it describes when one document quotes the words twice', () => {
    const report = putinMongoliaReport();
    const event = report.events[0];
    const statement = event?.statements.find((s) => s.id === STATEMENT_IDS.mfaDemand);
    if (statement === undefined) throw new Error('fixture has the ministry’s demand');
    // The aggregator quotes the ministry a second time, shorter; the compare stage reports each
    // rendition as its own divergence against the ministry, with lower-cased word chunks.
    const words = 'execute the binding international arrest warrant';
    const second = AGGREGATOR.text.indexOf(words, AGGREGATOR.text.indexOf(words) + 1);
    const at = second >= 0 ? { start: second, end: second + words.length } : locate(AGGREGATOR.text, words);
    statement.renditions.push({
      documentId: AGGREGATOR.id,
      text: words,
      kind: 'partial',
      speakerLabel: null,
      ...at,
    });
    statement.divergences.push({
      type: 'misattributed',
      a: MFA.id,
      b: AGGREGATOR.id,
      diff: [
        { op: 'delete', text: 'we call on the mongolian side to' },
        { op: 'equal', text: 'execute the binding international arrest warrant' },
        { op: 'delete', text: 'and transfer putin to the international criminal court in the hague' },
      ],
      note: 'the second quotation names no speaker',
    });
    const card = cards(renderHtml(report)).find((c) => c.includes('the second quotation names no speaker'));
    if (card === undefined) throw new Error('no card for the ministry’s demand');
    const items = renditionItems(card).filter((item) => item.includes('News aggregator'));
    expect(items).toHaveLength(2);
    const [first, repeat] = items as [string, string];
    expect(first).toContain('truncated');
    expect(first).not.toContain('misattributed');
    expect(repeat).toContain('misattributed');
    expect(repeat).not.toContain('truncated');
    expect(repeat).toContain(
      '<del>and transfer putin to the international criminal court in the hague</del>',
    );
    // One callout for the one claim.
    expect(card.match(/<p class="callout/g)).toHaveLength(1);
  });

  it('states a misattribution once: the compare stage’s standard note is not repeated after the callout', () => {
    const report = putinMongoliaReport();
    const divergence = report.events[0]?.statements
      .flatMap((s) => s.divergences)
      .find((d) => d.type === 'misattributed');
    if (divergence === undefined) throw new Error('fixture has a misattribution');
    divergence.note =
      'a gives these words to Kremlin spokesman Dmitry Peskov; b gives them to Kremlin aide Yuri Ushakov';
    const callout = renderHtml(report).match(/<p class="callout[\s\S]*?<\/p>/)?.[0] ?? '';
    expect(callout).toContain('Misattributed:');
    expect(callout.match(/Yuri Ushakov/g)).toHaveLength(1);
    expect(callout).not.toContain('a gives these words to');
  });

  it('marks the rendition the others are compared with as the reference', () => {
    for (const card of cards(renderHtml(putinMongoliaReport()))) {
      expect(renditionItems(card).filter((item) => item.startsWith(' reference"'))).toHaveLength(1);
    }
  });
});

describe('renderHtml fact conflicts', () => {
  it('marks a running count that later reports raised as an update, with its sequence, escaped', () => {
    const report = putinMongoliaReport();
    const conflict = report.events[0]?.factConflicts.find((c) => c.kind === 'number');
    if (!conflict) throw new Error('fixture has a number conflict');
    const plain = renderHtml(report);
    conflict.update = conflict.values.map((v, i) => ({ value: v.value, reportedAt: `2024-09-0${i + 2}<b>` }));
    const page = renderHtml(report);
    expect(plain).not.toContain('number update');
    expect(page).toContain('number update');
    expect(page).toContain('not a disagreement');
    expect(page).toContain('(first reported 2024-09-02&lt;b&gt;)');
    expect(page).not.toContain('2024-09-02<b>');
  });
});
