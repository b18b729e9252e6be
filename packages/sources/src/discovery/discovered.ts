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
