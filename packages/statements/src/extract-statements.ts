import { contentId, type Statement, type StatementKind } from '@parallax/core';
import { isPlaceName, isSpeakerLabel, isStopword } from '@parallax/normalize';
import { genderFits, modifiesRole, nameGender, opensFrontedClause, pronounGender } from './anaphora';
import { cueEndBefore, nextAttributionStart } from './clause';
import {
  datelineEnd,
  englishQuoteAttribution,
  englishReported,
  quotationTag,
  subjectIntroducer,
  thatClauseReported,
} from './english';
import { genericQuoteAttribution, genericReported } from './generic';
import { mongolianQuoteAttribution, mongolianReported } from './mongolian';
import { fullNameFor, isNameToken, type NameMention, nameMentions, personName } from './names';
import { findQuotes, type QuoteSpan } from './quotes';
import { DEDICATED_LANGUAGES, GENERIC_LANGUAGES, genericRules, isDefiniteRole } from './rules';
import {
  aboutThis,
  russianBodyNominative,
  russianDatelineEnd,
  russianQuoteAttribution,
  russianReported,
  splitAttribution,
} from './russian';
import { type Sentence, type Span, splitParagraphs, splitSentences } from './sentences';
import { universalQuoteAttribution } from './universal';

export interface StatementOptions {
  /** Language of the document (BCP 47 primary tag); selects the attribution rules. */
  lang: string;
  /** End of the headline in the text; the headline carries facts but no statements. */
  headlineEnd?: number;
  /**
   * The issuing body when the document is its own statement (a ministry's or embassy's page): its
   * first-person sentences ("We call on …") are statements by the issuer.
   */
  issuer?: string;
  /** Mixed into statement ids so the same words in two documents get distinct ids. */
  documentId?: string;
  /**
   * What one statement is. 'quotation' (the default, what alignment and compare read today): one
   * statement per quotation, a partial quote's span its quoted words. 'attribution' (PARC 3.0,
   * PolNeAR): one statement per source–cue–content, its span the whole attributed clause — a
   * partial quote's clause, a quotation split by its tag (“…,” she said. “…”) from its first
   * quotation to its last, reported speech carrying quotations as a partial quote. Both carry the
   * verbatim spans in `quoted` and the source and cue spans.
   */
  units?: 'quotation' | 'attribution';
  /**
   * Told once per document when its language has no attribution rules (only en, ru and mn have):
   * its statements are the quotations its marks enclose, with a speaker and cue only where a name
   * stands beside one in a shape every newswire shares (see universal.ts).
   */
  onWarning?: (message: string) => void;
}

/** Languages with attribution rules of their own; any other gets the quotation-mark fallback. */
export const RULE_LANGUAGES: ReadonlySet<string> = new Set([...DEDICATED_LANGUAGES, ...GENERIC_LANGUAGES]);

/** How far from a quotation its attribution is looked for. */
const CONTEXT_CHARS = 400;

interface Draft {
  start: number;
  end: number;
  kind: StatementKind;
  /** The speaker label as written, or null. */
  speaker: string | null;
  /** Where the label stands (for resolving pronouns against what precedes it). */
  speakerStart: number;
  /** The label is a pronoun or a bare role ("he", "она", "сайд") that stands for an earlier name. */
  pronoun: boolean;
  cue: string | null;
  paragraph: number;
  /** The verbatim spans inside the content: the quotations a direct or partial statement carries. */
  quoted?: Span[];
  speakerEnd?: number;
  cueStart?: number;
  cueEnd?: number;
}

interface Found {
  speaker: string | null;
  speakerStart: number;
  cue: string | null;
  pronoun: boolean;
  speakerEnd?: number;
  cueStart?: number;
  cueEnd?: number;
}

/** First-person-plural stance verbs of an institution speaking for itself in its own release. */
const ISSUER_VOICE =
  /\b[Ww]e\s+(?:(?:strongly|firmly|once again|again|also|therefore|hereby|categorically|fully)\s+)*(?:call|urge|expect|demand|condemn|reiterate|hope|remind|welcome|stand|support|insist|reaffirm|regret|believe|emphasi[sz]e|stress|consider|reject|note|will|remain|are|have|do)\b/;

/** Transcript turn labels: "Vladimir Putin:", "В.Путин:", "SEN. JEANNE SHAHEEN:", "У.Хурэлсух (как переведено):". */
const TURN_LABEL =
  /^((?:\p{Lu}\.){0,2}\p{Lu}[\p{L}\p{M}.’'-]*(?:\s+(?:(?:von|van|der|den|de|da|do|bin|ibn|al|el|le|la)\s+)*(?:\p{Lu}\.){0,2}\p{Lu}[\p{L}\p{M}.’'-]*){0,3})(?:,\s+(?![^:\n]*\b(?:said|says|told|added|stated|wrote)\b)[^:\n]{2,80}?)?(\s*\([^)\n]{1,40}\))?:(?:\s+|$)/u;
const NON_SPEAKER_LABELS = new Set([
  'question',
  'questions',
  'q',
  'answer',
  'a',
  'interviewer',
  'moderator',
  'reporter',
  'journalist',
  'note',
  'update',
  'read more',
  'photo',
  'source',
  'sources',
  'background',
  'editor’s note',
  "editor's note",
  'вопрос',
  'ответ',
  'модератор',
  'ведущий',
  'корреспондент',
  'журналист',
  'реплика',
  'справка',
  'асуулт',
  'хариулт',
  'сэтгүүлч',
  'хөтлөгч',
  'эх сурвалж',
]);

const ANSWER_LABELS = new Set(['a', 'answer', 'ответ', 'хариулт']);
/**
 * A news site's labels for who is quoted and the quotation ("Source: the minister at a briefing" …
 * "Quote: “…”"): a quotation label's words are those of the person the source label names.
 */
const SOURCE_LABELS = new Set(['source', 'джерело', 'источник']);
const QUOTATION_LABELS = new Set(['quote', 'цитата', 'дослівно', 'дословно']);

/** A paragraph announcing the statement that follows: "From the Secretary:", "… заявляет следующее". */
const DECLARATION_HEADERS: RegExp[] = [
  /^From\s+(the\s+[\p{L} .’'-]{2,60}?):$/u,
  /(?:^|[\s,])((?:[\p{L}-]+\s+){0,1}(?:посольство|министерство|МИД|правительство|пресс-служба|администрация|посольства)[^.]{0,80}?)\s+заявля(?:ет|ют)\s+следующее[.:]$/u,
  /^(.{3,120}?)\s+дараах\s+мэдэгдл(?:ийг|ээ)\s+(?:хийж\s+байна|гаргаж\s+байна|хийлээ|гаргалаа)[.:]?$/u,
  /^(.{3,120}?)\s+(?:issued|released|makes|made)\s+the\s+following\s+statement[.:]$/u,
];

function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** The text with every quotation's content blanked out, so cue search never reads quoted words. */
function maskQuotes(text: string, quotes: QuoteSpan[]): string {
  if (quotes.length === 0) return text;
  let out = '';
  let at = 0;
  for (const q of quotes) {
    if (q.open < at) continue;
    out += text.slice(at, q.open + 1) + '_'.repeat(Math.max(0, q.close - q.open - 2));
    at = Math.max(q.open + 1, q.close - 1);
  }
  return out + text.slice(at);
}

/**
 * A body's acronym in parentheses after its name ("Scottish and Southern Electricity Networks (SSEN)
 * says", "Федеральная налоговая служба (ФНС) сообщила") blanked out, so the name and the cue are
 * adjacent for attribution. Same length, so offsets hold.
 */
function maskAcronyms(masked: string): string {
  return masked.replace(/(?<=\p{L}) \((?:\p{Lu}[\p{Lu}\p{N}&-]{1,9})\)(?= )/gu, (m) => ' '.repeat(m.length));
}

/**
 * A label and a colon before a quotation, no speech verb: "• UN Secretary-General António Guterres:
 * “…”", "Médecins Sans Frontières, in a statement: “…”" — the roundup and list-item convention.
 */
const LABEL_COLON =
  /^(?:[•·▪►■*–—-][^\S\n]*)?(\p{Lu}[^,:;.!?“”"«»„\n]{1,90}?)(?:,\s+(?:in|on|via|speaking|writing|quoted|posting)\b[^:;“”"«»\n]{0,80})?:$/u;

function labelBeforeColon(masked: string, sentence: Sentence, open: number): Found | undefined {
  // Bounded before slicing: a megabyte-long sentence of quotations stays linear.
  if (open - sentence.start > 240) return undefined;
  const lead = masked.slice(sentence.start, open).trimEnd();
  if (lead.length > 200) return undefined;
  const m = LABEL_COLON.exec(lead);
  const label = m?.[1]?.trim();
  if (!m || !label || label.split(/\s+/).length > 10) return undefined;
  // A label names someone: capitalised words, not a clause with a verb of its own.
  if (/\b(?:is|are|was|were|has|have|had|will|would|said|says|told|wrote|added|reads?)\b/u.test(label))
    return undefined;
  const at = sentence.start + m[0].indexOf(label);
  return { speaker: label, speakerStart: at, cue: null, pronoun: false };
}

/** "“…,” the statement read.", "a text message …, which read: “…”": words of a document. */
const DOCUMENT_AFTER =
  /^[\s,]*the\s+(?:statement|letter|message|post|note|notice|email|e-mail|tweet|memo|filing|complaint)\s+(?:read|reads|said|says|stated|added|continued)\b/iu;
const DOCUMENT_BEFORE =
  /\b(?:statement|letter|message|post|note|notice|email|e-mail|tweet|memo|filing|complaint)\b[^.;“”"«»]{0,160}?\b(?:read|reads|said|says|stated)\s*:$/iu;
/** The author of a document in the words before it: "sent by Mr Hollis", "a letter from the ministry". */
const DOCUMENT_AUTHOR =
  /\b(?:by|from)\s+((?:the\s+)?(?:Mr|Mrs|Ms|Dr)?\.?\s*\p{Lu}[\p{L}’'.-]*(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}’'.-]*){0,5})/u;

/**
 * A quotation from a document: its author when the sentence names one ("sent by Mr Hollis … which
 * read:"), else the speaker the text was following, resolved like a pronoun (the force whose
 * statement it is, named in the sentence or paragraph before).
 */
function documentAttribution(
  text: string,
  masked: string,
  sentence: Sentence,
  q: QuoteSpan,
): Found | undefined {
  const after = masked.slice(q.close, Math.min(sentence.end, q.close + 60));
  const beforeStart = Math.max(sentence.start, q.open - 240);
  const before = masked.slice(beforeStart, q.open).trimEnd();
  const afterMatch = DOCUMENT_AFTER.exec(after);
  const beforeMatch = afterMatch ? null : DOCUMENT_BEFORE.exec(before);
  if (!afterMatch && !beforeMatch) return undefined;
  const author = beforeMatch ? DOCUMENT_AUTHOR.exec(before) : null;
  if (author?.[1]) {
    const at = beforeStart + author.index + author[0].indexOf(author[1]);
    return { speaker: text.slice(at, at + author[1].length), speakerStart: at, cue: 'read', pronoun: false };
  }
  const at = afterMatch ? q.close + (afterMatch.index ?? 0) : sentence.start;
  return { speaker: 'statement', speakerStart: at, cue: 'read', pronoun: true };
}

/**
 * A quotation introduced by a colon after a verb that is no speech cue ("Joe O’Connor, who led the
 * pilot, put it bluntly: “…”", "She summed up the mood: “…”"): the sentence's subject speaks, when
 * the sentence opens with a name or a personal pronoun.
 */
/**
 * A person named right before the colon that opens the quotation ("… doesn’t surprise the pollster
 * Ann Lee: “…”", "More from Ann Lee: “…”"): a full name of two words or more.
 */
function nameBeforeColon(text: string, sentence: Sentence, q: QuoteSpan): Found | undefined {
  const from = Math.max(sentence.start, q.open - 120);
  const lead = text.slice(from, q.open);
  const colon = /:\s*$/.exec(lead);
  if (!colon) return undefined;
  const last = nameMentions(lead).pop();
  if (!last || last.end !== colon.index || !last.name.includes(' ') || !personName(last.name))
    return undefined;
  // Not a label of its own ("Ann Lee and Bo Park:", "• Ann Lee, in a statement:"): those are read
  // whole by labelBeforeColon.
  // Bounded before slicing: a megabyte-long sentence of quotations stays linear.
  const whole = q.open - sentence.start <= 240 ? text.slice(sentence.start, q.open).trimEnd() : '';
  const label = whole && whole.length <= 200 ? LABEL_COLON.exec(whole)?.[1] : undefined;
  const lowerWords = (label?.match(/(?<![\p{L}])\p{Ll}+/gu) ?? []).filter(
    (w) => !/^(?:and|of|the|for|in|on|at|de|von|van)$/.test(w),
  );
  if (label && lowerWords.length < 2) return undefined;
  if (/(?:\band|&|,)\s*$/.test(lead.slice(0, last.start))) return undefined;
  return {
    speaker: last.name,
    speakerStart: from + last.start,
    speakerEnd: from + last.end,
    cue: null,
    pronoun: false,
  };
}

function subjectBeforeColon(
  text: string,
  masked: string,
  sentence: Sentence,
  q: QuoteSpan,
): Found | undefined {
  if (q.open - sentence.start > 260) return undefined;
  const lead = masked.slice(sentence.start, q.open).trimEnd();
  if (!lead.endsWith(':') || lead.length > 240) return undefined;
  const pronoun = /^(He|She|They)\s/u.exec(lead);
  if (pronoun?.[1]) return { speaker: pronoun[1], speakerStart: sentence.start, cue: null, pronoun: true };
  const name = nameMentions(text.slice(sentence.start, q.open))[0];
  if (!name || name.start > 0) return undefined;
  return { speaker: name.name, speakerStart: sentence.start, cue: null, pronoun: false };
}

function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:—–-]/.test(text[s] as string)) s++;
  while (e > s && /[\s,;:]/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Quotations of this language's marks, with Russian quotations split around an inner attribution. */
function quotationsOf(text: string, paragraphs: Span[], lang: string): QuoteSpan[] {
  const quotes = paragraphs.flatMap((p) => findQuotes(text, p));
  if (lang !== 'ru') return quotes;
  return quotes.flatMap((q) => {
    const inner = splitAttribution(text, q.contentStart, q.contentEnd);
    if (!inner) return [q];
    // Two quotations of one speaker; the attribution between them reads as the first one's "after".
    const first = trimSpan(text, q.contentStart, inner.start);
    const second = trimSpan(text, inner.end, q.contentEnd);
    return [
      { ...q, close: inner.start, contentStart: first.start, contentEnd: first.end },
      { ...q, open: inner.end - 1, contentStart: second.start, contentEnd: second.end },
    ].filter((x) => x.contentEnd > x.contentStart);
  });
}

interface Turn {
  label: string | null;
  bodyStart: number;
}

/**
 * A transcript's label closed by a full stop, as the Presidency Project prints the White House's
 * ("The President. Wonderful.", "Q. Mr. President, …"): a role or name of up to four capitalised
 * words, or "Q".
 */
const PERIOD_TURN_LABEL =
  /^((?:The[^\S\n]+)?\p{Lu}[\p{L}’'-]*(?:[^\S\n]+\p{Lu}[\p{L}’'-]*){0,3}|Q)\.[^\S\n]+(?=\S)/u;

