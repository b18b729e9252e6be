import type { Statement } from '@parallax/core';
import { isAnaphor } from '@parallax/normalize';

/** A description in lower case after its article ("the spokesman", "the daily", "the ministry"). */
const NOMINAL_ANAPHOR = /^(?:the|this|that)\s+(?:\p{Ll}[\p{L}’'-]*\s+){0,2}\p{Ll}[\p{L}’'-]*$/iu;

/**
 * Who a statement's words are from, as a reader would say it: the page's own label ("Peskov", "the
 * Kremlin", "Kremlin spokesman Dmitry Peskov"), except where that label is only a pronoun ("he
 * said") or the page gives none at the words (a quotation paragraph after "the minister said in a
 * video:"): then the speaker the words were resolved to ("he" → Joe Biden), if any. A nominal
 * anaphor resolved to someone keeps its words beside the name ("the spokesman (Dmitry Peskov)"):
 * the page's description and whom it denotes, as a reader takes both in. The label as written stays
 * on the statement (`speaker`) for tracing it to the page.
 */
export function spokenBy(statement: Pick<Statement, 'speaker' | 'resolvedSpeaker'>): string | null {
  const { speaker, resolvedSpeaker } = statement;
  if ((!speaker || isAnaphor(speaker)) && resolvedSpeaker) return resolvedSpeaker;
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
