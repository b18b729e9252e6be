/**
 * English attribution beyond "SPEAKER cue": appositives around the name, press-release signatures,
 * "according to", and the complement of reported speech.
 */
import { isStopword } from '@parallax/normalize';
import { type Attribution, CUE_VERBS, findAttribution, REPORTING_CUES, tokenize } from './attribution';
import { communicationLemma, communicationVerb } from './lexicon';
import { personName } from './names';
import type { Span } from './sentences';

export interface Reported extends Span {
  attribution: Attribution;
}

const NAME_RUN = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:(?:bin|ibn|al|el|de|da|do|van|von|der)\s+)?\p{Lu}[\p{L}\p{M}.'’-]*){0,4}`;
const AUX = String.raw`(?:(?:has|had|have|also|later|previously|then|once|again|earlier)\s+)*`;

function cueAlternation(cues: ReadonlySet<string>): string {
  return [...cues].sort((a, b) => b.length - a.length).join('|');
}
const ALL_CUES = cueAlternation(CUE_VERBS);

/** "NAME, the governor of X, said" — a name, its appositive, then the cue. */
const NAME_APPOSITIVE_CUE = new RegExp(
  // "Senator John Fetterman of Pennsylvania, one of the Democrats who …, told": the place is no part of the name.
  // A name starts at the first capital of its word: a start at a later one matches only where that one
  // does, and trying every capital of a long run ("ЯЯЯ…", an all-caps token) was quadratic in its length
  // (the lookahead first, so that only a capital looks back, to the capital before it).
  `(?=\\p{Lu})(?<!\\p{Lu}[\\p{L}\\p{M}.'’-]*?)(?:The\\s+(?=\\p{Lu}{2,}\\b))?(${NAME_RUN})(?:\\s+of\\s+\\p{Lu}[\\p{L}-]+)?,\\s+(?:the|a|an|who|whose|his|her|its|their|our|[\\p{Ll}\\d])[^,;:"“”«»]{0,140},\\s+${AUX}(${ALL_CUES})\\b`,
  'gu',
);
/** "One EU diplomat, speaking on condition of anonymity, described" — a described speaker, an appositive, the cue. */
const DESCRIBED_APPOSITIVE_CUE = new RegExp(
  `((?:A|An|One|The|Two|Three|Several|Some)\\s+[\\p{L}'’-]+(?:\\s+[\\p{L}'’-]+){0,7}?),\\s+(?:who|which|speaking|declining|asking|citing)\\b[^,;:"“”«»]{0,140},\\s+${AUX}(${ALL_CUES})\\b`,
  'gu',
);
/** "Its president, Francie Gorman, told" — a descriptor, the name between commas, then the cue. */
const DESCRIPTOR_NAME_CUE = new RegExp(`,\\s+(${NAME_RUN}),\\s+${AUX}(${ALL_CUES})\\b`, 'gu');
/** The signature under a press-release quotation: “…” – Name, Title. */
const SIGNATURE = new RegExp(`^\\s*[–—-]\\s*(${NAME_RUN})(?=\\s*(?:,|$))`, 'u');

function fromMatch(base: number, m: RegExpExecArray, nameGroup: number, cueGroup: number): Attribution {
  const whole = m[0];
  const name = m[nameGroup] as string;
  const cue = m[cueGroup] as string;
  const nameStart = base + m.index + whole.indexOf(name);
  const cueStart = base + m.index + whole.lastIndexOf(cue);
  return {
    speaker: name,
    speakerStart: nameStart,
    speakerEnd: nameStart + name.length,
    cue,
    cueStart,
    cueEnd: cueStart + cue.length,
    pronoun: false,
  };
}

/** Appositive attributions in a context string whose first character is at `base`. */
function appositiveAttribution(
  context: string,
  base: number,
  prefer: 'first' | 'last',
  cues: ReadonlySet<string> = CUE_VERBS,
): Attribution | undefined {
  const found: Attribution[] = [];
  for (const re of [NAME_APPOSITIVE_CUE, DESCRIPTOR_NAME_CUE, DESCRIBED_APPOSITIVE_CUE]) {
    re.lastIndex = 0;
    for (const m of context.matchAll(re)) {
      const name = m[1] as string;
      // A person, an acronym, a body of several capitalised words, or a described speaker.
      const acceptable =
        personName(name) ||
        /^\p{Lu}{2,}/u.test(name) ||
        (re === DESCRIPTOR_NAME_CUE && /\s\p{Lu}/u.test(name)) ||
        re === DESCRIBED_APPOSITIVE_CUE;
      if (!acceptable) continue;
      if (!cues.has((m[2] as string).toLowerCase())) continue;
      found.push(fromMatch(base, m as unknown as RegExpExecArray, 1, 2));
    }
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.cueStart - b.cueStart);
  return prefer === 'first' ? found[0] : found[found.length - 1];
}

/** The attribution of a quotation from the words before it and after it in its sentence. */
export function englishQuoteAttribution(
  text: string,
  masked: string,
  before: Span,
  after: Span,
): Attribution | undefined {
  const afterText = masked.slice(after.start, after.end);
  const signature = SIGNATURE.exec(afterText);
  if (signature?.[1] && (personName(signature[1]) || signature[1].includes(' '))) {
    const start = after.start + afterText.indexOf(signature[1]);
    return {
      speaker: text.slice(start, start + signature[1].length),
      speakerStart: start,
      speakerEnd: start + signature[1].length,
      cue: '',
      cueStart: start,
      cueEnd: start,
      pronoun: false,
    };
  }
  const beforeText = masked.slice(before.start, before.end);
  const opensSentence = beforeText.trim() === '' || /^[\s\p{Lu}\d,.()–—-]*[–—-]\s*$/u.test(beforeText);
  const fromBefore = opensSentence
    ? undefined
    : (appositiveAttribution(beforeText, before.start, 'last') ??
      findAttribution(beforeText, before.start, { prefer: 'last' }));
  if (fromBefore) return fromBefore;
  // After the quotation the nearest cue wins: “…,” the mayor, Matthias Bellwald, told reporters.
  const near = afterText.slice(0, 160);
  return (
    appositiveAttribution(near, after.start, 'first') ??
    findAttribution(afterText, after.start, { prefer: 'first' }) ??
    // "X welcomed the verdict, saying it showed that “…”": the sentence's subject speaks.
    (opensSentence ? undefined : coordinatedAttribution(text, beforeText, before.start, true))
  );
}

const DATELINE =
  /^(?:[\p{Lu}][\p{Lu}\s.'-]+,\s*)?(?:[\p{Lu}][\p{L}.]*\.?\s+\d{1,2},?\s*)?(?:\([^)]{2,30}\)\s*)?[-–—]\s+/u;
const ENGLISH_DATELINE =
  /^[\p{Lu}][\p{Lu}\s.'-]{2,}(?:,\s*[\p{L}.]+\s+\d{1,2})?\s*(?:\([^)]{2,30}\))?\s*[-–—]\s+/u;

/** Offset just past a wire dateline ("BRUSSELS, March 11 (Reuters) - ") at the start of `body`. */
export function datelineEnd(body: string): number {
  const m = ENGLISH_DATELINE.exec(body) ?? (/^\p{Lu}{3,}/u.test(body) ? DATELINE.exec(body) : null);
  return m ? m[0].length : 0;
}

/** Clause boundaries where a complement ends and the reporter's words (or a second quote) begin. */
const COORDINATED_VERBS =
  'that|said|added|called|described|warned|promised|urged|apologised|apologized|threatened|accused|vowed|pledged|criticised|criticized|dismissed|declined|refused|insisted|stressed|argued|suggested|complained|admitted|acknowledged|announced|rejected|denied|praised|thanked|appealed|asked|noted|estimated|predicted|confirmed|claimed|explained|told';
const COMPLEMENT_END = new RegExp(
  `,\\s+(?:a|an)\\s+(?:\\p{Ll}+\\s+(?:that|which)\\b|(?:proposal|move|position|decision|step|plan|claim|view|stance|charge|allegation|accusation|figure|sign|development|remark|comment)\\b)|,\\s+(?:and|but)\\s+(?=(?:[\\p{L}'’.-]+\\s+){0,6}(?:said|told|added|says|warned|wrote)\\b)|,\\s+(?:adding|calling|citing|saying|describing|noting|urging|warning|according|referring|singling|pointing|echoing|repeating|as\\s+(?!well)|while|but|before|after|amid|despite|though|although|even\\s+as)\\b|;\\s|\\s+—\\s|,?\\s+and\\s+(?:${COORDINATED_VERBS})\\b|\\s+but\\s+(?:also\\s+)?(?:said|added|warned|insisted)\\b`,
  'u',
);
/** A second complement of the same speaker after the cut: "…, but added that CLAUSE", "…, adding that …". */
const SECOND_COMPLEMENT =
  /^,?\s+(?:but|and)\s+(?:also\s+)?(?:said|says|added)\s+(?=(?:he|she|they|it|we|the|his|her|their|its)\s)|^(?:,?\s+(?:but|and)\s+(?:also\s+)?(?:added|said|noted|warned|insisted|stressed|estimated|predicted|confirmed|claimed|explained)|,\s+(?:adding|saying|noting|warning)|,?\s+and)\s+that\s+|^\s+but\s+(?:also\s+)?(?:said|added|warned|insisted)\s+(?:that\s+)?/u;

const DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

/**
 * Words that may stand between a cue and the sentence end of "CLAUSE, SPEAKER said …" — a bare
 * weekday too, as wire copy writes it ("…, the spokeswoman said Saturday.").
 */
const TRAILING_ADVERBIAL = new RegExp(
  `^(?:[.,;]|$|\\s+(?:on|in|at|late|early|earlier|last|this|after|during|while|as|when|before|citing|adding|according|in\\s+a|to|from|via|without|yesterday|today|tonight)\\b|\\s+${DAY}(?:\\s+(?:morning|afternoon|evening|night))?\\s*[.,;]?\\s*$)`,
  'u',
);

/**
 * The lower-case words of a speaker phrase before its head ("…, the finance minister said",
 * "…, prison service officials said"): the attribution reads only the head ("minister").
 */
const SPEAKER_MODIFIERS = /,\s*(?:(?:the|a|an|The|A|An)\s+)?((?:\p{Ll}[\p{Ll}-]+\s+){1,3})$/u;

/** Cues that report speech only in a frame: "described X as Y", "spoke of Y". */
const FRAMED_CUES: Record<string, RegExp> = {
  described: /^\s+(?!as\b)(?:[\p{L}\p{N}’'-]+\s+){1,10}?as\s+\p{L}/u,
  describes: /^\s+(?!as\b)(?:[\p{L}\p{N}’'-]+\s+){1,10}?as\s+\p{L}/u,
  spoke: /^\s+of\s+(?=\p{L})/u,
  // "all deny he is a spy": a clause, its subject a pronoun, not an object ("deny the charges").
  deny: /^\s+(?:that\s+)?(?=(?:he|she|they|it|we|I)\s+\p{Ll})/u,
  denies: /^\s+(?:that\s+)?(?=(?:he|she|they|it|we|I)\s+\p{Ll})/u,
  // "demanded the reporter be freed", "demanded Russia should agree to …": a clause, not an object.
  demanded: /^\s+(?:that\s+)?(?=(?:[\p{L}’'.-]+\s+){1,4}?(?:be|should|must|immediately)\s)/u,
};

/** A parenthetical between a cue and its "that": ", without offering evidence, that", " today, Thursday, that". */
const PARENTHETICAL_THAT =
  /^(?:,\s+[^,;:“”"«»]{2,60}|\s+(?:today|yesterday|on\s+\p{Lu}\p{Ll}+))(?:,\s+\p{Lu}\p{Ll}+)?,\s+that\s+/u;

/** A time adverbial right after a cue: "on Thursday", "last week", "earlier on Monday", "yesterday". */
const TIME_ADVERBIAL = new RegExp(
  `^,?\\s+(?:(?:earlier|late|later)\\s+)?(?:(?:on\\s+)?${DAY}(?:\\s+(?:morning|afternoon|evening|night))?|last\\s+(?:week|month|year|night|${DAY})|this\\s+(?:week|month|year|morning)|yesterday|today)(?=,?\\s+(?!\\p{Ll}+ing\\b|according\\b|(?:was|is|were|would|will|had|has|could|might|may|saw|marked)\\b)\\p{L})`,
  'u',
);

/** A list item's marker at the start of a sentence. */
const BULLET = /^[•·▪►■*][^\S\n]*/u;
/** Who was told, after "told" ("…, an official told reporters on condition of anonymity"). */
const TOLD_ADDRESSEE =
  /^\s+(?:reporters|journalists|lawmakers|parliament|the\s+(?:media|press|BBC)|\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})(?=[\s.,])/u;

function finishSpan(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let s = start;
  let e = end;
  while (s < e && /[\s,;:—–-]/.test(text[s] as string)) s++;
  while (e > s && /[\s.,;:—–-]/.test(text[e - 1] as string)) e--;
  if (e <= s) return out;
  out.push({ start: s, end: e });
  return out;
}

/** Span of a complement clause starting at `from`, cut where the reporter's words resume. */
function complementSpans(text: string, masked: string, from: number, to: number): Span[] {
  const body = masked.slice(from, to);
  const cut = COMPLEMENT_END.exec(body);
  const end = cut && cut.index > 0 ? from + cut.index : to;
  const spans = finishSpan(text, from, end);
  // "… and that CLAUSE", "…, but added that CLAUSE": a second complement is a second statement.
  if (cut) {
    const second = SECOND_COMPLEMENT.exec(body.slice(cut.index));
    if (second) spans.push(...complementSpans(text, masked, from + cut.index + second[0].length, to));
  }
  return spans;
}

function wordCount(text: string, span: Span): number {
  return text.slice(span.start, span.end).split(/\s+/).filter(Boolean).length;
}

/**
 * Reported speech in an English sentence: "SPEAKER cue (that) CLAUSE", "CLAUSE, SPEAKER cue",
 * "According to SPEAKER, CLAUSE" and "CLAUSE, according to SPEAKER". Quotation contents are masked,
 * so cues inside quotations never count.
 */
export function englishReported(text: string, masked: string, sentence: Span): Reported[] {
  // A list item's bullet ("• EU foreign policy chief Kaja Kallas wrote …") is not part of the sentence.
  const bullet = BULLET.exec(masked.slice(sentence.start, sentence.end))?.[0].length ?? 0;
  const start = sentence.start + bullet + datelineEnd(masked.slice(sentence.start + bullet, sentence.end));
  const body = masked.slice(start, sentence.end);

  // "The agencies quoted Putin as saying (that) …": the one quoted is the speaker, not the quoter.
  const quotedAs = QUOTED_AS_SAYING.exec(body);
  const at = quotedAs?.indices;
  if (quotedAs?.[1] && quotedAs[2] && at?.[1] && at[2]) {
    const attribution = plainAttribution(text, start + at[2][0], quotedAs[2], quotedAs[1], start + at[1][0]);
    return finishSpan(text, start + quotedAs[0].length, sentence.end).map((s) => ({ ...s, attribution }));
  }
  const accordingFirst = /^According to ([^,]{2,90}),\s*/u.exec(body);
  if (accordingFirst?.[1]) {
    const speakerStart = start + 'According to '.length;
    const attribution = plainAttribution(text, speakerStart, accordingFirst[1], 'according to', start);
    return finishSpan(text, start + accordingFirst[0].length, sentence.end).map((s) => ({
      ...s,
      attribution,
    }));
  }
  const accordingLast = /,\s*according to ([^,]{2,90}?)(?:\s+data)?\s*[.,]?\s*$/u.exec(body);
  if (accordingLast?.[1] && accordingLast.index > 15) {
    const speakerStart = start + accordingLast.index + accordingLast[0].indexOf(accordingLast[1]);
    const attribution = plainAttribution(
      text,
      speakerStart,
      accordingLast[1],
      'according to',
      speakerStart - 13,
    );
    return finishSpan(text, start, start + accordingLast.index).map((s) => ({ ...s, attribution }));
  }

  let candidate =
    appositiveAttribution(body, start, 'first', REPORTING_CUES) ??
    findAttribution(body, start, { cues: REPORTING_CUES, prefer: 'first' }) ??
    coordinatedAttribution(text, body, start);
  // "described X as Y", "spoke of Y": these cues report speech only in their frame; out of it
  // ("spoke out on Tuesday …, arguing that …") the sentence may still hold a coordinated cue.
  const frameOf = (a: Attribution) => FRAMED_CUES[a.cue.toLowerCase()];
  if (candidate && frameOf(candidate)?.exec(masked.slice(candidate.cueEnd, sentence.end)) === null)
    candidate = coordinatedAttribution(text, body, start);
  if (!candidate) return [];
  let attribution: Attribution = candidate;
  const frame = frameOf(attribution);
  if (frame) {
    const m = frame.exec(masked.slice(attribution.cueEnd, sentence.end));
    if (!m || attribution.speakerStart > attribution.cueStart) return [];
    if (/[“”"«»„]/.test(masked.slice(start, attribution.cueStart))) return [];
    const from =
      attribution.cueEnd + (/^(?:spoke|deny|denies|demanded)$/i.test(attribution.cue) ? m[0].length : 0);
    return complementSpans(text, masked, from, sentence.end)
      .filter((sp) => wordCount(text, sp) >= 3)
      .map((sp) => ({ ...sp, attribution }));
  }
  // The attribution of a quotation earlier in the sentence ("“…,” X said in a statement") is not
  // reported speech of its own.
  // A quotation inside an earlier clause ("While he once threatened “devastating” consequences, the
  // president admitted …") is no tag: a clause of four words or more after it, ended by a comma.
  const beforeCue = masked.slice(start, Math.min(attribution.speakerStart, attribution.cueStart));
  const afterLastMark = beforeCue.slice(
    Math.max(...[...'“”"«»„'].map((mark) => beforeCue.lastIndexOf(mark))) + 1,
  );
  const quotationInClause =
    /,\s*(?:(?:the|a|an|The|A|An)\s+)?$/u.test(afterLastMark) &&
    afterLastMark.trim().split(/\s+/).length >= 5;
  if (/[“”"«»„]/.test(masked.slice(start, attribution.cueStart)) && !quotationInClause) {
    // "X accused the board of “recklessly” wasting money, saying CLAUSE": the quotation is in the
    // subject's first clause, the gerund reports speech.
    if (/^(?:saying|adding|warning|insisting|arguing)$/.test(attribution.cue)) {
      const that = /^\s+that\s+/u.exec(masked.slice(attribution.cueEnd, sentence.end));
      return complementSpans(text, masked, attribution.cueEnd + (that?.[0].length ?? 0), sentence.end)
        .filter((sp) => wordCount(text, sp) >= 3)
        .map((sp) => ({ ...sp, attribution }));
    }
    // "“…,” Peskov said, adding that CLAUSE": the tag's speaker goes on in reported speech.
    const tail = masked.slice(Math.max(attribution.cueEnd, attribution.speakerEnd), sentence.end);
    const adding =
      /^[^,;“”"«»„]{0,60},\s+(?:adding|stressing|noting|insisting|warning)\s+(?:that\s+)?(?=\p{L})/u.exec(
        tail,
      );
    if (!adding) return [];
    const from = sentence.end - tail.length + adding[0].length;
    return complementSpans(text, masked, from, sentence.end)
      .filter((s) => wordCount(text, s) >= 3)
      .map((s) => ({ ...s, attribution }));
  }
  // The article of the speaker phrase ("…, the agency said") belongs to the speaker, not the lead;
  // so do its lower-case words before a head that follows the cue's clause ("…, the finance
  // minister said"), which become part of the speaker.
  let lead = masked
    .slice(start, Math.min(attribution.speakerStart, attribution.cueStart))
    .replace(/\b(?:the|a|an|The|A|An)\s+$/u, '');
  const modifiers = attribution.speakerStart < attribution.cueStart ? SPEAKER_MODIFIERS.exec(lead) : null;
  const modifierWords = modifiers?.[1]?.trim().split(/\s+/) ?? [];
  if (modifiers?.[1] && modifierWords.every((w) => !isStopword(w) && !/(?:ing|ed)$/.test(w))) {
    const speakerStart = start + lead.length - modifiers[1].length;
    attribution = {
      ...attribution,
      speaker: text.slice(speakerStart, attribution.speakerEnd),
      speakerStart,
    };
    lead = lead.slice(0, lead.length - modifiers[0].length + modifiers[0].indexOf(',') + 1);
  }
  let afterCue = masked.slice(Math.max(attribution.cueEnd, attribution.speakerEnd), sentence.end);
  if (/^tells?$|^told$/i.test(attribution.cue) && attribution.speakerStart < attribution.cueStart)
    afterCue = afterCue.replace(TOLD_ADDRESSEE, '');
  let spans: Span[] = [];
  // "A day before the verdict, X told journalists in Geneva that CLAUSE", "…, X said on Monday new
  // checks were needed": the cue has a clause of its own, so the words before it are an adverbial.
  const timed = TIME_ADVERBIAL.exec(afterCue);
  const ownClause =
    /^[^,;“”"«»„]{0,80}?\bthat\s+(?!(?:was|is|were|are|has|had|have|would|will|could|can|may|might)\b)\p{L}/u.test(
      afterCue,
    ) ||
    (timed !== null && wordCount(afterCue, { start: timed[0].length, end: afterCue.length }) >= 3);
  if (
    /,\s*$/.test(lead) &&
    lead.split(/\s+/).length >= 5 &&
    TRAILING_ADVERBIAL.test(afterCue) &&
    !ownClause
  ) {
    // CLAUSE, SPEAKER said (on Monday, citing …).
    spans = finishSpan(text, start, start + lead.lastIndexOf(','));
  } else {
    if (attribution.speakerStart > attribution.cueStart) return [];
    if (
      lead.trim() !== '' &&
      !/^(?:But|And|However|Meanwhile|Earlier|Later|Separately|Still|Also)\b/u.test(lead.trim())
    ) {
      // Words before the speaker that are not a connective: the speaker is inside a clause — unless
      // a clause boundary ends them ("…, but Governor Kazuo Ueda signalled …").
      if (
        !/(?:[,;]|\s[–—]|,\s+(?:but|and|while|whereas|although|where|when)|,?\s+(?:after|because|since))\s*$/u.test(
          lead,
        ) &&
        lead.trim().split(/\s+/).length > 3
      )
        return [];
    }
    let from = attribution.cueEnd;
    const rest = tokenize(masked.slice(from, sentence.end), from);
    // "said (on Monday / in a statement / last week) that": only adverbials may stand before "that";
    // after an object ("said the plan that …") "that" is a relative pronoun.
    const adverbialStart =
      /^(?:on|in|at|last|this|to|during|earlier|late|later|after|repeatedly|previously|also|publicly|privately|recently|again|once|yesterday|today|then|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
    const addressee = /^(?:told|tells|warned|assured|reminded|informed|wrote)$/i.test(attribution.cue);
    // Weak cues ("posted", "wrote") report speech only with a "that" complement.
    const weak = /^(?:posted|tweeted|accepted|conceded|found|written)$/i.test(attribution.cue);
    const that =
      rest[0]?.lower === 'that'
        ? 0
        : adverbialStart.test(rest[0]?.lower ?? '') || addressee
          ? rest.findIndex((t, i) => i < 9 && t.lower === 'that')
          : -1;
    const commaBeforeThat =
      that >= 0 && /[,;]/.test(masked.slice(from, (rest[that] as { start: number }).start));
    // "claimed, without offering any evidence, that CLAUSE", "reported today, Thursday, that CLAUSE".
    const parenthetical = PARENTHETICAL_THAT.exec(masked.slice(from, sentence.end));
    if (weak && (that < 0 || commaBeforeThat) && !parenthetical) return [];
    if (parenthetical) from += parenthetical[0].length;
    else if (that >= 0 && !commaBeforeThat) from = (rest[that] as { end: number }).end;
    else if (attribution.cue.toLowerCase() === 'told') {
      // "told Reuters …", "told BBC Match of the Day": the addressee, a name of any length, is not
      // part of what was said.
      let k = 0;
      if (rest[0] && !/^\p{Lu}/u.test(rest[0].text)) k = 1;
      else
        while (
          rest[k] &&
          (/^\p{Lu}/u.test((rest[k] as { text: string }).text) ||
            (/^(?:of|the|and)$/.test((rest[k] as { lower: string }).lower) &&
              (/^\p{Lu}/u.test(rest[k + 1]?.text ?? '') ||
                (rest[k + 1]?.lower === 'the' && /^\p{Lu}/u.test(rest[k + 2]?.text ?? '')))))
        )
          k++;
      const last = rest[k - 1];
      if (last) from = last.end;
    } else if (/^calls?$/i.test(attribution.cue) && rest[0]?.lower === 'on') {
      from = rest[0].end;
    } else if (that < 0) {
      // "said on Thursday CLAUSE", "said last week CLAUSE": a time adverbial, then the clause
      // without "that".
      const time = TIME_ADVERBIAL.exec(masked.slice(from, sentence.end));
      if (time) from += time[0].length;
    }
    // A complement is a clause, not a circumstance: "said in a video …", "said, wrapped in a flag".
    if (
      /^[\s,]*(?:in|on|at(?!\s+(?:least|most))|after|before|outside|during|from|while|wrapped|standing|speaking|via|with|without|to)\b/i.test(
        masked.slice(from, sentence.end),
      )
    )
      return [];
    spans = complementSpans(text, masked, from, sentence.end);
  }
  return spans.filter((s) => wordCount(text, s) >= 3).map((s) => ({ ...s, attribution }));
}

/** "SOURCE quoted|cited SPEAKER as saying (that) CLAUSE". */
const QUOTED_AS_SAYING =
  /^[^,;:]{2,80}?\s+(quoted|cited)\s+((?:[^,;:\s]+\s+){0,7}?[^,;:\s]+)\s+as\s+(?:saying|telling\s+\S+)(?:\s+that)?\s+/du;

function plainAttribution(
  text: string,
  speakerStart: number,
  speaker: string,
  cue: string,
  cueStart: number,
): Attribution {
  const trimmed = speaker.replace(/^(?:the|a|an)\s+/i, '');
  const s = speakerStart + (speaker.length - trimmed.length);
  return {
    speaker: text.slice(s, s + trimmed.length),
    speakerStart: s,
    speakerEnd: s + trimmed.length,
    cue,
    cueStart,
    cueEnd: cueStart + cue.length,
    pronoun: false,
  };
}

const COORDINATED_CUE =
  /\b(?:and|but)\s+(?:also\s+|later\s+)?(said|told|added|warned|insisted|stressed|argued|signalled|signaled|announced|confirmed|predicted)\b|,\s+(saying|adding|warning|insisting|arguing)\b/u;
const APPOSED_SUBJECT = new RegExp(`^[^,]{2,80},\\s+(${NAME_RUN}),`, 'u');
// A body's name may hold "of"/"for"/"and": "The Bank of England", "Médecins Sans Frontières".
const BODY_RUN = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?\p{Lu}[\p{L}\p{M}.'’-]*){0,5}`;
const SENTENCE_SUBJECT = new RegExp(`^(?:[\\p{Ll}\\s]*?|The\\s+)(${BODY_RUN})(?=[\\s,])`, 'u');

/**
 * "Tserenbat thanked Japan and said …", "Mark Milde called it “…” and said …": the speaker of a
 * coordinated speech verb is the subject that opens the sentence.
 */
/** Any coordinated verb or participle of communication by the lexicon ("and charged", ", calling"). */
const COORDINATED_ANY = /\b(?:and|but)\s+(?:also\s+|later\s+|then\s+)?(\p{Ll}+)\b|,\s+(\p{Ll}+ing)\b/gu;

function coordinatedCue(body: string, lexicon: boolean): RegExpExecArray | null {
  const listed = COORDINATED_CUE.exec(body);
  if (listed || !lexicon) return listed;
  COORDINATED_ANY.lastIndex = 0;
  for (let m = COORDINATED_ANY.exec(body); m; m = COORDINATED_ANY.exec(body)) {
    if (m[1] ? communicationVerb(m[1]) : communicationLemma(m[2] as string)) return m;
  }
  return null;
}

function coordinatedAttribution(
  text: string,
  body: string,
  start: number,
  /** Also any verb of communication by the lexicon (a quotation's context, not reported speech). */
  lexicon = false,
): Attribution | undefined {
  const cue = coordinatedCue(body, lexicon);
  const verb = cue?.[1] ?? cue?.[2];
  if (!cue || !verb) return undefined;
  // "…, where Putin greeted the returnees and announced …": the subject of the last relative clause.
  const relative = [...body.slice(0, cue.index).matchAll(/,\s+(?:where|when)\s+(?=\p{Lu})/gu)].pop();
  const shift = relative ? (relative.index ?? 0) + relative[0].length : 0;
  const head = body.slice(shift, cue.index);
  // "Greenland's incoming prime minister, Jens-Frederik Nielsen, has rejected …": the name in
  // apposition is the subject; else the capitalised words opening the sentence.
  const apposed = APPOSED_SUBJECT.exec(head);
  let subject = apposed && personName(apposed[1] as string) ? apposed : SENTENCE_SUBJECT.exec(head);
  let name = subject?.[1];
  // A person ("Tserenbat" reads as one after a title) or a body of several capitalised words.
  // A gerund opening the sentence ("Addressing supporters, …") is no name.
  const isNamed = (n: string | undefined) =>
    !!n &&
    !/^\p{Lu}\p{Ll}+ing$/u.test(n) &&
    (personName(n) || /\s\p{Lu}/u.test(n) || personName(`Mr ${n}`) !== undefined);
  // An introductory phrase before the subject: "Speaking in Reno, Vance went after …".
  let lead = 0;
  const intro = /^[^,“”"]{3,80},\s+(?=\p{Lu})/u.exec(head);
  if (!isNamed(name) && intro) {
    lead = intro[0].length;
    subject = SENTENCE_SUBJECT.exec(head.slice(lead));
    name = subject?.[1];
  }
  if (!name || !isNamed(name)) return undefined;
  const speakerStart = start + shift + lead + (subject?.index ?? 0) + (subject?.[0].lastIndexOf(name) ?? 0);
  const cueStart = start + cue.index + cue[0].length - verb.length;
  return {
    speaker: text.slice(speakerStart, speakerStart + name.length),
    speakerStart,
    speakerEnd: speakerStart + name.length,
    cue: verb,
    cueStart,
    cueEnd: cueStart + verb.length,
    pronoun: false,
  };
}

/**
 * Cues of a quotation's tag ("…,” the Ohio senator said", "…?” asked one voter"): verbs that, right
 * after a closing mark, say the quotation was uttered or written.
 */
const TAG_CUES =
  'said|says|say|added|adds|wrote|writes|asked|asks|told|tells|recalled|recalls|reacted|replied|replies|responded|responds|tweeted|tweets|posted|explained|explains|noted|notes|continued|continues|argued|argues|insisted|insists|warned|warns|declared|stated|remarked|quipped|joked|shouted|exclaimed|observed|conceded|concedes|admitted|admits|acknowledged|concluded|predicted|promised|vowed|suggested|suggests|claimed|claims|countered|complained|lamented|boasted|announced|emailed|texted|mused|added|cautioned|urged|pleaded|repeated|agreed|agrees|confirmed|stressed|emphasized|emphasised|pointed out|went on|chimed in|shot back|fired back';
const TAG_AUX = '(?:(?:has|had|have|also|later|then|once|again|simply|flatly|quickly)\\s+)*';
/** Words that open a described speaker phrase in lower case ("the Texas senator", "one voter"). */
const NP_OPENERS =
  '(?:the|a|an|one|another|his|her|their|its|our|some|many|several|two|three|four|five|most|other|former|top|senior)';
/** A speaker phrase of up to nine words with no punctuation that ends it. */
const NP = `(?:${NP_OPENERS}\\s+)?[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}.'’&-]*(?:,?\\s+(?!(?:${TAG_CUES}|that|who|and|but|as|in|on|at|to|for|with|during|after|before|while|when)\\b)[\\p{L}\\p{N}(][\\p{L}\\p{M}\\p{N}.'’&()-]*){0,8}?`;
const TAG_CUE_FIRST = new RegExp(
  `^[,.!?…]?\\s*(${TAG_CUES})\\s+(${NP})(?=\\s*(?:[,.;:!?—–]|$|\\s(?:in|on|at|to|during|after|before|of|while|when|from|about|via)\\b))`,
  'u',
);
const TAG_SPEAKER_FIRST = new RegExp(`^[,.!?…]?\\s*(${NP})\\s+${TAG_AUX}(${TAG_CUES})\\b`, 'u');
const TAG_PRONOUN = /^(?:he|she|they|it|we|i|you)$/i;
const TAG_NOT_SPEAKER =
  /^(?:and|but|so|then|as|if|when|while|which|that|this|these|those|there|here|it's|it’s)\b/i;

/**
 * The tag right after a quotation's closing mark, read across a sentence break the question or
 * exclamation mark made ("…right?” Smith said."): "CUE SPEAKER" or "SPEAKER CUE", the speaker phrase
 * free of punctuation, lower case allowed ("the Ohio senator", "one voter").
 */
export function quotationTag(
  text: string,
  masked: string,
  from: number,
  to: number,
): Attribution | undefined {
  const after = masked.slice(from, Math.min(to, from + 200));
  for (const [re, speakerGroup, cueGroup] of [
    [TAG_SPEAKER_FIRST, 1, 2],
    [TAG_CUE_FIRST, 2, 1],
  ] as const) {
    const m = re.exec(after);
    if (!m?.[speakerGroup] || !m[cueGroup]) continue;
    // A full stop after the phrase ends the sentence, unless it closes an abbreviation ("Jr.").
    const speaker = (m[speakerGroup] as string)
      .replace(/[,\s]+$/u, '')
      .replace(/(?<!\b(?:Jr|Sr|Inc|Co|Corp|Ltd|\p{Lu}))\.$/u, '');
    if (TAG_NOT_SPEAKER.test(speaker) || speaker.split(/\s+/).length > 9) continue;
    // A capitalised opener that is a sentence's function word ("Then", "But") is no speaker.
    if (/^(?:Then|But|And|So|As|If|When|While|This|That|There|Here|Now|Still|Yet)\b/u.test(speaker)) continue;
    const speakerStart =
      from + m.index + (m[0] as string).indexOf(speaker, speakerGroup === 1 ? 0 : (m[1] as string).length);
    const cue = m[cueGroup] as string;
    const cueStart =
      from +
      m.index +
      (speakerGroup === 1 ? (m[0] as string).lastIndexOf(cue) : (m[0] as string).indexOf(cue));
    return {
      speaker: text.slice(speakerStart, speakerStart + speaker.length),
      speakerStart,
      speakerEnd: speakerStart + speaker.length,
      cue,
      cueStart,
      cueEnd: cueStart + cue.length,
      pronoun: TAG_PRONOUN.test(speaker),
    };
  }
  return undefined;
}

/** "CUE that": a speech or reporting verb whose complement is a that-clause. */
const THAT_CUE =
  /\b(said|says|say|saying|noted|notes|noting|stressed|stresses|stressing|emphasi[sz]ed|emphasi[sz]es|emphasi[sz]e|emphasi[sz]ing|suggested|suggests|indicated|indicates|indicate|announced|announces|added|adds|adding|argued|argues|arguing|claimed|claims|claiming|insisted|insists|insisting|warned|warns|warning|declared|declares|stated|states|stating|confirmed|confirms|confirming|denied|denies|reported|acknowledged|acknowledges|admitted|admits|conceded|explained|explains|revealed|reveals|recalled|argue|claim|insist|warn|confirm|deny|maintained|maintains|contended|contends|alleged|alleges|asserted|asserts|vowed|promised|predicted|reiterated|reiterating|pointed out|went on to say|told (?:[\p{Lu}\p{Ll}.'’-]+\s+){1,5}?)(?:,?\s+(?:on|in|at|to|last|this|earlier|later|also|publicly|repeatedly|previously|recently|again|yesterday|today)\b[^,;:“”"]{0,40}?)?,?\s+that\s+/u;
/** A determiner or noun modifier right before the cue word makes it a noun ("of reports that"). */
const NOUN_BEFORE =
  /\b(?:the|a|an|of|these|those|his|her|their|its|such|any|no|media|news|press|recent|unconfirmed)\s+$/i;
/** A name and a relative "who" right before the cue ("Yulia, who claimed that"). */
const RELATIVE_SPEAKER = new RegExp(
  `(?<![\\p{L}\\p{M}.'’-])(${NAME_RUN}),\\s+who\\s+(?:(?:has|had|also|later|then|once|previously)\\s+)*$`,
  'u',
);
/** A subject pronoun right before the cue ("he stressed that"). */
const PRONOUN_BEFORE =
  /\b(he|she|they|it|we)\s+(?:(?:also|later|then|has|had|have|once|again|further)\s+)*$/iu;

/**
 * Reported speech the other rules leave: "SUBJECT … CUE that CLAUSE" where the subject does not
 * stand right before the cue ("Whelan declared himself innocent and said that …", "The FSB, the
 * main successor to the KGB, said …", "International agencies emphasise that …"). The speaker is the
 * phrase before the cue when the attribution rules read one there, a pronoun just before the cue,
 * or the clause's opening name.
 */
/** Any past form of a verb of communication (WordNet) with a "that" complement a few words on. */
const ANY_THAT_CUE =
  /(?<![\p{L}’'-])(\p{Ll}[\p{L}’'-]+)((?:[^\S\n]+(?!that\b)[\p{L}\p{N}’'-]+){0,6}?),?[^\S\n]+that[^\S\n]+/gu;

/** "reiterated their position that …", "told journalists in Geneva that …": the lexicon's cue. */
function lexiconThatCue(body: string): RegExpExecArray | null {
  ANY_THAT_CUE.lastIndex = 0;
  for (let m = ANY_THAT_CUE.exec(body); m; m = ANY_THAT_CUE.exec(body)) {
    if (communicationVerb(m[1] as string)) return m;
    // Try again from the next word, not past the whole match.
    ANY_THAT_CUE.lastIndex = m.index + (m[1] as string).length;
  }
  return null;
}

export function thatClauseReported(text: string, masked: string, sentence: Span): Reported[] {
  const start = sentence.start + datelineEnd(masked.slice(sentence.start, sentence.end));
  const body = masked.slice(start, sentence.end);
  // Most sentences hold no "that": the cue pattern is not worth running on them.
  if (!/\bthat\b/.test(body)) return [];
  const m = THAT_CUE.exec(body) ?? lexiconThatCue(body);
  if (!m?.[1]) return [];
  // Not the noun ("aware of reports that", "the claims that", "his statement that").
  if (NOUN_BEFORE.test(body.slice(Math.max(0, m.index - 20), m.index))) return [];
  const head = body.slice(0, m.index);
  if (/[“”"«»„]/.test(head) || head.trim().length < 2) return [];
  const cueStart = start + m.index;
  const cue = (m[1] as string).trim().split(/\s+/)[0] as string;
  const cueEnd = cueStart + cue.length;
  let attribution: Attribution | undefined = findAttribution(head + cue, start, {
    prefer: 'last',
    cues: new Set([cue.toLowerCase()]),
  });
  if (attribution && attribution.cueStart !== cueStart) attribution = undefined;
  if (!attribution) {
    // "… the mayor's deputy Ana, who claimed that …": the relative pronoun's antecedent speaks.
    const who = RELATIVE_SPEAKER.exec(head);
    if (who?.[1] && (personName(who[1]) || /\s\p{Lu}/u.test(who[1]) || personName(`Mr ${who[1]}`))) {
      const s = start + who.index;
      attribution = {
        speaker: text.slice(s, s + who[1].length),
        speakerStart: s,
        speakerEnd: s + who[1].length,
        cue,
        cueStart,
        cueEnd,
        pronoun: false,
      };
    }
  }
  if (!attribution) {
    const pronoun = PRONOUN_BEFORE.exec(head);
    if (pronoun?.[1]) {
      const s = start + pronoun.index;
      attribution = {
        speaker: pronoun[1],
        speakerStart: s,
        speakerEnd: s + pronoun[1].length,
        cue,
        cueStart,
        cueEnd,
        pronoun: true,
      };
    }
  }
  if (!attribution) {
    const apposed = APPOSED_SUBJECT.exec(head);
    const subject = apposed && personName(apposed[1] as string) ? apposed : SENTENCE_SUBJECT.exec(head);
    const name = subject?.[1];
    // Described speakers in lower case open the clause too: "Russian authorities", "International agencies".
    const described =
      /^((?:[\p{Lu}][\p{L}-]*\s+)?(?:authorities|agencies|officials|reports|sources|media|prosecutors|investigators|analysts|experts|diplomats|lawyers|officials))\b/u.exec(
        head.trim(),
      );
    const chosen = described?.[1] ?? name;
    if (!chosen) return [];
    if (
      !described &&
      !(
        personName(chosen) ||
        /\s\p{Lu}/u.test(chosen) ||
        /^\p{Lu}{2,}/u.test(chosen) ||
        personName(`Mr ${chosen}`)
      )
    )
      return [];
    const at = start + head.indexOf(chosen);
    attribution = {
      speaker: text.slice(at, at + chosen.length),
      speakerStart: at,
      speakerEnd: at + chosen.length,
      cue,
      cueStart,
      cueEnd,
      pronoun: false,
    };
  }
  const spans = finishSpan(text, start + m.index + m[0].length, sentence.end);
  return spans
    .filter((s) => wordCount(text, s) >= 3)
    .map((s) => ({ ...s, attribution: attribution as Attribution }));
}

/** Words opening a sentence before its subject: connectives and time adverbs. */
const SUBJECT_OPENERS = String.raw`(?:(?:But|And|Yet|So|Then|Later|Earlier|Still|Meanwhile|Instead|Afterward|Afterwards|Now|Also)\s*,?\s+)?`;
/** A described subject: a determiner and up to four words ending in a role noun ("the officer", "One employee"). */
const DESCRIBED_SUBJECT = String.raw`(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\p{L}’'-]+\s+){0,3}?(?:ad|officer|official|spokesman|spokeswoman|spokesperson|employee|campaign|statement|report|letter|memo|email|lawsuit|complaint|aide|adviser|advisor|source|senator|candidate|governor|mayor|president|host|anchor|group|committee|party|agency|ministry|department|company|newspaper|daily|network|band|singer|actor|actress|writer|author|columnist|analyst|expert|strategist|pollster|voter|resident|protester|activist|lawyer|attorney|judge|prosecutor|police|sheriff|chief|leader|minister|ambassador|diplomat|envoy)`;
/** A finite verb right after the subject (an adverb may stand between): "asked", "continued", "claims", "then interjected". */
const SUBJECT_VERB = String.raw`(?:\s+(?:then|later|also|quickly|simply|flatly|pointedly|immediately|once|again|has|had|have|is|was)){0,2}\s+(?:\p{Ll}+(?:ed|es|s)|told|said|says|wrote|went\s+on|sang|spoke|took|gave|put|shot\s+back|fired\s+back|began|made|kept|held|ran|struck|hit|sent|set|stood|threw|tweeted)\b`;
const SUBJECT_INTRODUCER = new RegExp(
  String.raw`^\s*${SUBJECT_OPENERS}((?:(?:Rep|Sen|Gov|Lt|Gen|Col|Dr|Mr|Mrs|Ms|Prof|Rev)\.\s+)?${NAME_RUN}|${DESCRIBED_SUBJECT})(?:,[^,;:“”"]{2,140},)?${SUBJECT_VERB}`,
  'u',
);
const NOT_SUBJECT =
  /^(?:The|A|An|This|That|These|Those|It|There|Here|In|On|At|As|If|When|While|After|Before|Since|Although|Though|Because|For|With|Without|By|From|To|Of|According|Asked|Speaking|Meanwhile)$/u;

/**
 * The subject of the sentence a quotation stands in, when it opens the sentence and a verb follows
 * it: "Maria Bartiromo asked, “…”", "Paul then interjected, calling it “…”", "The ad claims “…”",
 * "One employee told the weekly, “…”". News quotes the subject of the sentence carrying the quotation.
 */
export function subjectIntroducer(
  text: string,
  masked: string,
  from: number,
  quoteOpen: number,
): Attribution | undefined {
  if (quoteOpen - from > 300) return undefined;
  const lead = masked.slice(from, quoteOpen);
  if (/[“”"«»„]/.test(lead)) return undefined;
  const m = SUBJECT_INTRODUCER.exec(lead);
  const subject = m?.[1]?.trim();
  if (!m || !subject) return undefined;
  const firstWord = subject.split(/\s+/)[0] as string;
  if (NOT_SUBJECT.test(firstWord) && !/^(?:The|A|An)\s/u.test(subject)) return undefined;
  // A capitalised subject must be a name or a body of several capitalised words, not a lone common word.
  const described = new RegExp(`^${DESCRIBED_SUBJECT}$`, 'u').test(subject);
  if (
    !described &&
    !(
      personName(subject) ||
      /\s\p{Lu}/u.test(subject) ||
      /^\p{Lu}{2,}/u.test(subject) ||
      personName(`Mr ${subject}`)
    )
  )
    return undefined;
  const speakerStart = from + m[0].indexOf(subject);
  return {
    speaker: text.slice(speakerStart, speakerStart + subject.length),
    speakerStart,
    speakerEnd: speakerStart + subject.length,
    cue: '',
    cueStart: speakerStart,
    cueEnd: speakerStart,
    pronoun: false,
  };
}
