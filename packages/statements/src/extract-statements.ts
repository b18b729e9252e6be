import { contentId, type Statement, type StatementKind } from '@parallax/core';
import { type Attribution, findAttribution, REPORTING_CUES, tokenize } from './attribution';
import { findQuotes, type QuoteSpan } from './quotes';
import { type Sentence, type Span, splitParagraphs, splitSentences } from './sentences';

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
}

/** How far from a quotation its attribution is looked for. */
const CONTEXT_CHARS = 400;

interface Draft {
  text: string;
  kind: StatementKind;
  speaker: string | null;
  pronoun: boolean;
  cue: string | null;
  start: number;
  end: number;
  paragraph: number;
}

const MONGOLIAN_QUOTATIVE =
  /^\s*,?\s*(гэж|гэв|гэжээ|гэлээ|гэсэн|хэмээн|гээд)(?:\s+((?:[^.!?]|\.(?=\p{Lu}))*?))?\s*(нэмж хэлэв|онцлов|онцолжээ|онцоллоо|хэлэв|хэлжээ|хэллээ|мэдэгдэв|мэдэгдлээ|мэдэгджээ|тэмдэглэв|тэмдэглэжээ|тэмдэглэлээ|дурдав|дурджээ|дурдлаа|мэдээлэв|мэдээлжээ)?\s*[.!?]?\s*$/u;
const MONGOLIAN_SPEAKER_STOP = new Set(['нь', 'бол', 'ч', 'ба', 'болон', 'мөн', 'харин', 'энэ', 'тэрээр']);
const RUSSIAN_CUES =
  '(заявил|сказал|отметил|подчеркнул|сообщил|добавил|пояснил|указал|написал|считает)(?:а|и)?';
const RUSSIAN_AFTER = new RegExp(`^\\s*,?\\s*[—–-]\\s*${RUSSIAN_CUES}\\s+([^.!?]+)`, 'u');
const RUSSIAN_BEFORE = new RegExp(`(\\p{Lu}[^.!?:«»]*?)\\s+${RUSSIAN_CUES}\\s*:?\\s*$`, 'u');

/** First-person-plural stance verbs of an institution speaking for itself in its own release. */
const ISSUER_VOICE =
  /\b[Ww]e\s+(?:(?:strongly|firmly|once again|again|also|therefore|hereby|categorically|fully)\s+)*(?:call|urge|expect|demand|condemn|reiterate|hope|remind|welcome|stand|support|insist|reaffirm|regret|believe|emphasi[sz]e|stress|consider|reject|note|will|remain|are|have|do)\b/;

/** Transcript turn labels: "Vladimir Putin:", "Question:", "Q:". */
const TURN_LABEL = /^(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}):\s+/u;
const NON_SPEAKER_LABELS = new Set([
  'question',
  'q',
  'answer',
  'a',
  'interviewer',
  'moderator',
  'note',
  'update',
  'read more',
  'photo',
  'source',
]);

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
    out += text.slice(at, q.open + 1) + '_'.repeat(Math.max(0, q.close - q.open - 2));
    at = Math.max(q.open + 1, q.close - 1);
  }
  return out + text.slice(at);
}

function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:—–-]/.test(text[s] as string)) s++;
  while (e > s && /[\s.,;:]/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}

function englishQuoteAttribution(masked: string, before: Span, after: Span): Attribution | undefined {
  const beforeText = masked.slice(before.start, before.end);
  const fromBefore = findAttribution(beforeText, before.start, { prefer: 'last' });
  if (fromBefore) return fromBefore;
  return findAttribution(masked.slice(after.start, after.end), after.start, { prefer: 'first' });
}

function mongolianQuoteAttribution(text: string, masked: string, before: Span, after: Span) {
  const afterText = masked.slice(after.start, after.end);
  const m = MONGOLIAN_QUOTATIVE.exec(afterText);
  if (!m) return undefined;
  const cue = [m[1], m[3]].filter(Boolean).join(' ');
  const inline = m[2]?.trim();
  if (inline && /\p{Lu}/u.test(inline)) {
    const start = after.start + afterText.indexOf(inline, m[1]?.length ?? 0);
    return { speaker: text.slice(start, start + inline.length), cue, start };
  }
  // The speaker stands before the quotation: the last words after the previous clause boundary.
  const beforeText = masked.slice(before.start, before.end);
  const clauseStart = Math.max(...[...'.,;:—–'].map((c) => beforeText.lastIndexOf(c))) + 1;
  const tokens = tokenize(beforeText.slice(clauseStart), before.start + clauseStart);
  while (tokens.length && MONGOLIAN_SPEAKER_STOP.has((tokens[tokens.length - 1] as { lower: string }).lower))
    tokens.pop();
  const phrase = tokens.slice(-6);
  if (!phrase.some((t) => /^\p{Lu}/u.test(t.text))) return { speaker: null, cue, start: -1 };
  const first = phrase[0] as { start: number };
  const last = phrase[phrase.length - 1] as { end: number };
  return { speaker: text.slice(first.start, last.end), cue, start: first.start };
}

