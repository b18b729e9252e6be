import type { Fact, FactConflict } from '@parallax/core';
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
  if (a.length === 10) return days <= 14;
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
 * Values that disagree across documents for one subject: the first mention of each distinct value in
 * each document. A conflict needs two values from two documents.
 */
function crossDocumentConflicts(documents: FactDocument[], kind: 'number' | 'date'): FactConflict[] {
  const bySubject = new Map<string, ConflictValue[]>();
  const subjectName = new Map<string, string>();
  for (const doc of documents) {
    const seen = new Set<string>();
    for (const fact of doc.facts) {
      if (fact.kind !== kind || fact.subject === 'date') continue;
      if (kind === 'number' && doc.text && isApproximate(doc.text, fact.start)) continue;
      const subject = subjectKey(fact.subject);
      const key = `${subject}\u0000${fact.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = bySubject.get(subject) ?? [];
      list.push(conflictValue(doc.documentId, fact));
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
    const values = merged.filter((v) => {
      const id = `${v.documentId}\u0000${v.value}`;
      if (once.has(id)) return false;
      once.add(id);
      return true;
    });
    const distinct = [...new Set(values.map((v) => v.value))];
    if (distinct.length < 2) continue;
    if (new Set(values.map((v) => v.documentId)).size < 2) continue;
    // Two documents must give disjoint values: one that states both figures (a toll and its update,
    // a count before and after) disagrees with neither.
    const perDocument = new Map<string, Set<string>>();
    for (const v of values)
      perDocument.set(v.documentId, (perDocument.get(v.documentId) ?? new Set()).add(v.value));
    const sets = [...perDocument.values()];
    const disjoint = sets.some((x, i) => sets.some((y, j) => j > i && [...x].every((v) => !y.has(v))));
    if (!disjoint) continue;
    if (kind === 'date') {
      // Dates far apart are different occurrences ("visited in 2019", "talks on 3 September").
      const clash = distinct.some((x, i) => distinct.some((y, j) => j > i && closeDates(x, y)));
      if (!clash) continue;
      const involved = new Set(distinct.filter((x) => distinct.some((y) => y !== x && closeDates(x, y))));
      out.push({ kind, subject, values: values.filter((v) => involved.has(v.value)) });
    } else {
      out.push({ kind, subject, values });
    }
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
        const clash = kind === 'date' ? body.filter((f) => closeDates(f.value, h.value)) : body;
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
    ...headlineConflicts(documents),
    ...locationConflicts(documents),
    ...nameConflicts(documents),
  ];
}
