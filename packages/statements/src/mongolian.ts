/**
 * Mongolian attribution. Mongolian is verb-final: the quotative particle (гэж, хэмээн, гэдгийг) closes
 * what was said and the speech verb ends the sentence (мэдэгдэв, хэлэв, онцлов). The speaker is the
 * sentence's subject at its start ("Сангийн сайд Б.Жавхлан … гэж мэдэгдэв"), or stands between the
 * particle and the verb ("… гэж МОНЦАМЭ мэдээллээ").
 */
import type { Span } from './sentences';

export interface MongolianAttribution {
  speaker: string | null;
  speakerStart: number;
  cue: string | null;
  pronoun: boolean;
}

export interface MongolianReported extends Span {
  attribution: MongolianAttribution;
}

const PARTICLE = '(?:гэж|гэв|гэжээ|гэлээ|гэсэн|хэмээн|гээд|гэдгийг|гэдгээ|гэснийг|талаар)';
/** Speech verbs by stem, in any past or progressive form. */
const VERB_STEM =
  '(?:танилцуула|тодотго|мэдэгд|хэлэ|хэлж|хэлл|хэлсэн|онцл|онцол|тэмдэглэ|дурд|мэдээл|анхааруул|амла|сануул|тайлбарла|таамагла|илэрхийлэ|үзэж|үзэв|гомдолло|уриал|шүүмжил|тооцоол|зөвлө|ярила|ярьсан|ярьжээ|нэмж|хариул|шаард|мэдэгдсэн)';
/** Bare roles that refer back to a person named earlier ("гэж сайд хэлэв", "гэж дасгалжуулагч нэмж хэлэв"). */
const ROLE_WORDS =
  /^(?:сайд|дарга|дасгалжуулагч|ерөнхийлөгч|төлөөлөгч|захирал|шүүгч|элчин сайд|Ерөнхийлөгч)(?:\s|$)/u;
const PRONOUNS = new Set(['тэрээр', 'тэр', 'тэд', 'тэрбээр', 'тэдгээр']);
/** Heads of a subject noun phrase that is an office or an organisation. */
const SUBJECT_HEADS =
  /^(?:яам|газар|хороо|байгууллага|нийгэмлэг|холбоо|компани|агентлаг|банк|сайд|төлөөлөгч|дарга|шүүх|захирал|ерөнхийлөгч|элчин|төлөөлөл|эмч|малчин|иргэн|жолооч|эдийн|засагч|шинжээч|эрдэмтэн)$/iu;
/** An initialled Mongolian or Russian name: "Б.Жавхлан", "У.Хүрэлсүх", "С.В.Лавров". */
const INITIAL_NAME = /(?:^|\s)((?:\p{Lu}\.){1,2}\s?\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)?)/u;

const QUOTATIVE_AFTER = new RegExp(
  `^\\s*,?\\s*(${PARTICLE})(?:\\s+((?:[^.!?]|\\.(?=\\p{Lu}))*?))?\\s*(${VERB_STEM}[\\p{L}]*(?:\\s+(?:байна|байв|байсан|байлаа|билээ|юм|аж))?)?\\s*[.!?]?\\s*$`,
  'u',
);

function isPronoun(word: string): boolean {
  return PRONOUNS.has(word.toLowerCase());
}

/** The subject phrase opening a clause: through an initialled name or an office/organisation head. */
function subjectOf(text: string, from: number, to: number): MongolianAttribution & { end: number } {
  const raw = text.slice(from, to);
  const lead = /^\s*/.exec(raw)?.[0].length ?? 0;
  const first = /^\s*([\p{L}-]+)/u.exec(raw)?.[1] ?? '';
  if (isPronoun(first)) {
    const s = from + lead;
    return { speaker: first, speakerStart: s, cue: null, pronoun: true, end: s + first.length };
  }
  const name = INITIAL_NAME.exec(raw);
  if (name?.[1] && name.index < 80) {
    const end = from + name.index + name[0].length;
    return {
      speaker: text.slice(from + lead, end),
      speakerStart: from + lead,
      cue: null,
      pronoun: false,
      end,
    };
  }
  const words = [...raw.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}.-]*/gu)];
  for (let i = 0; i < Math.min(words.length, 10); i++) {
    const w = words[i] as RegExpMatchArray;
    if (SUBJECT_HEADS.test(w[0]) && /^\p{Lu}/u.test((words[0] as RegExpMatchArray)[0])) {
      // A name may follow its title: "Ерөнхийлөгч Хүрэлсүх".
      let last = w;
      // …and a title may run over several head words: "Хятадын Элчин сайд Шэн Миньгао".
      for (let j = i + 1; j < words.length; j++) {
        const next = (words[j] as RegExpMatchArray)[0];
        if (!/^\p{Lu}/u.test(next) && !SUBJECT_HEADS.test(next)) break;
        last = words[j] as RegExpMatchArray;
      }
      const end = from + (last.index ?? 0) + last[0].length;
      return {
        speaker: text.slice(from + lead, end),
        speakerStart: from + lead,
        cue: null,
        pronoun: false,
        end,
      };
    }
  }
  return { speaker: null, speakerStart: from, cue: null, pronoun: false, end: from + lead };
}

