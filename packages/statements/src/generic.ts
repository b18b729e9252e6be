/**
 * Generic attribution passes for a language with data rules only (rules.ts, rules/LANG.json): who a
 * quotation's tag names („…“, sagte Scholz; « … », a déclaré Lagarde; Lagarde dijo: “…”), and reported
 * speech opened by a cue and a complementizer ("a déclaré que …", "sagte, dass …"), closed by a tag
 * (", ha detto Lagarde.") or introduced by "according to" ("Selon X, …", "Laut X …").
 */
import type { CompiledRules } from './rules';
import type { Span } from './sentences';

export interface GenericFound {
  speaker: string | null;
  speakerStart: number;
  speakerEnd?: number;
  cue: string | null;
  cueStart?: number;
  cueEnd?: number;
  pronoun: boolean;
}

interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

function tokens(masked: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  for (const m of masked.slice(from, to).matchAll(TOKEN)) {
    const text = m[0];
    out.push({ text, lower: text.toLowerCase(), start: from + m.index, end: from + m.index + text.length });
  }
  return out;
}

const capitalised = (t: Tok) => /^\p{Lu}/u.test(t.text);
const spaceOnly = (text: string, a: Tok, b: Tok) => /^[^\S\n]+$/.test(text.slice(a.end, b.start));

function isCue(rules: CompiledRules, t: Tok, strengths: ReadonlyArray<'strong' | 'weak' | 'tag'>): boolean {
  if (t.text !== t.lower && !/-t-/.test(t.lower)) return false;
  return strengths.some((s) => rules[s].has(t.lower));
}

/** "a-t-il", "a-t-elle": the cue carries its pronoun. */
const INVERTED_PRONOUN = /-t-(?:il|elle|ils|elles)$/;

interface Phrase {
  start: number;
  end: number;
  pronoun: boolean;
}

const APPOSED = /^,[^\S\n]+(\p{Lu}[\p{L}\p{M}'’-]+(?:[^\S\n]+\p{Lu}[\p{L}\p{M}'’-]+){1,3})(?=[,.;:]|$)/u;

/** The speaker phrase starting at token i: an optional role in lower case, then a run of capitals. */
function phraseAfter(rules: CompiledRules, text: string, toks: Tok[], i: number): Phrase | undefined {
  const first = toks[i];
  if (!first) return undefined;
  if (rules.pronouns.has(first.lower) && first.text === first.lower)
    return { start: first.start, end: first.end, pronoun: true };
  let k = i;
  while (k < toks.length && rules.determiners.has((toks[k] as Tok).lower) && !capitalised(toks[k] as Tok))
    k++;
  const start = toks[k]?.start;
  // Up to four words of role in lower case before the name ("la présidente de la BCE").
  let skipped = 0;
  while (k < toks.length && !capitalised(toks[k] as Tok) && skipped < 5) {
    if (k > i && !spaceOnly(text, toks[k - 1] as Tok, toks[k] as Tok)) break;
    k++;
    skipped++;
  }
  const head = toks[k];
  if (!head || start === undefined) return undefined;
  if (skipped > 0 && (!capitalised(head) || !spaceOnly(text, toks[k - 1] as Tok, head))) {
    // A role in lower case, then the name in apposition: "la gouverneure de la banque, Claire Dumas".
    const roleEnd = (toks[k - 1] as Tok).end;
    const m = APPOSED.exec(text.slice(roleEnd, roleEnd + 60));
    if (!m?.[1]) return undefined;
    const s = roleEnd + (m[0].length - m[1].length);
    return { start: s, end: s + m[1].length, pronoun: false };
  }
  if (!capitalised(head)) return undefined;
  let end = head.end;
  let n = k + 1;
  while (n < toks.length && n - k < 6) {
    const t = toks[n] as Tok;
    if (!spaceOnly(text, toks[n - 1] as Tok, t)) break;
    if (capitalised(t)) end = t.end;
    else if (!(rules.nameParticles.has(t.lower) && toks[n + 1] && capitalised(toks[n + 1] as Tok))) break;
    n++;
  }
  // A role followed by the name in apposition: "la présidente de la BCE, Christine Lagarde, …".
  const apposed = APPOSED.exec(text.slice(end, end + 60));
  if (skipped > 0 && apposed?.[1]) {
    const s = end + (apposed[0].length - apposed[1].length);
    return { start: s, end: s + apposed[1].length, pronoun: false };
  }
  return { start, end, pronoun: false };
}

