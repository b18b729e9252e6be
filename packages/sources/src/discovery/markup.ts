import { type Options, selectAll } from 'css-select';
import { type AnyNode, type Document, type Element, isTag, Text } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

/**
 * Discovery reads feeds, sitemaps and listing pages with htmlparser2, the project's one HTML/XML
 * parser (extraction builds its own lighter tree from the same parser's callbacks), queried with
 * css-select and domutils over the domhandler tree.
 */

/** css-select options for HTML: tag and attribute names are case-insensitive. */
export const HTML: Options<AnyNode, Element> = {};

/** css-select options for XML: tag names are case-sensitive and kept as written (`dc:date`). */
export const XML: Options<AnyNode, Element> = { xmlMode: true };

/** A feed or sitemap: XML entities decoded, CDATA sections read as text, DTD entities never expanded. */
export function parseXml(text: string): Document {
  return parseDocument(text, { xmlMode: true });
}

/**
 * An HTML page, forgivingly: lower-cased tags and attributes, HTML entities decoded, unclosed <li>
 * and <p> closed where HTML closes them. A <noscript> holds text only, as a browser running scripts
 * reads it: a link there is not one the page shows. Unlike an HTML5 tree builder it does not split
 * a link across misnested formatting tags (<b><a>…<p>…</b>) or move stray table content before the
 * table; listing selectors aim at lists, where neither occurs.
 */
export function parseHtml(text: string): Document {
  const doc = parseDocument(text);
  for (const noscript of selectAll('noscript', doc, HTML)) {
    const content = new Text(textContent(noscript));
    content.parent = noscript;
    noscript.children = [content];
  }
  return doc;
}

/** The child elements of `element` named `name` (an XML name, prefix included). */
export function childrenNamed(element: Element, name: string): Element[] {
  return element.children.filter((child): child is Element => isTag(child) && child.name === name);
}

/** The text of the first child element named `name`, or '' when there is none. */
export function childText(element: Element, name: string): string {
  const [first] = childrenNamed(element, name);
  return first ? textContent(first) : '';
}

/** The element holding `node`, or null at the top of the document. */
export function parentElement(node: AnyNode): Element | null {
  return node.parent && isTag(node.parent) ? node.parent : null;
}
