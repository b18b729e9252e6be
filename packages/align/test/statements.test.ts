import type { Statement } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { alignStatements, type StatementGroup } from '../src/index';
import { doc, groupIds, quoted, statement } from './helpers';

/** The Kremlin's transcript of Putin's interview with Unuudur: the primary source. */
const KREMLIN = `Interview with the Mongolian newspaper Unuudur

Vladimir Putin: Russia is ready to supply natural gas to Mongolia as part of the Power of Siberia 2 project. Our trade with Mongolia grew by 21 percent last year, and we intend to keep up that pace.`;

const BLOOMBERG = `Putin Says Russia May Supply Gas to Mongolia

Russian President Vladimir Putin said Russia was "ready to supply natural gas to Mongolia" ahead of his visit. Putin said Russia could provide gas supplies to Mongolia through the Power of Siberia 2 pipeline.`;

const AGGREGATOR = `Kremlin Backs Mongolian Gas Route

"Russia is ready to supply natural gas to Mongolia as part of the Power of Siberia 2 project, which will serve both our peoples," Kremlin spokesman Dmitry Peskov said. Putin said gas supplies and trade with Mongolia would keep pace.`;

const INTERFAX = `Путин: товарооборот с Монголией вырос на 21%

Товарооборот с Монголией в прошлом году вырос на 21 процент, заявил Владимир Путин. Путин также заявил, что не опасается ордера МУС.`;

const EMBASSY_REPORT = `US Embassy Criticises Visit

A spokesperson from the U.S. Embassy in Ulaanbaatar said Putin should not be given a platform to promote aggression against Ukraine.`;

const STEPPE = `Pipeline Plans

Peskov said Russia will supply gas to Mongolia through a new pipeline across the steppe.`;

const kGas = statement(
  'kremlin-gas',
  KREMLIN,
  'Russia is ready to supply natural gas to Mongolia as part of the Power of Siberia 2 project.',
  'direct',
  'Vladimir Putin',
);
const kTrade = statement(
  'kremlin-trade',
  KREMLIN,
  'Our trade with Mongolia grew by 21 percent last year, and we intend to keep up that pace.',
  'direct',
  'Vladimir Putin',
);
const bPartial = statement(
  'bloomberg-partial',
  BLOOMBERG,
  'ready to supply natural gas to Mongolia',
  'partial',
  'Russian President Vladimir Putin',
);
const bReported = statement(
  'bloomberg-reported',
  BLOOMBERG,
  'Russia could provide gas supplies to Mongolia through the Power of Siberia 2 pipeline',
  'indirect',
  'Putin',
);
const gPeskov = statement(
  'aggregator-peskov',
  AGGREGATOR,
  'Russia is ready to supply natural gas to Mongolia as part of the Power of Siberia 2 project, which will serve both our peoples',
  'direct',
  'Kremlin spokesman Dmitry Peskov',
);
const gBoth = statement(
  'aggregator-both',
  AGGREGATOR,
  'gas supplies and trade with Mongolia would keep pace',
  'indirect',
  'Putin',
);
const iTrade = statement(
  'interfax-trade',
  INTERFAX,
  'Товарооборот с Монголией в прошлом году вырос на 21 процент',
  'indirect',
  'Владимир Путин',
  'ru',
);
const iWarrant = statement(
  'interfax-warrant',
  INTERFAX,
  'не опасается ордера МУС',
  'indirect',
  'Путин',
  'ru',
);
const embassy = statement(
  'embassy-platform',
  EMBASSY_REPORT,
  'Putin should not be given a platform to promote aggression against Ukraine',
  'indirect',
  'A spokesperson from the U.S. Embassy in Ulaanbaatar',
);

const kremlin = doc('kremlin', 'official', 'en', [kGas, kTrade]);

function referenceOf(groups: StatementGroup[], id: string): string | undefined {
  const group = groups.find((g) => g.renditions.some((r) => r.statement.id === id));
  return group?.renditions[group.reference]?.statement.id;
}

