import { canonicalText, words } from '@parallax/normalize';

/** The token an elision mark ("…", "...", "[…]", "(…)") becomes: one token, however it was written. */
export const ELISION = '…';

/** A bracketed insertion is one token, brackets kept, so that a diff shows it whole: "[russia's - ed.]". */
export function isEditorial(token: string): boolean {
  return token.length > 2 && token.startsWith('[') && token.endsWith(']');
}

const MARKS = /\[\s*(?:\.\s*\.\s*\.|…)\s*\]|\(\s*(?:\.\s*\.\s*\.|…)\s*\)|\.\s*\.\s*\.|…|\[[^\]]*\]/g;

/**
 * The words of a rendition for diffing: canonical words (see normalize's `words`), with each elision
 * mark as the single token "…" and each editor's bracketed insertion as a single token.
 */
export function diffTokens(text: string): string[] {
  const canonical = canonicalText(text);
  const out: string[] = [];
  let last = 0;
  for (const m of canonical.matchAll(MARKS)) {
    out.push(...words(canonical.slice(last, m.index)));
    const mark = m[0];
    if (mark.startsWith('[') && !/^\[\s*(?:\.\s*\.\s*\.|…)\s*\]$/.test(mark)) {
      const inner = mark.slice(1, -1).replace(/\s+/g, ' ').trim();
      if (inner) out.push(`[${inner}]`);
    } else {
      out.push(ELISION);
    }
    last = m.index + mark.length;
  }
  out.push(...words(canonical.slice(last)));
  return out;
}
