/**
 * Russian attribution: «…», — сказал X; X заявил: «…»; X заявил, что …; По словам X, …; Как сообщили в
 * X, …; CLAUSE, сообщил X; Об этом заявил X (the previous sentence is X's); and a quotation split by
 * its attribution («…, — сказал он. — …»).
 */
import { isGivenName } from './anaphora';
import type { Span } from './sentences';

export interface RussianAttribution {
  speaker: string | null;
  speakerStart: number;
  cue: string | null;
  pronoun: boolean;
}

export interface RussianReported extends Span {
  attribution: RussianAttribution;
}

/** Speech verbs in the forms news uses: past (заявил, -а, -о, -и) and present (считает, говорят). */
const CUE_STEM =
  '(?:заяв|сказа|отмет|подчеркну|сообщ|добав|поясн|указа|написа|напомн|рассказа|предупред|предупрежда|пообеща|обеща|призна|признаё|уточн|ответ|завер|говор|счита|утвержда|полага|призва|объяв|констатирова|выраз|назва|возмуща|жалу|убежд|уверя|замет|отвеча|пишет|пиш|настаива|отреагирова|цитиру|вспомина|вспомни)';
const CUE_WORD = new RegExp(
  `^${CUE_STEM}\\p{L}*?(?:л|ла|ло|ли|ет|ют|ит|ят|ает|ают|яет|яют|ёт|ут)(?:ся|сь)?$`,
  'u',
);
const PRONOUNS = new Set(['он', 'она', 'они', 'оно']);

function isRussianCue(word: string): boolean {
  return CUE_WORD.test(word.toLowerCase());
}

/** Nouns naming a person's role: where a Russian subject phrase begins. */
const RU_ROLES =
  'представител|пресс-секретар|министр|глав[аеуы]|директор|посол|губернатор|президент|премьер|помощник|адвокат|председател|руководител|заместител|официальн|спикер|тренер|наставник|источник|эксперт|аналитик|депутат|сенатор|мэр|судья|прокурор';

/** Words after a cue that are not the speaker: when and to whom it was said. */
const NOT_SPEAKER =
  /^(?:в|во|на|по|для|журналистам|репортёрам|изданию|агентству|телеканалу|газете|радиостанции|сегодня|вчера|накануне|ранее|также|тоже|позднее|затем|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|днём|утром|вечером|своём|своем|эфире|интервью|ходе|кулуарах|рамках|соцсетях|telegram-канале)$/iu;

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Documents in which words are said: "говорится в сообщении/заявлении/посте/пресс-релизе". */
const DOCUMENT_NOUN =
  /^(?:сообщении|заявлении|посте|публикации|пресс-релизе|обращении|письме|документе|комментарии|telegram-канале|телеграм-канале|блоге)$/iu;

const WORD_OR_TITLE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’-]*|«[^»]*»|,/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’-]*|,/gu;

function words(text: string, base: number): Word[] {
  // A «title» needs a » after it: past the last one no « can be one, and letting each unclosed « scan
  // to the end was quadratic in a run of them.
  const cut = text.lastIndexOf('»') + 1;
  const found = [
    ...[...text.slice(0, cut).matchAll(WORD_OR_TITLE)].map((m) => ({ word: m[0], at: m.index })),
    ...[...text.slice(cut).matchAll(WORD)].map((m) => ({ word: m[0], at: cut + m.index })),
  ];
  return found.map(({ word, at }) => {
    const written = word.replace(/\.$/, '');
    return { text: written, start: base + at, end: base + at + written.length };
  });
}

/**
 * The speaker phrase after a cue ("— сказал главный тренер «Зенита» Сергей Семак на пресс-конференции"):
 * leading time/addressee words dropped, cut at the first preposition after a capitalised word.
 */
