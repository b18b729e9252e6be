import { describe, expect, it } from 'vitest';
import { alignStatements, speakersWords } from '../src/index';
import { doc, groupIds, statement } from './helpers';

/** Ukraine's foreign ministry, 30 August 2024: the primary source. */
const MFA = `Statement of the Ministry of Foreign Affairs of Ukraine on the visit of Putin to Mongolia

We call on the Mongolian side to execute the binding international arrest warrant and transfer Putin to the International Criminal Court in The Hague. We hope that the Government of Mongolia is aware of the fact that Vladimir Putin is a war criminal.`;

/** An outlet that marks its cut. */
const OUTLET_ELIDED = `Kyiv urges Mongolia to arrest Putin

Ukraine's foreign ministry said: "We call on the Mongolian side to execute the binding international arrest warrant and transfer Putin to the [...] court in The Hague."`;

/** Another that clarifies a word in brackets, as translations of official statements often do. */
const OUTLET_EDITED = `Ukraine: Putin is a war criminal

"We hope that the Government of Mongolia [Ulaanbaatar's leadership – ed.] is aware of the fact that Vladimir Putin is a war criminal," the ministry said.`;

/** Reported speech of the same call, and an unrelated statement of the same ministry. */
const OUTLET_REPORTED = `Ukraine calls for Putin's arrest

Ukraine's foreign ministry urged Mongolia to execute the international arrest warrant and hand Putin over to the court in The Hague. The ministry separately said it would summon Mongolia's charge d'affaires over grain exports.`;

const mfaCall = statement(
  'mfa-call',
  MFA,
  'We call on the Mongolian side to execute the binding international arrest warrant and transfer Putin to the International Criminal Court in The Hague.',
  'direct',
  'Ministry of Foreign Affairs of Ukraine',
);
const mfaHope = statement(
  'mfa-hope',
  MFA,
  'We hope that the Government of Mongolia is aware of the fact that Vladimir Putin is a war criminal.',
  'direct',
  'Ministry of Foreign Affairs of Ukraine',
);
const elided = statement(
  'elided',
  OUTLET_ELIDED,
  'We call on the Mongolian side to execute the binding international arrest warrant and transfer Putin to the [...] court in The Hague.',
  'direct',
  "Ukraine's foreign ministry",
);
const edited = statement(
  'edited',
  OUTLET_EDITED,
  "We hope that the Government of Mongolia [Ulaanbaatar's leadership – ed.] is aware of the fact that Vladimir Putin is a war criminal,",
  'direct',
  'the ministry',
);
const reported = statement(
  'reported',
  OUTLET_REPORTED,
  'Mongolia to execute the international arrest warrant and hand Putin over to the court in The Hague',
  'indirect',
  "Ukraine's foreign ministry",
);
const summon = statement(
  'summon',
  OUTLET_REPORTED,
  "it would summon Mongolia's charge d'affaires over grain exports",
  'indirect',
  'The ministry',
);

