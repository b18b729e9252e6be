import type { Statement } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../src/index';

function only(text: string, lang: string, headlineEnd = 0): Statement[] {
  const statements = extractStatements(text, { lang, headlineEnd });
  for (const s of statements) expect(text.slice(s.start, s.end)).toBe(s.text);
  return statements;
}

function summary(statements: Statement[]): Array<[string, string, string | null]> {
  return statements.map((s) => [s.kind, s.text, s.resolvedSpeaker]);
}

describe('English quotation marks', () => {
  it('reads nested single quotes as part of the outer quotation', () => {
    const text =
      '“My father keeps saying, ‘It’ll rain eventually.’ Maybe it will,” said Tadhg O’Keeffe, who farms near Fermoy.';
    const [s] = only(text, 'en');
    expect(s?.text).toBe('My father keeps saying, ‘It’ll rain eventually.’ Maybe it will');
    expect(s?.speaker).toBe('Tadhg O’Keeffe');
  });

  it('reads British single quotes, and apostrophes inside them do not close them', () => {
    const text = '‘We don’t accept the committee’s findings,’ a spokesman for the club said on Friday.';
    const [s] = only(text, 'en');
    expect(s?.text).toBe('We don’t accept the committee’s findings');
    expect(s?.speaker).toBe('spokesman for the club');
  });

  it('reads „…“, ‚…‘ and 「…」 quotations', () => {
    const texts = [
      'Chancellor Friedrich Merz said: „Europe must be able to defend itself.“',
      'The court’s president said: ‚No state party may ignore a warrant issued by the judges.‘',
      'Prime Minister Shigeru Ishiba told parliament: 「We will respond calmly to the tariffs.」',
    ];
    expect(only(texts[0] as string, 'en')[0]?.text).toBe('Europe must be able to defend itself.');
    expect(only(texts[1] as string, 'en')[0]?.text).toBe(
      'No state party may ignore a warrant issued by the judges.',
    );
    expect(only(texts[2] as string, 'en')[0]).toMatchObject({
      text: 'We will respond calmly to the tariffs.',
      speaker: 'Prime Minister Shigeru Ishiba',
    });
  });

  it('keeps a multi-paragraph quotation as one statement per paragraph, with one speaker', () => {
    const text = [
      '"We told them very plainly: if this is the text, we walk," said Wopke Hoekstra, the EU climate commissioner. "There are things you can compromise on and things you cannot.',
      '"A deal that pretends coal and oil and gas do not exist is not a climate deal."',
    ].join('\n\n');
    expect(summary(only(text, 'en'))).toEqual([
      ['direct', 'We told them very plainly: if this is the text, we walk', 'Wopke Hoekstra'],
      ['direct', 'There are things you can compromise on and things you cannot.', 'Wopke Hoekstra'],
      [
        'direct',
        'A deal that pretends coal and oil and gas do not exist is not a climate deal.',
        'Wopke Hoekstra',
      ],
    ]);
  });

  it('does not take a term in quotation marks for a statement', () => {
    const text =
      'The final agreement, adopted shortly before noon, calls for a "transition away" from fossil fuels but sets no dates.';
    expect(only(text, 'en')).toEqual([]);
  });
});