/** Paragraphs opening with a transcript label: "Name:" labels, else full-stop labels that recur. */
function turnLabels(text: string, paragraphs: Span[]): Array<RegExpExecArray | null> {
  const labelled = paragraphs.map((p) => {
    const m = TURN_LABEL.exec(text.slice(p.start, p.end));
    return m && p.end - p.start > m[0].length ? m : null;
  });
  if (labelled.filter(Boolean).length >= 2) return labelled;
  // A full stop also ends a one-word sentence ("Wonderful. It feels …"): only labels that open two
  // paragraphs or more count, and there must be two such labels (the questioner and the answerer).
  const byPeriod = paragraphs.map((p) => PERIOD_TURN_LABEL.exec(text.slice(p.start, p.end)));
  const counts = new Map<string, number>();
  for (const m of byPeriod) if (m?.[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  const recurring = new Set([...counts].filter(([, n]) => n >= 2).map(([l]) => l));
  if (recurring.size < 2) return labelled;
  return byPeriod.map((m) => (m?.[1] && recurring.has(m[1]) ? m : null));
}

/** Transcript turns: a label opens a turn that runs until the next label. Needs two labelled turns. */
function transcriptTurns(text: string, paragraphs: Span[]): Map<number, Turn> {
  const labelled = turnLabels(text, paragraphs);
  const out = new Map<number, Turn>();
  if (labelled.filter(Boolean).length < 2) return out;
  // In a Q&A the answers ("A:", "Ответ:", "Хариулт:") are the interviewee's: the first person the
  // introduction names, before the first turn.
  const firstTurn = paragraphs[labelled.findIndex(Boolean)]?.start ?? 0;
  const interviewee = nameMentions(text.slice(0, firstTurn))[0]?.name ?? null;
  // A published interview labels only the interviewee ("Liisa Pakosta:", "Pakosta:") and sets the
  // questions apart by type alone: there, an unlabelled paragraph asking a question just before the
  // next answer is the interviewer's, not the continuation of the previous answer.
  const surnames = new Set(
    labelled
      .map((m) => m?.[1])
      .filter((l): l is string => !!l && !NON_SPEAKER_LABELS.has(l.toLowerCase()))
      .map((l) => l.split(/\s+/).pop()?.toLowerCase()),
  );
  const oneInterviewee = surnames.size === 1;
  let current: string | null = null;
  let source: string | null = null;
  paragraphs.forEach((p, i) => {
    const m = labelled[i];
    const label = m?.[1];
    const lower = label?.toLowerCase();
    if (lower && SOURCE_LABELS.has(lower))
      source = sourceNamed(text, p.start + (m as RegExpExecArray)[0].length, p.end);
    if (lower && ANSWER_LABELS.has(lower)) current = interviewee;
    else if (lower && QUOTATION_LABELS.has(lower)) current = source;
    // A label that names nobody ("Previously:", "Details:") is the site's furniture.
    else if (label)
      current = NON_SPEAKER_LABELS.has(lower as string) || !isSpeakerLabel(label) ? null : label;
    else if (oneInterviewee && labelled[i + 1] && isQuestion(text.slice(p.start, p.end))) {
      // The question is the interviewer's: neither an answer nor a statement of its own.
      out.set(i, { label: null, bodyStart: p.start });
      current = null;
      return;
    }
    if (label || current !== null) out.set(i, { label: current, bodyStart: p.start + (m ? m[0].length : 0) });
  });
  return out;
}

/**
 * Who a source label names: the name its words open with ("Zelenskyy at a press conference with
 * Chancellor Scholz" → the Volodymyr Zelenskyy the text names in full), else the first full name.
 */
function sourceNamed(text: string, start: number, end: number): string | null {
  const body = text.slice(start, end);
  const opening = /^(?:\p{Lu}\.){0,2}\p{Lu}[\p{L}\p{M}’'-]+(?:[^\S\n]+\p{Lu}[\p{L}\p{M}’'-]+){0,3}/u.exec(
    body,
  )?.[0];
  const person = opening ? personName(opening) : undefined;
  if (person) return fullNameFor(person, nameMentions(text)) ?? person;
  return nameMentions(body)[0]?.name ?? null;
}

/** An interviewer's question: ends in a question mark, or is short and asks one ("What about security? Russia is next door."). */
function isQuestion(paragraph: string): boolean {
  return /\?\s*$/.test(paragraph) || (paragraph.includes('?') && words(paragraph) <= 20);
}

/** A dialogue turn: a paragraph opening with a dash ("— Как идёт строительство?", "-Сайн байна уу."). */
const DASH_TURN = /^[—–-][^\S\n]*(?=[\p{L}«„“"\d])/u;
/** An attribution inside a dash paragraph ("— …, — сказал он."): reported dialogue, not an interview. */
const INNER_DASH_ATTRIBUTION = /[,!?…][^\S\n]+[—–][^\S\n]+\p{Ll}/u;

/**
 * Interviews printed as dialogue, the Russian and Mongolian convention: the journalist's questions and
 * the interviewee's answers alternate, each opening with a dash, no names. The answers are the
 * interviewee's — the first person the introduction names — and an undashed paragraph after an answer
 * continues it. Needs four dashed paragraphs, most questions asking something, and no inner
 * "— сказал он" attribution (that is reported dialogue, handled as quotations).
 */
function dialogueTurns(text: string, paragraphs: Span[], lang: string): Map<number, Turn> {
  const out = new Map<number, Turn>();
  const dashed = paragraphs.map((p) => DASH_TURN.exec(text.slice(p.start, Math.min(p.end, p.start + 8))));
  const runs = dashed.flatMap((m, i) => (m ? [i] : []));
  if (runs.length < 4) return out;
  const questions = runs.filter((_, k) => k % 2 === 0);
  const asking = questions.filter((i) => {
    const p = paragraphs[i] as Span;
    return text.slice(p.start, p.end).includes('?');
  }).length;
  if (asking * 2 < questions.length) return out;
  if (
    runs.some((i) => {
      const p = paragraphs[i] as Span;
      return INNER_DASH_ATTRIBUTION.test(text.slice(p.start, p.end));
    })
  )
    return out;
  const first = paragraphs[runs[0] as number] as Span;
  let interviewee = nameMentions(text.slice(paragraphs[0]?.start ?? 0, first.start))[0]?.name;
  if (!interviewee) return out;
  // Mongolian names the interviewee in the comitative: "Т.Мөнхсайхантай ярилцлаа".
  if (lang === 'mn') interviewee = interviewee.replace(/(?<=\p{L}{3})(?:тай|тэй|той)$/u, '');
  let turn = 0;
  let current: string | null = null;
  paragraphs.forEach((p, i) => {
    const m = dashed[i];
    if (m) {
      current = turn++ % 2 === 0 ? null : (interviewee as string);
      out.set(i, { label: current, bodyStart: p.start + m[0].length });
    } else if (current && /[.!?…»”"]$/.test(text.slice(p.start, p.end).trim())) {
      out.set(i, { label: current, bodyStart: p.start });
    } else current = null;
  });
  return out;
}

function declarationSpeaker(text: string, p: Span): string | undefined {
  const body = text.slice(p.start, p.end);
  for (const re of DECLARATION_HEADERS) {
    const m = re.exec(body);
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}

function hasQuoteMark(text: string): boolean {
  return /[“”«»„"]/.test(text);
}

function quoteAttribution(
  lang: string,
  text: string,
  masked: string,
  before: Span,
  after: Span,
): Found | undefined {
  if (lang === 'mn') return mongolianQuoteAttribution(text, masked, before, after);
  if (lang === 'ru') {
    const a = russianQuoteAttribution(masked, before, after);
    return a && { ...a, speaker: a.speaker && text.slice(a.speakerStart, a.speakerStart + a.speaker.length) };
  }
  const generic = genericRules(lang);
  if (generic) return genericQuoteAttribution(generic, text, masked, before, after);
  // A language without rules of its own gets the quotation marks and the shapes every newswire
  // shares (see universal.ts), never English rules.
  if (lang !== 'en') {
    const u = lang === 'und' ? undefined : universalQuoteAttribution(text, before, after, lang);
    return u && { ...u, pronoun: false };
  }
  const a = englishQuoteAttribution(text, masked, before, after);
  return (
    a && {
      speaker: text.slice(a.speakerStart, a.speakerEnd),
      speakerStart: a.speakerStart,
      speakerEnd: a.speakerEnd,
      cue: a.cue || null,
      ...(a.cue ? { cueStart: a.cueStart, cueEnd: a.cueEnd } : {}),
      pronoun: a.pronoun,
    }
  );
}

/**
 * A sentence cut at its line breaks where a new line starts a new sentence: a headline without a
 * full stop ("Minister says talks failed\nThe minister said …") or a line ending in a quotation mark.
 * A line that ends in a comma, colon or dash goes on in the next.
 */
function linesOf(text: string, sentence: Sentence): Sentence[] {
  const out: Sentence[] = [];
  let start = sentence.start;
  for (
    let i = text.indexOf('\n', sentence.start);
    i >= 0 && i < sentence.end;
    i = text.indexOf('\n', i + 1)
  ) {
    const before = text.slice(start, i).trimEnd();
    if (before && !/[,;:(–—-]$/u.test(before) && /^\s*[\p{Lu}“"‘«]/u.test(text.slice(i + 1, sentence.end))) {
      out.push({ ...sentence, start, end: start + before.length });
      start = i + 1;
    }
  }
  out.push({ ...sentence, start });
  return out;
}

function reportedIn(
  lang: string,
  text: string,
  masked: string,
  sentence: Sentence,
): Array<Span & { found: Found }> {
  const lines = linesOf(text, sentence);
  if (lang === 'mn')
    return lines.flatMap((line) =>
      mongolianReported(text, masked, line).map((r) => ({ ...r, found: r.attribution })),
    );
  if (lang === 'ru')
    return lines.flatMap((line) =>
      russianReported(text, masked, line).map((r) => ({ ...r, found: r.attribution })),
    );
  const generic = genericRules(lang);
  if (generic) return lines.flatMap((line) => genericReported(generic, text, masked, line));
  if (lang !== 'en') return [];
  const found = lines.flatMap((line) => {
    const english = englishReported(text, masked, line);
    return english.length > 0 ? english : thatClauseReported(text, masked, line);
  });
  return found.map((r) => ({
    start: r.start,
    end: r.end,
    found: {
      speaker: r.attribution.speaker,
      speakerStart: r.attribution.speakerStart,
      speakerEnd: r.attribution.speakerEnd,
      cue: r.attribution.cue,
      cueStart: r.attribution.cueStart,
      cueEnd: r.attribution.cueEnd,
      pronoun: r.attribution.pronoun,
    },
  }));
}

/** A verb of calling or judging right before a short quotation: the quotation is its object's words. */
const EVALUATIVE_CUE =
  /,\s+(?:calling|describing|dubbing|labell?ing|branding|terming|accusing|dismissing)\b(?:\s+[\p{L}’'-]+){0,5}?\s+(?:(?:as|of)\s+)?(?:(?:an?|the)\s+)?$/u;

/**
 * A quotation in title case ("Cake Boss", “The Late Show with Ann Park”) is the name of a work, a
 * show or a slogan, not words someone said, unless a cue gives it a speaker.
 */
function isTitleCase(content: string): boolean {
  const all = content.match(/\p{L}[\p{L}’'-]*/gu) ?? [];
  const long = all.filter((w) => w.length >= 4);
  return long.length >= 2 && long.every((w) => /^\p{Lu}/u.test(w));
}

/**
 * A quotation of three words or fewer with no speech verb in its sentence is a name or a term in
 * quotation marks («Зенит», the so-called “yellow line”), not words someone said.
 */
function isTermInQuotes(text: string, q: QuoteSpan, found: Found | undefined, lang = 'und'): boolean {
  // A title after a possessive or a preposition is a show's or a work's name whatever cue is near:
  // "said on Channel 9’s “Morning Desk,”", "in his book “Long Roads Home”".
  if (
    lang === 'en' &&
    isTitleCase(text.slice(q.contentStart, q.contentEnd)) &&
    /(?:[’']s|\b(?:on|in|of|from|at|the|show|program|programme|podcast|film|book|movie|series|titled|called|named))\s*$/i.test(
      text.slice(Math.max(0, q.open - 30), q.open),
    )
  )
    return true;
  if (found?.cue) return false;
  if (
    lang === 'en' &&
    isTitleCase(text.slice(q.contentStart, q.contentEnd)) &&
    !/[?!]$/.test(text.slice(q.contentStart, q.contentEnd)) &&
    !/:\s*$/.test(text.slice(Math.max(0, q.open - 3), q.open))
  )
    return true;
  if (found?.speaker) return false;
  // Words someone is reported to have called something: "calling it “absolutely baseless”",
  // "dismissed the claim as “vulgar”", "accused the authorities of “lying”".
  if (lang === 'en' && EVALUATIVE_CUE.test(text.slice(Math.max(0, q.open - 60), q.open))) return false;
  const content = text.slice(q.contentStart, q.contentEnd);
  // A whole sentence in quotation marks ("We'll own it.") is speech however short.
  if (/^\p{Lu}/u.test(content) && /[.!?…]$/.test(content) && !/^\p{Lu}[\p{L}-]*$/u.test(content.slice(0, -1)))
    return false;
  return words(content) <= 3;
}

/**
 * Statements in a document's text: quotations with their speaker and cue, reported speech,
 * transcript turns, declarations and an issuing body's own first-person statements. Offsets refer
 * to `text`. Never throws on any string; the cost is linear in the text's length.
 */
export function extractStatements(text: string, options: StatementOptions): Statement[] {
  try {
    return extractWithRules(text, options);
  } catch (error) {
    // A rule that fails on some text must not lose the document: the language-neutral
    // quotation-mark pass still finds its quotations, and if even that fails there are none.
    // The failure is a bug, told (not thrown) so that a run and a test can see it.
    const reason = error instanceof Error ? error.message : String(error);
    const fallback = options.lang !== 'und';
    options.onWarning?.(
      `attribution rules failed on this text (${reason}): ${fallback ? 'quotations found by their marks only' : 'no statements'}`,
    );
    if (!fallback) return [];
    try {
      const und = { ...options, lang: 'und', onWarning: undefined };
      return extractWithRules(text, und).map((s) => ({ ...s, lang: options.lang }));
    } catch {
      return [];
    }
  }
}

function extractWithRules(text: string, options: StatementOptions): Statement[] {
  const lang = options.lang;
  if (!RULE_LANGUAGES.has(lang))
    options.onWarning?.(
      `no attribution rules for language "${lang}": quotations found by their marks, speakers only where a name stands beside them`,
    );
  const attribution = options.units === 'attribution';
  const headlineEnd = headlineOrLead(text, options.headlineEnd ?? 0);
  const paragraphs = splitParagraphs(text).filter((p) => p.start >= headlineEnd);
  const sentences = splitSentences(text, paragraphs);
  const quotes = quotationsOf(text, paragraphs, lang);
  const masked = maskAcronyms(maskQuotes(text, quotes));
  const quoteIndex = new Map(quotes.map((q, i) => [q, i]));
  const drafts: Draft[] = [];
  const done = new Set<number>(); // paragraphs fully handled by the structure pass

  // Structure: transcript turns and declarations give whole paragraphs to a speaker.
  const sentencesOf = new Map<number, Sentence[]>();
  for (const s of sentences) {
    const list = sentencesOf.get(s.paragraph);
    if (list) list.push(s);
    else sentencesOf.set(s.paragraph, [s]);
  }
  let turns = transcriptTurns(text, paragraphs);
  if (turns.size === 0 && lang !== 'en') turns = dialogueTurns(text, paragraphs, lang);
  let declarer: string | undefined;
  paragraphs.forEach((p, i) => {
    const turn = turns.get(i);
    const paragraphText = text.slice(p.start, p.end);
    if (turn) {
      declarer = undefined;
      if (!turn.label) {
        done.add(i);
        return;
      }
      const continuation = turn.bodyStart === p.start;
      const ownSentences = sentencesOf.get(i) ?? [];
      const narrative =
        continuation &&
        (hasQuoteMark(paragraphText) ||
          ownSentences.some((s) => reportedIn(lang, text, masked, s).length > 0));
      if (narrative) return;
      const span = trimSpan(text, turn.bodyStart, p.end);
      if (span.end > span.start) {
        drafts.push({
          ...span,
          kind: 'direct',
          speaker: turn.label,
          speakerStart: p.start,
          pronoun: false,
          cue: null,
          paragraph: i,
        });
      }
      done.add(i);
      return;
    }
    const header = declarationSpeaker(text, p);
    if (header) {
      declarer = header;
      done.add(i);
      return;
    }
    if (declarer) {
      const ownSentences = sentencesOf.get(i) ?? [];
      const narrative =
        /:$/.test(paragraphText) ||
        hasQuoteMark(paragraphText) ||
        ownSentences.some((s) => reportedIn(lang, text, masked, s).length > 0);
      if (narrative) {
        declarer = undefined;
        if (/:$/.test(paragraphText)) done.add(i);
        return;
      }
      drafts.push({
        ...trimSpan(text, p.start, p.end),
        kind: 'direct',
        speaker: declarer,
        speakerStart: p.start,
        pronoun: false,
        cue: null,
        paragraph: i,
      });
      done.add(i);
    }
  });

  // Quotations and reported speech, sentence by sentence.
  const quotesBySentence = new Map<Sentence, QuoteSpan[]>();
  for (const q of quotes) {
    const s = sentenceAt(sentences, q.open) ?? sentenceAt(sentences, q.contentStart);
    if (!s || done.has(s.paragraph)) continue;
    const list = quotesBySentence.get(s);
    if (list) list.push(q);
    else quotesBySentence.set(s, [q]);
  }

  for (let sentenceNo = 0; sentenceNo < sentences.length; sentenceNo++) {
    const sentence = sentences[sentenceNo] as Sentence;
    if (done.has(sentence.paragraph)) continue;
    const own = quotesBySentence.get(sentence) ?? [];
    const overlapping: QuoteSpan[] = [];
    for (let k = lastIndexBefore(quotes, (q) => q.close, sentence.start) + 1; k < quotes.length; k++) {
      const q = quotes[k] as QuoteSpan;
      if (q.open >= sentence.end) break;
      overlapping.push(q);
    }
    const allReported = reportedIn(lang, text, masked, sentence);
    // Reported speech that carries quotations is a partial quote whose content is the clause
    // ("said the plan was “dead on arrival”"); reported speech that is one quotation and little else
    // (“said: “…””) is left to the quotation pass.
    const reported = allReported.filter((r) => {
      const quoted = overlapping.reduce(
        (n, q) => n + Math.max(0, Math.min(q.close, r.end) - Math.max(q.open, r.start)),
        0,
      );
      // A quotation opening the span is a direct quote whose tag follows (“…,” X said, according to …).
      if (attribution && overlapping.some((q) => q.open <= r.start && q.close > r.start)) return false;
      return quoted / (r.end - r.start) < (attribution ? 0.8 : 0.5);
    });

    for (const r of reported) {
      const inside = attribution
        ? overlapping.filter((q) => q.contentStart >= r.start - 1 && q.contentEnd <= r.end + 1)
        : [];
      // Inside the clause: a quotation left open at its end (“… of terrorism.) runs past it.
      const quoted = inside
        .map((q) => ({ start: Math.max(q.contentStart, r.start), end: Math.min(q.contentEnd, r.end) }))
        .filter((q) => q.end > q.start);
      // A clause carrying quotations opens after the cue nearest its first one and ends where the
      // next attribution begins ("said a man yelled “…”", "… “…” and said …").
      const bounds = { start: r.start, end: r.end };
      const first = inside[0];
      const last = inside[inside.length - 1];
      if (lang === 'en' && first && last && quoted.length > 0) {
        const cueEnd = cueEndBefore(text, masked, r.start, first.open);
        if (cueEnd > r.start) bounds.start = trimSpan(text, cueEnd, r.end).start;
        const next = nextAttributionStart(text, masked, last.close, r.end);
        if (next >= 0) bounds.end = next;
      }
      drafts.push({
        ...bounds,
        kind: quoted.length > 0 ? 'partial' : 'indirect',
        speaker: r.found.speaker,
        speakerStart: r.found.speakerStart,
        pronoun: r.found.pronoun,
        cue: r.found.cue,
        paragraph: sentence.paragraph,
        ...(quoted.length > 0 ? { quoted } : {}),
        ...spanFields(r.found),
      });
    }
    let sentenceAttribution: Found | undefined;
    for (const q of own) {
      // A short quotation inside reported speech is part of that statement ("said X had “no worries”").
      if (reported.some((r) => q.open >= r.start && q.close <= r.end + 1)) continue;
      // A title in quotation marks between the cue and the reported clause is the addressee:
      // "заявил «Ведомостям», что …", "told «Kommersant» that …".
      if (
        words(text.slice(q.contentStart, q.contentEnd)) <= 3 &&
        (reported.some((r) => r.start >= q.close && r.start - q.close <= 12) ||
          // …or the platform that introduces the quotation: "в соцсети «ВКонтакте»: «…»".
          /^\s*:\s*[«“„"‘]/u.test(text.slice(q.close, q.close + 6)))
      )
        continue;
      const last = sentenceAt(sentences, Math.max(q.open, q.close - 1)) ?? sentence;
      // The attribution lies between this quotation and its neighbours: contexts stop at them, which
      // also keeps the total work linear when a text is nothing but quotations.
      const k = quoteIndex.get(q) ?? -1;
      // A title in quotation marks before it («ВКонтакте», «Зенита») does not cut the context either.
      let previousClose = 0;
      for (let n = k - 1; n >= 0 && n >= k - 3; n--) {
        const prev = quotes[n] as QuoteSpan;
        if (words(text.slice(prev.contentStart, prev.contentEnd)) > 3 || n === k - 3) {
          previousClose = prev.close;
          break;
        }
      }
      // A name in quotation marks inside the attribution («Зенита») does not end the context.
      let nextOpen = text.length;
      for (let n = k + 1; k >= 0 && n < quotes.length && n <= k + 3; n++) {
        const next = quotes[n] as QuoteSpan;
        if (words(text.slice(next.contentStart, next.contentEnd)) > 3 || n === k + 3) {
          nextOpen = next.open;
          break;
        }
      }
      const before = {
        start: Math.max(sentence.start, q.open - CONTEXT_CHARS, Math.min(previousClose, q.open)),
        end: q.open,
      };
      const after = {
        start: q.close,
        end: Math.max(q.close, Math.min(last.end, q.close + CONTEXT_CHARS, Math.max(nextOpen, q.close))),
      };
      // Several quotations in one sentence share the attribution that introduced the first
      // ("X stated that parties “…” with court decisions, “…”").
      let found =
        quoteAttribution(lang, text, masked, before, after) ??
        (lang === 'en' ? tagAfter(text, masked, q, paragraphs[sentence.paragraph]) : undefined) ??
        (lang === 'en' ? nameBeforeColon(text, sentence, q) : undefined) ??
        sentenceAttribution ??
        introducedByPreviousParagraph(lang, text, masked, paragraphs, sentence, q);
      // Reported speech that is mostly this quotation ("По её словам, Лебедев «воспитал …»", "said
      // the decision was “…”"): the quotation is the statement, and it has that speaker.
      if (!found?.speaker) {
        const carrier = allReported.find(
          (r) => !reported.includes(r) && r.found.speaker && q.open >= r.start - 1 && q.contentStart < r.end,
        );
        if (carrier) found = carrier.found;
      }
      if (!found?.speaker) found = labelBeforeColon(masked, sentence, q.open) ?? found;
      if (!found?.speaker && lang === 'en') found = documentAttribution(text, masked, sentence, q) ?? found;
      if (!found?.speaker && lang === 'en') found = subjectBeforeColon(text, masked, sentence, q) ?? found;
      // A subject that only opens the sentence does not make a term in quotation marks speech.
      const term = isTermInQuotes(text, q, found, lang);
      if (!found?.speaker && lang === 'en') {
        // Bounded slices: a sentence may be a megabyte long with thousands of quotations in it.
        const from =
          sentence.start +
          datelineEnd(masked.slice(sentence.start, Math.min(sentence.end, sentence.start + 400)));
        const a = subjectIntroducer(text, masked, from, q.open);
        if (a)
          found = {
            speaker: a.speaker,
            speakerStart: a.speakerStart,
            speakerEnd: a.speakerEnd,
            cue: null,
            pronoun: false,
          };
      }
      if (term) continue;
      // Only the words just before the quotation matter; a bounded slice keeps long sentences linear.
      const lead = `${before.start > sentence.start ? '… ' : ''}${masked.slice(before.start, q.open)}`.trim();
      // Direct: the quotation is its own clause — it opens the sentence, follows a colon or dash, or
      // follows "SPEAKER said,". Otherwise it is woven into the reporter's sentence: partial.
      const direct =
        lang !== 'en' ||
        lead === '' ||
        /[:–—-]$/.test(lead) ||
        datelineOnly(lead) ||
        // "…, telling reporters, “A lot …”", "shouted, “Stop …!”": a capitalised quotation after a comma.
        (/,$/.test(lead) &&
          /^\p{Lu}/u.test(text.slice(q.contentStart, q.contentStart + 1)) &&
          lang === 'en') ||
        /\b(?:said|says|added|adds|told|wrote|writes|asked|replied|stated|declared|warned|noted|continued|explained)\b[^,“”"]{0,60},$/.test(
          lead,
        );
      if (found?.speaker && found.speakerStart < q.open) sentenceAttribution = found;
      const quotation = { start: q.contentStart, end: q.contentEnd };
      // A partial quote's content is the clause that carries the fragment; the fragment is its quotation.
      const content = direct || !attribution ? quotation : partialClause(text, masked, sentence, q, found);
      drafts.push({
        ...content,
        kind: direct ? 'direct' : 'partial',
        speaker: found?.speaker ?? null,
        speakerStart: found?.speaker ? found.speakerStart : q.open,
        pronoun: found?.pronoun ?? false,
        cue: found?.cue ?? null,
        paragraph: sentence.paragraph,
        quoted: [quotation],
        ...spanFields(found),
      });
    }
    if (own.length === 0 && reported.length === 0) {
      const sentenceText = text.slice(sentence.start, sentence.end);
      if (options.issuer && ISSUER_VOICE.test(sentenceText)) {
        const span = trimSpan(text, sentence.start, sentence.end);
        while (span.end > span.start && /[.!]/.test(text[span.end - 1] as string)) span.end--;
        drafts.push({
          ...span,
          kind: 'direct',
          speaker: options.issuer,
          speakerStart: sentence.start,
          pronoun: false,
          cue: null,
          paragraph: sentence.paragraph,
        });
      } else if (genericRules(lang)?.reportive.size) {
        // "Scholz sagte, … . Es sei furchtbar, …": a sentence in the reportive mood goes on with the
        // reported speech just before it, in this paragraph or the one before.
        const rules = genericRules(lang) as NonNullable<ReturnType<typeof genericRules>>;
        const previous = drafts[drafts.length - 1];
        const sentenceText = masked.slice(sentence.start, sentence.end);
        const reportive = (sentenceText.match(/\p{L}+/gu) ?? []).some((w) => rules.reportive.has(w));
        if (
          reportive &&
          previous?.speaker &&
          sentence.paragraph - previous.paragraph <= 1 &&
          sentence.start - previous.end < 400 &&
          words(sentenceText) >= 4
        ) {
          const span = trimSpan(text, sentence.start, sentence.end);
          while (span.end > span.start && /[.!]/.test(text[span.end - 1] as string)) span.end--;
          drafts.push({
            ...span,
            kind: 'indirect',
            speaker: previous.speaker,
            speakerStart: previous.speakerStart,
            pronoun: previous.pronoun,
            cue: null,
            paragraph: sentence.paragraph,
          });
        }
      } else if (lang === 'ru') {
        // "Об этом заявил X": the sentence before it is X's.
        const about = aboutThis(text, masked, sentence);
        const previous = sentenceNo > 0 ? sentences[sentenceNo - 1] : undefined;
        if (
          about &&
          previous &&
          previous.paragraph === sentence.paragraph &&
          !quotesBySentence.has(previous)
        ) {
          const from = previous.start + russianDatelineEnd(text.slice(previous.start, previous.end));
          const span = trimSpan(text, from, previous.end);
          while (span.end > span.start && text[span.end - 1] === '.') span.end--;
          if (
            words(text.slice(span.start, span.end)) >= 3 &&
            !drafts.slice(-8).some((d) => d.start < span.end && d.end > span.start)
          ) {
            // "Об этом он сказал": "он" is the person the reported sentence itself names first.
            const named = about.pronoun ? nameMentions(text.slice(span.start, span.end))[0] : undefined;
            drafts.push({
              ...span,
              kind: 'indirect',
              speaker: named ? named.name : about.speaker,
              speakerStart: named ? span.start + named.start : about.speakerStart,
              pronoun: named ? false : about.pronoun,
              cue: about.cue,
              paragraph: sentence.paragraph,
            });
          }
        }
      }
    }
  }

  drafts.sort((a, b) => a.start - b.start || a.end - b.end);
  const unique: Draft[] = [];
  for (const d of drafts) {
    const prev = unique[unique.length - 1];
    if (prev && prev.start === d.start && prev.end === d.end) {
      // Two fragments of one clause ("called it “…” and “…”"): one statement with both quotations.
      if (d.quoted)
        prev.quoted = [
          ...(prev.quoted ?? []),
          ...d.quoted.filter((x) => !prev.quoted?.some((y) => y.start === x.start)),
        ];
      if (!prev.speaker && d.speaker)
        Object.assign(prev, {
          speaker: d.speaker,
          speakerStart: d.speakerStart,
          pronoun: d.pronoun,
          cue: d.cue,
          ...spanFields(d),
        });
      continue;
    }
    unique.push(d);
  }
  // Quotation runs are joined where PolNeAR's English measured it; other languages keep one
  // statement per quotation.
  const units = attribution ? withoutContained(unique) : unique;
  const resolved = resolveSpeakers(
    text,
    cleanSpeakers(
      withoutCutTags(text, attribution && lang === 'en' ? mergeQuotationRuns(text, units) : units),
    ),
    sentences,
    lang,
  );
  return resolved.map((d) => {
    const statement: Statement = {
      id: contentId('st', options.documentId ?? '', d.start, d.end, d.kind),
      text: text.slice(d.start, d.end),
      kind: d.kind,
      speaker: d.speaker,
      resolvedSpeaker: d.resolved,
      cue: d.cue,
      lang,
      start: d.start,
      end: d.end,
    };
    if (d.quoted && d.kind !== 'indirect')
      statement.quoted = d.quoted.map((q) => ({ ...q, text: text.slice(q.start, q.end) }));
    if (d.speaker && d.speakerEnd !== undefined && d.speakerEnd > d.speakerStart)
      statement.source = {
        start: d.speakerStart,
        end: d.speakerEnd,
        text: text.slice(d.speakerStart, d.speakerEnd),
      };
    if (d.cueStart !== undefined && d.cueEnd !== undefined && d.cueEnd > d.cueStart)
      statement.cueSpan = { start: d.cueStart, end: d.cueEnd, text: text.slice(d.cueStart, d.cueEnd) };
    return statement;
  });
}

/**
 * A speaker label is a name, never a fragment around it: a capitals heading before a dash goes
 * ("MORE TO COME - Ann Lee" → "Ann Lee").
 */
function cleanSpeakers(drafts: Draft[]): Draft[] {
  for (const d of drafts) {
    if (!d.speaker) continue;
    const heading = /^[\p{Lu}\p{N}\s’'.,!?:]{6,}\s[-–—]\s+(?=\p{Lu}\p{Ll})/u.exec(d.speaker);
    if (heading) {
      d.speaker = d.speaker.slice(heading[0].length);
      d.speakerStart += heading[0].length;
    }
  }
  return drafts;
}

/**
 * The tag right after a quotation ("…,” the Ohio senator said"), on its line: a line that follows a
 * quotation starts a sentence of its own ("…silence.”\nPutin suggested …" is no tag).
 */
function tagAfter(
  text: string,
  masked: string,
  q: QuoteSpan,
  paragraph: Span | undefined,
): Found | undefined {
  const end = paragraph?.end ?? text.length;
  const lineEnd = text.indexOf('\n', q.close);
  const a = quotationTag(text, masked, q.close, lineEnd >= 0 && lineEnd < end ? lineEnd : end);
  return (
    a && {
      speaker: a.speaker,
      speakerStart: a.speakerStart,
      speakerEnd: a.speakerEnd,
      cue: a.cue,
      cueStart: a.cueStart,
      cueEnd: a.cueEnd,
      pronoun: a.pronoun,
    }
  );
}

function spanFields(found: Found | undefined): Pick<Draft, 'speakerEnd' | 'cueStart' | 'cueEnd'> {
  if (!found) return {};
  const out: Pick<Draft, 'speakerEnd' | 'cueStart' | 'cueEnd'> = {};
  if (found.speaker) out.speakerEnd = found.speakerEnd ?? found.speakerStart + found.speaker.length;
  if (found.cueStart !== undefined && found.cueEnd !== undefined) {
    out.cueStart = found.cueStart;
    out.cueEnd = found.cueEnd;
  }
  return out;
}

/** A statement lying wholly inside a partial quote's clause is that clause's quotation, not another statement. */
function withoutContained(drafts: Draft[]): Draft[] {
  // Drafts are sorted by start: a containing clause is among the few before (or just after) each.
  return drafts.filter((d, i) => {
    for (let k = Math.max(0, i - 8); k < Math.min(drafts.length, i + 3); k++) {
      const o = drafts[k] as Draft;
      if (
        o !== d &&
        o.kind === 'partial' &&
        d.kind !== 'indirect' &&
        o.start <= d.start &&
        o.end >= d.end &&
        o.end - o.start > d.end - d.start &&
        (o.quoted ?? []).some((q) => q.start <= d.start + 1 && q.end >= d.end - 1)
      )
        return false;
    }
    return true;
  });
}

/**
 * The words between two quotations are only their tag (“…,” she said. “…”): one cue at most and a
 * dozen words, not narrative of its own ("…,” Tenney said about the money spent against her. “…").
 */
function splitByTag(gap: string): boolean {
  const inner = gap.replace(/^[\s,.!?…”"»’]+|[\s“"«„‘]+$/gu, '');
  // A sentence of narrative after the tag ("…,” X tweeted. Experts expect …. “"), or a new
  // introduction ("…,” X said. Later X went further: “"), starts another attribution.
  const breaks = [
    ...inner.matchAll(
      /(?<!\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Col|Capt|Sgt|St|Jr|Sr|Prof|Rev|U\.S|\p{Lu}))[.!?]\s+(?=\p{Lu})/gu,
    ),
  ].length;
  return breaks === 0 && !/:\s*$/.test(inner) && inner.split(/\s+/).filter(Boolean).length <= 40;
}

/**
 * A speaker whose name runs into the end of the text, without so much as a full stop after it ("…,
 * — сказал Ива" where a stored excerpt stops mid-word), may be a name cut short: it names no one
 * surely, so the statement is left without a written speaker (resolution may still find him in the
 * text before) rather than credited to the fragment.
 */
function withoutCutTags(text: string, drafts: Draft[]): Draft[] {
  const end = text.trimEnd().length;
  return drafts.map((d) => {
    if (!d.speaker || d.speakerEnd === undefined || d.speakerEnd < end) return d;
    if (!/\p{L}$/u.test(text.slice(0, end))) return d;
    return { ...d, speaker: null, speakerEnd: undefined };
  });
}

/**
 * A quotation split by its attribution (“…,” she said. “…”) is one attribution, as PARC and PolNeAR
 * annotate it: one statement from the first quotation to the last, its quotations listed in
 * `quoted`. Runs stay inside one paragraph; a quotation with another speaker ends the run.
 */
function mergeQuotationRuns(text: string, all: Draft[]): Draft[] {
  // Reported speech read inside the tag itself ("…,” X said, according to a pool report. “…") is
  // part of the tag, not a statement between the two quotations.
  const drafts = all.filter((d, i) => {
    const before = all[i - 1];
    const after = all[i + 1];
    return !(
      d.kind === 'indirect' &&
      before?.kind === 'direct' &&
      after?.kind === 'direct' &&
      before.paragraph === d.paragraph &&
      after.paragraph === d.paragraph &&
      d.start >= before.end &&
      d.end <= after.start &&
      after.start - before.end <= 200 &&
      // A line of its own between the quotations is a sentence of its own, not their tag.
      !/\n/.test(text.slice(before.end, after.start)) &&
      splitByTag(text.slice(before.end, after.start))
    );
  });
  const out: Draft[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.kind === 'direct' &&
      d.kind === 'direct' &&
      prev.paragraph === d.paragraph &&
      d.start >= prev.end &&
      d.start - prev.end <= 200 &&
      !/\n/.test(text.slice(prev.end, d.start)) &&
      /[“”"«»„‘’]/.test(text.slice(prev.end, d.start)) &&
      splitByTag(text.slice(prev.end, d.start)) &&
      // A second quotation with a tag of its own (“…,” she said) is an attribution of its own.
      (d.cueStart === undefined || d.cueStart === prev.cueStart) &&
      (d.speaker === null || prev.speaker === null || d.speaker === prev.speaker)
    ) {
      const named = prev.speaker ? prev : d;
      out[out.length - 1] = {
        ...named,
        start: prev.start,
        end: d.end,
        kind: 'direct',
        quoted: [
          ...(prev.quoted ?? [{ start: prev.start, end: prev.end }]),
          ...(d.quoted ?? [{ start: d.start, end: d.end }]),
        ],
      };
      continue;
    }
    out.push(d);
  }
  return out;
}

/** Participles and infinitives of cues that open a partial quote's clause after a comma or a noun. */
const PARTICIPLE_CUE =
  /(?:,\s+|\b(?:statement|letter|post|tweet|message|remarks?)\s+)(?:calling|saying|urging|adding|describing|declaring|warning|accusing|insisting|arguing|claiming|noting|labell?ing|branding|dubbing|praising|promising|vowing|demanding|asking|suggesting|telling)\s+/gu;

/**
 * The clause that carries a partial quote: from just after its cue (or the sentence's start) to the
 * sentence's end, or to the attribution that follows the quotation ("…, the lawsuit says").
 */
function partialClause(
  text: string,
  masked: string,
  sentence: Sentence,
  q: QuoteSpan,
  found: Found | undefined,
): Span {
  let start =
    sentence.start + datelineEnd(masked.slice(sentence.start, Math.min(sentence.end, sentence.start + 400)));
  let end = sentence.end;
  if (found?.cueEnd !== undefined && found.cueEnd <= q.open && found.cueEnd >= start) {
    start = Math.max(
      found.cueEnd,
      found.speakerEnd !== undefined && found.speakerEnd <= q.open ? found.speakerEnd : 0,
    );
  } else if (found?.speaker && found.speakerStart >= q.close && found.speakerStart < sentence.end) {
    end = found.speakerStart;
  } else if (found?.cueStart !== undefined && found.cueStart >= q.close && found.cueStart < sentence.end) {
    end = found.cueStart;
  }
  // A participle cue nearer the fragment opens its own clause ("…, calling the decision “baffling”",
  // "a statement urging Mongolia to “…”"): the clause starts after it.
  let near: RegExpExecArray | undefined;
  const leadFrom = Math.max(start, q.open - 300);
  for (const m of masked.slice(leadFrom, q.open).matchAll(PARTICIPLE_CUE)) near = m;
  if (near) start = leadFrom + near.index + near[0].length;
  // …and so does any cue verb nearer it than the attribution's own ("took the stage and called the
  // plan “…”", "thanked the mayor for “…”"), unless the attribution follows the fragment.
  const tagAfter = found?.speaker !== undefined && found?.speaker !== null && found.speakerStart >= q.close;
  if (!tagAfter) {
    const cueEnd = cueEndBefore(text, masked, Math.max(sentence.start, q.open - 300), q.open);
    if (cueEnd > start) start = cueEnd;
  }
  // A coordinated or participial cue after the fragment opens the next attribution ("…,” saying
  // that …", "… and said …"): the clause ends before it.
  const next = nextAttributionStart(text, masked, q.close, end);
  if (next >= 0) end = next;
  const span = trimSpan(text, start, end);
  while (span.end > span.start && /[\s,;:.—–-]/.test(text[span.end - 1] as string)) span.end--;
  while (span.end > span.start && /[\s,;:—–-]/.test(text[span.start] as string)) span.start++;
  // Keep the fragment's own closing mark and punctuation inside the clause.
  if (span.end < q.close && span.end >= q.contentEnd) span.end = Math.min(q.close, end);
  if (span.start > q.contentStart || span.end < q.contentEnd || span.end - span.start > 1_500)
    return { start: q.contentStart, end: q.contentEnd };
  return span;
}

/**
 * A plain-text file's first line is taken for a headline upstream; a first line that is a full
 * sentence of body text (long, or ending in a full stop after many words) is the lead paragraph,
 * and its statements count.
 */
function headlineOrLead(text: string, headlineEnd: number): number {
  if (headlineEnd <= 0) return 0;
  const head = text.slice(0, headlineEnd).trim();
  const words = head.split(/\s+/).length;
  // A line in title case ("Mayor Says The Bridge Will Reopen In May.") is a headline however it ends.
  const lettered = head.split(/\s+/).filter((w) => /^[‘“"'(]?\p{L}/u.test(w));
  const capitalised = lettered.filter((w) => /^[‘“"'(]?\p{Lu}/u.test(w)).length;
  if (head.length <= 200 && lettered.length >= 4 && capitalised >= 0.7 * lettered.length) return headlineEnd;
  if (head.length > 200 || (/\.["”’»)]?$/.test(head) && words > 12)) return 0;
  return headlineEnd;
}

function datelineOnly(lead: string): boolean {
  return /^[\p{Lu}\s,.()\d/–—-]*$/u.test(lead);
}

/**
 * Person roles that, standing alone ("the ambassador said", "— отметил министр", "гэж сайд хэлэв"),
 * refer back to a person the text has named; longer descriptions ("a spokesperson for the company")
 * and bodies ("следствие") are speakers in their own right.
 */
const ANAPHORIC_ROLES = new Set([
  'ambassador',
  'minister',
  'president',
  'spokesman',
  'spokeswoman',
  'governor',
  'mayor',
  'judge',
  'coach',
  'manager',
  'chancellor',
  'secretary',
  'senator',
  'premier',
  'envoy',
  'diplomat',
  'министр',
  'дипломат',
  'посол',
  'президент',
  'губернатор',
  'тренер',
  'наставник',
  'глава',
  'премьер',
  'спикер',
  'сенатор',
  'мэр',
  'судья',
  'серб',
  'собеседник',
  'политик',
  'чиновник',
  'эксперт',
  // Russian sports and feature writing refers back by position or nationality ("— сказал колумбиец").
  'нападающий',
  'форвард',
  'защитник',
  'полузащитник',
  'вратарь',
  'голкипер',
  'капитан',
  'футболист',
  'теннисист',
  'теннисистка',
  'спортсмен',
  'спортсменка',
  'колумбиец',
  'бразилец',
  'аргентинец',
  'испанец',
  'итальянец',
  'француз',
  'немец',
  'португалец',
  'хорват',
  'американец',
  'британец',
  'россиянин',
  'актёр',
  'актриса',
  'режиссёр',
  'писатель',
  'певец',
  'певица',
  'россиянка',
  'итальянка',
  'американка',
  'француженка',
  'испанка',
  'немка',
  'председатель',
  'вице-премьер',
  'striker',
  'forward',
  'midfielder',
  'defender',
  'goalkeeper',
  'captain',
  'сайд',
  'дарга',
  'дасгалжуулагч',
  'ерөнхийлөгч',
  'төлөөлөгч',
  'элчин',
  'шүүгч',
  'захирал',
]);

/**
 * "In a statement, the party said:" closing one paragraph and the quotation opening the next: the
 * introduction's attribution is the quotation's.
 */
function introducedByPreviousParagraph(
  lang: string,
  text: string,
  masked: string,
  paragraphs: Span[],
  sentence: Sentence,
  q: QuoteSpan,
): Found | undefined {
  const paragraph = paragraphs[sentence.paragraph];
  const previous = paragraphs[sentence.paragraph - 1];
  if (!paragraph || !previous || masked.slice(paragraph.start, q.open).trim() !== '') return undefined;
  if (!/:\s*$/.test(text.slice(previous.start, previous.end))) return undefined;
  const from = Math.max(previous.start, previous.end - CONTEXT_CHARS);
  return quoteAttribution(
    lang,
    text,
    masked,
    { start: from, end: previous.end },
    { start: previous.end, end: previous.end },
  );
}

/** A document that carries someone's words, as a quotation's tag names it: "the statement", "a letter". */
const DOCUMENT_LABEL =
  /^(?:(?:the|this|that|its|his|her|their|a|an)\s+)?(?:[\p{Ll}-]+\s+)?(statement|letter|message|post|note|notice|email|e-mail|tweet|memo|filing|release|communiqu[eé])$/iu;
/** A capitalised run that can name a body: "Wall Street Journal", "the Ministry of Justice", "FSB". */
const BODY_RUN = /\p{Lu}[\p{L}.’'&-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?\p{Lu}[\p{L}.’'&-]*)*/gu;

/**
 * The body a clause opens with before it mentions a document ("his company, the Acme Gazette, put
 * out"): its first capitalised run of two words or more, or an acronym, that names a speaker; with
 * `opening`, the run the words start with, of any length ("a statement from Acme").
 */
function bodyBefore(clause: string, opening = false): string | undefined {
  for (const m of clause.matchAll(BODY_RUN)) {
    if (opening && m.index !== 0) return undefined;
    const run = m[0].replace(/['’]s$/u, '');
    const several = opening || /\s/u.test(run) || /^\p{Lu}{2,6}$/u.test(run);
    if (several && isSpeakerLabel(run)) return run;
  }
  return undefined;
}

/** A definite description of a body named before: "the company", "the ministry", "the carmaker". */
const DEFINITE_ORGANISATION =
  /^(?:the\s+)?(?:company|firm|group|carmaker|bank|ministry|agency|embassy|union|airline|operator|department|organisation|organization|authority|regulator|broadcaster|newspaper|club|federation|association|council|committee|force|daily|paper|outlet|publication|magazine|tabloid|network|channel|website)$/i;
/** Nouns by which a text refers back to a publication or broadcaster. */
const MEDIA_NOUN =
  /^(?:daily|newspaper|paper|outlet|publication|magazine|tabloid|broadcaster|network|channel|website)$/;
/** Nouns that refer back to any body that is not a publication ("the company" for Acme Corp). */
const GENERIC_BODY_NOUN =
  /^(?:company|firm|group|carmaker|airline|operator|organisation|organization|club|force)$/;
/** A publication's or broadcaster's name: the title words mastheads use, or a short acronym (CNN). */
const MEDIA_NAME =
  /\b(?:Times|Post|Journal|News|Daily|Herald|Tribune|Guardian|Telegraph|Gazette|Observer|Independent|Chronicle|Globe|Mail|Express|Magazine|Radio|TV|Television|Press|Wire|Broadcasting|Review|Weekly|Courier|Examiner|Ведомости|Коммерсант|газета|Известия)\b|^\p{Lu}{2,5}$/u;

function isAnaphoricRole(label: string): boolean {
  const bare = label
    .replace(/^(?:the)\s+/i, '')
    .trim()
    .toLowerCase();
  if (ANAPHORIC_ROLES.has(bare)) return true;
  // A role with the body it serves and no name ("глава ЦБ", "глава правительства", "министр
  // финансов"): the person named earlier in that role.
  // …and with an adjective before it ("российский теннисист", "бывший министр").
  const words = bare.split(/\s+/);
  return (
    /\p{Script=Cyrillic}/u.test(bare) &&
    words.length <= 3 &&
    (ANAPHORIC_ROLES.has(words[0] as string) ||
      (words.length === 2 &&
        /(?:ий|ый|ой|ая)$/u.test(words[0] as string) &&
        ANAPHORIC_ROLES.has(words[1] as string))) &&
    !personName(label)
  );
}

/** A name and the start of its apposition, just before a role word ("Kathy Hochul, the … governor"). */
const APPOSED_BEFORE_ROLE =
  /((?:\p{Lu}\.){0,2}\p{Lu}[\p{L}\p{M}'’.-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){0,2}),\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}'’-]+\s+){0,4}$/u;

/**
 * Who each statement's speaker is. A pronoun or bare role ("he", "она", "the ambassador", "сайд")
 * takes, in order: the speaker of the latest statement in the same paragraph, the first person named
 * in the previous sentence, the speaker of the latest statement in the previous paragraph, the latest
 * person named before it. A statement with no attribution carries the nearest earlier statement's
 * speaker from the same or the previous paragraph ("…,” he said. “…”). Named speakers come out as
 * the person's name without titles, and a bare surname as the full name the document gives.
 */
function resolveSpeakers(
  text: string,
  drafts: Draft[],
  sentences: Sentence[],
  lang: string,
): Array<Draft & { resolved: string | null }> {
  const mentions = nameMentions(text);
  const acronyms = definedAcronyms(text);
  const fullNames = new Map<string, string | undefined>();
  // A label that names someone stays as written ("Kremlin spokesman Dmitry Peskov"); a bare surname
  // or initialled name becomes the full name the document gives, and a transcript's capitals are
  // read as a name ("SEN. JEANNE SHAHEEN" → "Jeanne Shaheen").
  const canonical = (label: string): string => {
    const person = personName(label);
    // An acronym the text defined ("Scottish and Southern Electricity Networks (SSEN)") is the body.
    const expanded = acronyms.get(label.trim());
    if (expanded) return expanded;
    if (!person) {
      // A Russian body comes out in the nominative ("в Следственном комитете" → "Следственный комитет").
      // …and without the locative's preposition ("В МИД России заявили" → МИД России).
      const body = label.replace(/^(?:the|a|an)\s+/i, '');
      return /\p{Script=Cyrillic}/u.test(body)
        ? russianBodyNominative(body.replace(/^[Вв]о?\s+/u, ''))
        : body;
    }
    // Transcript labels in capitals ("SEN. JEANNE SHAHEEN"); acronyms ("UNICEF", "SANA") stay.
    if (!/\p{Ll}/u.test(label) && /[\s.]/.test(label.trim())) return person;
    const short = !person.includes(' ') || /^(?:\p{Lu}\.){1,2}\s?\S+$/u.test(person);
    if (!short || label.trim() !== person) return label;
    if (!fullNames.has(person)) fullNames.set(person, fullNameFor(person, mentions));
    return fullNames.get(person) ?? label;
  };
  // Every "ROLE Name" in the text, per role word, found once: "the ambassador" → Ambassador X.
  const roleNames = new Map<string, Array<{ end: number; name: string }>>();
  const roleMention = (label: string, before: number): string | undefined => {
    const role = label
      .replace(/^(?:the|a|an)\s+/i, '')
      .trim()
      .toLowerCase();
    let list = roleNames.get(role);
    if (!list) {
      list = [];
      const escaped = role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // Case-sensitive, so the name's capitals mean capitals ("сайд П.Наранбаяр ирэх" stops at the
      // name); the role itself may open a sentence ("Сайд").
      const first = escaped.charAt(0);
      const roleSource = `(?:${first.toUpperCase()}|${first})${escaped.slice(1)}`;
      const re = new RegExp(
        `(?:^|[^\\p{L}])${roleSource}\\s+(?:[\\p{Ll}-]+\\s+){0,3}?((?:\\p{Lu}\\.){0,2}\\p{Lu}[\\p{L}\\p{M}'’.-]+(?:\\s+\\p{Lu}[\\p{L}\\p{M}'’-]+){0,2})`,
        'gu',
      );
      for (const m of text.matchAll(re)) {
        const name = m[1] as string;
        // "Vice President Kamala Harris" is not who "the president" is.
        const modifier = /([\p{L}-]+)[^\S\n]*$/u.exec(
          text.slice(Math.max(0, m.index - 24), m.index + 1),
        )?.[1];
        if (modifier && modifiesRole(modifier)) continue;
        // "President of Ukraine Volodymyr Zelenskyy": the country the role is of, then the name.
        const place = /\bof\s+$/u.test(m[0].slice(0, m[0].length - name.length))
          ? /^(\p{Lu}[\p{L}\p{M}'’-]+)\s+(.+)$/u.exec(name)
          : null;
        const ofPlace = place?.[1] && isPlaceName(place[1]) ? place[2] : undefined;
        const named =
          ofPlace && personName(ofPlace) === ofPlace ? ofPlace : personName(name) ? name : undefined;
        if (named) list.push({ end: m.index + m[0].length, name: named });
      }
      // …and in apposition after the name: "Kathy Hochul, the governor of New York, …" — read back
      // from each occurrence of the role, so the cost is the role's occurrences, not the text's words.
      for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${roleSource}(?![\\p{L}])`, 'gu'))) {
        const window = text.slice(Math.max(0, m.index - 90), m.index);
        const apposed = APPOSED_BEFORE_ROLE.exec(window);
        const name = apposed?.[1];
        // The words between are the role's modifiers ("the long-serving governor", "Ukraine's
        // president"), never a clause ("Obviously, killed by Putin President …" is a headline
        // running into a caption).
        const between = apposed ? window.slice(apposed.index + apposed[0].indexOf(',') + 1) : '';
        const modifiersOnly = between
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .every(
            (w, k) =>
              (k === 0 && /^(?:the|a|an)$/i.test(w)) ||
              !(isStopword(w.toLowerCase()) || /\p{Ll}(?:ed|ing)$/u.test(w)),
          );
        if (name && modifiersOnly && personName(name)) list.push({ end: m.index + m[0].length, name });
      }
      list.sort((a, b) => a.end - b.end);
      roleNames.set(role, list);
    }
    const at = lastIndexBefore(list, (x) => x.end, before);
    return at >= 0 ? canonical((list[at] as { name: string }).name) : undefined;
  };
  const sentenceIndex = new Map(sentences.map((s, i) => [s, i]));
  // Subheadings: a paragraph of one short sentence without final punctuation.
  const perParagraph = new Map<number, Sentence[]>();
  const firstOfParagraph = new Map<number, Sentence>();
  for (const s of sentences) {
    const list = perParagraph.get(s.paragraph);
    if (list) list.push(s);
    else {
      perParagraph.set(s.paragraph, [s]);
      firstOfParagraph.set(s.paragraph, s);
    }
  }
  const headings = new Set<number>();
  for (const [p, list] of perParagraph) {
    const only =
      list.length === 1 ? text.slice((list[0] as Sentence).start, (list[0] as Sentence).end).trim() : '';
    if (only && only.length < 60 && !/[.!?…:;»"”’)]$/u.test(only)) headings.add(p);
  }
  const byParagraph = new Map<number, Array<{ end: number; resolved: string }>>();
  const latestEntryIn = (
    paragraph: number,
    before: number,
  ): { end: number; resolved: string } | undefined => {
    const list = byParagraph.get(paragraph);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= Math.max(0, list.length - 4); i--) {
      const o = list[i] as { end: number; resolved: string };
      if (o.end <= before) return o;
    }
    return undefined;
  };
  const latestIn = (paragraph: number, before: number): string | undefined =>
    latestEntryIn(paragraph, before)?.resolved;
  const out: Array<Draft & { resolved: string | null }> = [];
  // "the company said": the organisation that spoke last, within three paragraphs.
  // Only a compatible body: "the daily" a publication, "the ministry" a ministry, "the company"
  // any body that is no publication.
  const latestBody = (paragraph: number, label: string): string | undefined => {
    const noun = label
      .replace(/^the\s+/i, '')
      .trim()
      .toLowerCase();
    const media = MEDIA_NOUN.test(noun);
    for (let i = out.length - 1; i >= 0 && i >= out.length - 12; i--) {
      const o = out[i] as Draft & { resolved: string | null };
      if (paragraph - o.paragraph > 3) break;
      const r = o.resolved;
      if (!r || DEFINITE_ORGANISATION.test(r)) continue;
      const isMedia = MEDIA_NAME.test(r);
      // "Morning Herald" reads like a person's name; its masthead word says it is not one.
      if (personName(r) && !isMedia) continue;
      if (media ? isMedia : GENERIC_BODY_NOUN.test(noun) ? !isMedia : r.toLowerCase().includes(noun))
        return r;
    }
    return undefined;
  };
  const subjectOf = (s: Sentence): NameMention | undefined => {
    // The main clause: after a fronted one ("As he took questions, Mr. Biden seemed …").
    const start = mainClauseStart(text, s);
    let found: NameMention | undefined;
    const first = mentions[lastIndexBefore(mentions, (m) => m.start, start - 1) + 1];
    if (first && first.end <= s.end) found = first;
    // "Netanyahu praised the idea.": a bare surname opening the sentence is its subject.
    // …also after an abbreviated title ("Mr. Biden seemed intent …").
    const opening = /^(?:\p{Lu}\p{Ll}{0,3}\.\s+)?(\p{Lu}[\p{Ll}'’-]+)(?=[\s,])/u.exec(
      text.slice(start, s.end),
    );
    const opener = opening?.[1];
    const full = opener ? personWord(opener, mentions) : undefined;
    if (full && (!found || found.start > start))
      found = { name: full, start, end: start + (opening?.[0].length ?? 0) };
    // "Poco después del anuncio, Biden fue consultado …": a surname after a fronted phrase.
    const fronted = /^[^,\n]{3,60},[^\S\n]+(\p{Lu}[\p{Ll}'’-]+)(?=[^\S\n]+\p{Ll})/u.exec(
      text.slice(start, s.end),
    );
    const after = fronted?.[1] ? personWord(fronted[1], mentions) : undefined;
    const at = start + (fronted?.[0].length ?? 0);
    if (after && fronted && (!found || found.start > at))
      found = { name: after, start: at - (fronted[1] as string).length, end: at };
    return found;
  };
  // "“…,” the statement read." after "The Acme Corp. put out a statement …": the author is the
  // subject of the sentence, up to four back in the paragraph or the one before, that mentions the
  // document — or a name right after "statement from/by". Never the document's noun itself.
  const documentAuthor = (noun: string, d: Draft): string | undefined => {
    const sentence = sentenceAt(sentences, d.speakerStart);
    const index = sentence ? (sentenceIndex.get(sentence) ?? -1) : -1;
    const mentioned = new RegExp(`(?<![\\p{L}])${noun}s?(?![\\p{L}])`, 'iu');
    let spoke: (Draft & { resolved: string | null }) | undefined;
    for (let k = out.length - 1; k >= 0 && !spoke; k--) {
      const o = out[k] as Draft & { resolved: string | null };
      if (o.resolved && o.end <= Math.min(d.start, d.speakerStart)) spoke = o;
    }
    for (let i = index; i >= Math.max(0, index - 4); i--) {
      const s = sentences[i] as Sentence;
      if (s.paragraph < d.paragraph - 1) break;
      const end = i === index ? Math.min(s.end, d.speakerStart) : s.end;
      const at = mentioned.exec(text.slice(s.start, end));
      if (!at) continue;
      // Someone quoted since the document was mentioned ("“…,” the government said. “…,” the
      // statement said."): the statement is the last speaker's.
      if (spoke && spoke.end > s.start) return spoke.resolved ?? undefined;
      const from = s.start + at.index + at[0].length;
      const by = /^\s+(?:from|by|of)\s+(?:the\s+)?/iu.exec(text.slice(from, from + 12));
      const named = by
        ? (mentions.find((m) => m.start === from + by[0].length)?.name ??
          bodyBefore(text.slice(from + by[0].length, from + by[0].length + 80), true))
        : undefined;
      if (named) return canonical(named);
      const subject = subjectOf(s);
      if (subject && subject.start < s.start + at.index) return canonical(subject.name);
      const body = bodyBefore(text.slice(mainClauseStart(text, s), s.start + at.index));
      if (body) return canonical(body);
    }
    return undefined;
  };
  for (const d of drafts) {
    let resolved: string | null = null;
    // "…“, sagte der SPD-Politiker": a definite title alone refers back like a pronoun.
    const article = d.speaker
      ? /(\p{L}+['’]?)\s+$/u.exec(text.slice(Math.max(0, d.speakerStart - 12), d.speakerStart))?.[1]
      : undefined;
    const definiteRole = Boolean(
      d.speaker && !d.pronoun && article && isDefiniteRole(lang, article, d.speaker),
    );
    const namedLabel = d.speaker && !d.pronoun && !definiteRole && !isAnaphoricRole(d.speaker);
    const organisation =
      d.speaker && DEFINITE_ORGANISATION.test(d.speaker) ? latestBody(d.paragraph, d.speaker) : undefined;
    const document = d.speaker ? DOCUMENT_LABEL.exec(d.speaker)?.[1] : undefined;
    if (organisation) resolved = organisation;
    else if (document)
      resolved = documentAuthor(document, d) ?? latestIn(d.paragraph, d.speakerStart) ?? null;
    else if (namedLabel) resolved = canonical(d.speaker as string);
    else {
      const anchor = d.speaker ? d.speakerStart : d.start;
      const spokeLast = latestEntryIn(d.paragraph, anchor + 1);
      const sameParagraph = spokeLast?.resolved;
      // A subheading between two paragraphs ("Об инфляции", "Reaction") does not break the thread.
      const previousParagraph =
        latestIn(d.paragraph - 1, Number.POSITIVE_INFINITY) ??
        (headings.has(d.paragraph - 1) ? latestIn(d.paragraph - 2, Number.POSITIVE_INFINITY) : undefined);
      if (d.speaker) {
        const role = d.pronoun ? undefined : roleMention(d.speaker, anchor);
        // "“…,” he said": the sentence before the quotation, not a sentence inside it.
        const sentence = sentenceAt(sentences, Math.min(anchor, d.start));
        const index = sentence ? (sentenceIndex.get(sentence) ?? -1) : -1;
        const previousSentence = index > 0 ? sentences[index - 1] : undefined;
        // "Days later, Navalnaya released a video in which she said": a person named earlier in the
        // pronoun's own sentence, outside any quotation, is its antecedent before anyone further back.
        const here =
          d.pronoun && sentence
            ? sentenceAntecedent(text, sentence, Math.min(anchor, d.start), d.speaker ?? '', mentions, drafts)
            : undefined;
        let subject: NameMention | undefined;
        if (previousSentence && previousSentence.paragraph === d.paragraph)
          subject = subjectOf(previousSentence);
        // A pronoun opening a paragraph ("Asked about that comment, he said:") and nothing said in
        // the paragraph before: the subject of that paragraph's opening sentence.
        let paragraphSubject: NameMention | undefined;
        if (previousSentence && previousSentence.paragraph === d.paragraph - 1) {
          const opening = firstOfParagraph.get(d.paragraph - 1) as Sentence;
          const found = subjectOf(opening);
          // Only a name that opens it: a place before the name ("Outside Fermoy, County Cork, …") is not.
          if (found && found.start === opening.start) paragraphSubject = found;
        }
        // "it says" is a body: the one opening its own sentence ("The UN Food and Agriculture
        // Organization distributed hay …, and it says …"), never a person.
        const impersonal = d.pronoun && /^it$/i.test(d.speaker ?? '');
        const body =
          impersonal && sentence ? sentenceBody(text.slice(sentence.start, sentence.end)) : undefined;
        const latest = mentions[lastIndexBefore(mentions, (m) => m.end, anchor)];
        // "she said" is not Mr Penhale, "he said" not Ms Pickles: a gendered title rules a candidate out.
        const fits = (name: string | undefined): string | undefined =>
          name && d.pronoun && (!genderFits(d.speaker ?? '', name) || (impersonal && personName(name)))
            ? undefined
            : name;
        // "Ukrainian President Volodymyr Zelenskyy commented on … Alexei Navalny. The head of state said
        // … “…,” he said": the subject of a sentence shortly before, not the last name written.
        let recentSubject: string | undefined;
        if (d.pronoun && index > 0) {
          for (let i = index - 1; i >= Math.max(0, index - 4) && !recentSubject; i--) {
            const s = sentences[i] as Sentence;
            if (anchor - s.end > 1_500) break;
            const found = subjectOf(s);
            if (!found) continue;
            const lead = text.slice(mainClauseStart(text, s), found.start);
            if (/[,;:«“"„]/u.test(lead) || lead.split(/\s+/).filter(Boolean).length > 4) continue;
            recentSubject = fits(canonical(found.name));
          }
        }
        // A role is the person named in that role before it, or stays the role: never whoever spoke
        // last ("the mayor said" after the union leader's quotation is not the union leader).
        // A role is the person named in that role before it ("Governor Kathy Hochul", "Kathy Hochul,
        // the governor of New York"), or stays the role: never whoever spoke last ("the mayor said"
        // after the union leader's quotation is not the union leader).
        const roleStays = !d.pronoun && !role && !definiteRole && /^\p{Script=Latin}/u.test(d.speaker);
        resolved = roleStays
          ? canonical(d.speaker)
          : definiteRole
            ? // Only someone close enough to be the one meant: who spoke last, or the sentence before's subject.
              (role ??
              sameParagraph ??
              (subject ? canonical(subject.name) : undefined) ??
              previousParagraph ??
              canonical(d.speaker))
            : (role ??
              body ??
              fits(here) ??
              // Someone who became the subject after the last speaker ("“…,” she added. In a video,
              // Navalnaya detailed threats … “…,” she said."): the newer one.
              (subject && previousSentence && spokeLast && previousSentence.start > spokeLast.end
                ? fits(canonical(subject.name))
                : undefined) ??
              fits(sameParagraph) ??
              fits(subject ? canonical(subject.name) : undefined) ??
              fits(previousParagraph) ??
              fits(paragraphSubject ? canonical(paragraphSubject.name) : undefined) ??
              recentSubject ??
              fits(latest && anchor - latest.end < 1_500 ? canonical(latest.name) : undefined) ??
              (d.pronoun ? null : canonical(d.speaker)));
      } else {
        // "…, Biden fue consultado … “No necesito hablar con Putin”, contestó.": a cue without its
        // subject speaks for the subject of the sentence before, when nobody has spoken since.
        let dropped: string | undefined;
        const sentence = d.cue ? sentenceAt(sentences, d.start) : undefined;
        const index = sentence ? (sentenceIndex.get(sentence) ?? -1) : -1;
        const previous = index > 0 ? (sentences[index - 1] as Sentence) : undefined;
        if (previous && previous.paragraph >= d.paragraph - 1) {
          const found = subjectOf(previous);
          const since = found?.start ?? 0;
          let spokeSince = false;
          for (let i = out.length - 1; i >= Math.max(0, out.length - 8) && !spokeSince; i--) {
            const o = out[i] as Draft;
            spokeSince = o.end > since && o.end <= d.start;
          }
          if (found && !spokeSince) dropped = canonical(found.name);
        }
        resolved = dropped ?? sameParagraph ?? previousParagraph ?? null;
      }
    }
    out.push({ ...d, resolved });
    if (resolved) {
      const list = byParagraph.get(d.paragraph);
      if (list) list.push({ end: d.end, resolved });
      else byParagraph.set(d.paragraph, [{ end: d.end, resolved }]);
    }
  }
  return out;
}

/**
 * The person a capitalised word opening a clause names: the full name the text gives for it, or the
 * word itself when it shows a person's gender ("Navalnaya", "Peskov", "Kamala") though the text never
 * writes the name in full.
 */
function personWord(word: string, mentions: ReadonlyArray<NameMention>): string | undefined {
  return fullNameFor(word, mentions) ?? (isNameToken(word) && nameGender(word) ? word : undefined);
}

/**
 * "Full Name (ACRONYM)": a body's name and the acronym the text then uses for it. The name starts at
 * the first capital of a word (a later one matches only where that one does; trying each capital of a
 * long all-caps run was quadratic in its length).
 */
const ACRONYM_DEFINITION =
  /(?=\p{Lu})(?<!\p{Lu}[\p{L}’'-]*?)((?:\p{Lu}[\p{L}’'-]*[^\S\n]+(?:(?:and|of|for|the|on)[^\S\n]+)?){1,8})\((\p{Lu}[\p{Lu}\p{N}&-]{1,9})\)/gu;

function definedAcronyms(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!text.includes('(')) return out;
  for (const m of text.matchAll(ACRONYM_DEFINITION)) {
    const name = (m[1] as string).trim().replace(/^(?:The|A|An)\s+/u, '');
    const acronym = m[2] as string;
    if (name.includes(' ') && !out.has(acronym)) out.set(acronym, name);
  }
  return out;
}

/** The body opening a sentence: "The Bank of England …", "UNICEF …" (not a person). */
function sentenceBody(sentence: string): string | undefined {
  const m =
    /^(?:The\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?\p{Lu}[\p{L}’'-]*){0,6})(?=[\s,])/u.exec(
      sentence,
    );
  const name = m?.[1];
  if (!name || personName(name) || /^(?:It|He|She|They|We|But|And|In|On|At)$/.test(name)) return undefined;
  return name;
}

/** Where a sentence's main clause starts: after a fronted clause ("When …, he replied"), else its start. */
function mainClauseStart(text: string, sentence: Sentence): number {
  const opener = /^[\p{L}]+/u.exec(text.slice(sentence.start, sentence.end))?.[0];
  if (!opener || !opensFrontedClause(opener)) return sentence.start;
  const comma = text.indexOf(',', sentence.start);
  if (comma < 0 || comma >= sentence.end) return sentence.start;
  return comma + 1 + (/^\s*/.exec(text.slice(comma + 1))?.[0].length ?? 0);
}

/**
 * The person a pronoun at `before` refers to within its own sentence: the first name written between
 * the sentence's start and the pronoun, outside the statements' spans (a name inside a quotation is
 * not its speaker), a full name or a surname the text gives in full elsewhere ("Navalnaya").
 */
function sentenceAntecedent(
  text: string,
  sentence: Sentence,
  before: number,
  pronoun: string,
  mentions: ReadonlyArray<NameMention>,
  drafts: ReadonlyArray<Draft>,
): string | undefined {
  // "When Judge Mineyev asked him …, he replied": names in a fronted clause are not the subject.
  const clauseEnd = Math.min(mainClauseStart(text, sentence), before);
  // Drafts come in text order: the one starting last before `at` (or the one before it) holds it.
  const inside = (at: number) => {
    if (at < clauseEnd) return true;
    const k = lastIndexBefore(drafts, (o) => o.start, at);
    for (let i = k; i >= Math.max(0, k - 1); i--) if (at < (drafts[i] as Draft).end) return true;
    return false;
  };
  const from = lastIndexBefore(mentions, (m) => m.start, sentence.start - 1) + 1;
  let best: { name: string; start: number } | undefined;
  for (let i = from; i < mentions.length; i++) {
    const m = mentions[i] as NameMention;
    if (m.end > before) break;
    if (!inside(m.start)) {
      best = { name: m.name, start: m.start };
      break;
    }
  }
  // A bare surname after a comma or a clause's first word ("Days later, Navalnaya released").
  const head = text.slice(sentence.start, Math.min(before, best?.start ?? before));
  for (const w of head.matchAll(/(?<=[,;]\s+|^)(\p{Lu}[\p{Ll}\p{M}'’-]{2,})(?=\s+\p{Ll})/gu)) {
    const at = sentence.start + w.index;
    if (inside(at)) continue;
    const word = w[1] as string;
    const full = fullNameFor(word, mentions);
    if (full) return full;
    // …or a surname whose ending shows the pronoun's gender ("Petrova … she").
    const g = pronounGender(pronoun);
    if (g && isNameToken(word) && nameGender(word) === g) return word;
  }
  return best?.name;
}

/** Index of the last item whose key is ≤ `limit` in a list sorted by that key, or -1. */
function lastIndexBefore<T>(list: ReadonlyArray<T>, key: (item: T) => number, limit: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid] as T) <= limit) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