/** The speaker phrase ending just before token i (auxiliaries skipped): a run of capitals or a pronoun. */
function phraseBefore(rules: CompiledRules, text: string, toks: Tok[], i: number): Phrase | undefined {
  let k = i - 1;
  while (k >= 0 && rules.auxiliaries.has((toks[k] as Tok).lower) && i - k <= 2) k--;
  const last = toks[k];
  if (!last || !spaceOnly(text, last, toks[k + 1] as Tok)) return undefined;
  if (rules.pronouns.has(last.lower) && last.text === last.lower)
    return { start: last.start, end: last.end, pronoun: true };
  if (!capitalised(last)) return undefined;
  let start = last.start;
  let n = k - 1;
  while (n >= 0 && k - n < 6) {
    const t = toks[n] as Tok;
    if (!spaceOnly(text, t, toks[n + 1] as Tok)) break;
    if (capitalised(t) && !rules.determiners.has(t.lower)) start = t.start;
    else if (!(rules.nameParticles.has(t.lower) && n > 0 && capitalised(toks[n - 1] as Tok))) break;
    n--;
  }
  return { start, end: last.end, pronoun: false };
}

function found(text: string, p: Phrase, cue: Tok): GenericFound {
  return {
    speaker: text.slice(p.start, p.end),
    speakerStart: p.start,
    speakerEnd: p.end,
    cue: cue.text,
    cueStart: cue.start,
    cueEnd: cue.end,
    pronoun: p.pronoun,
  };
}

/** A cue token with its speaker on either side: after it when a name or pronoun follows, else before. */
function speakerOfCue(rules: CompiledRules, text: string, toks: Tok[], i: number): GenericFound | undefined {
  const cue = toks[i] as Tok;
  if (INVERTED_PRONOUN.test(cue.lower))
    return {
      speaker: cue.text.replace(/^.*-t-/, ''),
      speakerStart: cue.start,
      cue: cue.text,
      cueStart: cue.start,
      cueEnd: cue.end,
      pronoun: true,
    };
  const next = toks[i + 1];
  if (next && spaceOnly(text, cue, next)) {
    const after = phraseAfter(rules, text, toks, i + 1);
    if (after) return found(text, after, cue);
  }
  const before = phraseBefore(rules, text, toks, i);
  return before ? found(text, before, cue) : undefined;
}

/** "according to X": the phrase that follows one of the language's source prepositions. */
function according(
  rules: CompiledRules,
  text: string,
  masked: string,
  from: number,
  to: number,
): GenericFound | undefined {
  const slice = masked.slice(from, to).toLowerCase();
  if (!rules.accordingPattern) return undefined;
  for (const m of slice.matchAll(rules.accordingPattern)) {
    const at = from + m.index + m[0].length;
    const toks = tokens(masked, at, Math.min(to, at + 120));
    const p = phraseAfter(rules, text, toks, 0);
    if (p && !p.pronoun) {
      const cueStart = from + m.index + m[0].indexOf(m[1] as string);
      return {
        speaker: text.slice(p.start, p.end),
        speakerStart: p.start,
        speakerEnd: p.end,
        cue: text.slice(cueStart, cueStart + (m[1] as string).length),
        cueStart,
        cueEnd: cueStart + (m[1] as string).length,
        pronoun: false,
      };
    }
  }
  return undefined;
}