function speakerAfterCue(text: string, from: number, to: number): RussianAttribution | undefined {
  const ws = words(text.slice(from, to), from);
  let i = 0;
  // "сообщили в Камчатском филиале …": the body that spoke follows the preposition.
  while (i < ws.length && NOT_SPEAKER.test((ws[i] as Word).text) && !/^\p{Lu}/u.test((ws[i] as Word).text)) {
    const next = ws[i + 1];
    if (/^(?:в|во)$/i.test((ws[i] as Word).text) && next && /^\p{Lu}/u.test(next.text)) {
      i++;
      break;
    }
    i++;
    // "в среду": skip the day after the preposition too.
    if (
      ws[i] &&
      /^(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|интервью|эфире|ходе|соцсетях)$/i.test(
        (ws[i] as Word).text,
      )
    )
      i++;
  }
  // "— говорится в его посте", "говорится в сообщении ЦБ": the document's owner speaks.
  if (ws[i] && DOCUMENT_NOUN.test((ws[i] as Word).text) && i > 0) i++;
  // "— сказал, улыбнувшись, представитель ведомства": a participle aside between commas comes
  // before the speaker.
  if (ws[i]?.text === ',') {
    const close = ws.findIndex((w, k) => k > i && w.text === ',');
    if (close < 0 || close - i > 6) return undefined;
    i = close + 1;
  }
  const first = ws[i];
  if (!first) return undefined;
  if (/^(?:его|её|ее|их)$/iu.test(first.text))
    return {
      speaker: text.slice(first.start, first.end),
      speakerStart: first.start,
      cue: null,
      pronoun: true,
    };
  if (PRONOUNS.has(first.text.toLowerCase()))
    return {
      speaker: text.slice(first.start, first.end),
      speakerStart: first.start,
      cue: null,
      pronoun: true,
    };
  let j = i;
  let sawCapital = false;
  while (j < ws.length) {
    const w = ws[j] as Word;
    // A comma ends the speaker phrase: "…Эльвира Набиуллина, выступая в Государственной думе".
    if (w.text === ',') break;
    // "— сказал министр и добавил, что …": a coordinated cue ends the speaker phrase.
    if (w.text === 'и' && ws[j + 1] && isRussianCue((ws[j + 1] as Word).text)) break;
    if (/^\p{Lu}|^«/u.test(w.text)) sawCapital = true;
    else if (sawCapital && NOT_SPEAKER.test(w.text)) break;
    else if (j > i && /^(?:в|на|по|со|с|перед|после|журналистам)$/i.test(w.text)) break;
    j++;
    if (j - i >= 9) break;
  }
  const last = ws[j - 1];
  if (j === i || !last) return undefined;
  const phrase = text.slice(first.start, last.end);
  return { speaker: phrase, speakerStart: first.start, cue: null, pronoun: false };
}

/**
 * The subject before a cue: the clause's opening noun phrase. With commas inside ("Б.Батцэцэг, в свою
 * очередь, отметила"; "Его бывший соратник, экономист Сергей Гуриев, назвал") the segment holding a
 * name wins, else the first.
 */
