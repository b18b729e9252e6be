/**
 * Query parameters that only say where a click came from. Two links that differ in these alone are the
 * same article.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'cmpid',
  'ncid',
  'ocid',
  'sref',
  'smid',
  'srnd',
  'leadsource',
  'taid',
  'at_medium',
  'at_campaign',
  'ito',
  'ref',
]);

function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || key.startsWith('at_') || TRACKING_PARAMS.has(key);
}

/**
 * The URL an article is known by: resolved against `base`, http(s) only, fragment and tracking
 * parameters dropped, host lower-cased, default port dropped, remaining parameters sorted. Null for
 * anything that is not an http(s) URL (mailto:, javascript:, garbage), so hostile links are skipped.
 */
export function normalizeArticleUrl(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(href.trim()) : new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  // URL already lower-cases the host and drops a default port.
  return url.href;
}

/** The href of a page's <link rel="canonical">, resolved against the page URL and normalised. */
export function canonicalLink(html: string, pageUrl: string): string | null {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel\s*=\s*["']?canonical\b/i.test(tag)) continue;
    const href = tag.match(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i);
    const value = href?.[1] ?? href?.[2] ?? href?.[3];
    if (value) return normalizeArticleUrl(decodeEntities(value), pageUrl);
  }
  return null;
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&#38;/g, '&');
}

/**
 * A set of article URLs keyed by their normalised form, that also learns canonical links: once a page
 * says its canonical URL, every URL that led to it counts as seen.
 */
export class ArticleUrlSet {
  readonly #seen = new Set<string>();

  /** Adds the URL (and its canonical, when known); false when it (or its canonical) was seen already. */
  add(href: string, canonical?: string | null): boolean {
    const key = normalizeArticleUrl(href);
    if (key === null) return false;
    const canonicalKey = canonical ? normalizeArticleUrl(canonical, href) : null;
    const seen = this.#seen.has(key) || (canonicalKey !== null && this.#seen.has(canonicalKey));
    this.#seen.add(key);
    if (canonicalKey) this.#seen.add(canonicalKey);
    return !seen;
  }

  has(href: string): boolean {
    const key = normalizeArticleUrl(href);
    return key !== null && this.#seen.has(key);
  }

  get size(): number {
    return this.#seen.size;
  }
}
