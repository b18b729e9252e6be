import { isoDate } from '@parallax/core';
import { is, selectAll, selectOne } from 'css-select';
import type { Element } from 'domhandler';
import { textContent } from 'domutils';
import { normalizeArticleUrl } from '../url';
import type { DiscoveredArticle } from './discovered';
import { clean } from './feed';
import { HTML, parentElement, parseHtml } from './markup';

/**
 * Links a listing page (a press-release index, a section front) shows, picked by `linkSelector` (it may
 * select the <a> itself or an element holding one). Dates come from a <time datetime> next to the link
 * when the page has one.
 */
export function parseListing(html: string, pageUrl: string, linkSelector: string): DiscoveredArticle[] {
  const doc = parseHtml(html);
  const base = selectOne('base[href]', doc, HTML)?.attribs.href;
  const resolveAgainst = base ? (normalizeArticleUrl(base, pageUrl) ?? pageUrl) : pageUrl;
  const out: DiscoveredArticle[] = [];
  for (const node of selectAll(linkSelector, doc, HTML)) {
    const anchor = is(node, 'a[href]', HTML) ? node : selectOne('a[href]', node, HTML);
    const href = anchor?.attribs.href;
    if (!anchor || !href) continue;
    const url = normalizeArticleUrl(href, resolveAgainst);
    if (!url) continue;
    // The nearest block around the link that holds a <time> holds its date, unless that block holds
    // several (then it is the whole list, and the date would be a neighbour's).
    let time: Element | null = null;
    let block = parentElement(anchor);
    for (let depth = 0; depth < 5 && block && block.name !== 'body'; depth += 1) {
      const times = selectAll('time[datetime]', block, HTML);
      if (times.length > 0) {
        time = times.length === 1 ? (times[0] ?? null) : null;
        break;
      }
      block = parentElement(block);
    }
    out.push({
      url,
      title: clean(anchor.attribs.title ?? textContent(anchor)),
      publishedAt: isoDate(time?.attribs.datetime),
      foundAt: pageUrl,
    });
  }
  return out;
}
