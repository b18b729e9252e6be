import type { SourceKind, Statement } from '@parallax/core';
import type { AlignDocument, StatementGroup } from '../src/index';

/** Builders and readers shared by the alignment tests. */

/** A statement whose offsets are where its text sits in its document (throws if it is not there). */
export function statement(
  id: string,
  documentText: string,
  text: string,
  kind: Statement['kind'],
  speaker: string | null,
  lang = 'en',
): Statement {
  const start = documentText.indexOf(text);
  if (start < 0) throw new Error(`fixture ${id}: text not found in its document`);
  return {
    id,
    text,
    kind,
    speaker,
    resolvedSpeaker: null,
    cue: 'said',
    lang,
    start,
    end: start + text.length,
  };
}

/** The direct statement between the first pair of double quotes of `documentText`. */
export function quoted(id: string, documentText: string, speaker: string): Statement {
  const open = documentText.indexOf('"');
  const close = documentText.indexOf('"', open + 1);
  if (open < 0 || close < 0) throw new Error(`fixture ${id}: no quotation in its document`);
  return statement(id, documentText, documentText.slice(open + 1, close), 'direct', speaker);
}

export function doc(id: string, kind: SourceKind, lang: string, statements: Statement[]): AlignDocument {
  return { id, kind, lang, statements };
}

/** Statement ids of the group holding `id`, sorted. */
export function groupIds(groups: StatementGroup[], id: string): string[] {
  const group = groups.find((g) => g.renditions.some((r) => r.statement.id === id));
  if (!group) throw new Error(`no group holds ${id}`);
  return group.renditions.map((r) => r.statement.id).sort();
}
