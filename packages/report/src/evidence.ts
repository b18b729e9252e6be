/**
 * Where a report shows its evidence. A report file must stand alone, so the choice is the caller's:
 * with the documents' extracted texts, each rendition carries the words around its span (the span
 * highlighted at its offsets) inside the file itself; with a dashboard URL, each rendition also
 * links to the stored snapshot view there. The snapshot sha256 is always shown.
 */
export interface EvidenceOptions {
  /** Extracted text of each document by id: the text the rendition offsets point into. */
  documentTexts?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /**
   * Origin (and optional path prefix) of a Parallax dashboard, e.g. `http://127.0.0.1:4173`, or ``
   * for links relative to the page's own origin (the dashboard serving its reports). Must be http(s).
   */
  evidenceBaseUrl?: string;
}

/** Characters of context shown on each side of a span. */
const CONTEXT_CHARS = 240;

export interface EvidenceExcerpt {
  before: string;
  span: string;
  after: string;
  cutBefore: boolean;
  cutAfter: boolean;
}

function textOf(options: EvidenceOptions, documentId: string): string | undefined {
  const texts = options.documentTexts;
  if (texts === undefined) return undefined;
  if (texts instanceof Map) return texts.get(documentId);
  const record = texts as Readonly<Record<string, string>>;
  return Object.hasOwn(record, documentId) ? record[documentId] : undefined;
}

/** The span at its offsets with some words around it, or null when the text is missing or the offsets do not fit it. */
export function evidenceExcerpt(
  options: EvidenceOptions,
  documentId: string,
  start: number,
  end: number,
): EvidenceExcerpt | null {
  const text = textOf(options, documentId);
  if (text === undefined || start < 0 || end < start || end > text.length) return null;
  let from = Math.max(0, start - CONTEXT_CHARS);
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  // Start and stop at a word boundary, so the excerpt does not begin mid-word.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return {
    before: text.slice(from, start),
    span: text.slice(start, end),
    after: text.slice(end, to),
    cutBefore: from > 0,
    cutAfter: to < text.length,
  };
}

/** The snapshot view URL for a span, or null without a (valid) dashboard base URL. */
export function evidenceHref(
  options: EvidenceOptions,
  documentId: string,
  start: number,
  end: number,
): string | null {
  const base = options.evidenceBaseUrl;
  if (base === undefined) return null;
  const path = `/documents/${encodeURIComponent(documentId)}?start=${start}&end=${end}#span`;
  if (base === '') return path;
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return `${parsed.href.replace(/\/+$/, '')}${path}`;
}
