import { Parser } from 'htmlparser2';

/**
 * A light element tree built straight from htmlparser2's callbacks. It keeps only what extraction
 * reads (tag, attributes, children, text) and drops script/style/SVG bodies while parsing, which is
 * why it is cheaper to build than a full domhandler document.
 */
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
}

/** Text is stored decoded, with runs of whitespace collapsed to one space. */
export type HtmlNode = HtmlElement | string;

export interface ParsedPage {
  root: HtmlElement;
  /** `<meta>` content by lower-cased name, property, itemprop or http-equiv; the first one wins. */
  meta: Map<string, string>;
  /** Bodies of `<script type="application/ld+json">`. */
  jsonLd: string[];
  documentTitle: string;
  htmlLang: string | undefined;
  /** The first `<time datetime>` in the page. */
  firstTimeDatetime: string | undefined;
}

/** Subtrees that never hold readable text; their content is not kept. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'select',
  'textarea',
]);

/**
 * Real pages nest a few dozen levels; hostile ones nest thousands, which would overflow the stack
 * of every recursive walk. Deeper tags are flattened into the element at this depth.
 */
const MAX_DEPTH = 400;

const WHITESPACE = /[\s\u200b]+/g;
/** Whitespace other than single spaces: what WHITESPACE would change. */
const NEEDS_COLLAPSE = /[^\S ]|\u200b| {2}/;

export function parsePage(html: string): ParsedPage {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [], parent: null };
  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  let documentTitle = '';
  let htmlLang: string | undefined;
  let firstTimeDatetime: string | undefined;

  let current = root;
  let depth = 0;
  // Tags opened below MAX_DEPTH are flattened into their ancestor (their text is kept).
  let flattened = 0;
  // Depth inside a skipped subtree (0 = building the tree).
  let skipDepth = 0;
  let capture: 'ld' | 'title' | null = null;
  let captured = '';

  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        if (skipDepth > 0) {
          skipDepth++;
          return;
        }
        if (tag === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'])?.toLowerCase();
          const content = attrs.content;
          if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
          return;
        }
        if (tag === 'html' && attrs.lang) htmlLang = attrs.lang;
        if (tag === 'time' && firstTimeDatetime === undefined && attrs.datetime)
          firstTimeDatetime = attrs.datetime;
        if (tag === 'script' && attrs.type?.toLowerCase().trim() === 'application/ld+json') {
          capture = 'ld';
          captured = '';
        } else if (tag === 'title' && !documentTitle) {
          capture = 'title';
          captured = '';
        }
        if (SKIPPED.has(tag) || tag === 'title') {
          skipDepth = 1;
          return;
        }
        if (depth >= MAX_DEPTH) {
          flattened++;
          return;
        }
        const element: HtmlElement = { tag, attrs, children: [], parent: current };
        current.children.push(element);
        current = element;
        depth++;
      },
      onclosetag(tag) {
        if (skipDepth > 0) {
          skipDepth--;
          if (skipDepth === 0 && capture) {
            if (capture === 'ld') jsonLd.push(captured);
            else documentTitle = captured.replace(WHITESPACE, ' ').trim();
            capture = null;
          }
          return;
        }
        // htmlparser2 closes a void <meta> at once; it opened nothing here, so it closes nothing.
        if (tag === 'meta') return;
        if (flattened > 0) flattened--;
        else if (current.parent) {
          current = current.parent;
          depth--;
        }
      },
      ontext(data) {
        if (skipDepth > 0) {
          if (capture) captured += data;
          return;
        }
        // Most text is already single-spaced; a global replace over it would still build a new string
        // (for a long paragraph, a heap-heavy one: 15 bytes a character measured on a 10 MB page).
        const text = NEEDS_COLLAPSE.test(data) ? data.split(WHITESPACE).join(' ') : data;
        const siblings = current.children;
        const last = siblings.length - 1;
        if (last >= 0 && typeof siblings[last] === 'string')
          siblings[last] = (siblings[last] as string) + text;
        else siblings.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { root, meta, jsonLd, documentTitle, htmlLang, firstTimeDatetime };
}

/** The element's text with whitespace collapsed, block boundaries not marked. */
export function textOf(node: HtmlNode): string {
  if (typeof node === 'string') return node;
  let out = '';
  const walk = (el: HtmlElement): void => {
    for (const child of el.children) {
      if (typeof child === 'string') out += child;
      else {
        if (child.tag === 'br') out += ' ';
        walk(child);
      }
    }
  };
  walk(node);
  return out.replace(/ {2,}/g, ' ').trim();
}

export function findFirst(root: HtmlElement, test: (el: HtmlElement) => boolean): HtmlElement | undefined {
  for (const child of root.children) {
    if (typeof child === 'string') continue;
    if (test(child)) return child;
    const found = findFirst(child, test);
    if (found) return found;
  }
  return undefined;
}
