import { contentId, type Fact } from '@parallax/core';
import { tokenize } from './attribution';
import { lookupPlace, PLACE_PATTERN } from './gazetteer';
import { fullNameFor, nameMentions } from './names';
import { relativeDates } from './relative-dates';
import { splitParagraphs, splitSentences } from './sentences';

export interface FactOptions {
  /** Publication date (ISO); supplies the year of dates written without one. */
  publishedAt?: string | null;
  headlineEnd?: number;
  documentId?: string;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAY = '(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?';
const DATE_PATTERNS: Array<{
  re: RegExp;
  parts: (m: RegExpExecArray) => [string | undefined, string, string | undefined];
}> = [
  // September 4, 2024 / Sept. 2
  {
    re: new RegExp(`\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'g'),
    parts: (m) => [m[3], m[1] as string, m[2]],
  },
  // 3 September 2024
  {
    re: new RegExp(`\\b${WEEKDAY}(\\d{1,2})\\s+${MONTH}(?:,?\\s+(\\d{4}))?\\b`, 'g'),
    parts: (m) => [m[3], m[2] as string, m[1]],
  },
  // March 2023
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'g'), parts: (m) => [m[2], m[1] as string, undefined] },
  // in 2002
  { re: /\b(?:in|since|by|until)\s+((?:19|20)\d\d)\b/g, parts: (m) => [m[1], '', undefined] },
];

/**
 * Words that name the occurrence a date belongs to (event triggers), by stem, with the noun used as
 * the fact's subject. "held talks … on 3 September" → subject "talks".
 */
const DATE_TRIGGERS: Array<[string, string]> = [
  ['arriv', 'arrival'],
  ['landed', 'arrival'],
  ['talk', 'talks'],
  ['meet', 'meeting'],
  ['summit', 'summit'],
  ['visit', 'visit'],
  ['trip', 'visit'],
  ['signed', 'signing'],
  ['signing', 'signing'],
  ['issu', 'issuance'],
  ['join', 'accession'],
  ['ratif', 'accession'],
  ['acced', 'accession'],
  ['elect', 'election'],
  ['vote', 'vote'],
  ['attack', 'attack'],
  ['invad', 'invasion'],
  ['invasion', 'invasion'],
  ['appoint', 'appointment'],
  ['interview', 'interview'],
  ['depart', 'departure'],
];

/** Quantities: a number, an optional multiplier, then the noun phrase it counts. */
const NUMBER =
  /(?<![\p{L}\p{N}.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|billion|trillion|thousand|тэрбум|сая|мянга|млрд|млн))?\s+(\p{Ll}[\p{Ll}-]*(?:\s+\p{Ll}[\p{Ll}-]*)?)/gu;
const NUMBER_SUBJECT_STOP = new Set([
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'at',
  'for',
  'the',
  'a',
  'by',
  'with',
  'from',
  'per',
  'percent',
  'is',
  'are',
  'was',
  'were',
]);
const MULTIPLIER: Record<string, number> = {
  thousand: 1e3,
  мянга: 1e3,
  million: 1e6,
  сая: 1e6,
  млн: 1e6,
  billion: 1e9,
  тэрбум: 1e9,
  млрд: 1e9,
  trillion: 1e12,
};
/** Different words for one counted thing. */
const SUBJECT_SYNONYMS: Record<string, string> = {
  'state party': 'member state',
  'states party': 'member state',
  'member country': 'member state',
  'cubic meter': 'cubic metre',
};

function singular(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/ss$/.test(word) || word.length <= 3) return word;
  return word.replace(/s$/, '');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function validDay(year: number, month: number, day: number): boolean {
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= days;
}

/** Numbers with what they count, dates with the occurrence they date, and places. */
export function extractFacts(text: string, options: FactOptions = {}): Fact[] {
  const facts: Fact[] = [];
  const headlineEnd = options.headlineEnd ?? 0;
  const published = options.publishedAt ? new Date(options.publishedAt) : undefined;
  const publishedAt = published && !Number.isNaN(published.getTime()) ? published : undefined;
  const defaultYear = publishedAt?.getUTCFullYear();
  const push = (fact: Omit<Fact, 'id' | 'inHeadline'>) => {
    facts.push({
      id: contentId('fact', options.documentId ?? '', fact.kind, fact.start, fact.end),
      ...fact,
      inHeadline: fact.start < headlineEnd,
    });
  };
  const sentences = splitSentences(text, splitParagraphs(text));
  const dateSpans: Array<[number, number]> = [];

  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    const taken: Array<[number, number]> = [];
    for (const { re, parts } of DATE_PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(body); m; m = re.exec(body)) {
        const start = sentence.start + m.index;
        const end = start + m[0].length;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        const [yearText, monthText, dayText] = parts(m);
        const year = yearText ? Number(yearText) : defaultYear;
        const month = monthText ? MONTHS[monthText.toLowerCase().replace('.', '')] : undefined;
        if (!year) continue;
        let value = String(year);
        if (month) value += `-${pad(month)}`;
        if (month && dayText) {
          if (!validDay(year, month, Number(dayText))) continue;
          value += `-${pad(Number(dayText))}`;
        }
        taken.push([start, end]);
        const lead = m[0].match(/^(?:in|since|by|until)\s+/)?.[0].length ?? 0;
        const subject = dateSubject(text, sentence.start, start);
        push({ kind: 'date', subject, value, text: text.slice(start + lead, end), start: start + lead, end });
      }
    }
    if (publishedAt) {
      for (const r of relativeDates(body, sentence.start, publishedAt)) {
        if (taken.some(([s, e]) => r.start < e && r.end > s)) continue;
        taken.push([r.start, r.end]);
        const lead = text.slice(r.start, r.end).match(/^(?:on|в|во)\s+/iu)?.[0].length ?? 0;
        // "six months after the appointment …": the date is the appointment's, named after the phrase.
        const forward = /\b(?:after|before)$/i.test(text.slice(r.start, r.end))
          ? dateSubjectAfter(text, r.end, sentence.end)
          : undefined;
        const subject = forward ?? dateSubject(text, sentence.start, r.start);
        push({
          kind: 'date',
          subject,
          value: r.value,
          text: text.slice(r.start + lead, r.end),
          start: r.start + lead,
          end: r.end,
        });
      }
    }
    dateSpans.push(...taken);
  }

  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const digits = (m[1] as string).replaceAll(',', '');
    if (dateSpans.some(([s, e]) => start >= s && start < e)) continue;
    // "Chapter 9", "Article 86", "Power of Siberia 2": a number naming something, not counting it.
    if (/\p{Lu}[\p{L}]*\s+$/u.test(text.slice(Math.max(0, start - 20), start))) continue;
    if (!m[2] && /^(19|20)\d\d$/.test(digits)) continue;
    const words = (m[3] as string).split(/\s+/);
    const kept: string[] = [];
    for (const w of words) {
      if (NUMBER_SUBJECT_STOP.has(w)) break;
      kept.push(w);
    }
    if (kept.length === 0) continue;
    const joined = kept.map(singular).join(' ');
    const subject = SUBJECT_SYNONYMS[joined] ?? joined;
    const multiplier = m[2] ? (MULTIPLIER[m[2].toLowerCase()] ?? 1) : 1;
    const value = String(Number(digits) * multiplier);
    const end =
      start +
      m[0].indexOf(kept[kept.length - 1] as string, (m[1] as string).length) +
      (kept[kept.length - 1] as string).length;
    push({ kind: 'number', subject, value, text: text.slice(start, end), start, end });
  }

  for (const m of text.matchAll(PLACE_PATTERN)) {
    const name = m[1] as string;
    const place = lookupPlace(name);
    if (!place) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const affiliation = AFFILIATION_BEFORE.test(before) || AFFILIATION_AFTER.test(after);
    push({
      kind: 'place',
      subject: affiliation ? 'affiliation' : 'location',
      value: place.name,
      text: name,
      start: m.index,
      end: m.index + name.length,
      country: place.country,
    });
  }
  // Person names: each person once, at the first mention, valued by the fullest form the text gives.
  // A title-case headline runs words together ("Vladimir Putin Visits Kyzyl"): names from the body.
  const mentions = nameMentions(text).filter((m) => m.start >= headlineEnd);
  const seen = new Set<string>();
  for (const m of mentions) {
    const short = !m.name.includes(' ') || /^(?:\p{Lu}\.){1,2}\s?\S+$/u.test(m.name);
    const full = (short ? fullNameFor(m.name, mentions) : undefined) ?? m.name;
    if (seen.has(full)) continue;
    seen.add(full);
    push({ kind: 'name', subject: 'person', value: full, text: m.name, start: m.start, end: m.end });
  }
  return facts.sort((a, b) => a.start - b.start);
}

/**
 * A place named as part of a title or body ("President of the Russian Federation", "ОХУ-ын
 * Ерөнхийлөгч", "U.S. Embassy") says whom someone represents, not where something happens.
 */
const AFFILIATION_BEFORE =
  /\b(?:President|Prime Minister|Minister|Ministry|Embassy|Government|Ambassador|Foreign Affairs|Parliament|Consulate|Mission)\s+(?:of|in|to)\s+(?:the\s+)?$/i;
const AFFILIATION_AFTER =
  /^(?:['’]s|-?(?:ын|ийн|ын|н|гийн))?\s*(?:President|Prime Minister|Foreign Minist|Ministry|Embassy|Government|Ambassador|Ерөнхийлөгч|Ерөнхий сайд|Засгийн газ|Гадаад харилцааны|Элчин|Президент|МИД|посол)/u;

function dateSubject(text: string, sentenceStart: number, dateStart: number): string {
  const tokens = tokenize(text.slice(sentenceStart, dateStart), sentenceStart);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const lower = (tokens[i] as { lower: string }).lower;
    const trigger = DATE_TRIGGERS.find(([stem]) => lower.startsWith(stem));
    if (trigger) return trigger[1];
  }
  return 'date';
}

function dateSubjectAfter(text: string, from: number, sentenceEnd: number): string | undefined {
  for (const token of tokenize(text.slice(from, Math.min(sentenceEnd, from + 80)), from)) {
    const trigger = DATE_TRIGGERS.find(([stem]) => token.lower.startsWith(stem));
    if (trigger) return trigger[1];
  }
  return undefined;
}