/** The run of capitalised words that ends the context before a quotation, after a comma or colon. */
function nameBefore(text: string, masked: string, before: Span): GenericFound | undefined {
  const slice = masked.slice(Math.max(before.start, before.end - 100), before.end);
  const m = /(\p{Lu}[\p{L}\p{M}'’.-]*(?:[^\S\n]+\p{Lu}[\p{L}\p{M}'’.-]*){0,4})[^\S\n]*[,:][^\S\n]*$/u.exec(
    slice,
  );
  if (!m?.[1]) return undefined;
  const start = Math.max(before.start, before.end - 100) + m.index;
  return {
    speaker: text.slice(start, start + m[1].length),
    speakerStart: start,
    speakerEnd: start + m[1].length,
    cue: null,
    pronoun: false,
  };
}

/** Who a quotation's tag names, from the words after it, then those before it. */
export function genericQuoteAttribution(
  rules: CompiledRules,
  text: string,
  masked: string,
  before: Span,
  after: Span,
): GenericFound | undefined {
  // After: „…“, sagte Scholz. / « … », a déclaré Christine Lagarde. / “…”, Lagarde dijo.
  const afterToks = tokens(masked, after.start, Math.min(after.end, after.start + 160));
  const lead = afterToks[0] ? masked.slice(after.start, afterToks[0].start) : '';
  if (afterToks.length > 0 && /^[\s,.;:!?—–-]*$/.test(lead)) {
    let i = 0;
    if (rules.auxiliaries.has((afterToks[0] as Tok).lower) && afterToks[1]) i = 1;
    if (isCue(rules, afterToks[i] as Tok, ['strong', 'weak', 'tag'])) {
      const f = speakerOfCue(rules, text, afterToks, i);
      if (f) return f;
      // A verb-final language names the speaker before the quotation: X, “…” dedi.
      const cue = afterToks[i] as Tok;
      const named = nameBefore(text, masked, before);
      if (named) return { ...named, cue: cue.text, cueStart: cue.start, cueEnd: cue.end };
      // The cue ends the sentence with its subject dropped (“…”, contestó.): the words are said, by
      // whoever the text was about (resolved later).
      if (/^[^\S\n]*(?:[.!?]|$)/u.test(masked.slice(cue.end, cue.end + 3)))
        return {
          speaker: null,
          speakerStart: cue.start,
          cue: cue.text,
          cueStart: cue.start,
          cueEnd: cue.end,
          pronoun: false,
        };
    }
    // A name first, then its cue: “…”, Lagarde dijo.
    const p = phraseAfter(rules, text, afterToks, 0);
    if (p && !p.pronoun) {
      const k = afterToks.findIndex((t) => t.start >= p.end);
      let c = k;
      if (c >= 0 && rules.auxiliaries.has((afterToks[c] as Tok).lower)) c++;
      const cue = afterToks[c];
      if (cue && c - k <= 1 && isCue(rules, cue, ['strong', 'weak'])) return found(text, p, cue);
    }
  }
  // Before: Scholz sagte am Donnerstag: „…“ / Am Donnerstag sagte Scholz: „…“
  const beforeText = masked.slice(before.start, before.end);
  if (/:\s*$/.test(beforeText) || /,\s*$/.test(beforeText)) {
    const toks = tokens(masked, Math.max(before.start, before.end - 120), before.end);
    for (let i = toks.length - 1; i >= 0; i--) {
      if (!isCue(rules, toks[i] as Tok, ['strong', 'weak'])) continue;
      const f = speakerOfCue(rules, text, toks, i);
      if (f) return f;
      break;
    }
  }
  return (
    according(rules, text, masked, Math.max(before.start, before.end - 160), before.end) ??
    according(rules, text, masked, after.start, Math.min(after.end, after.start + 160))
  );
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.,;:!?…]/.test(text[e - 1] as string)) e--;
  return e;
}

