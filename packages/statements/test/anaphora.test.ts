import { describe, expect, it } from 'vitest';
import { genderFits, nameGender, opensFrontedClause, pronounGender } from '../src/anaphora';
import { extractStatements } from '../src/index';
import { personName } from '../src/names';

/** [first words, resolved speaker] per statement. */
function speakers(text: string, lang = 'en') {
  return extractStatements(`Headline\n\n${text}`, { lang }).map((s) => [
    s.text
      .replace(/^[“"«]/u, '')
      .split(' ')
      .slice(0, 3)
      .join(' '),
    s.resolvedSpeaker,
  ]);
}

describe('the gender names and pronouns show', () => {
  it('reads given names from the birth records, surnames by their ending, titles first', () => {
    expect(nameGender('Joe Biden')).toBe('m');
    expect(nameGender('Kira Yarmysh')).toBe('f');
    expect(nameGender('Navalnaya')).toBe('f');
    expect(nameGender('Dmitry Peskov')).toBe('m');
    expect(nameGender('Петрова')).toBe('f');
    expect(nameGender('Mrs Harlow')).toBe('f');
    expect(nameGender('Biden')).toBeUndefined();
    expect(nameGender('Taylor Reed')).toBeUndefined(); // given to both sexes
  });

  it('lets a pronoun stand for a name unless the two genders differ', () => {
    expect(pronounGender('She')).toBe('f');
    expect(pronounGender('они')).toBeUndefined();
    expect(genderFits('she', 'Joe Biden')).toBe(false);
    expect(genderFits('he', 'Joe Biden')).toBe(true);
    expect(genderFits('she', 'Biden')).toBe(true);
    expect(genderFits('they', 'Kira Yarmysh')).toBe(true);
    expect(opensFrontedClause('When')).toBe(true);
    expect(opensFrontedClause('Mayor')).toBe(false);
  });
});

describe('a pronoun resolved to the person the sentence is about', () => {
  it('gives a woman’s words to the woman the paragraph is about, not the man named last', () => {
    expect(
      speakers(
        'Dora Vance, the eldest at 16, held a paper cup. She talked with the guests President Tom Baker had invited.\n\n“The garden was lovely,” she said.',
      ).find(([w]) => w === 'The garden was'),
    ).toEqual(['The garden was', 'Dora Vance']);
    // Her given name alone, as the text calls her, never the man named last.
    expect(
      speakers(
        'Dora, the eldest at 16, held a paper cup. She talked about the tour President Tom Baker gave the families.\n\n“The garden was lovely,” she said.',
      ).find(([w]) => w === 'The garden was'),
    ).toEqual(['The garden was', 'Dora']);
  });

  it('takes a name written earlier in the pronoun’s own sentence', () => {
    expect(
      speakers(
        'Pavel Orlov, the best-known critic, died in custody on Friday. Days later, Orlova released a video in which she said “Ivan Dern killed my husband.”',
      ),
    ).toEqual([['Ivan Dern killed', 'Orlova']]);
  });

  it('takes the subject of a recent sentence over a name in its object', () => {
    expect(
      speakers(
        'Mayor Tom Baker commented on the arrest of the activist Pavel Orlov.\n\nThe mayor spoke at a press conference, the agency reports.\n\n"It is a dark day for the city," he said.',
      ),
    ).toEqual([['It is a', 'Tom Baker']]);
  });

  it('does not take a name from a fronted clause for the subject', () => {
    expect(
      speakers(
        'Ivan Dern listened to the verdict in silence. When Judge Pavel Orlov asked him if he understood it, he replied: “No, your honour.”',
      ),
    ).toEqual([['No, your honour.', 'Ivan Dern']]);
  });
});

describe('definite descriptions and dropped subjects in the languages read by data rules', () => {
  it('reads „…“, sagte der SPD-Politiker as the person named before, and the pronoun after it too', () => {
    const out = extractStatements(
      'Titel\n\nKarl Brenner äußerte sich am Freitag in Bremen zum Urteil. „Wir wissen nun genau, was das für ein Gericht ist“, sagte der SPD-Politiker in Bremen.',
      { lang: 'de' },
    );
    expect(out.map((s) => [s.speaker, s.resolvedSpeaker])).toEqual([['SPD-Politiker', 'Karl Brenner']]);
  });

  it('keeps an indefinite description as written: „…“, sagte ein Sprecher is nobody named before', () => {
    const out = extractStatements(
      'Titel\n\nKarl Brenner äußerte sich am Freitag in Bremen. „Wir prüfen das“, sagte ein Sprecher.',
      { lang: 'de' },
    );
    expect(out.map((s) => s.resolvedSpeaker)).not.toContain('Karl Brenner');
  });

  it('gives a quotation whose cue ends the sentence without a subject to the one the sentence before is about', () => {
    const out = extractStatements(
      'Titular\n\nPoco después del anuncio, Tomas Baker fue consultado por periodistas sobre el acuerdo. “No necesito hablar con nadie”, contestó.',
      { lang: 'es' },
    );
    expect(out.map((s) => [s.cue, s.resolvedSpeaker])).toEqual([['contestó', 'Tomas Baker']]);
  });
});

describe('transcripts whose labels end in a full stop', () => {
  const transcript =
    'Remarks at the Airport\n\n[President Tom Baker spoke to reporters after he and Vice President Ann Cole greeted the crew.]\n\nQ. Mr. President, how does it feel?\n\nThe President. Wonderful. It took a long time.\n\nQ. What was the hardest part?\n\nThe President. The waiting was the hardest part.';

  it('gives each answer to the labelled role, and the role to the president named, not the vice president', () => {
    const out = extractStatements(transcript, { lang: 'en' });
    const answers = out.filter((s) => s.speaker === 'The President');
    expect(answers.map((s) => s.text)).toEqual([
      'Wonderful. It took a long time.',
      'The waiting was the hardest part.',
    ]);
    expect(new Set(answers.map((s) => s.resolvedSpeaker))).toEqual(new Set(['Tom Baker']));
  });

  it('does not read a one-word sentence opening a paragraph as a label when it does not recur', () => {
    const out = extractStatements(
      'Headline\n\nWonderful. That is what the crew said on landing.\n\nTerrible. That is how the weather was.',
      { lang: 'en' },
    );
    expect(out.map((s) => s.speaker)).not.toContain('Wonderful');
  });
});

describe('the person a label names', () => {
  it('leaves a possessive before the name out of it', () => {
    expect(personName("Michigan's Paul Whelan")).toBe('Paul Whelan');
    expect(personName('Navalny’s spokesperson Kira Yarmysh')).toBe('Kira Yarmysh');
    expect(personName("Peskov's")).toBe('Peskov');
  });
});

describe('who a pronoun or a role stands for, beyond the last name written', () => {
  it('never takes a capitalised headline word for a name ("Body Is")', () => {
    const out = speakers(
      'The Mayor’s Dog Is FINALLY Home\n\nThe dog of the mayor Tom Baker has been found, the mayor’s spokeswoman Kira Holm said Saturday. “He is home and well,” she posted on social media.',
    );
    expect(out.find(([w]) => w === 'He is home')).toEqual(['He is home', 'mayor’s spokeswoman Kira Holm']);
  });

  it('gives a pronoun to the woman who became the subject after the last speaker', () => {
    const out = speakers(
      '“The search is over,” the mayor’s spokeswoman Kira Holm said. In a letter released Thursday, Vasilyeva described the threats she had received. “They told me to stay silent,” she said.',
    );
    expect(out.find(([w]) => w === 'They told me')).toEqual(['They told me', 'Vasilyeva']);
  });

  it('reads "President of Estonia Anton Berg" as the president a later "the president" is', () => {
    const out = speakers(
      'Estonia’s leader on the flood: Clearly, caused by neglect President of Estonia Anton Berg (photo: staff)\n\nThe flood was caused by neglect, as President of Estonia Anton Berg says.\n\n"The dam broke because nobody repaired it," the president says.',
    );
    expect(out.find(([w]) => w === 'The dam broke')).toEqual(['The dam broke', 'Anton Berg']);
  });

  it('gives a "Quote:" paragraph to the person its "Source:" line names, and reads "Previously:" as nobody', () => {
    const out = speakers(
      'President Anton Berg has said the dam was neglected.\n\nSource: Berg at a joint press conference with Chancellor Olaf Lund\n\nQuote: "The dam broke because nobody repaired it. We will rebuild it."\n\nPreviously: On 3 May, the water authority reported the breach of the dam.',
    );
    expect(out.find(([w]) => w === 'The dam broke')).toEqual(['The dam broke', 'Anton Berg']);
    expect(out.map(([, s]) => s)).not.toContain('Previously');
  });
});

describe('reported speech closed by its attribution', () => {
  it('reads "CLAUSE, the finance minister said on Monday" and "…, X said Saturday"', () => {
    const out = extractStatements(
      'Headline\n\nThe economy will grow by two percent next year, the finance minister said on Monday.\n\nThe talks will resume in the spring, spokeswoman Kira Holm said Saturday.',
      { lang: 'en' },
    );
    expect(out.map((s) => [s.kind, s.speaker, s.text])).toEqual([
      ['indirect', 'finance minister', 'The economy will grow by two percent next year'],
      ['indirect', 'spokeswoman Kira Holm', 'The talks will resume in the spring'],
    ]);
  });
});

describe('a quotation’s tag is on its line', () => {
  it('does not read the next line’s subject as the tag of a quotation that ends a line', () => {
    const out = speakers(
      'Asked about it, spokesman Anton Berg said: “I want to recall the words of the president, that these matters love silence.\n“Therefore it is better that this is all decided in silence.”\nVasilyeva suggested in an interview last week that the city wanted a deal.',
    );
    expect(out.find(([w]) => w === 'Therefore it is')).toEqual(['Therefore it is', 'spokesman Anton Berg']);
  });
});

describe('a Russian sentence opened by an adverbial participle', () => {
  it('gives the quotation to the subject after the participle phrase, not to the phrase', () => {
    const out = extractStatements(
      'Заголовок\n\nОбнимая Петрова, Иванов сказал ему: «Здорово». Выступив в Думе, Сидоров заявил: «Мы будем работать дальше».',
      { lang: 'ru' },
    );
    expect(out.map((s) => s.speaker)).toEqual(['Иванов', 'Сидоров']);
  });

  it('keeps a given name that ends like a participle as the subject (Юлия, Илья)', () => {
    const out = extractStatements(
      'Заголовок\n\nЮлия Петрова, вдова политика, сказала: «Мы будем бороться».',
      {
        lang: 'ru',
      },
    );
    expect(out.map((s) => s.speaker)).toEqual(['Юлия Петрова']);
  });
});

describe('a document quoted by its noun ("the statement said")', () => {
  it('gives the words to the body that put the statement out', () => {
    const out = speakers(
      'After the ruling on Monday, his employer, the Northern Courier, published a statement condemning it. “This verdict punishes a reporter for reporting,” the statement said.',
    );
    expect(out).toEqual([['This verdict punishes', 'Northern Courier']]);
  });

  it('gives them to the speaker quoted since the document was mentioned', () => {
    const out = speakers(
      'The harbour authority issued a statement on the closure. “The pier will reopen in May,” the transport ministry said.\n“The repairs are paid for by the region,” the statement said.',
    );
    expect(out.map(([, speaker]) => speaker)).toEqual(['transport ministry', 'transport ministry']);
  });

  it('leaves it unresolved when no author is written, never the noun itself as a speaker', () => {
    const out = speakers('“The pier will reopen in May,” the statement said.');
    expect(out).toEqual([['The pier will', null]]);
  });
});

describe('a Russian body in the locative before an impersonal plural verb', () => {
  it('is the speaker, without the object that follows it', () => {
    const out = extractStatements(
      'Заголовок\n\nВ МИД Эстонии события 5 мая назвали «проверкой на прочность», из которой страна вышла с честью.',
      { lang: 'ru' },
    );
    expect(out.map((s) => [s.speaker, s.resolvedSpeaker])).toEqual([['В МИД Эстонии', 'МИД Эстонии']]);
  });
});