function russianQuoteAttribution(text: string, masked: string, before: Span, after: Span) {
  const afterText = masked.slice(after.start, after.end);
  const a = RUSSIAN_AFTER.exec(afterText);
  if (a?.[2]) {
    const speaker = a[2].trim();
    const start = after.start + afterText.indexOf(speaker, a.index + (a[1]?.length ?? 0));
    return { speaker: text.slice(start, start + speaker.length), cue: a[1] ?? null };
  }
  const beforeText = masked.slice(before.start, before.end);
  const b = RUSSIAN_BEFORE.exec(beforeText);
  if (b?.[1]) return { speaker: b[1].trim(), cue: b[2] ?? null };
  return undefined;
}

/**
 * A quotation is direct when it stands as its own clause: it opens the sentence, follows a colon, or
 * follows "SPEAKER said," directly. Otherwise it is woven into the reporter's sentence: partial.
 */
function quoteKind(
  masked: string,
  before: Span,
  attributionEnd: number | undefined,
  lang: string,
): StatementKind {
  if (lang === 'mn' || lang === 'ru') return 'direct';
  const lead = masked.slice(before.start, before.end).trimEnd();
  if (lead === '' || lead.endsWith(':')) return 'direct';
  if (
    lead.endsWith(',') &&
    attributionEnd !== undefined &&
    before.start + lead.length - attributionEnd <= 2
  ) {
    return 'direct';
  }
  return 'partial';
}

/** Reported speech: "SPEAKER cue (that) CLAUSE" or "CLAUSE, SPEAKER cue." in a sentence with no quotation. */
function reportedSpeech(text: string, masked: string, sentence: Sentence): Draft | undefined {
  const body = masked.slice(sentence.start, sentence.end);
  const attribution = findAttribution(body, sentence.start, { cues: REPORTING_CUES, prefer: 'first' });
  if (!attribution) return undefined;
  let span: Span;
  const lead = text.slice(sentence.start, Math.min(attribution.speakerStart, attribution.cueStart));
  const tail = tokenize(text.slice(Math.max(attribution.cueEnd, attribution.speakerEnd), sentence.end));
  if (/,\s*$/.test(lead) && lead.trim().length > 20 && tail.length < 4) {
    span = trimSpan(text, sentence.start, sentence.start + lead.lastIndexOf(','));
  } else {
    if (attribution.speakerStart > attribution.cueStart) return undefined;
    let from = attribution.cueEnd;
    const rest = tokenize(text.slice(from, sentence.end), from);
    if (attribution.cue.toLowerCase() === 'told') {
      const that = rest.findIndex((t, i) => i < 4 && t.lower === 'that');
      if (that >= 0) from = (rest[that] as { end: number }).end;
      else if (rest[0]) from = (rest[Math.min(1, rest.length - 1)] as { end: number }).end;
    } else if (rest[0]?.lower === 'that') from = rest[0].end;
    span = trimSpan(text, from, sentence.end);
  }
  const words = text.slice(span.start, span.end).split(/\s+/).filter(Boolean);
  if (words.length < 4) return undefined;
  return {
    text: text.slice(span.start, span.end),
    kind: 'indirect',
    speaker: attribution.speaker,
    pronoun: attribution.pronoun,
    cue: attribution.cue,
    start: span.start,
    end: span.end,
    paragraph: sentence.paragraph,
  };
}

/**
 * Statements in a document's text: quotations with their speaker and cue, reported speech,
 * transcript turns and an issuing body's own first-person statements. Offsets refer to `text`.
 */