describe('alignStatements: speakers as the documents write them', () => {
  const QUOTE =
    'The new border checks will slow freight traffic through the northern ports for several months and cost exporters dearly.';
  const REWORDED =
    'The new border checks will slow freight traffic through the northern coast for several months and hurt exporters dearly.';
  const SPOKESWOMAN = `Border checks to slow freight\n\n"${QUOTE}" Foreign Ministry spokeswoman Anna Lindqvist said.`;
  const MINISTRY = `Ministry warns exporters\n\n"${REWORDED}" Sweden's Foreign Ministry said.`;
  const MINISTER = `Minister warns exporters\n\n"${REWORDED}" Finance Minister Jonas Berg said.`;
  const spokeswoman = () =>
    doc('a', 'outlet', 'en', [
      statement('spokeswoman', SPOKESWOMAN, QUOTE, 'direct', 'Foreign Ministry spokeswoman Anna Lindqvist'),
    ]);

  it('aligns a reworded quotation credited to a spokeswoman and to a ministry she is not known to speak for', () => {
    const groups = alignStatements([
      spokeswoman(),
      doc('b', 'outlet', 'en', [
        statement('ministry', MINISTRY, REWORDED, 'direct', "Sweden's Foreign Ministry"),
      ]),
    ]);
    expect(groupIds(groups, 'ministry')).toEqual(['ministry', 'spokeswoman']);
  });

  it('keeps it apart from the same words credited to another person, unless nearly all of them recur', () => {
    const groups = alignStatements([
      spokeswoman(),
      doc('c', 'outlet', 'en', [
        statement('minister', MINISTER, REWORDED, 'direct', 'Finance Minister Jonas Berg'),
      ]),
    ]);
    expect(groupIds(groups, 'minister')).toEqual(['minister']);
  });

  it('keeps a short clause a pronoun credits to one person out of another person’s long statement', () => {
    const LONG =
      'The new border checks will slow freight traffic through the northern ports for several months, the ferry operators will lose their winter timetables, and the government will have to compensate the exporters who cannot deliver.';
    const SPEECH = `Minister defends checks\n\n"${LONG}" Finance Minister Jonas Berg said.`;
    const CLAUSE = `Checks criticised\n\nAnna Lindqvist spoke next. "The checks will slow freight traffic through the ports," she said.`;
    const clause = {
      ...statement(
        'clause',
        CLAUSE,
        'The checks will slow freight traffic through the ports,',
        'direct',
        'she',
      ),
      resolvedSpeaker: 'Anna Lindqvist',
    };
    const groups = alignStatements([
      doc('a', 'outlet', 'en', [statement('speech', SPEECH, LONG, 'direct', 'Finance Minister Jonas Berg')]),
      doc('c', 'outlet', 'en', [clause]),
    ]);
    expect(groupIds(groups, 'clause')).toEqual(['clause']);
  });
});

describe('alignStatements: groups the first pass leaves apart', () => {
  const RELEASE = `Fishing ban in the northern bay\n\nBoats must keep out of the northern bay until the autumn, and the ministry will compensate every crew that loses its catch.`;
  const INTERVIEW = `Minister: ban will hold\n\n"Boats must keep out of the northern bay until autumn, and we will pay the fishermen who lose their income," Fisheries Minister Ola Dahl said.`;
  const FRAGMENT = `Fishermen to be paid\n\nThe minister promised: "We will pay the fishermen who lose their income."`;
  const COPY = `Fishermen to be paid\n\nThe minister said: "We will pay the fishermen who lose their income."`;

  it('joins a fragment of an outlet’s rendition, quoted without a named speaker, to the statement it renders', () => {
    const groups = alignStatements([
      doc('ministry', 'official', 'en', [
        statement(
          'release',
          RELEASE,
          'Boats must keep out of the northern bay until the autumn, and the ministry will compensate every crew that loses its catch.',
          'direct',
          'Ministry of Fisheries',
        ),
      ]),
      doc('daily', 'outlet', 'en', [
        statement(
          'interview',
          INTERVIEW,
          'Boats must keep out of the northern bay until autumn, and we will pay the fishermen who lose their income,',
          'direct',
          'Fisheries Minister Ola Dahl',
        ),
      ]),
      doc('weekly', 'outlet', 'en', [
        statement('fragment', FRAGMENT, 'We will pay the fishermen who lose their income.', 'direct', null),
      ]),
      doc('agency', 'outlet', 'en', [
        statement('copy', COPY, 'We will pay the fishermen who lose their income.', 'direct', null),
      ]),
    ]);
    expect(groupIds(groups, 'fragment')).toEqual(['copy', 'fragment', 'interview', 'release']);
  });
});