function wordCount(text: string, start: number, end: number): number {
  return (text.slice(start, end).match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Reported speech in one sentence: cue + complementizer, a closing tag, or an "according to" opener. */
export function genericReported(
  rules: CompiledRules,
  text: string,
  masked: string,
  sentence: Span,
): Array<Span & { found: GenericFound }> {
  const toks = tokens(masked, sentence.start, sentence.end);
  const out: Array<Span & { found: GenericFound }> = [];
  const end = trimEnd(text, sentence.start, sentence.end);
  // "Selon X, …" / "Laut X ist …" at the sentence's start.
  const opener = according(rules, text, masked, sentence.start, Math.min(sentence.end, sentence.start + 80));
  if (
    opener?.cueStart !== undefined &&
    opener.cueStart - sentence.start <= 3 &&
    opener.speakerEnd !== undefined
  ) {
    const from = opener.speakerEnd + (/^\s*,\s*/.exec(text.slice(opener.speakerEnd))?.[0].length ?? 0);
    const start = from + (/^\s*/.exec(text.slice(from))?.[0].length ?? 0);
    if (wordCount(text, start, end) >= 4) return [{ start, end, found: opener }];
  }
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    if (!isCue(rules, t, ['strong', 'weak'])) continue;
    // Cue, its speaker perhaps, then the complementizer: "a déclaré que", "sagte Scholz, dass".
    let c = -1;
    for (let k = i + 1; k < toks.length && k <= i + 5; k++) {
      const w = (toks[k] as Tok).lower;
      if (/[.;:!?]/.test(masked.slice(t.end, (toks[k] as Tok).start))) break;
      if (
        rules.complementizers.has(w) ||
        [...rules.complementizers].some((x) => /['’]$/.test(x) && w.startsWith(x))
      ) {
        c = k;
        break;
      }
    }
    const f = speakerOfCue(rules, text, toks, i);
    if (!f?.speaker) continue;
    if (c >= 0) {
      const start = (toks[c] as Tok).start;
      if (wordCount(text, start, end) >= 4) out.push({ start, end, found: f });
      break;
    }
    // A closing tag: "…, ha detto Lagarde." — the clause before it is the speech.
    const aux = toks[i - 1] && rules.auxiliaries.has((toks[i - 1] as Tok).lower) ? (toks[i - 1] as Tok) : t;
    const comma = masked.slice(Math.max(sentence.start, aux.start - 3), aux.start);
    if (rules.strong.has(t.lower) && /,\s*$/.test(comma) && f.speakerStart > t.start) {
      // Bounded: a tag ends its sentence within 60 characters, and sentences may be megabytes long.
      const tailStart = f.speakerEnd ?? t.end;
      const tail = sentence.end - tailStart > 61 ? 'x'.repeat(62) : masked.slice(tailStart, sentence.end);
      // The tag ends the sentence, its speaker's description aside ("… von der Bundesbank").
      if (tail.length <= 60 && !/[,;:]/.test(tail.slice(0, -1).replace(/^\s*,/, ''))) {
        const clauseEnd = trimEnd(text, sentence.start, aux.start);
        if (wordCount(text, sentence.start, clauseEnd) >= 4) {
          const start = sentence.start + (/^\s*/.exec(text.slice(sentence.start))?.[0].length ?? 0);
          out.push({ start, end: clauseEnd, found: f });
          break;
        }
      }
    }
    // "Scholz sagte, die Lage sei ernst": a strong cue, a comma, and the clause.
    const speakerBefore = f.speakerStart < t.start;
    const rest = /^\s*,\s*/.exec(masked.slice(t.end, t.end + 4));
    if (rules.strong.has(t.lower) && speakerBefore && rest) {
      const start = t.end + rest[0].length;
      if (wordCount(text, start, end) >= 4) {
        out.push({ start, end, found: f });
        break;
      }
    }
  }
  return out;
}
