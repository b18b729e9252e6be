import { WORD_VALUES } from './number-words';
/**
 * Dates written relative to the publication date: "on Monday evening", "yesterday", "last year",
 * "two weeks ago", "six months after …", and their Russian and Mongolian forms. Each resolves to a
 * calendar value (YYYY-MM-DD, YYYY-MM or YYYY) against the publication date.
 */

export interface RelativeDate {
  start: number;
  end: number;
  value: string;
}

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  воскресенье: 0,
  понедельник: 1,
  вторник: 2,
  среду: 3,
  среда: 3,
  четверг: 4,
  пятницу: 5,
  пятница: 5,
  субботу: 6,
  суббота: 6,
};
/** Counts of a relative date in words: "a week ago", "three days later". */
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, ...WORD_VALUES };

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

function addMonths(d: Date, n: number): Date {
  const out = new Date(d.getTime());
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + n);
  return out;
}

/** Future tense in the sentence makes a bare weekday the coming one, else the one just past. */
const FUTURE =
  /\b(?:will|shall|is\s+scheduled|are\s+scheduled|is\s+due|are\s+due|is\s+expected|plans?\s+to)\b|(?:состоится|пройдет|пройдёт|планируется)|(?:болно|болох|хийнэ)/iu;

const EN = new RegExp(
  [
    String.raw`\b(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b`,
    String.raw`\b(yesterday|today|tomorrow|last\s+night|tonight)\b`,
    String.raw`\b(last|this|next)\s+(year|month)\b`,
    String.raw`\b(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+(ago|after|before|later|earlier)\b`,
  ].join('|'),
  'giu',
);
const RU = new RegExp(
  [
    String.raw`(?<![\p{L}])(?:в|во)\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?![\p{L}])`,
    String.raw`(?<![\p{L}])(вчера|сегодня|завтра)(?![\p{L}])`,
    String.raw`(?<![\p{L}])в\s+(прошлом|этом|следующем)\s+(году|месяце)(?![\p{L}])`,
  ].join('|'),
  'giu',
);
const MN =
  /(?<![\p{L}])(өчигдөр|өнөөдөр|маргааш|өнгөрсөн\s+(?:жил|онд)|энэ\s+(?:жил|онд)|ирэх\s+(?:жил|онд))(?![\p{L}])/giu;

function relativeUnit(count: number, unit: string, direction: string, anchor: Date): string | undefined {
  const sign = /ago|before|earlier/i.test(direction) ? -1 : 1;
  // "six months after the appointment": the appointment lies six months before the reported event,
  // which news dates at publication; "N … before X": X lies N later.
  const toward = /after/i.test(direction) ? -1 : /before/i.test(direction) ? 1 : sign;
  const n = count * toward;
  if (/day/i.test(unit)) return iso(addDays(anchor, n));
  if (/week/i.test(unit)) return iso(addDays(anchor, 7 * n));
  if (/month/i.test(unit)) return iso(addMonths(anchor, n)).slice(0, 7);
  return String(anchor.getUTCFullYear() + n);
}

function weekday(day: number, anchor: Date, future: boolean): string {
  const today = anchor.getUTCDay();
  let delta = day - today;
  if (future) {
    if (delta < 0) delta += 7;
  } else if (delta > 0) delta -= 7;
  return iso(addDays(anchor, delta));
}

/** Relative dates in one sentence (`body`, starting at `base`), resolved against `publishedAt`. */
export function relativeDates(body: string, base: number, publishedAt: Date): RelativeDate[] {
  const out: RelativeDate[] = [];
  const future = FUTURE.test(body);
  const year = publishedAt.getUTCFullYear();
  for (const m of body.matchAll(EN)) {
    let value: string | undefined;
    if (m[1]) value = weekday(WEEKDAYS[m[1].toLowerCase()] ?? 0, publishedAt, future);
    else if (m[2]) {
      const w = m[2].toLowerCase().replace(/\s+/g, ' ');
      const shift = w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0;
      value = iso(addDays(publishedAt, shift));
    } else if (m[3] && m[4]) {
      const shift = m[3].toLowerCase() === 'last' ? -1 : m[3].toLowerCase() === 'next' ? 1 : 0;
      value =
        m[4].toLowerCase() === 'year' ? String(year + shift) : iso(addMonths(publishedAt, shift)).slice(0, 7);
    } else if (m[5] && m[6] && m[7]) {
      const count = NUMBER_WORDS[m[5].toLowerCase()] ?? Number(m[5]);
      value = relativeUnit(count, m[6], m[7], publishedAt);
    }
    if (value) out.push({ start: base + m.index, end: base + m.index + m[0].length, value });
  }
  for (const m of body.matchAll(RU)) {
    let value: string | undefined;
    if (m[1]) value = weekday(WEEKDAYS[m[1].toLowerCase()] ?? 0, publishedAt, future);
    else if (m[2]) {
      const w = m[2].toLowerCase();
      value = iso(addDays(publishedAt, w === 'вчера' ? -1 : w === 'завтра' ? 1 : 0));
    } else if (m[3] && m[4]) {
      const shift = m[3].toLowerCase() === 'прошлом' ? -1 : m[3].toLowerCase() === 'следующем' ? 1 : 0;
      value =
        m[4].toLowerCase() === 'году' ? String(year + shift) : iso(addMonths(publishedAt, shift)).slice(0, 7);
    }
    if (value) out.push({ start: base + m.index, end: base + m.index + m[0].length, value });
  }
  for (const m of body.matchAll(MN)) {
    const w = (m[1] as string).toLowerCase();
    let value: string;
    if (w === 'өчигдөр') value = iso(addDays(publishedAt, -1));
    else if (w === 'маргааш') value = iso(addDays(publishedAt, 1));
    else if (w === 'өнөөдөр') value = iso(publishedAt);
    else if (w.startsWith('өнгөрсөн')) value = String(year - 1);
    else if (w.startsWith('ирэх')) value = String(year + 1);
    else value = String(year);
    // "Өнөөдөр" with a capital is also the newspaper's name.
    if (w === 'өнөөдөр' && /^Ө/.test(m[1] as string) && m.index > 0) continue;
    out.push({ start: base + m.index, end: base + m.index + m[0].length, value });
  }
  return out.sort((a, b) => a.start - b.start);
}