describe('alignStatements: how coverage renders one statement', () => {
  it('reads an editor’s bracketed insertion and elision marks as not the speaker’s words', () => {
    expect(speakersWords("Government of Mongolia [Ulaanbaatar's leadership – ed.] is aware")).not.toContain(
      'leadership',
    );
    expect(speakersWords('arrest warrant […] We hope ... that (…) it')).not.toMatch(/[…]|\.\.\./);
  });

  it('aligns an elided quotation with the primary source, the bracketed clarification and the reported call', () => {
    const groups = alignStatements([
      doc('mfa', 'official', 'en', [mfaCall, mfaHope]),
      doc('elided-outlet', 'outlet', 'en', [elided]),
      doc('edited-outlet', 'outlet', 'en', [edited]),
      doc('reported-outlet', 'outlet', 'en', [reported, summon]),
    ]);
    expect(groupIds(groups, 'mfa-hope')).toEqual(['edited', 'mfa-hope']);
    expect(groupIds(groups, 'mfa-call')).toEqual(['elided', 'mfa-call', 'reported']);
    // The ministry's other business is another statement.
    expect(groupIds(groups, 'summon')).toEqual(['summon']);
    const call = groups.find((g) => g.renditions.some((r) => r.statement.id === 'mfa-call'));
    expect(call?.renditions[call.reference]?.statement.id).toBe('mfa-call');
  });

  it('matches two translation chains of one Russian sentence on content words and figures', () => {
    const TASS = `Putin: Russia ready to deliver gas to Mongolia

"Russia is prepared to deliver natural gas to Mongolia under the Power of Siberia 2 project," Putin told the newspaper Unuudur.`;
    const RIA = `Putin promises Mongolia gas

Putin said: "Russia is ready to supply Mongolia with natural gas within the framework of the Power of Siberia 2 project."`;
    const OTHER = `Putin on trade

Putin told Unuudur: "Trade between Russia and Mongolia grew by 21 percent last year."`;
    const tass = statement(
      'tass',
      TASS,
      'Russia is prepared to deliver natural gas to Mongolia under the Power of Siberia 2 project,',
      'direct',
      'Putin',
    );
    const ria = statement(
      'ria',
      RIA,
      'Russia is ready to supply Mongolia with natural gas within the framework of the Power of Siberia 2 project.',
      'direct',
      'Putin',
    );
    const trade = statement(
      'trade',
      OTHER,
      'Trade between Russia and Mongolia grew by 21 percent last year.',
      'direct',
      'Putin',
    );
    const groups = alignStatements([
      doc('tass', 'outlet', 'en', [tass]),
      doc('ria', 'outlet', 'en', [ria]),
      doc('other', 'outlet', 'en', [trade]),
    ]);
    expect(groupIds(groups, 'tass')).toEqual(['ria', 'tass']);
    expect(groupIds(groups, 'trade')).toEqual(['trade']);
  });

  it('aligns a Russian rendition with no figure on the speaker and two names it shares, and not on common names', () => {
    const KREMLIN = `Press statements following Russian-Mongolian talks

Vladimir Putin: I informed President Khurelsukh and Prime Minister Oyun-Erdene about our plans for the railway to China. Russia and Mongolia are good neighbours.`;
    const RU = `Путин рассказал о планах по железной дороге

Путин сказал: «Я проинформировал президента Хурэлсуха и премьер-министра Оюун-Эрдэнэ о наших планах по железной дороге в Китай». Он также заявил, что Россия и Монголия остаются друзьями.`;
    const en = statement(
      'en-railway',
      KREMLIN,
      'I informed President Khurelsukh and Prime Minister Oyun-Erdene about our plans for the railway to China.',
      'direct',
      'Vladimir Putin',
    );
    const neighbours = statement(
      'en-neighbours',
      KREMLIN,
      'Russia and Mongolia are good neighbours.',
      'direct',
      'Vladimir Putin',
    );
    const ru = statement(
      'ru-railway',
      RU,
      'Я проинформировал президента Хурэлсуха и премьер-министра Оюун-Эрдэнэ о наших планах по железной дороге в Китай',
      'direct',
      'Путин',
      'ru',
    );
    const friends = statement(
      'ru-friends',
      RU,
      'Россия и Монголия остаются друзьями',
      'indirect',
      'Он',
      'ru',
    );
    const groups = alignStatements([
      doc('kremlin', 'official', 'en', [en, neighbours]),
      doc('ru-outlet', 'outlet', 'ru', [ru, { ...friends, resolvedSpeaker: 'Путин' }]),
    ]);
    expect(groupIds(groups, 'en-railway')).toEqual(['en-railway', 'ru-railway']);
    // Russia and Mongolia are named by half the statements of the event: not enough on their own.
    expect(groupIds(groups, 'ru-friends')).toEqual(['ru-friends']);
  });

  it('aligns a Russian rendition on the speaker, one rare place and the year both state', () => {
    const MFA = `Foreign Minister Bolormaa Ganzorig holds talks with Foreign Minister of Japan Kenji Morikawa

“Japan is Mongolia's third neighbour in the full sense of the word. Today we agreed to start a joint feasibility study on a rare-earth processing plant in Darkhan by the end of 2025,” Minister Ganzorig said.

“We will continue to work closely with Japan for peace and stability in Northeast Asia,” Minister Ganzorig added.`;
    const RU = `Япония выделит Монголии 200 миллионов долларов на модернизацию железной дороги

«Сегодня мы договорились начать совместное технико-экономическое обоснование завода по переработке редкоземельных металлов в Дархане до конца 2025 года», — заявила Ганзориг.`;
    const en = statement(
      'en-plant',
      MFA,
      "Japan is Mongolia's third neighbour in the full sense of the word. Today we agreed to start a joint feasibility study on a rare-earth processing plant in Darkhan by the end of 2025,",
      'direct',
      'Minister Ganzorig',
    );
    const peace = statement(
      'en-peace',
      MFA,
      'We will continue to work closely with Japan for peace and stability in Northeast Asia,',
      'direct',
      'Minister Ganzorig',
    );
    const ru = statement(
      'ru-plant',
      RU,
      'Сегодня мы договорились начать совместное технико-экономическое обоснование завода по переработке редкоземельных металлов в Дархане до конца 2025 года',
      'direct',
      'Ганзориг',
      'ru',
    );
    const groups = alignStatements([
      doc('mfa', 'official', 'en', [en, peace]),
      doc('ru-agency', 'outlet', 'ru', [ru]),
    ]);
    expect(groupIds(groups, 'ru-plant')).toEqual(['en-plant', 'ru-plant']);
    expect(groupIds(groups, 'en-peace')).toEqual(['en-peace']);
    // The year alone, with no name in common, is not enough: many statements of a year state it.
    const yearOnly = { ...ru, id: 'ru-year', text: 'Мы договорились начать исследование до конца 2025 года' };
    const RU2 = `Заголовок

${yearOnly.text}`;
    const alone = alignStatements([
      doc('mfa', 'official', 'en', [en]),
      doc('ru-agency', 'outlet', 'ru', [{ ...yearOnly, start: RU2.indexOf(yearOnly.text), end: RU2.length }]),
    ]);
    expect(groupIds(alone, 'ru-year')).toEqual(['ru-year']);
  });

  it('aligns a Russian rendition whose speaker is romanised another way (Морикава ~ Morikawa) on the figure', () => {
    const MFA = `Foreign Minister Bolormaa Ganzorig holds talks with Foreign Minister of Japan Kenji Morikawa

“Japan will provide 200 million dollars in concessional loans for the modernisation of the Ulaanbaatar–Darkhan railway,” Minister Morikawa said.`;
    const RU = `Япония выделит Монголии 200 миллионов долларов на модернизацию железной дороги

«Япония предоставит 200 миллионов долларов льготных кредитов на модернизацию железной дороги Улан-Батор — Дархан», — сказал Морикава.`;
    const en = statement(
      'en-loan',
      MFA,
      'Japan will provide 200 million dollars in concessional loans for the modernisation of the Ulaanbaatar–Darkhan railway,',
      'direct',
      'Foreign Minister Kenji Morikawa',
    );
    const ru = statement(
      'ru-loan',
      RU,
      'Япония предоставит 200 миллионов долларов льготных кредитов на модернизацию железной дороги Улан-Батор — Дархан',
      'direct',
      'Морикава',
      'ru',
    );
    const groups = alignStatements([
      doc('mfa', 'official', 'en', [en]),
      doc('ru-agency', 'outlet', 'ru', [ru]),
    ]);
    expect(groupIds(groups, 'ru-loan')).toEqual(['en-loan', 'ru-loan']);
    // Another speaker stating the same figure is not a translation of it.
    const other = { ...ru, id: 'ru-other', speaker: 'Ганзориг' };
    const apart = alignStatements([
      doc('mfa', 'official', 'en', [en]),
      doc('ru-agency', 'outlet', 'ru', [other]),
    ]);
    expect(groupIds(apart, 'ru-other')).toEqual(['ru-other']);
  });

  it('keeps apart a stock appeal that two speakers make in their own words', () => {
    // Two foreign ministers close a press conference with the same formula, each naming the other's
    // country: not one quotation credited to two people.
    const MFA = `Foreign Minister Bolormaa Ganzorig holds talks with Foreign Minister of Japan Kenji Morikawa

“We will continue to work closely with Japan for peace and stability in Northeast Asia,” Minister Ganzorig added.`;
    const WIRE = `Japan offers Mongolia $200 million railway loan, eyes rare earths

"Japan will continue to work closely with Mongolia for peace and stability in the region," Morikawa said.`;
    const BBN = `Estonia expels three Russian diplomats over cyber attacks

"The European Union calls on Russia to refrain from further escalation and to respect the Vienna Convention," she said.

Germany's Foreign Office said in a statement: "Germany calls on Russia to refrain from any further escalation."`;
    const ganzorig = statement(
      'ganzorig',
      MFA,
      'We will continue to work closely with Japan for peace and stability in Northeast Asia,',
      'direct',
      'Minister Ganzorig',
    );
    const morikawa = statement(
      'morikawa',
      WIRE,
      'Japan will continue to work closely with Mongolia for peace and stability in the region,',
      'direct',
      'Morikawa',
    );
    const eu = statement(
      'eu',
      BBN,
      'The European Union calls on Russia to refrain from further escalation and to respect the Vienna Convention,',
      'direct',
      'EU foreign policy spokesperson Anna Lindqvist',
    );
    const germany = statement(
      'germany',
      BBN,
      'Germany calls on Russia to refrain from any further escalation.',
      'direct',
      "Germany's Foreign Office",
    );
    const groups = alignStatements([
      doc('mfa', 'official', 'en', [ganzorig]),
      doc('wire', 'outlet', 'en', [morikawa, germany]),
      doc('bbn', 'outlet', 'en', [eu]),
    ]);
    expect(groupIds(groups, 'morikawa')).toEqual(['morikawa']);
    expect(groupIds(groups, 'germany')).toEqual(['germany']);
    // The same quotation credited to the other minister is still one statement (misattributed).
    const misattributed = { ...ganzorig, id: 'misattributed', speaker: 'Kenji Morikawa' };
    const again = alignStatements([
      doc('mfa', 'official', 'en', [ganzorig]),
      doc('tv', 'outlet', 'en', [misattributed]),
    ]);
    expect(groupIds(again, 'misattributed')).toEqual(['ganzorig', 'misattributed']);
  });

  it('keeps out a differently worded quotation of the same speaker in the same article: another occasion', () => {
    const COURT = `Constitutional Court rules on the amendment to the Law on Minerals

“The ruling does not cancel any existing licence. Companies operating in deposits of strategic importance may continue their work while parliament revises the law,” said Court spokesperson Enkhbayar Dulamsuren.`;
    const PAPER = `Tsets overturns 34-percent rule, sends minerals law back to parliament

“Companies operating in deposits of strategic importance may continue their work,” said Court spokesperson Enkhbayar Dulamsuren.

In January, when the court agreed to hear the case, Dulamsuren had said that “the hearing does not suspend any existing licence, and companies may continue their work until a decision is made.”

Justice Minister Khishgee Nyambaatar said the government respected the ruling. “We will not appeal, because there is nothing to appeal,” he said. “There is nothing to appeal,” he repeated.`;
    const ruling = statement(
      'court-ruling',
      COURT,
      'The ruling does not cancel any existing licence. Companies operating in deposits of strategic importance may continue their work while parliament revises the law,',
      'direct',
      'Court spokesperson Enkhbayar Dulamsuren',
    );
    const truncated = statement(
      'paper-truncated',
      PAPER,
      'Companies operating in deposits of strategic importance may continue their work,',
      'direct',
      'Court spokesperson Enkhbayar Dulamsuren',
    );
    const january = statement(
      'paper-january',
      PAPER,
      'the hearing does not suspend any existing licence, and companies may continue their work until a decision is made.',
      'partial',
      'Dulamsuren',
    );
    const groups = alignStatements([
      doc('court', 'official', 'en', [ruling]),
      doc('paper', 'outlet', 'en', [truncated, january]),
    ]);
    expect(groupIds(groups, 'court-ruling')).toEqual(['court-ruling', 'paper-truncated']);
    expect(groupIds(groups, 'paper-january')).toEqual(['paper-january']);
    // Without the article's own quotation of the ruling, the January words would join it: the
    // rule reads two quotations of one article, not the words alone.
    const alone = alignStatements([
      doc('court', 'official', 'en', [ruling]),
      doc('paper', 'outlet', 'en', [january]),
    ]);
    expect(groupIds(alone, 'paper-january')).toEqual(['court-ruling', 'paper-january']);
  });

  it('keeps an exact repetition of a fragment in the same article with the quotation it repeats', () => {
    const MINISTRY = `Minister of Justice on the Constitutional Court's conclusion

“We will not appeal, because there is nothing to appeal. We will draft a new version together with the mining companies,” Justice Minister Khishgee Nyambaatar said.`;
    const PAPER = `Government accepts court ruling

“We will not appeal, because there is nothing to appeal. We will draft a new version together with the mining companies,” Justice Minister Khishgee Nyambaatar said. He said a new bill would come in spring, which the ministry would write “together with the mining companies”.`;
    const full = statement(
      'ministry-full',
      MINISTRY,
      'We will not appeal, because there is nothing to appeal. We will draft a new version together with the mining companies,',
      'direct',
      'Justice Minister Khishgee Nyambaatar',
    );
    const paperFull = statement(
      'paper-full',
      PAPER,
      'We will not appeal, because there is nothing to appeal. We will draft a new version together with the mining companies,',
      'direct',
      'Justice Minister Khishgee Nyambaatar',
    );
    const fragment = statement(
      'paper-fragment',
      PAPER,
      'together with the mining companies',
      'partial',
      'He',
    );
    const groups = alignStatements([
      doc('ministry', 'official', 'en', [full]),
      doc('paper', 'outlet', 'en', [paperFull, { ...fragment, resolvedSpeaker: 'Khishgee Nyambaatar' }]),
    ]);
    expect(groupIds(groups, 'ministry-full')).toEqual(['ministry-full', 'paper-fragment', 'paper-full']);
  });

  it('joins a translated quote through the English report that carries its speaker and figure', () => {
    const PESKOV = `Kremlin comments on pipeline

"The pipeline will carry up to 60 billion cubic metres of gas a year to China through Mongolia," Kremlin spokesman Dmitry Peskov said.`;
    const REPORT = `Putin on the pipeline

Putin said the pipeline would carry up to 50 billion cubic metres of gas a year to China through Mongolia.`;
    const RU = `Путин о газопроводе

«Газопровод будет поставлять до 50 миллиардов кубометров газа в год в Китай через Монголию», — заявил Владимир Путин.`;
    const peskov = statement(
      'peskov',
      PESKOV,
      'The pipeline will carry up to 60 billion cubic metres of gas a year to China through Mongolia,',
      'direct',
      'Kremlin spokesman Dmitry Peskov',
    );
    const report = statement(
      'report',
      REPORT,
      'the pipeline would carry up to 50 billion cubic metres of gas a year to China through Mongolia',
      'indirect',
      'Putin',
    );
    const ru = statement(
      'ru',
      RU,
      'Газопровод будет поставлять до 50 миллиардов кубометров газа в год в Китай через Монголию',
      'direct',
      'Владимир Путин',
      'ru',
    );
    const groups = alignStatements([
      doc('peskov-outlet', 'outlet', 'en', [peskov]),
      doc('report-outlet', 'outlet', 'en', [report]),
      doc('ru-outlet', 'outlet', 'ru', [ru]),
    ]);
    expect(groupIds(groups, 'peskov')).toEqual(['peskov', 'report', 'ru']);
    // The English direct quotation is the reference, not the Russian one it cannot be diffed against.
    const group = groups.find((g) => g.renditions.some((r) => r.statement.id === 'ru'));
    expect(group?.renditions[group.reference]?.statement.id).toBe('peskov');
  });

  it('makes the original the reference over its copy when both carry the same words', () => {
    const WIRE = `UN chief offers help after Morocco quake

"The United Nations stands ready to support the Government of Morocco in its efforts to assist the affected population," Guterres said.`;
    const words =
      'The United Nations stands ready to support the Government of Morocco in its efforts to assist the affected population,';
    const original = statement('wire', WIRE, words, 'direct', 'Guterres');
    const copy = { ...statement('copy', WIRE, words, 'direct', 'Guterres'), id: 'copy' };
    // The copy comes first in the input and has the same offsets: only copyOf tells them apart.
    const groups = alignStatements([
      { ...doc('syndicate', 'outlet', 'en', [copy]), copyOf: 'wire-outlet' },
      doc('wire-outlet', 'outlet', 'en', [original]),
    ]);
    expect(groupIds(groups, 'wire')).toEqual(['copy', 'wire']);
    const group = groups.find((g) => g.renditions.some((r) => r.statement.id === 'wire'));
    expect(group?.renditions[group.reference]?.statement.id).toBe('wire');
  });
});