/** Attribution of a quotation: «…» гэж X хэлэв, X «…» гэж онцлов, «…» гэж тэрээр хэлэв. */
export function mongolianQuoteAttribution(
  text: string,
  masked: string,
  before: Span,
  after: Span,
): MongolianAttribution | undefined {
  const afterText = masked.slice(after.start, after.end);
  const m = QUOTATIVE_AFTER.exec(afterText);
  if (!m) return undefined;
  const cue = [m[1], m[3]].filter(Boolean).join(' ');
  const inline = m[2]?.trim();
  if (inline) {
    const at = after.start + afterText.indexOf(inline, m[1]?.length ?? 0);
    const firstWord = inline.split(/\s+/)[0] ?? '';
    if (isPronoun(firstWord)) return { speaker: firstWord, speakerStart: at, cue, pronoun: true };
    if (/\p{Lu}/u.test(inline))
      return { speaker: text.slice(at, at + inline.length), speakerStart: at, cue, pronoun: false };
    // "гэж сайд хэлэв": a bare role stands for the speaker named earlier; adverbs ("өмнө нь") do not.
    if (ROLE_WORDS.test(inline)) return { speaker: inline, speakerStart: at, cue, pronoun: true };
  }
  const beforeText = masked.slice(before.start, before.end);
  // Clause punctuation is followed by a space; the dot of an initial ("Б.Жавхлан") is not.
  let clauseStart = 0;
  for (const m of beforeText.matchAll(/[.;:—–!?](?=\s)/g)) clauseStart = m.index + 1;
  const subject = subjectOf(text, before.start + clauseStart, before.end);
  if (subject.speaker)
    return { speaker: subject.speaker, speakerStart: subject.speakerStart, cue, pronoun: subject.pronoun };
  return { speaker: null, speakerStart: -1, cue, pronoun: false };
}

const REPORTED = new RegExp(
  `^(.*?)\\s+(${PARTICLE})\\s+((?:\\S+\\s+){0,5}?)(${VERB_STEM}[\\p{L}]*(?:\\s+(?:байна|байв|байсан|байлаа|билээ|юм|аж))?)\\s*[.!?]?\\s*$`,
  'u',
);
/** The quotative itself closing the sentence, no speech verb after it: "… гэв.", "… гэсэн байна." */
const FINAL_QUOTATIVE = /^(.*?)\s+(гэв|гэлээ|гэжээ|гэсэн\s+(?:байна|юм|байлаа)|гэж\s+байв)\s*[.!?]?\s*$/u;
/**
 * A nominalised clause in the accusative as the speech verb's object, no particle: "… хянах боломжтой
 * болсныг онцлов" (stressed that it had become possible …). Only past and present participles
 * (-сан/-сэн + ыг, -гаа + г) — a future one ("байхыг уриалав", urged to be) is a request, an action —
 * so a plain noun object ("шийдвэрийг онцлов") is not taken for speech.
 */
const ACCUSATIVE_CLAUSE = new RegExp(
  `^(.*?\\p{L}(?:сныг|снийг|гааг|гээг|гоог))\\s+(${VERB_STEM}[\\p{L}]*(?:\\s+(?:байна|байв|байсан|юм))?)\\s*[.!?]?\\s*$`,
  'u',
);
/**
 * A converb of speaking after the subject ("… асуултад хариулахдаа", "… ярихдаа"): not what was said.
 * Only verbs of speaking: "хэлэлцэхдээ" (when discussing the bill) is part of the statement.
 */