describe('alignStatements', () => {
  it('joins a partial quote to the full sentence it was cut from', () => {
    const groups = alignStatements([doc('bloomberg', 'outlet', 'en', [bPartial]), kremlin]);
    expect(groupIds(groups, 'bloomberg-partial')).toEqual(['bloomberg-partial', 'kremlin-gas']);
    expect(groupIds(groups, 'kremlin-trade')).toEqual(['kremlin-trade']);
  });

  it('joins reported speech to the quotation it paraphrases', () => {
    const groups = alignStatements([doc('bloomberg', 'outlet', 'en', [bReported]), kremlin]);
    expect(groupIds(groups, 'bloomberg-reported')).toEqual(['bloomberg-reported', 'kremlin-gas']);
  });

  it('aligns the same words credited to two different people into one group', () => {
    const groups = alignStatements([kremlin, doc('aggregator', 'aggregator', 'en', [gPeskov])]);
    expect(groupIds(groups, 'aggregator-peskov')).toEqual(['aggregator-peskov', 'kremlin-gas']);
  });

  it('asks for more shared words when the speakers differ', () => {
    // Half of the shorter statement's content words are Putin's: enough for one speaker, not for two.
    const asPeskov = statement(
      'steppe',
      STEPPE,
      'Russia will supply gas to Mongolia through a new pipeline across the steppe',
      'indirect',
      'Peskov',
    );
    const asPutin = { ...asPeskov, speaker: 'Putin' };
    const peskovGroups = alignStatements([kremlin, doc('steppe-news', 'outlet', 'en', [asPeskov])]);
    expect(groupIds(peskovGroups, 'steppe')).toEqual(['steppe']);
    const putinGroups = alignStatements([kremlin, doc('steppe-news', 'outlet', 'en', [asPutin])]);
    expect(groupIds(putinGroups, 'steppe')).toEqual(['kremlin-gas', 'steppe']);
  });

  it('keeps two sentences of one transcript apart when a third statement shares words with both', () => {
    const groups = alignStatements([kremlin, doc('aggregator', 'aggregator', 'en', [gBoth])]);
    expect(groupIds(groups, 'kremlin-gas')).toEqual(['kremlin-gas']);
    // It joins the sentence it shares most with (trade, Mongolia, keep, pace), not both.
    expect(groupIds(groups, 'kremlin-trade')).toEqual(['aggregator-both', 'kremlin-trade']);
  });

  it('makes the official document’s rendition the reference, even over a longer direct quote', () => {
    const groups = alignStatements([
      doc('aggregator', 'aggregator', 'en', [gPeskov]),
      doc('bloomberg', 'outlet', 'en', [bPartial, bReported]),
      kremlin,
    ]);
    expect(groupIds(groups, 'kremlin-gas')).toEqual([
      'aggregator-peskov',
      'bloomberg-partial',
      'bloomberg-reported',
      'kremlin-gas',
    ]);
    expect(referenceOf(groups, 'kremlin-gas')).toBe('kremlin-gas');
  });

  it('without a primary source, prefers a direct quotation over partial and reported ones', () => {
    const groups = alignStatements([
      doc('bloomberg', 'outlet', 'en', [bPartial, bReported]),
      doc('aggregator', 'aggregator', 'en', [gPeskov]),
    ]);
    expect(groupIds(groups, 'aggregator-peskov')).toEqual([
      'aggregator-peskov',
      'bloomberg-partial',
      'bloomberg-reported',
    ]);
    expect(referenceOf(groups, 'aggregator-peskov')).toBe('aggregator-peskov');
  });

  it('aligns across languages when the speaker agrees and the statements carry the same figure', () => {
    const groups = alignStatements([doc('interfax', 'outlet', 'ru', [iTrade, iWarrant]), kremlin]);
    expect(groupIds(groups, 'interfax-trade')).toEqual(['interfax-trade', 'kremlin-trade']);
    expect(referenceOf(groups, 'interfax-trade')).toBe('kremlin-trade');
    // Same speaker, no shared figure: nothing vouches for the match.
    expect(groupIds(groups, 'interfax-warrant')).toEqual(['interfax-warrant']);
  });

  it('does not align across languages on a shared figure when the speakers differ', () => {
    const byPeskov = { ...iTrade, speaker: 'Дмитрий Песков' };
    const groups = alignStatements([doc('interfax', 'outlet', 'ru', [byPeskov]), kremlin]);
    expect(groupIds(groups, 'interfax-trade')).toEqual(['interfax-trade']);
  });

  it('leaves unrelated statements alone and returns every statement exactly once', () => {
    const groups = alignStatements([
      kremlin,
      doc('bloomberg', 'outlet', 'en', [bPartial, bReported]),
      doc('embassy-report', 'outlet', 'en', [embassy]),
      doc('interfax', 'outlet', 'ru', [iTrade, iWarrant]),
    ]);
    expect(groupIds(groups, 'embassy-platform')).toEqual(['embassy-platform']);
    expect(referenceOf(groups, 'embassy-platform')).toBe('embassy-platform');
    expect(groups.flatMap((g) => g.renditions.map((r) => r.statement.id)).sort()).toEqual([
      'bloomberg-partial',
      'bloomberg-reported',
      'embassy-platform',
      'interfax-trade',
      'interfax-warrant',
      'kremlin-gas',
      'kremlin-trade',
    ]);
  });

  it('never groups two statements of one document on their own', () => {
    // Two sentences of one transcript that share words stay apart: a document does not quote itself.
    const text = `Ministry statement

The ministry said the court ruling on the pipeline was final. The ministry said the court ruling on the pipeline would be appealed.`;
    const first = statement(
      'first',
      text,
      'the court ruling on the pipeline was final',
      'indirect',
      'the ministry',
    );
    const second = statement(
      'second',
      text,
      'the court ruling on the pipeline would be appealed',
      'indirect',
      'the ministry',
    );
    const groups = alignStatements([doc('ministry', 'official', 'en', [first, second])]);
    expect(groups.map((g) => g.renditions.map((r) => r.statement.id))).toEqual([['first'], ['second']]);
  });

  it('carries each rendition’s document, kind, language and canonical speaker', () => {
    const groups = alignStatements([doc('interfax', 'outlet', 'ru', [iTrade]), kremlin]);
    const group = groups.find((g) => g.renditions.some((r) => r.statement.id === 'interfax-trade'));
    const ru = group?.renditions.find((r) => r.statement.id === 'interfax-trade');
    expect(ru).toMatchObject({
      documentId: 'interfax',
      documentKind: 'outlet',
      lang: 'ru',
      statement: iTrade,
    });
    expect(ru?.speaker?.key).toBe('person:putin');
    expect(Object.keys(ru ?? {}).sort()).toEqual([
      'documentId',
      'documentKind',
      'lang',
      'speaker',
      'statement',
    ]);
  });
});

