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

/**
 * Values that disagree across documents for one subject: the first mention of each distinct value in
 * each document. A conflict needs two values from two documents.
 */
function crossDocumentConflicts(documents: FactDocument[], kind: 'number' | 'date'): FactConflict[] {
  const bySubject = new Map<string, ConflictValue[]>();
  for (const doc of documents) {
    const seen = new Set<string>();
    for (const fact of doc.facts) {
      if (fact.kind !== kind || fact.subject === 'date') continue;
      const key = `${fact.subject}\u0000${fact.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = bySubject.get(fact.subject) ?? [];
      list.push(conflictValue(doc.documentId, fact));
      bySubject.set(fact.subject, list);
    }
  }
  const out: FactConflict[] = [];
  for (const [subject, values] of bySubject) {
    const distinct = [...new Set(values.map((v) => v.value))];
    if (distinct.length < 2) continue;
    if (new Set(values.map((v) => v.documentId)).size < 2) continue;
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
      (f) => f.kind === 'place' && f.subject === 'location' && f.inHeadline && f.country,
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
      const headline = doc.facts.filter((f) => f.kind === kind && f.inHeadline && f.subject !== 'date');
      for (const h of headline) {
        const body = doc.facts.filter((f) => f.kind === kind && !f.inHeadline && f.subject === h.subject);
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