const SPEAKING_CONVERB =
  /^(?:[^\s,]+\s+){0,4}?(?:ярих|хариулах|хэлэх|тайлбарлах|онцлох|мэдэгдэх|танилцуулах|дурдах)(?:даа|дээ|доо|дөө),?\s+/u;

const ACCORDING =
  /^(.{2,120}?)\s+(мэдээлснээр|хэлснээр|мэдээгээр|тооцоогоор|үзэж\s+байгаагаар|мэдэгдснээр|тайлбарласнаар|үзэж\s+буйгаар),\s*/u;

/** Reported speech in a Mongolian sentence (quotation contents masked). */
export function mongolianReported(text: string, masked: string, sentence: Span): MongolianReported[] {
  const body = masked.slice(sentence.start, sentence.end);
  const according = ACCORDING.exec(body);
  if (according?.[1]) {
    const speakerStart = sentence.start + (body.length - body.trimStart().length);
    let end = sentence.end;
    const particle = new RegExp(`\\s+${PARTICLE}\\s+[^.]*$`, 'u').exec(body.slice(according[0].length));
    if (particle) end = sentence.start + according[0].length + particle.index;
    const span = trim(text, sentence.start + according[0].length, end);
    return span
      ? [
          {
            ...span,
            attribution: {
              // "Монголбанкны мэдээлснээр": the body without its genitive ending (Монголбанк).
              speaker: withoutGenitive(text.slice(speakerStart, sentence.start + according[1].length)),
              speakerStart,
              cue: according[2] ?? null,
              // "Түүний хэлснээр, …" (according to him): the person named before.
              pronoun: /^(?:түүний|тэдний)$/iu.test(according[1].trim()),
            },
          },
        ]
      : [];
  }
  const m = REPORTED.exec(body);
  const final = m ? undefined : (FINAL_QUOTATIVE.exec(body) ?? ACCUSATIVE_CLAUSE.exec(body));
  const clause = m?.[1] ?? final?.[1];
  if (!clause) return [];
  const cue = m ? `${m[2]} ${m[4]}` : (final?.[2] ?? '');
  // The accusative clause keeps its participle ("болсныг"); a particle is left out of the span.
  const clauseEnd = sentence.start + clause.length;
  const middle = (m?.[3] ?? '').trim();
  if (middle && /^\p{Lu}/u.test(middle)) {
    // "CLAUSE гэж МОНЦАМЭ агентлаг мэдээллээ": the speaker stands between particle and verb.
    const middleStart = sentence.start + body.indexOf(middle, clause.length);
    const speaker = middle.replace(/\s+(?:өнөөдөр|өчигдөр|мөн|нь)$/u, '');
    const span = trim(text, sentence.start, clauseEnd);
    return span
      ? [
          {
            ...span,
            attribution: {
              speaker: text.slice(middleStart, middleStart + speaker.length),
              speakerStart: middleStart,
              cue,
              pronoun: false,
            },
          },
        ]
      : [];
  }
  const subject = subjectOf(text, sentence.start, clauseEnd);
  const converb = subject.speaker
    ? SPEAKING_CONVERB.exec(text.slice(subject.end, clauseEnd).trimStart())
    : null;
  let from = converb
    ? clauseEnd - text.slice(subject.end, clauseEnd).trimStart().length + converb[0].length
    : subject.end;
  // Sentence adverbs after the subject ("Сайд мөн …", "also") are not what was said.
  const adverb = /^\s*(?:мөн|түүнчлэн|бас|харин|цааш\s+нь)\s+/u.exec(text.slice(from, clauseEnd));
  if (subject.speaker && adverb) from += adverb[0].length;
  const span = trim(text, from, clauseEnd);
  if (!span) return [];
  return [
    {
      ...span,
      attribution: {
        speaker: subject.speaker,
        speakerStart: subject.speakerStart,
        cue,
        pronoun: subject.pronoun,
      },
    },
  ];
}

/** A one-word name's genitive ending after a consonant: "Монголбанкны" → "Монголбанк". */
function withoutGenitive(name: string): string {
  if (/\s/u.test(name.trim())) return name;
  return name.replace(/(?<=\p{Lu}\p{L}*[бвгдзклмнпрстхцчшщ])(?:ны|ний)$/u, '');
}

function trim(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:—–-]/.test(text[s] as string)) s++;
  while (e > s && /[\s.,;:—–-]/.test(text[e - 1] as string)) e--;
  if (text.slice(s, e).split(/\s+/).filter(Boolean).length < 3) return undefined;
  return { start: s, end: e };
}