function subjectBefore(text: string, openAt: number, to: number): RussianAttribution | undefined {
  // A subject never runs across a line break (a headline above the sentence is not part of it).
  const from = openAt + text.slice(openAt, to).lastIndexOf('\n') + 1;
  const raw = text.slice(from, to);
  const segments: Array<{ s: string; at: number }> = [];
  let at = 0;
  for (const part of raw.split(',')) {
    segments.push({ s: part, at });
    at += part.length + 1;
  }
  const short = (seg: { s: string }) => seg.s.trim().split(/\s+/).length <= 10;
  // An adverbial participle opening the sentence ("Обнимая Красикова, Путин сказал", "Выступив в
  // Думе, министр заявил") is a circumstance, not the subject: its segment is passed over, unless
  // its first word is a given name (Юлия, Илья).
  const participle = (seg: { s: string }) => {
    const first = /^\s*(\p{Lu}\p{Ll}+)/u.exec(seg.s)?.[1];
    return first !== undefined && /(?:я|ясь|[аи]в|вшись|вши)$/u.test(first) && !isGivenName(first);
  };
  if (segments.length > 1 && segments[0] && participle(segments[0])) segments.shift();
  // A segment with a full name beats one with a capitalised word ("Ученик Лебедева, актёр Павел
  // Деревянко, рассказал": the pupil is Деревянко, not Лебедев).
  const fullName = segments.find(
    (seg) => short(seg) && /\p{Ll}\s+\p{Lu}\p{Ll}+\s+\p{Lu}[\p{Ll}-]+\s*$/u.test(seg.s),
  );
  const named =
    fullName ??
    segments.find(
      (seg) => /\s\p{Lu}|^\s*\p{Lu}[\p{Ll}]*\.|^\s*\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(seg.s) && short(seg),
    );
  let chosen = named ?? segments[0];
  if (!chosen) return undefined;
  // A leading prepositional phrase is not the speaker ("На вопрос о … представитель Кремля"): the
  // subject starts at the first person role after it.
  const pp = /^\s*(?:На|В|Во|По|После|Отвечая|Комментируя|С|Со|При)\s/u.exec(chosen.s);
  if (pp) {
    const role = new RegExp(`(?:^|\\s)(?:${RU_ROLES})`, 'iu').exec(chosen.s.slice(pp[0].length));
    const doc = /^(?:своём\s+|своем\s+)?(\S+)\s+/u.exec(chosen.s.slice(pp[0].length));
    if (role)
      chosen = { s: chosen.s.slice(pp[0].length + role.index), at: chosen.at + pp[0].length + role.index };
    // "В пресс-релизе регулятор указал", "После матча российский теннисист признался", "На
    // пресс-конференции он добавил": the circumstance is not the speaker, the subject after it is.
    else if (
      doc?.[1] &&
      (DOCUMENT_NOUN.test(doc[1]) || /^\p{Ll}/u.test(doc[1])) &&
      chosen.s.trim().length > pp[0].length + doc[0].length
    )
      chosen = {
        s: chosen.s.slice(pp[0].length + doc[0].length),
        at: chosen.at + pp[0].length + doc[0].length,
      };
  }
  // Leading adverbials are not the speaker: "Ранее", "Сам".
  let s = chosen.s.replace(
    /^\s*(?:Ранее|Также|Сам|Сама|Сами|Тогда|Кроме того|Однако|При этом|Позднее|Между тем)\s+/u,
    '',
  );
  s = s.replace(
    /\s+(?:ранее|также|неоднократно|уже|в\s+свою\s+очередь|в\s+беседе\s+с\s+\S+|в\s+эфире\s+\S+(?:\s+«[^»]*»)?|в\s+своём\s+\S+|журналистам|в\s+среду|во\s+вторник|в\s+понедельник|в\s+четверг|в\s+пятницу|в\s+субботу|в\s+воскресенье)(?=\s|$).*$/u,
    '',
  );
  // "В МИД России события 1 августа назвали …", "в посольстве РФ в Вашингтоне выразили …": a body
  // in the locative before an impersonal plural verb speaks; the words after it are the object.
  const body = s.trim();
  const trimmed = /^[Вв]о?\s/u.test(body) ? (LOCATIVE_BODY.exec(body)?.[0] ?? body) : body;
  if (!trimmed || trimmed.split(/\s+/).length > 12) return undefined;
  const start = from + chosen.at + chosen.s.indexOf(trimmed);
  if (PRONOUNS.has(trimmed.toLowerCase()))
    return { speaker: trimmed, speakerStart: start, cue: null, pronoun: true };
  chosen = { s: trimmed, at: start - from };
  return { speaker: trimmed, speakerStart: start, cue: null, pronoun: false };
}

/**
 * A body in the locative: "В Кремле", "В МИД России", "в посольстве РФ в Вашингтоне", "В Следственном
 * комитете" — capitalised words and lower-case ones in a locative ending, a nested "в" + name.
 */
const LOCATIVE_BODY =
  /^[Вв]о?\s+(?:\p{Lu}[\p{L}.-]*|\p{Ll}+(?:е|и|ах|ях|ом|ем|ой|ей)(?!\p{L}))(?:\s+(?:\p{Lu}[\p{L}.-]*|\p{Ll}+(?:е|и|ах|ях)(?!\p{L})|[вВ]\s+\p{Lu}[\p{L}-]*))*/u;