export function extractStatements(text: string, options: StatementOptions): Statement[] {
  const headlineEnd = options.headlineEnd ?? 0;
  const paragraphs = splitParagraphs(text).filter((p) => p.start >= headlineEnd);
  const sentences = splitSentences(text, paragraphs);
  const quotes = paragraphs.flatMap((p) => findQuotes(text, p));
  const masked = maskQuotes(text, quotes);
  const drafts: Draft[] = [];
  const quoted = new Set<Sentence>();

  // Transcript turns: a label opens a turn that runs until the next label.
  const labelled = paragraphs.map((p) => TURN_LABEL.exec(text.slice(p.start, p.end)));
  const isTranscript = labelled.filter(Boolean).length >= 2;
  const turnOf = new Map<number, { label: string | null; bodyStart: number }>();
  if (isTranscript) {
    let current: string | null = null;
    paragraphs.forEach((p, i) => {
      const m = labelled[i];
      const label = m?.[1];
      if (label) current = NON_SPEAKER_LABELS.has(label.toLowerCase()) ? null : label;
      turnOf.set(i, { label: current, bodyStart: p.start + (m ? m[0].length : 0) });
    });
  }

  for (const q of quotes) {
    const first = sentenceAt(sentences, q.open);
    const last = sentenceAt(sentences, Math.max(q.open, q.close - 1)) ?? first;
    if (!first || !last) continue;
    quoted.add(first);
    quoted.add(last);
    // Attribution sits next to the quotation; bounded contexts keep hostile text linear.
    const before = { start: Math.max(first.start, q.open - CONTEXT_CHARS), end: q.open };
    const after = { start: q.close, end: Math.max(q.close, Math.min(last.end, q.close + CONTEXT_CHARS)) };
    let speaker: string | null = null;
    let cue: string | null = null;
    let pronoun = false;
    let attributionEnd: number | undefined;
    if (options.lang === 'mn') {
      const a = mongolianQuoteAttribution(text, masked, before, after);
      if (a) ({ speaker, cue } = a);
    } else if (options.lang === 'ru') {
      const a = russianQuoteAttribution(text, masked, before, after);
      if (a) ({ speaker, cue } = a);
    } else {
      const a = englishQuoteAttribution(masked, before, after);
      if (a) {
        speaker = text.slice(a.speakerStart, a.speakerEnd);
        cue = a.cue;
        pronoun = a.pronoun;
        if (a.cueEnd <= before.end) attributionEnd = Math.max(a.cueEnd, a.speakerEnd);
      }
    }
    drafts.push({
      text: text.slice(q.contentStart, q.contentEnd),
      kind: quoteKind(masked, before, attributionEnd, options.lang),
      speaker,
      pronoun,
      cue,
      start: q.contentStart,
      end: q.contentEnd,
      paragraph: first.paragraph,
    });
  }

  for (const sentence of sentences) {
    if (quoted.has(sentence)) continue;
    const turn = turnOf.get(sentence.paragraph);
    if (turn) {
      if (!turn.label) continue;
      const span = trimSpan(text, Math.max(sentence.start, turn.bodyStart), sentence.end);
      if (span.end - span.start < 2) continue;
      drafts.push({
        text: text.slice(span.start, span.end),
        kind: 'direct',
        speaker: turn.label,
        pronoun: false,
        cue: null,
        start: span.start,
        end: span.end,
        paragraph: sentence.paragraph,
      });
      continue;
    }
    const sentenceText = text.slice(sentence.start, sentence.end);
    if (options.issuer && ISSUER_VOICE.test(sentenceText)) {
      const span = trimSpan(text, sentence.start, sentence.end);
      drafts.push({
        text: text.slice(span.start, span.end),
        kind: 'direct',
        speaker: options.issuer,
        pronoun: false,
        cue: null,
        start: span.start,
        end: span.end,
        paragraph: sentence.paragraph,
      });
      continue;
    }
    if (options.lang === 'en') {
      const reported = reportedSpeech(text, masked, sentence);
      if (reported) drafts.push(reported);
    }
  }

  drafts.sort((a, b) => a.start - b.start || a.end - b.end);
  return resolveSpeakers(drafts).map((d) => ({
    id: contentId('st', options.documentId ?? '', d.start, d.end, d.kind),
    text: d.text,
    kind: d.kind,
    speaker: d.speaker,
    resolvedSpeaker: d.resolved,
    cue: d.cue,
    lang: options.lang,
    start: d.start,
    end: d.end,
  }));
}

/**
 * Pronouns resolve to the latest named speaker; a quotation with no attribution of its own takes the
 * nearest earlier attribution in the same or the previous paragraph (the "…,” he said. “…”" pattern).
 */
function resolveSpeakers(drafts: Draft[]): Array<Draft & { resolved: string | null }> {
  let lastNamed: { name: string; paragraph: number } | undefined;
  return drafts.map((d) => {
    let resolved: string | null = null;
    if (d.speaker && !d.pronoun) resolved = d.speaker;
    else if (d.speaker && d.pronoun) resolved = lastNamed?.name ?? null;
    else if (lastNamed && d.paragraph - lastNamed.paragraph <= 1) resolved = lastNamed.name;
    if (resolved) lastNamed = { name: resolved, paragraph: d.paragraph };
    return { ...d, resolved };
  });
}
