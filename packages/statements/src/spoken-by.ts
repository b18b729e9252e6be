import type { Statement } from '@parallax/core';
import { isAnaphor } from '@parallax/normalize';

/**
 * Who a statement's words are from, as a reader would say it: the page's own label ("Peskov", "the
 * Kremlin", "Kremlin spokesman Dmitry Peskov"), except where that label is only a pronoun ("he
 * said") or the page gives none at the words (a quotation paragraph after "the minister said in a
 * video:"): then the speaker the words were resolved to ("he" → Joe Biden), if any. The label as
 * written stays on the statement (`speaker`) for tracing it to the page.
 */
export function spokenBy(statement: Pick<Statement, 'speaker' | 'resolvedSpeaker'>): string | null {
  if ((!statement.speaker || isAnaphor(statement.speaker)) && statement.resolvedSpeaker)
    return statement.resolvedSpeaker;
  return statement.speaker;
}