describe('one speaker’s words on one occasion, reworded', () => {
  const A =
    'Lind freed\n\n"A week ago I was in a cell. Yesterday I was at the Varnek detention centre," Ana Lind said.';
  const B =
    'Lind in Bonn\n\nAna Lind said a week ago she was in Omsk, yesterday at the Varnek prison and now on the banks of the Tisa river.';
  const C =
    'Lind speaks\n\n"Now we are driven along the lovely banks of the Tisa river," Ana Lind said. "The Tisa fishermen deserve a new harbour," she added.';
  const groups = alignStatements([
    doc('a', 'outlet', 'en', [
      statement(
        'a1',
        A,
        'A week ago I was in a cell. Yesterday I was at the Varnek detention centre',
        'direct',
        'Ana Lind',
      ),
    ]),
    doc('b', 'outlet', 'en', [
      statement(
        'b1',
        B,
        'a week ago she was in Omsk, yesterday at the Varnek prison and now on the banks of the Tisa river',
        'indirect',
        'Ana Lind',
      ),
    ]),
    doc('c', 'outlet', 'en', [
      statement('c1', C, 'Now we are driven along the lovely banks of the Tisa river', 'direct', 'Ana Lind'),
      statement('c2', C, 'The Tisa fishermen deserve a new harbour', 'direct', 'Ana Lind'),
    ]),
  ]);

  it('joins the renditions that share a rare name and enough words, whichever group each led', () => {
    expect(groupIds(groups, 'c1')).toEqual(['a1', 'b1', 'c1']);
  });

  it('keeps another statement of hers that names the same place apart', () => {
    expect(groupIds(groups, 'c2')).toEqual(['c2']);
  });
});