describe('English attribution', () => {
  it('takes the speaker from an appositive before or after the name', () => {
    const before = only(
      '"We have lost our village, but not our heart," Blatten\'s mayor, Matthias Bellwald, told a press conference.',
      'en',
    );
    expect(before[0]?.speaker).toBe('Matthias Bellwald');
    const after = only(
      'Rodrigo Mundaca, the governor of the Valparaiso region, said at least 370 people were still unaccounted for.',
      'en',
    );
    expect(after[0]).toMatchObject({
      kind: 'indirect',
      speaker: 'Rodrigo Mundaca',
      text: 'at least 370 people were still unaccounted for',
    });
  });

  it('reads “…” – Name, Title under a press-release quotation', () => {
    const text =
      '“The settlement demonstrates that Mongolia respects the rule of law.” – Enkhbayar Tsend, Vice Minister of Justice';
    expect(only(text, 'en')[0]).toMatchObject({ kind: 'direct', speaker: 'Enkhbayar Tsend' });
  });

  it('reads reported speech: said that, told X that, warned, according to, aggregator reports', () => {
    const text = [
      'Chief Cabinet Secretary Yoshimasa Hayashi told a regular news conference that the government had set up a task force.',
      'Meteorologists warned that temperatures above 35 degrees Celsius would persist until Wednesday.',
      'According to the weather bureau PAGASA, the typhoon weakened after crossing the Cordillera mountains.',
      'Air quality regularly exceeds World Health Organization guidelines in January, according to UNICEF.',
      'Bloomberg News reported that officials in Riyadh had discussed adding as much as 400,000 barrels a day.',
    ].join('\n\n');
    expect(summary(only(text, 'en'))).toEqual([
      ['indirect', 'the government had set up a task force', 'Chief Cabinet Secretary Yoshimasa Hayashi'],
      ['indirect', 'temperatures above 35 degrees Celsius would persist until Wednesday', 'Meteorologists'],
      ['indirect', 'the typhoon weakened after crossing the Cordillera mountains', 'weather bureau PAGASA'],
      ['indirect', 'Air quality regularly exceeds World Health Organization guidelines in January', 'UNICEF'],
      [
        'indirect',
        'officials in Riyadh had discussed adding as much as 400,000 barrels a day',
        'Bloomberg News',
      ],
    ]);
  });

  it('reads a lead clause attributed at its end (“…, officials said, as …”), past a wire dateline', () => {
    const text =
      'SANTIAGO, Feb 3 (AP) - The death toll from wildfires in central Chile rose to 51 on Sunday, officials said, as firefighters struggled to contain the blazes.';
    expect(summary(only(text, 'en'))).toEqual([
      ['indirect', 'The death toll from wildfires in central Chile rose to 51 on Sunday', 'officials'],
    ]);
  });

  it('keeps a short quotation inside reported speech within that statement, and splits at ", calling"', () => {
    const text =
      'He said the equaliser should have been ruled out for a foul on the goalkeeper, calling the decision "baffling".';
    const statements = only(text, 'en');
    expect(statements.map((s) => [s.kind, s.text])).toEqual([
      ['indirect', 'the equaliser should have been ruled out for a foul on the goalkeeper'],
      ['partial', 'baffling'],
    ]);
  });

  it('resolves a pronoun to the person named in the previous sentence, and a bare surname to the full name', () => {
    const text = [
      'Aid arrived in Tuguegarao on Wednesday.',
      'President Ferdinand Marcos Jr. visited the town. He told local officials that the government had released 1 billion pesos for relief.',
      '“No family will be left behind,” Marcos said.',
    ].join('\n\n');
    const statements = only(text, 'en');
    expect(statements.map((s) => s.resolvedSpeaker)).toEqual(['Ferdinand Marcos Jr', 'Ferdinand Marcos Jr']);
  });

  it('gives a quotation opening a paragraph to the introduction ending the paragraph before', () => {
    const text = [
      'In a statement, the Democratic Party said:',
      '"The government promised a sovereign wealth fund and delivered a hole in the budget."',
    ].join('\n\n');
    expect(only(text, 'en')[0]).toMatchObject({ kind: 'direct', speaker: 'Democratic Party', cue: 'said' });
  });

  it('resolves “the ambassador” to the ambassador named earlier', () => {
    const text = [
      'Ambassador Igawa Hara Masaru handed over the first consignment of tents and generators.',
      '"The people of Japan stand with the herders of Mongolia," the ambassador said.',
    ].join('\n\n');
    expect(only(text, 'en')[0]?.resolvedSpeaker).toBe('Igawa Hara Masaru');
  });

  it('reads transcript turns in capitals and skips the unnamed questioner', () => {
    const text = [
      'Q: How exposed is the economy to coal prices?',
      'Lkhagvasuren: Very exposed. Coal exports to China account for roughly a quarter of budget revenue.',
      'SEN. JAMES RISCH: Will you press them to honour their obligations?',
      'MS. CARTER: I will raise our concerns privately and, where appropriate, publicly.',
    ].join('\n\n');
    const intro =
      'The interview with the governor of the Bank of Mongolia, Byadran Lkhagvasuren, was edited for length.\n\n';
    const statements = only(intro + text, 'en');
    expect(statements.map((s) => s.resolvedSpeaker)).toEqual([
      'Byadran Lkhagvasuren',
      'James Risch',
      'Carter',
    ]);
  });

  it('gives the answers of a Q&A to the interviewee the introduction names', () => {
    const text = [
      'The following interview with Finance Minister Boldyn Javkhlan has been edited for length.',
      'Q: Will there be more budget cuts this year?',
      'A: Not if coal prices hold. We have cut what could wait.',
      'Q: And pensions?',
      'A: Pensions and teachers’ salaries are protected.',
    ].join('\n\n');
    expect(only(text, 'en').map((s) => [s.speaker, s.text])).toEqual([
      ['Boldyn Javkhlan', 'Not if coal prices hold. We have cut what could wait.'],
      ['Boldyn Javkhlan', 'Pensions and teachers’ salaries are protected.'],
    ]);
  });

  it('reads "Name, Title:" turn labels with particles in the name', () => {
    const text = [
      'Ursula von der Leyen, President of the European Commission: Today we signed a strategic partnership on critical raw materials.',
      'Question (Euronews): How do you reconcile this partnership with your dependence on Russian fuel?',
      'Gombojavyn Zandanshatar, Prime Minister of Mongolia: Geography is not a choice.',
    ].join('\n\n');
    expect(only(text, 'en').map((s) => [s.speaker, s.text])).toEqual([
      ['Ursula von der Leyen', 'Today we signed a strategic partnership on critical raw materials.'],
      ['Gombojavyn Zandanshatar', 'Geography is not a choice.'],
    ]);
  });

  it('gives a quotation after ", saying" to the subject in apposition', () => {
    const text =
      'Greenland’s incoming prime minister, Jens-Frederik Nielsen, has rejected the suggestion, saying "Greenland belongs to the people of Greenland".';
    expect(only(text, 'en')[0]).toMatchObject({ speaker: 'Jens-Frederik Nielsen', cue: 'saying' });
  });

  it('gives the paragraphs under "From the Secretary:" to the Secretary', () => {
    const text = [
      'From the Secretary:',
      'On behalf of the United States, I extend warm congratulations to the people of Mongolia.',
      'The United States remains committed to a sovereign, democratic and prosperous Mongolia.',
      'Background:',
      'The partnership was signed in Washington in 2019.',
    ].join('\n\n');
    const statements = only(text, 'en');
    expect(statements.map((s) => [s.kind, s.speaker])).toEqual([
      ['direct', 'the Secretary'],
      ['direct', 'the Secretary'],
    ]);
  });
});

