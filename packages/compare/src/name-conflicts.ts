import type { FactConflict } from '@parallax/core';
import { nameStem } from '@parallax/normalize';

/** Offices whose holder a document names right after the title ("Kremlin spokesman Dmitry Peskov"). */
const ROLE =
  'spokesman|spokeswoman|spokesperson|press secretary|aide|adviser|advisor|foreign minister|prime minister|defen[cs]e minister|minister|president|ambassador|envoy|chancellor|secretary-general|secretary general|secretary|prosecutor|governor|mayor|commissioner';

/**
 * "Qualifier(s) role Name Name": at least one capitalised qualifier (a country, an organisation) so
 * that the office is specific, then a person's name of two or three capitalised words.
 */
const MENTION = new RegExp(
  `((?:(?:[A-Z][\\p{L}.’'-]*|U\\.S\\.)[ \\t]+){1,3})(${ROLE})[ \\t]+((?:\\p{Lu}[\\p{L}’'-]+)(?:[ \\t]+\\p{Lu}[\\p{L}’'-]+){1,2})`,
  'gu',
);

/** Words before an office that make it another holder than the current one, or no one in particular. */
const NOT_CURRENT = /\b(former|ex|late|then|acting|outgoing|incoming|deputy|vice|a|an|another)\b/i;
/** Capitalised words that open a sentence before the office and qualify nothing. */
const ARTICLES = new Set(
  'the a an and of in on by with for as but while when then also however meanwhile after before earlier later'.split(
    ' ',
  ),
);

interface Mention {
  documentId: string;
  subject: string;
  name: string;
  keys: Set<string>;
  start: number;
  end: number;
}

/** A name's tokens in a script-neutral form, so "Khürelsükh" meets "Khurelsukh" and "Хүрэлсүх". */
function nameKeys(name: string): Set<string> {
  return new Set(name.split(/\s+/).map(nameStem));
}

function mentionsIn(documentId: string, text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const qualifiers = (m[1] as string)
      .trim()
      .split(/\s+/)
      .filter((w) => !ARTICLES.has(w.toLowerCase()));
    if (
      qualifiers.length === 0 ||
      NOT_CURRENT.test(text.slice(Math.max(0, (m.index ?? 0) - 12), (m.index ?? 0) + (m[1] as string).length))
    )
      continue;
    const subject = `${qualifiers.join(' ')} ${m[2]}`.toLowerCase().replace(/[’']s\b/g, '');
    const name = m[3] as string;
    const start = (m.index ?? 0) + (m[0] as string).length - name.length;
    out.push({ documentId, subject, name, keys: nameKeys(name), start, end: start + name.length });
  }
  return out;
}

const samePerson = (a: Set<string>, b: Set<string>) => [...a].some((k) => b.has(k));

/**
 * The same office given to different people across documents ("Kremlin spokesman Dmitry Peskov" in
 * one, "Kremlin spokesman Yuri Ushakov" in another). A document that itself names two holders of one
 * office (a predecessor, a colleague) is left out of that office: its text does not assert one holder.
 */
export function nameConflicts(documents: Array<{ documentId: string; text?: string }>): FactConflict[] {
  const bySubject = new Map<string, Mention[]>();
  for (const doc of documents) {
    if (!doc.text) continue;
    const own = new Map<string, Mention[]>();
    for (const m of mentionsIn(doc.documentId, doc.text)) {
      const list = own.get(m.subject) ?? [];
      list.push(m);
      own.set(m.subject, list);
    }
    for (const [subject, list] of own) {
      const first = list[0] as Mention;
      if (list.some((m) => !samePerson(m.keys, first.keys))) continue;
      bySubject.set(subject, [...(bySubject.get(subject) ?? []), first]);
    }
  }
  const out: FactConflict[] = [];
  for (const [subject, list] of bySubject) {
    const first = list[0] as Mention;
    if (!list.some((m) => !samePerson(m.keys, first.keys))) continue;
    out.push({
      kind: 'name',
      subject,
      values: list.map((m) => ({
        documentId: m.documentId,
        value: m.name,
        text: m.name,
        start: m.start,
        end: m.end,
      })),
    });
  }
  return out;
}
