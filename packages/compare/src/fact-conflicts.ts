import type { Fact, FactConflict } from '@parallax/core';
import { foldDiacritics, transliterate } from '@parallax/normalize';
import { nameConflicts } from './name-conflicts';

export interface FactDocument {
  documentId: string;
  facts: Fact[];
  /** The document's text (what fact offsets refer to): needed to find names given to an office. */
  text?: string;
}

type ConflictValue = FactConflict['values'][number];

function conflictValue(documentId: string, fact: Fact, value = fact.value): ConflictValue {
  return { documentId, value, text: fact.text, start: fact.start, end: fact.end };
}

/** Dates of one granularity (YYYY, YYYY-MM, YYYY-MM-DD) close enough to be two accounts of one occurrence. */
function closeDates(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const ta = Date.parse(a.length === 4 ? `${a}-01-01` : a.length === 7 ? `${a}-01` : a);
  const tb = Date.parse(b.length === 4 ? `${b}-01-01` : b.length === 7 ? `${b}-01` : b);
  const days = Math.abs(ta - tb) / 86_400_000;
  // The same day of the month a month off ("16 January" for "16 February") is a slip of the month.
  if (a.length === 10) return days <= 14 || (a.slice(8) === b.slice(8) && days <= 31);
  if (a.length === 7) return days <= 366;
  return days <= 3 * 366;
}

/** Words before a figure that make it an approximation ("more than 2,000"), which no exact figure contradicts. */
const APPROXIMATE =
  /\b(?:more than|over|at least|about|around|nearly|almost|some|up to|roughly|approximately|close to|fewer than|less than|under|upwards of|as many as|exceeding)\s*$/i;

function isApproximate(text: string, start: number): boolean {
  return APPROXIMATE.test(text.slice(Math.max(0, start - 24), start));
}

/** Verbs that follow a figure without saying what it counts ("6.8 quake struck", "earthquake hit"). */
const EVENT_VERBS = new Set([
  'hit',
  'hits',
  'struck',
  'strikes',
  'occurred',
  'happened',
  'was',
  'were',
  'is',
  'are',
]);

/** A subject without the event verbs that follow a figure without saying what it counts. */
function subjectKey(subject: string): string {
  const words = subject.split(' ').filter((w) => !EVENT_VERBS.has(w));
  return words.length > 0 ? words.join(' ') : subject;
}

/**
 * Subjects that are one measure in two wordings: a compound and its head ("earthquake" and "quake",
 * "ceasefire" and "fire" do not meet — the head must be five letters or more) with the same words
 * after it. Maps each key to the shortest form. The subjects of one event are few; all pairs are fine.
 */
function unifySubjects(keys: string[]): Map<string, string> {
  const out = new Map(keys.map((k) => [k, k]));
  for (const a of keys) {
    const [headA, ...restA] = a.split(' ');
    for (const b of keys) {
      if (a === b) continue;
      const [headB, ...restB] = b.split(' ');
      if (!headA || !headB || headB.length < 5 || headA.length <= headB.length) continue;
      if (headA.endsWith(headB) && restA.join(' ') === restB.join(' ')) out.set(a, b);
    }
  }
  return out;
}

/**
 * Subjects that say only the unit or the class of what a figure counts ("years", "people",
 * "percent"): figures of different things share them, so they are never compared.
 */
const UNSPECIFIC = new Set([
  'people',
  'years',
  'decades',
  'months',
  'weeks',
  'days',
  'hours',
  'year',
  'month',
  'week',
  'day',
  'hour',
  'percent',
  'percentage points',
  'basis points',
]);

/** Subjects whose figures belong to one person or occurrence: compared only when the sentences name the same one. */
function needsAnchor(kind: 'number' | 'date', subject: string): boolean {
  return kind === 'date' || subject.startsWith('prison sentence');
}

/** Running counts, which later reports raise as they are updated: a higher figure reported later is an update. */
const RUNNING = /^people (?:killed|injured|missing|detained|hospitalised|evacuated)(?: in \d{4})?$/;