describe('plain-text files', () => {
  it('reads a first line that is a full sentence of body text as the lead, not a headline', () => {
    const lead =
      'MOSCOW, Sept 2 (Reuters) - The Kremlin said on Monday that it had no concerns about the trip, and spokesman Dmitry Peskov told reporters: "We have a wonderful dialogue with our friends from Mongolia."';
    const text = `${lead}\n\n"All aspects of the visit were carefully prepared," Peskov added.\n`;
    const statements = extractStatements(text, { lang: 'en', headlineEnd: lead.length });
    expect(statements.map((s) => [s.kind, s.text, s.resolvedSpeaker])).toEqual([
      ['indirect', 'it had no concerns about the trip', 'Kremlin'],
      ['direct', 'We have a wonderful dialogue with our friends from Mongolia.', 'spokesman Dmitry Peskov'],
      ['direct', 'All aspects of the visit were carefully prepared', 'Dmitry Peskov'],
    ]);
  });

  it('keeps a real headline out', () => {
    const text = 'Kremlin says it has "no concerns" about Mongolia trip\n\nThe visit begins on Monday.';
    expect(extractStatements(text, { lang: 'en', headlineEnd: text.indexOf('\n') })).toEqual([]);
  });
});

describe('Russian', () => {
  it('splits «…, — сказал X. — …» into two quotations of one speaker', () => {
    const text =
      '«Мы видим, что инфляция снижается быстрее, чем мы ожидали, — сказал Владимир Чистюхин. — Поэтому вопрос о снижении ставки будет рассматриваться»';
    expect(summary(only(text, 'ru'))).toEqual([
      ['direct', 'Мы видим, что инфляция снижается быстрее, чем мы ожидали', 'Владимир Чистюхин'],
      ['direct', 'Поэтому вопрос о снижении ставки будет рассматриваться', 'Владимир Чистюхин'],
    ]);
  });

  it('reads заявил, что / отметил, что / по словам / как сообщили в', () => {
    const text = [
      'Глава республики Айсен Николаев заявил, что в регион направлены 200 десантников-пожарных.',
      'По словам сейсмологов, в ближайшие дни возможны повторные толчки.',
      'Как сообщили в Камчатском филиале Единой геофизической службы, очаг находился на глубине 20 километров.',
      'Б.Батцэцэг, в свою очередь, отметила, что Улан-Батор заинтересован в поставках электроэнергии.',
    ].join('\n\n');
    expect(summary(only(text, 'ru'))).toEqual([
      ['indirect', 'в регион направлены 200 десантников-пожарных', 'Глава республики Айсен Николаев'],
      ['indirect', 'в ближайшие дни возможны повторные толчки', 'сейсмологов'],
      [
        'indirect',
        'очаг находился на глубине 20 километров',
        'Камчатский филиал Единой геофизической службы',
      ],
      ['indirect', 'Улан-Батор заинтересован в поставках электроэнергии', 'Б.Батцэцэг'],
    ]);
  });

  it('gives the sentence before «Об этом заявил X» to X, past the wire dateline', () => {
    const text =
      'МОСКВА, 12 марта. /ТАСС/. Телефонный разговор президентов может состояться в ближайшие дни. Об этом сообщил журналистам пресс-секретарь президента Дмитрий Песков.';
    expect(summary(only(text, 'ru'))).toEqual([
      [
        'indirect',
        'Телефонный разговор президентов может состояться в ближайшие дни',
        'пресс-секретарь президента Дмитрий Песков',
      ],
    ]);
  });

  it('resolves «По словам Ушакова» and «— сказал он» to the full name given earlier', () => {
    const text = [
      'Помощник президента Юрий Ушаков сообщил, что стороны обсудят торгово-экономическое сотрудничество.',
      'По словам Ушакова, по итогам визита планируется подписать около десяти документов.',
      '«Работа над проектом идёт», — сказал он.',
    ].join('\n\n');
    expect(only(text, 'ru').map((s) => s.resolvedSpeaker)).toEqual([
      'Помощник президента Юрий Ушаков',
      'Юрий Ушаков',
      'Юрий Ушаков',
    ]);
  });

  it('does not take a name in guillemets for a statement', () => {
    const text = 'Петербургский «Зенит» обыграл московский «Спартак» со счётом 2:1.';
    expect(only(text, 'ru')).toEqual([]);
  });
});

