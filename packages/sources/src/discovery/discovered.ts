/** One article link found by discovery. */
export interface DiscoveredArticle {
  /** Normalised URL (tracking parameters and fragment dropped). */
  url: string;
  title: string | null;
  /** ISO 8601 when the feed or sitemap gave a readable date. */
  publishedAt: string | null;
  /** The feed, sitemap or listing page it came from. */
  foundAt: string;
}

/** A date as ISO 8601, or null when missing or unreadable (never throws on hostile input). */
export function isoDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const text = value.trim();
  if (text === '') return null;
  // W3C date without time (sitemaps): midnight UTC.
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Date.parse(text);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  return date.getUTCFullYear() < 1900 || date.getUTCFullYear() > 9999 ? null : date.toISOString();
}
