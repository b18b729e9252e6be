import { linkableUrl } from './safe-url';

const LINE_BREAKS = /(?:\r\n|[\n\r\v\f\u0085\u2028\u2029])+/g;
// C0 controls other than tab, and DEL: they have no place in a report and some terminals act on them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
/**
 * Characters that can start or end inline structure in CommonMark or GFM: escapes, code spans,
 * emphasis, strike-through, links and images, raw HTML and autolinks, entity references, table
 * cells, headings, math ($, on GitHub) and the braces of our own diff marks. A backslash before
 * ASCII punctuation always renders the character itself.
 */
const ACTIVE = /[\\`*_~[\]<>|#&{}$]/g;

/** Shown where source text had a line break: one report line must stay one line. */
export const LINE_BREAK_MARK = '¶';

/**
 * Text from a report (hostile: it was scraped) made safe to place inline in Markdown: it renders as
 * exactly its characters and cannot open or close any structure, end a table cell or start a block.
 */
export function mdText(value: string): string {
  let text = value
    .replace(LINE_BREAKS, ` ${LINE_BREAK_MARK} `)
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '\uFFFD');
  text = text.replace(ACTIVE, (c) => `\\${c}`);
  // A bare `scheme://` in text would be auto-linked by GFM renderers, some of which then swallow the
  // escaping backslash after the URL into the link; an escaped colon keeps it plain text.
  text = text.replace(/:(?=\/\/)/g, '\\:');
  // Every placement puts fixed text before report text on its line, but a string that could start a
  // list, a blockquote or a setext underline if it ever came first is defused anyway.
  text = text.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return text;
}

/** Table cells may not be empty in some renderers: show a dash instead. */
export function mdCell(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : mdText(value);
}

/**
 * A URL as a Markdown link when it is http or https; otherwise its text, not linked. The
 * destination goes in angle brackets (spaces allowed) with the characters that could end it, escape
 * into it or split a table row percent-encoded.
 */
export function mdUrl(raw: string): string {
  const href = linkableUrl(raw);
  if (href === null) return `${mdText(raw)} (not linked)`;
  const destination = href.replace(
    /[<>\\|\s`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  // Inside link text nothing is auto-linked, so the colon needs no escape there.
  return `[${mdText(raw).replace(/\\:(?=\/\/)/g, ':')}](<${destination}>)`;
}