describe('Mongolian', () => {
  it('reads X … гэж мэдэгдэв reported speech with the subject at the start', () => {
    const text =
      'Сангийн сайд Б.Жавхлан нүүрсний экспортын орлого төлөвлөснөөс 18 хувиар бага байгаа гэж мэдэгдэв.';
    expect(summary(only(text, 'mn'))).toEqual([
      ['indirect', 'нүүрсний экспортын орлого төлөвлөснөөс 18 хувиар бага байгаа', 'Сангийн сайд Б.Жавхлан'],
    ]);
  });

  it('reads CLAUSE гэж МОНЦАМЭ мэдээллээ with the speaker after the particle', () => {
    const text =
      'Засгийн газар төсвийн алдагдлыг 3 хувиас хэтрүүлэхгүй байх шийдвэр гаргалаа гэж МОНЦАМЭ агентлаг мэдээллээ.';
    expect(only(text, 'mn')[0]).toMatchObject({ kind: 'indirect', speaker: 'МОНЦАМЭ агентлаг' });
  });

  it('resolves «…» гэж тэрээр хэлэв and гэдгийг онцлов to the speaker named before', () => {
    const text = [
      'Тус газрын дарга Д.Ганбаатар зарим дүүрэгт агууламж 12 дахин их байв гэж мэдэгдэв.',
      '«Иргэд гадуур удаан байхгүй байхыг зөвлөж байна» гэж тэрээр хэлэв.',
    ].join('\n\n');
    expect(only(text, 'mn').map((s) => s.resolvedSpeaker)).toEqual([
      'Тус газрын дарга Д.Ганбаатар',
      'Тус газрын дарга Д.Ганбаатар',
    ]);
  });

  it('reads X-ын мэдээлснээр, … as according to X', () => {
    const text = 'Эрүүл мэндийн яамны мэдээлснээр, эмнэлэгт хандсан хүүхдийн тоо 30 хувиар өссөн байна.';
    expect(only(text, 'mn')[0]).toMatchObject({
      kind: 'indirect',
      speaker: 'Эрүүл мэндийн яамны',
      text: 'эмнэлэгт хандсан хүүхдийн тоо 30 хувиар өссөн байна',
    });
  });

  it('gives the paragraphs after "… дараах мэдэгдлийг хийж байна." to the ministry', () => {
    const text = [
      'Монгол Улсын Гадаад харилцааны яам дараах мэдэгдлийг хийж байна.',
      'Монгол Улс аливаа маргааныг зөвхөн энхийн замаар шийдвэрлэхийг талуудад уриалж байна.',
    ].join('\n\n');
    expect(only(text, 'mn')[0]).toMatchObject({
      kind: 'direct',
      speaker: 'Монгол Улсын Гадаад харилцааны яам',
    });
  });
});
