import { isoDate } from '@parallax/core';
import { load } from 'cheerio';
import { normalizeArticleUrl } from '../url';
import type { DiscoveredArticle } from './discovered';
import { clean } from './feed';

/**
 * Links a listing page (a press-release index, a section front) shows, picked by `linkSelector` (it may
 * select the <a> itself or an element holding one). Dates come from a <time datetime> next to the link
 * when the page has one.
 */
export function parseListing(html: string, pageUrl: string, linkSelector: string): DiscoveredArticle[] {
  const $ = load(html);
  const base = $('base[href]').attr('href');
  const resolveAgainst = base ? (normalizeArticleUrl(base, pageUrl) ?? pageUrl) : pageUrl;
  const out: DiscoveredArticle[] = [];
  $(linkSelector).each((_, el) => {
    const node = $(el);
    const anchor = node.is('a[href]') ? node : node.find('a[href]').first();
    const href = anchor.attr('href');
    if (!href) return;
    const url = normalizeArticleUrl(href, resolveAgainst);
    if (!url) return;
    // The nearest block around the link that holds a <time> holds its date, unless that block holds
    // several (then it is the whole list, and the date would be a neighbour's).
    let time: ReturnType<typeof $> | null = null;
    let block = anchor.parent();
    for (let depth = 0; depth < 5 && block.length > 0 && !block.is('body'); depth += 1) {
      const times = block.find('time[datetime]');
      if (times.length > 0) {
        time = times.length === 1 ? times : null;
        break;
      }
      block = block.parent();
    }
    out.push({
      url,
      title: clean(anchor.attr('title') ?? anchor.text()),
      publishedAt: isoDate(time?.attr('datetime')),
      foundAt: pageUrl,
    });
  });
  return out;
}
