import type { Statement } from '@parallax/core';
import { isAnaphor } from '@parallax/normalize';
import { personName } from './names';

/** A description in lower case after its article ("the spokesman", "the daily", "the ministry"). */
const NOMINAL_ANAPHOR = /^(?:the|this|that)\s+(?:\p{Ll}[\p{L}’'-]*\s+){0,2}\p{Ll}[\p{L}’'-]*$/iu;

/**
 * Who a statement's words are from: the person a label names, without the titles and roles the page
 * gives with the name ("Joe Biden" for "U.S. President Joe Biden", see personName), or the label
 * itself for a body ("the Kremlin", "Russia’s Foreign Ministry"). The label is read as a reader would: the page's own label ("Peskov", "the
 * Kremlin", "Kremlin spokesman Dmitry Peskov"), except where that label is only a pronoun ("he
 * said") or the page gives none at the words (a quotation paragraph after "the minister said in a
 * video:"): then the speaker the words were resolved to ("he" → Joe Biden), if any. A nominal
 * anaphor resolved to someone keeps its words beside the name ("the spokesman (Dmitry Peskov)"):
 * the page's description and whom it denotes, as a reader takes both in. The label as written stays
 * on the statement (`speaker`) for tracing it to the page.
 */
export function spokenBy(statement: Pick<Statement, 'speaker' | 'resolvedSpeaker'>): string | null {
  const label = readerLabel(statement);
  if (label === null) return null;
  // Two speakers ("Mr. Grassley and Mr. Leahy") keep the label whole, as does a name that is the
  // whole label (an acronym stays as written).
  if (/\s(?:and|und|et|y|e|и)\s|&/u.test(label)) return label;
  const name = personName(label);
  return name && name.toLowerCase() !== label.toLowerCase() ? name : label;
}

function readerLabel(statement: Pick<Statement, 'speaker' | 'resolvedSpeaker'>): string | null {
  const { speaker, resolvedSpeaker } = statement;
  if ((!speaker || isAnaphor(speaker)) && resolvedSpeaker) return resolvedSpeaker;
  // A title alone ("…“, sagte der SPD-Politiker") resolved to the person it refers back to.
  if (
    speaker &&
    resolvedSpeaker &&
    /^\p{Lu}[\p{Ll}-]/u.test(speaker.trim()) &&
    !/\s/.test(speaker.trim()) &&
    !personName(speaker) &&
    personName(resolvedSpeaker)
  )
    return resolvedSpeaker;
  if (
    speaker &&
    resolvedSpeaker &&
    NOMINAL_ANAPHOR.test(speaker.trim()) &&
    /\p{Lu}/u.test(resolvedSpeaker) &&
    !resolvedSpeaker.toLowerCase().includes(
      speaker
        .trim()
        .toLowerCase()
        .replace(/^(?:the|this|that)\s+/, ''),
    )
  )
    return `${speaker} (${resolvedSpeaker})`;
  return speaker;
}