describe('two speakers who share only a name and its title', () => {
  const A =
    'Widow speaks\n\nShe said Chancellor Oskar Brandt and his friends in the palace must answer for the crimes of the regime.';
  const B = 'Minister reacts\n\nMinister Ana Lind said he was killed by Chancellor Oskar Brandt.';
  const C = 'Crowd at the court\n\n"Evan, we love you!" someone shouted.';
  const D = 'Verdict\n\n"Evan, we love you!" a woman in the gallery shouted.';
  const groups = alignStatements([
    doc('a', 'outlet', 'en', [
      {
        // "She", resolved to the widow: a pronoun's guess, so no misattribution's bar.
        ...statement(
          'a1',
          A,
          'Chancellor Oskar Brandt and his friends in the palace must answer for the crimes of the regime',
          'indirect',
          'She',
        ),
        resolvedSpeaker: 'Mira Holm',
      },
    ]),
    doc('b', 'outlet', 'en', [
      statement('b1', B, 'he was killed by Chancellor Oskar Brandt', 'indirect', 'Minister Ana Lind'),
    ]),
    doc('c', 'outlet', 'en', [statement('c1', C, 'Evan, we love you!', 'direct', 'someone')]),
    doc('d', 'outlet', 'en', [statement('d1', D, 'Evan, we love you!', 'direct', 'woman in the gallery')]),
  ]);

  it('keeps their statements apart: the name is what both are about, not what either said', () => {
    expect(groupIds(groups, 'b1')).toEqual(['b1']);
  });

  it('still joins an exclamation repeated word for word', () => {
    expect(groupIds(groups, 'c1')).toEqual(['c1', 'd1']);
  });
});