function firstCue(text: string, from: number, to: number): Word | undefined {
  return words(text.slice(from, to), from).find((w) => isRussianCue(w.text));
}

/** Attribution of a Russian quotation from the words after it (— сказал X) or before it (X заявил: «). */
export function russianQuoteAttribution(
  masked: string,
  before: Span,
  after: Span,
): RussianAttribution | undefined {
  const afterText = masked.slice(after.start, after.end);
  const dash = /^\s*,?\s*[—–-]\s*(\p{L}+)\s*/u.exec(afterText);
  if (dash?.[1]) {
    const cueStart = after.start + afterText.indexOf(dash[1]);
    const end =
      after.start +
      (/[.!?]|\s[—–]\s/u.exec(afterText.slice(dash[0].length))?.index ?? afterText.length - dash[0].length) +
      dash[0].length;
    // "— цитирует итальянца пресс-служба турнира": the one quoted is the object, not the source.
    const quoted = /^цитиру/iu.test(dash[1])
      ? /^\s*(\p{L}[\p{L}-]*)/u.exec(masked.slice(cueStart + dash[1].length, after.end))
      : null;
    if (quoted?.[1]) {
      const at = cueStart + dash[1].length + quoted[0].indexOf(quoted[1]);
      return { speaker: quoted[1], speakerStart: at, cue: dash[1], pronoun: !/^\p{Lu}/u.test(quoted[1]) };
    }
    const found = speakerAfterCue(masked, cueStart + dash[1].length, Math.min(end, after.end));
    if (found) return { ...found, cue: dash[1] };
  }
  const beforeText = masked.slice(before.start, before.end);
  const colon = /:\s*$/.test(beforeText);
  const cue = firstCue(masked, before.start, before.end);
  // «…», — ответил Песков на вопрос о «выводах»: the cue is the earlier quotation's, not this one's.
  if (cue && QUOTATION_THEN_CUE.test(masked.slice(before.start, cue.start))) return undefined;
  if (cue && (colon || /[«„“"]\s*$/.test(masked.slice(before.start, before.end + 1)) || true)) {
    const subject = subjectBefore(masked, before.start, cue.start);
    if (subject) return { ...subject, cue: cue.text };
  }
  return undefined;
}

/**
 * A quotation split by its attribution: «Первая часть, — сказал он. — Вторая часть». Returns the
 * attribution's span inside the quotation, or undefined when the quotation is one piece.
 */
export function splitAttribution(text: string, contentStart: number, contentEnd: number): Span | undefined {
  const inner = text.slice(contentStart, contentEnd);
  const m = /[,.!?…]?\s*[—–]\s+(\p{Ll}+)\s+[^—–«»]{1,120}?[,.]\s*[—–]\s+/u.exec(inner);
  if (!m?.[1] || !isRussianCue(m[1])) return undefined;
  return { start: contentStart + m.index, end: contentStart + m.index + m[0].length };
}

const ACCORDING =
  /^(?:По\s+(?:словам|данным|оценке|оценкам|мнению|информации|сообщению|подсчётам|подсчетам|версии)|Как\s+(?:сообщил[аио]?|сообщает|сообщают|заявил[аио]?|отметил[аио]?|пояснил[аио]?|рассказал[аио]?|уточнил[аио]?|говорится\s+в\s+(?:сообщении|заявлении|пресс-релизе))(?:\s+в)?)\s+([^,]{2,140}?),\s+/u;
const ACCORDING_PRONOUN = /^По\s+(?:его|её|ее|их)\s+(?:словам|мнению|данным|оценке)\s*,\s+/u;
const ABOUT_THIS = /^Об\s+этом\s+(.+?)\.?$/u;
/** A sentence that opens with a quotation and its dash: «…», — (the cue comes next). */
const QUOTATION_THEN_CUE = /[»"“”]\s*,?\s*[—–-]\s*$/u;
/** "… и добавил, что": a second cue, coordinated with the first, and its clause. */
const AND_CUE_THAT = /\s+и\s+(\p{L}+)\s*,\s*что\s+/u;
const LEAD_CLAUSE_CUE =
  /^(?:сообщил[аио]?|сообщает|сообщают|заявил[аио]?|сказал[аио]?|отметил[аио]?|рассказал[аио]?|пояснил[аио]?|уточнил[аио]?|добавил[аио]?|написал[аио]?|передаёт|передает)$/iu;

/** Reported speech in a Russian sentence (quotation contents masked). */
export function russianReported(text: string, masked: string, sentence: Span): RussianReported[] {
  const start = sentence.start + russianDatelineEnd(masked.slice(sentence.start, sentence.end));
  const body = masked.slice(start, sentence.end);
  const span = (from: number): Span | undefined => trimSpan(text, from, sentence.end);

  const pronoun = ACCORDING_PRONOUN.exec(body);
  if (pronoun) {
    const s = span(start + pronoun[0].length);
    return s
      ? [
          {
            ...s,
            attribution: {
              speaker: text.slice(start, start + pronoun[0].length - 2).trim(),
              speakerStart: start,
              cue: 'по словам',
              pronoun: true,
            },
          },
        ]
      : [];
  }
  const according = ACCORDING.exec(body);
  if (according?.[1]) {
    let speaker = according[1].replace(/\s+со\s+ссылкой\s+на\s+.*$/u, '');
    const speakerStart = start + according[0].indexOf(according[1]);
    speaker = text.slice(speakerStart, speakerStart + speaker.length);
    // "По словам капитана сборной Шамиля Тарпищева": the person in the nominative.
    if (/^По\s/u.test(according[0])) speaker = genitiveNameToNominative(speaker);
    const s = span(start + according[0].length);
    const cue = according[0].slice(0, according[0].indexOf(according[1])).trim();
    return s ? [{ ...s, attribution: { speaker, speakerStart, cue, pronoun: false } }] : [];
  }
  const ws = words(body, start);
  const cueIndex = ws.findIndex((w) => isRussianCue(w.text));
  const cue = ws[cueIndex];
  if (!cue) return [];
  const afterCue = masked.slice(cue.end, sentence.end);
  // X заявил (в среду журналистам), что CLAUSE
  // The addressee may be a title in quotation marks: "заявил «Ведомостям», что …".
  const that = /^(?:[^.:;«»]|«[^»]{0,40}»){0,70}?,\s*что\s+/u.exec(afterCue);
  const beforeCue = masked.slice(start, cue.start);
  // «…», — сказал X и добавил, что CLAUSE: the cue follows a quotation, so its subject comes after it.
  const added = QUOTATION_THEN_CUE.test(beforeCue) ? AND_CUE_THAT.exec(afterCue) : null;
  if (added?.[1] && isRussianCue(added[1])) {
    const speaker = speakerAfterCue(masked, cue.end, cue.end + added.index);
    const s = span(cue.end + added.index + added[0].length);
    if (speaker && s)
      return [
        {
          ...s,
          attribution: {
            ...speaker,
            speaker:
              speaker.speaker &&
              text.slice(speaker.speakerStart, speaker.speakerStart + speaker.speaker.length),
            cue: added[1],
          },
        },
      ];
    return [];
  }
  if (that && beforeCue.trim() !== '') {
    const subject = subjectBefore(masked, start, cue.start);
    const s = span(cue.end + that[0].length);
    if (subject && s)
      return [
        {
          ...s,
          attribution: {
            ...subject,
            speaker:
              subject.speaker &&
              text.slice(subject.speakerStart, subject.speakerStart + subject.speaker.length),
            cue: cue.text,
          },
        },
      ];
  }
  // CLAUSE, сообщил X (в интервью …): only with verbs of reporting, and not before a colon or quotation.
  if (
    !that &&
    LEAD_CLAUSE_CUE.test(cue.text) &&
    !/^\s*:|[«„“"]/u.test(afterCue) &&
    /,\s*(?:[—–]\s*)?$/.test(beforeCue) &&
    beforeCue.split(/\s+/).length >= 5
  ) {
    const speaker = speakerAfterCue(masked, cue.end, sentence.end);
    const s = trimSpan(text, start, start + beforeCue.lastIndexOf(','));
    if (speaker && s)
      return [
        {
          ...s,
          attribution: {
            ...speaker,
            speaker:
              speaker.speaker &&
              text.slice(speaker.speakerStart, speaker.speakerStart + speaker.speaker.length),
            cue: cue.text,
          },
        },
      ];
  }
  return [];
}

/** "Об этом заявил X": the sentence before is X's statement. Returns X's attribution. */
export function aboutThis(text: string, masked: string, sentence: Span): RussianAttribution | undefined {
  const body = masked.slice(sentence.start, sentence.end);
  const m = ABOUT_THIS.exec(body);
  if (!m?.[1]) return undefined;
  // "Об этом (в среду) заявил X": the cue may follow a time adverbial.
  const cue = words(m[1], sentence.start + body.indexOf(m[1])).find((w) => isRussianCue(w.text));
  if (!cue) return undefined;
  // "Об этом он сказал на заседании": the subject stands before the cue.
  const subject = /^(он|она|они)\s/iu.exec(m[1]);
  if (subject?.[1]) {
    const at = sentence.start + body.indexOf(m[1]);
    return {
      speaker: text.slice(at, at + subject[1].length),
      speakerStart: at,
      cue: cue.text,
      pronoun: true,
    };
  }
  const found = speakerAfterCue(masked, cue.end, sentence.end);
  if (!found?.speaker) return undefined;
  return {
    ...found,
    speaker: text.slice(found.speakerStart, found.speakerStart + found.speaker.length),
    cue: cue.text,
  };
}

const RUSSIAN_DATELINE =
  /^[\p{Lu}-]{3,}(?:\s[\p{Lu}-]{2,})*,\s*\d{1,2}\s+\p{Ll}+\.?\s*(?:\/[^/]{1,40}\/\.?\s*)?/u;

export function russianDatelineEnd(body: string): number {
  return RUSSIAN_DATELINE.exec(body)?.[0].length ?? 0;
}

function trimSpan(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:—–-]/.test(text[s] as string)) s++;
  while (e > s && /[\s.,;:—–-]/.test(text[e - 1] as string)) e--;
  if (text.slice(s, e).split(/\s+/).filter(Boolean).length < 3) return undefined;
  return { start: s, end: e };
}

/**
 * A person's name in the genitive at the end of a phrase ("… Шамиля Тарпищева", "Марии Захаровой")
 * in the nominative (Шамиль Тарпищев, Мария Захарова). Only the final first name + surname pair.
 */
export function genitiveNameToNominative(phrase: string): string {
  const m = /(\p{Lu}[\p{Ll}-]+)\s+(\p{Lu}[\p{Ll}-]+)$/u.exec(phrase);
  if (!m?.[1] || !m[2]) return phrase;
  const first = m[1];
  const last = m[2];
  const feminine = /(?:ой|ей)$/u.test(last) && /(?:ы|и)$/u.test(first);
  const surname = feminine
    ? last.replace(/ой$/u, 'а').replace(/ей$/u, 'яя')
    : last
        .replace(/(ск|цк)ого$/u, '$1ий')
        .replace(/(ов|ев|ёв|ин|ын)а$/u, '$1')
        .replace(/([бвгджзклмнпрстфхцчшщ])а$/u, '$1');
  const given = feminine
    ? first
        .replace(/ии$/u, 'ия')
        .replace(/ы$/u, 'а')
        .replace(/([гкх])и$/u, '$1а')
    : first
        .replace(/ия$/u, 'ий')
        .replace(/ея$/u, 'ей')
        .replace(/ля$/u, 'ль')
        .replace(/([бвгджзклмнпрстфхцчшщ])а$/u, '$1');
  if (surname === last && given === first) return phrase;
  return `${phrase.slice(0, m.index)}${given} ${surname}`;
}

/** Heads of Russian body names by stem, with their nominative and gender. */
const BODY_HEADS: Record<string, [string, 'm' | 'f' | 'n']> = {
  служб: ['служба', 'f'],
  'пресс-служб': ['пресс-служба', 'f'],
  прокуратур: ['прокуратура', 'f'],
  полиц: ['полиция', 'f'],
  администрац: ['администрация', 'f'],
  компан: ['компания', 'f'],
  комисс: ['комиссия', 'f'],
  палат: ['палата', 'f'],
  дум: ['дума', 'f'],
  организац: ['организация', 'f'],
  ассоциац: ['ассоциация', 'f'],
  федерац: ['федерация', 'f'],
  парт: ['партия', 'f'],
  академ: ['академия', 'f'],
  инспекц: ['инспекция', 'f'],
  министерств: ['министерство', 'n'],
  ведомств: ['ведомство', 'n'],
  агентств: ['агентство', 'n'],
  правительств: ['правительство', 'n'],
  посольств: ['посольство', 'n'],
  управлен: ['управление', 'n'],
  казначейств: ['казначейство', 'n'],
  комитет: ['комитет', 'm'],
  суд: ['суд', 'm'],
  центр: ['центр', 'm'],
  банк: ['банк', 'm'],
  союз: ['союз', 'm'],
  совет: ['совет', 'm'],
  фонд: ['фонд', 'm'],
  департамент: ['департамент', 'm'],
  штаб: ['штаб', 'm'],
  кремл: ['Кремль', 'm'],
  институт: ['институт', 'm'],
  университет: ['университет', 'm'],
  клуб: ['клуб', 'm'],
  филиал: ['филиал', 'm'],
};
const NOUN_ENDINGS = [
  'ии',
  'ия',
  'ие',
  'ью',
  'ем',
  'ом',
  'ой',
  'ей',
  'е',
  'а',
  'ы',
  'и',
  'у',
  'ю',
  'я',
  'о',
  'ь',
  '',
];
const ADJECTIVE = /^(\p{L}+?)(ого|его|ому|ему|ом|ем|ой|ей|ым|им|ая|яя|ую|юю|ое|ее|ый|ий)$/u;

function bodyHead(word: string): [string, 'm' | 'f' | 'n'] | undefined {
  const lower = word.toLowerCase();
  for (const ending of NOUN_ENDINGS) {
    if (!lower.endsWith(ending)) continue;
    const head = BODY_HEADS[lower.slice(0, lower.length - ending.length)];
    if (head) return /^\p{Lu}/u.test(word) ? [head[0].replace(/^./u, (c) => c.toUpperCase()), head[1]] : head;
  }
  return undefined;
}

/**
 * A Russian body's name in the nominative, from the case the attribution put it in: "в Следственном
 * комитете" → "Следственный комитет", "По оценке Российского союза промышленников" → "Российский
 * союз промышленников", "в Федеральной налоговой службе" → "Федеральная налоговая служба". Only
 * names headed by a known body noun, after at most three adjectives; the genitive words after the
 * head stay as they are. Anything else comes back unchanged.
 */
export function russianBodyNominative(label: string): string {
  const tokens = label.trim().split(/\s+/);
  let h = 0;
  while (h < tokens.length && h < 3 && !bodyHead(tokens[h] as string) && ADJECTIVE.test(tokens[h] as string))
    h++;
  const head = tokens[h] ? bodyHead(tokens[h] as string) : undefined;
  if (!head) return label;
  const [noun, gender] = head;
  const adjectives = tokens.slice(0, h).map((a) => {
    const m = ADJECTIVE.exec(a);
    if (!m?.[1]) return a;
    const stem = m[1];
    const hushing = /[жшчщ]$/u.test(stem);
    if (gender === 'f') return `${stem}ая`;
    if (gender === 'n') return `${stem}${hushing ? 'ее' : 'ое'}`;
    return `${stem}${/[кгхжшчщ]$/u.test(stem) ? 'ий' : 'ый'}`;
  });
  return [...adjectives, noun, ...tokens.slice(h + 1)].join(' ');
}