describe('alignStatements: one speaker per statement', () => {
  // A day of statements thanking the president: the thanks are common words of the batch.
  const thanks = Array.from({ length: 24 }, (_, i) => {
    const text = `We thank President Garland and his administration for case number ${i + 100} of the release talks`;
    return doc(`thanks-${i}`, 'outlet', 'en', [
      statement(`thanks-${i}`, text, text, 'direct', `Senator Ivo Marek${i}`),
    ]);
  });
  const FAMILY = `"Our family is grateful to President Garland and his administration for bringing Tomas home after nine hundred days in a penal colony," the Halloran family said.`;
  const EDITOR = `"We are grateful to President Garland and his administration for" the work, editor Dana Whitlock wrote.`;
  const WIRE = `"Our family is grateful to President Garland and his administration for bringing Tomas home after nine hundred days in a penal colony," it said.`;
  const family = quoted('family', FAMILY, 'the Halloran family');
  const wire = quoted('wire', WIRE, 'it');
  const editor = quoted('editor', EDITOR, 'editor Dana Whitlock');

  it('keeps a short quotation of the day’s stock words, credited to another, out of a statement', () => {
    const groups = alignStatements([
      doc('wire', 'outlet', 'en', [wire]),
      doc('family', 'outlet', 'en', [family]),
      doc('editor', 'outlet', 'en', [editor]),
      ...thanks,
    ]);
    expect(groupIds(groups, 'family')).toEqual(['family', 'wire']);
    expect(groupIds(groups, 'editor')).toEqual(['editor']);
  });
});

describe('alignStatements: the sentences of one utterance', () => {
  const LONG = `"Moreau is to blame. What happened at Lerida is further proof of his negligence and of years of neglect, of warnings he ignored for a decade," Senator Ana Vance said.`;
  const BOTH = `"Let there be no doubt: Moreau is to blame for the collapse of the dam. What happened at Lerida is more proof of his negligence," Vance said.`;
  const FIRST = `"Let there be no doubt: Moreau is to blame for the collapse of the dam," Vance told reporters.`;
  const long = quoted('long', LONG, 'Senator Ana Vance');
  const both = quoted('both', BOTH, 'Vance');
  const first = quoted('first', FIRST, 'Vance');

  it('puts a sentence with the fuller rendition it is a stretch of, whichever sentence leads the group', () => {
    const groups = alignStatements([
      doc('long', 'outlet', 'en', [long]),
      doc('both', 'outlet', 'en', [both]),
      doc('first', 'outlet', 'en', [first]),
    ]);
    expect(groupIds(groups, 'both')).toEqual(['both', 'first', 'long']);
  });
});

describe('alignStatements: copies of a member', () => {
  const LONG = `The Transport Ministry said: "This ruling is a shameful blow to the freedom of the press, to every reporter in the country and to the readers who rely on them, and we will fight it in every court of the land."`;
  // Two words of it are not in the long rendition: enough to keep it out on its own speaker's bar.
  const TEXT =
    'This ruling is a shameful blow to the freedom of the press and to every reporter in the country, a cowardly disgrace';
  const long = statement(
    'long',
    LONG,
    'This ruling is a shameful blow to the freedom of the press, to every reporter in the country and to the readers who rely on them, and we will fight it in every court of the land.',
    'direct',
    'the Transport Ministry',
  );
  const resolved: Statement = {
    ...statement('resolved', `"${TEXT}," it said.`, TEXT, 'direct', 'it'),
    resolvedSpeaker: 'the Transport Ministry',
  };
  const named = statement('named', `"${TEXT}," Dana Whitlock said.`, TEXT, 'direct', 'Dana Whitlock');

  it('puts a word-for-word copy of a member in its group, though the group’s reference alone would not take it', () => {
    const groups = alignStatements([
      doc('long', 'outlet', 'en', [long]),
      doc('resolved', 'outlet', 'en', [resolved]),
      doc('named', 'outlet', 'en', [named]),
    ]);
    expect(groupIds(groups, 'long')).toEqual(['long', 'named', 'resolved']);
  });
});