const NOT_ANCHORS = new Set(
  'the this that these those there then when while after before but and for with from his her their its our january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

/**
 * The names a fact's sentence mentions (capitalised words past the sentence's first, transliterated,
 * first five letters), so that "Навального" and "Navalny" meet.
 */
function anchorKey(word: string): string {
  return foldDiacritics(transliterate(word))
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .slice(0, 5);
}

/** The words of the people a document names (its name facts), as anchor keys. */
function personKeys(doc: FactDocument): Set<string> {
  const out = new Set<string>();
  for (const f of doc.facts)
    if (f.kind === 'name')
      for (const w of `${f.value} ${f.text}`.split(/[\s-]+/)) if (w.length >= 4) out.add(anchorKey(w));
  return out;
}

function anchorsOf(text: string | undefined, fact: Fact, people: Set<string>): Set<string> {
  const out = new Set<string>();
  if (!text) return out;
  let from = fact.start;
  while (from > 0 && !/[.!?\n]/.test(text[from - 1] as string)) from--;
  let to = fact.end;
  while (to < text.length && !/[.!?\n]/.test(text[to] as string)) to++;
  const sentence = text.slice(from, to);
  for (const m of sentence.matchAll(/\p{L}[\p{L}'’]*/gu)) {
    const at = from + m.index;
    const word = m[0];
    if (at >= fact.start && at < fact.end) continue;
    if (!/^\p{Lu}/u.test(word) || word.length < 4 || NOT_ANCHORS.has(word.toLowerCase())) continue;
    const key = anchorKey(word);
    // Only the people named: places and bodies ("Russia", "Kremlin") are in every sentence of a story.
    // A document whose people are not known gives every name it capitalises.
    if (key.length >= 4 && (people.size === 0 || people.has(key))) out.add(key);
  }
  return out;
}

interface Figure {
  value: ConflictValue;
  fact: Fact;
  low: number;
  high: number;
  exact: boolean;
  anchors: Set<string>;
  /** The document's text, when known (anchors can be read only from it). */
  text: string | undefined;
}

/** Two figures agree when one lies in the interval the other's words allow (ranges must match). */
function compatible(a: Figure, b: Figure): boolean {
  if (a.exact && b.exact) return a.value.value === b.value.value;
  const aRange = a.value.value.includes('–');
  const bRange = b.value.value.includes('–');
  if (aRange && bRange) return a.value.value === b.value.value;
  // Two caps ("a stake of up to 34 percent", "up to 36 percent") state the limit itself.
  const cap = (f: Figure) => !f.exact && f.low === Number.NEGATIVE_INFINITY;
  if (cap(a) && cap(b)) return a.value.value === b.value.value;
  return a.low <= b.high && b.low <= a.high;
}

/**
 * Dates of different precision compared at the coarser one: "2019" and "December 2021" differ. An
 * undated page's day (--MM-DD) is compared only with days, in the other's year; with an undated one,
 * in any one year.
 */
function coarse(a: string, b: string): [string, string] {
  if (a.startsWith('--') || b.startsWith('--')) {
    const day = /^(?:\d{4}|-)-\d\d-\d\d$/;
    if (!day.test(a) || !day.test(b)) return [a, a];
    const full = [a, b].find((d) => !d.startsWith('--'));
    const year = full ? full.slice(0, 4) : '2000';
    const fill = (d: string) => (d.startsWith('--') ? `${year}${d.slice(1)}` : d);
    return [fill(a), fill(b)];
  }
  const n = Math.min(a.length, b.length);
  return [a.slice(0, n), b.slice(0, n)];
}

/**
 * Values that disagree across documents for one subject: the first mention of each distinct value in
 * each document. A conflict needs two documents whose figures all disagree; a bound a figure satisfies
 * ("more than 120" and 133) and a document that gives both figures (a count and its update) disagree
 * with nothing.
 */
function crossDocumentConflicts(documents: FactDocument[], kind: 'number' | 'date'): FactConflict[] {
  const bySubject = new Map<string, Figure[]>();
  const subjectName = new Map<string, string>();
  for (const doc of documents) {
    const seen = new Set<string>();
    const people = personKeys(doc);
    for (const fact of doc.facts) {
      if (fact.kind !== kind || fact.subject === 'date' || fact.part) continue;
      if (kind === 'date' && !/^(?:\d{4}|--\d\d-\d\d$)/.test(fact.value)) continue;
      // "last year", "this month": only as right as the page's date, which pages get wrong.
      if (kind === 'date' && fact.value.length < 10 && !/\d/.test(fact.text)) continue;
      const subject = subjectKey(fact.subject);
      if (kind === 'number' && (UNSPECIFIC.has(subject) || subject.length < 3)) continue;
      // "cut rates to 3.75%": a central bank has several rates; which one must be said.
      if (kind === 'number' && /^(?:rate|interest rate)(?: change)? \(/.test(subject)) continue;
      const n = Number(fact.value);
      let low = fact.low ?? n;
      let high = fact.high ?? n;
      if (kind === 'number' && fact.low === undefined && fact.high === undefined) {
        if (doc.text && isApproximate(doc.text, fact.start)) continue;
      }
      if (fact.value.includes('–')) {
        const [x, y] = fact.value.split('–').map(Number);
        low = x as number;
        high = y as number;
      }
      if (fact.low !== undefined && fact.high === undefined) high = Number.POSITIVE_INFINITY;
      if (fact.high !== undefined && fact.low === undefined) low = Number.NEGATIVE_INFINITY;
      const key = `${subject}\u0000${fact.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = bySubject.get(subject) ?? [];
      list.push({
        value: conflictValue(doc.documentId, fact),
        fact,
        low,
        high,
        exact: kind === 'date' || (fact.low === undefined && fact.high === undefined),
        anchors: needsAnchor(kind, subject) ? anchorsOf(doc.text, fact, people) : new Set(),
        text: doc.text,
      });
      bySubject.set(subject, list);
      if (!subjectName.has(subject)) subjectName.set(subject, fact.subject);
    }
  }
  const unified = unifySubjects([...bySubject.keys()]);
  for (const [key, target] of unified) {
    if (key === target) continue;
    bySubject.set(target, [...(bySubject.get(target) ?? []), ...(bySubject.get(key) ?? [])]);
    bySubject.delete(key);
    if (!subjectName.has(target)) subjectName.set(target, subjectName.get(key) ?? key);
  }
  const out: FactConflict[] = [];
  for (const [key, merged] of bySubject) {
    const subject = subjectName.get(key) ?? key;
    const once = new Set<string>();
    const figures = merged.filter((f) => {
      const id = `${f.value.documentId}\u0000${f.value.value}`;
      if (once.has(id)) return false;
      once.add(id);
      return true;
    });
    const anchored = needsAnchor(kind, key);
    const clashes = (x: Figure, y: Figure): boolean => {
      if (x.value.documentId === y.value.documentId) return false;
      // A date or a prison term belongs to someone: the sentences must name the same person (a story
      // has several prisoners' arrests and terms), else the figures may be of different occurrences.
      if (anchored) {
        const known = x.text !== undefined && y.text !== undefined;
        if (known && ![...x.anchors].some((a) => y.anchors.has(a))) return false;
      }
      if (kind === 'number') return !compatible(x, y);
      // A weekday or "yesterday" is resolved against the page's date and the tense: only a date
      // written out contradicts another.
      if (!/\d/.test(x.fact.text) || !/\d/.test(y.fact.text)) return false;
      const [a, b] =
        x.value.value.length === y.value.value.length && !x.value.value.startsWith('--')
          ? [x.value.value, y.value.value]
          : coarse(x.value.value, y.value.value);
      if (a === b) return false;
      // An undated page's day is weak evidence: it contradicts only as a slip of the month (the same
      // day of the month, a month off), never by a day or two (time zones, the next day's report).
      if ((x.value.value.startsWith('--') || y.value.value.startsWith('--')) && a.slice(8) !== b.slice(8))
        return false;
      // Dates far apart are different occurrences ("visited in 2019", "talks on 3 September").
      return closeDates(a, b);
    };
    // Two documents must disagree in every figure they give: one that states both (a toll and its
    // update, a count before and after) disagrees with neither.
    const perDocument = new Map<string, Figure[]>();
    for (const f of figures)
      perDocument.set(f.value.documentId, [...(perDocument.get(f.value.documentId) ?? []), f]);
    const agrees = (x: Figure, y: Figure) =>
      kind === 'number'
        ? compatible(x, y)
        : coarse(x.value.value, y.value.value).every((v, _, [p]) => v === p);
    const involved = new Set<Figure>();
    const docs = [...perDocument.values()];
    for (let i = 0; i < docs.length; i++)
      for (let j = i + 1; j < docs.length; j++) {
        const x = docs[i] as Figure[];
        const y = docs[j] as Figure[];
        if (x.some((a) => y.some((b) => agrees(a, b)))) continue;
        for (const a of x) for (const b of y) if (clashes(a, b)) involved.add(a).add(b);
      }
    if (involved.size === 0) continue;
    // The figures that agree with one involved are shown beside it (how many sources say each).
    const shown = figures.filter(
      (f) =>
        involved.has(f) || (f.exact && [...involved].some((g) => g.exact && g.value.value === f.value.value)),
    );
    const conflict: FactConflict = { kind, subject, values: shown.map((f) => f.value) };
    const update = kind === 'number' && RUNNING.test(key) ? updateOf(shown) : undefined;
    if (update) conflict.update = update;
    out.push(conflict);
  }
  return out;
}

/**
 * A running count whose figures rose as reports came in: each figure first reported after every
 * smaller one. Returns the figures with when each was first reported, or undefined when the order
 * does not hold (then the figures disagree).
 */
function updateOf(figures: Figure[]): FactConflict['update'] {
  const first = new Map<string, string>();
  for (const f of figures) {
    // Figures given as bounds, and pages without a date, take no place in the sequence.
    if (!f.exact) continue;
    const at = f.fact.asOf;
    if (!at) continue;
    const known = first.get(f.value.value);
    if (!known || at < known) first.set(f.value.value, at);
  }
  const steps = [...first.entries()]
    .map(([value, reportedAt]) => ({ value, reportedAt }))
    .sort((a, b) => Number(a.value) - Number(b.value));
  if (steps.length < 2) return undefined;
  for (let i = 1; i < steps.length; i++)
    if (
      !((steps[i - 1] as { reportedAt: string }).reportedAt < (steps[i] as { reportedAt: string }).reportedAt)
    )
      return undefined;
  return steps;
}

/**
 * One day given two weekdays: "Wednesday, August 1" on one page, "Thursday, 1 August" on another.
 * Only dates written with their weekday count, keyed by month and day (a page without a year still
 * names the day); a weekday the calendar contradicts must be among them.
 */
function weekdayConflicts(documents: FactDocument[]): FactConflict[] {
  const NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
  const byDay = new Map<string, Array<{ value: ConflictValue; weekday: string; wrong: boolean }>>();
  for (const doc of documents) {
    for (const fact of doc.facts) {
      if (fact.kind !== 'date' || !fact.weekday || !/-\d\d-\d\d$/.test(fact.value)) continue;
      const day = fact.value.slice(-5);
      // The calendar judges a weekday only against a year the page wrote: a year taken from the
      // page's date (which pages get wrong) judges nothing.
      const full = /^\d{4}-\d\d-\d\d$/.test(fact.value) && /(?:19|20)\d\d/.test(fact.text);
      const wrong = full && NAMES[new Date(`${fact.value}T12:00:00Z`).getUTCDay()] !== fact.weekday;
      const list = byDay.get(day) ?? [];
      if (!list.some((x) => x.value.documentId === doc.documentId && x.weekday === fact.weekday))
        list.push({
          value: conflictValue(doc.documentId, fact, `${fact.value} (${fact.weekday})`),
          weekday: fact.weekday,
          wrong,
        });
      byDay.set(day, list);
    }
  }
  const out: FactConflict[] = [];
  for (const [day, all] of byDay) {
    // One day of one year: "1 August 2018" and "1 August 2024" are different days.
    const yearOf = (x: { value: ConflictValue }) =>
      /^\d{4}/.test(x.value.value) ? x.value.value.slice(0, 4) : undefined;
    const years = all.map((x) => (/(?:19|20)\d\d/.test(x.value.text) ? yearOf(x) : undefined));
    const written = [...new Set(years.filter(Boolean))];
    if (written.length > 1) continue;
    const list = all;
    const weekdays = new Set(list.map((x) => x.weekday));
    if (weekdays.size < 2 || new Set(list.map((x) => x.value.documentId)).size < 2) continue;
    // Which is right: the calendar's, where a page gives the year.
    const calendar = list.find((x) => /(?:19|20)\d\d/.test(x.value.text) && !x.wrong)?.weekday;
    if (!calendar && !list.some((x) => x.wrong)) continue;
    const stated = calendar
      ? list.filter((x) => x.weekday !== calendar || x === list.find((y) => y.weekday === calendar))
      : list;
    if (new Set(stated.map((x) => x.value.documentId)).size < 2) continue;
    out.push({
      kind: 'date',
      subject: `weekday of ${day}${calendar ? ` (a ${calendar})` : ''}`,
      values: stated.map((x) => x.value),
    });
  }
  return out;
}

/**
 * A headline place that is the one acting, not where things happen: "Russia will not abandon…",
 * "Russia to abandon…", "Putin says Russia must…", "Россия не откажется…". A country that speaks or
 * decides places nothing.
 */
const ACTS =
  /^\s*(?:will|would|won['’]t|to|says|said|is|isn['’]t|has|had|must|should|can|can['’]t|may|might|could|calls|urges|warns|rejects|denies|does|did|plans|wants|vows|says|refuses|agrees|threatens|accuses|slams|backs|hits back)\b|^\s*(?:не|будет|заявила?|намерена|готова|может|должна|хочет)(?![\p{L}])/iu;

function actsInHeadline(text: string, end: number): boolean {
  return ACTS.test(text.slice(end, end + 24));
}

function dominantCountry(facts: Fact[]): { country: string; fact: Fact } | undefined {
  const counts = new Map<string, { n: number; fact: Fact }>();
  for (const f of facts) {
    if (!f.country) continue;
    const entry = counts.get(f.country);
    if (entry) entry.n++;
    else counts.set(f.country, { n: 1, fact: f });
  }
  const ranked = [...counts.entries()].sort((x, y) => y[1].n - x[1].n);
  const top = ranked[0];
  if (!top || (ranked[1] && ranked[1][1].n === top[1].n)) return undefined;
  return { country: top[0], fact: top[1].fact };
}

/**
 * Where the event happened, per document: a headline that places it in a country the document's body
 * (or, when the body is silent, the event's other documents) does not — "Putin Visits Kyzyl, Tuva"
 * over a story set in Mongolia.
 */
function locationConflicts(documents: FactDocument[]): FactConflict[] {
  const bodies = documents.map((d) => ({
    doc: d,
    headline: d.facts.filter(
      (f) =>
        f.kind === 'place' &&
        f.subject === 'location' &&
        f.inHeadline &&
        f.country &&
        // A country or a capital in a headline is most often the one acting ("Turkey coordinates
        // the swap", "Washington says"): only a city or region places the story.
        f.placeType !== 'country' &&
        f.placeType !== 'capital' &&
        !(d.text && actsInHeadline(d.text, f.end)),
    ),
    body: d.facts.filter((f) => f.kind === 'place' && f.subject === 'location' && !f.inHeadline && f.country),
  }));
  const votes = bodies.map((b) => dominantCountry(b.body)).filter((x) => x !== undefined);
  const eventCountry = dominantCountry(votes.map((v) => v.fact));
  const out: FactConflict[] = [];
  for (const { doc, headline, body } of bodies) {
    if (headline.length === 0) continue;
    const own = dominantCountry(body);
    const reference = own ?? eventCountry;
    if (!reference) continue;
    if (headline.some((f) => f.country === reference.country)) continue;
    const seen = new Set<string>();
    const values: ConflictValue[] = [];
    for (const f of headline) {
      if (seen.has(f.value)) continue;
      seen.add(f.value);
      values.push(conflictValue(doc.documentId, f));
    }
    values.push(
      own
        ? conflictValue(doc.documentId, own.fact)
        : conflictValue(
            documents.find((d) => d.facts.includes(reference.fact))?.documentId ?? doc.documentId,
            reference.fact,
          ),
    );
    out.push({
      kind: 'place',
      subject: own ? 'location: headline vs body' : 'location: headline vs other sources',
      values,
    });
  }
  return out;
}

/**
 * A headline that states a different figure or date for a subject than its own body does ("Putin
 * meets 125 ICC members' defiance" over a body that counts 124).
 */
function headlineConflicts(documents: FactDocument[]): FactConflict[] {
  const out: FactConflict[] = [];
  for (const doc of documents) {
    for (const kind of ['number', 'date'] as const) {
      const exact = (f: Fact) => kind !== 'number' || !doc.text || !isApproximate(doc.text, f.start);
      const headline = doc.facts.filter(
        (f) => f.kind === kind && f.inHeadline && f.subject !== 'date' && exact(f),
      );
      for (const h of headline) {
        const body = doc.facts.filter(
          (f) =>
            f.kind === kind && !f.inHeadline && subjectKey(f.subject) === subjectKey(h.subject) && exact(f),
        );
        if (body.length === 0 || body.some((f) => f.value === h.value)) continue;
        const written = (f: Fact) => kind !== 'date' || /\d/.test(f.text);
        const clash = (kind === 'date' ? body.filter((f) => closeDates(f.value, h.value)) : body).filter(
          (f) => written(f) && written(h),
        );
        const first = clash[0];
        if (!first) continue;
        out.push({
          kind,
          subject: `${h.subject}: headline vs body`,
          values: [conflictValue(doc.documentId, h), conflictValue(doc.documentId, first)],
        });
      }
    }
  }
  return out;
}

/**
 * Facts the documents of one event disagree on: numbers and dates across documents and between a
 * headline and its body, locations, and the names given to one office.
 */
export function findFactConflicts(documents: FactDocument[]): FactConflict[] {
  return [
    ...crossDocumentConflicts(documents, 'number'),
    ...crossDocumentConflicts(documents, 'date'),
    ...weekdayConflicts(documents),
    ...headlineConflicts(documents),
    ...locationConflicts(documents),
    ...nameConflicts(documents),
  ];
}
