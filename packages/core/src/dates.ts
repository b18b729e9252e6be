/** An RFC 822 date (RSS), whose year may have two digits: "Mon, 02 Sep 24 10:00:00 GMT". */
const RFC_822 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2}\s+\d{1,2}:\d{2}/;

/**
 * The one reader of a date found in a page, a feed or a sitemap: ISO 8601 in UTC, or null when
 * missing or unreadable (never throws on hostile input). A bare W3C date (sitemaps, URLs) is midnight
 * UTC. Text without a four-digit year is refused unless it is an RFC 822 date: Date.parse reads "12"
 * as December 2001, and page text holds such numbers. Years outside 1900–9999 are refused too.
 */
export function isoDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const text = value.trim();
  if (!/\d{4}/.test(text) && !RFC_822.test(text)) return null;
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Date.parse(text);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  return date.getUTCFullYear() < 1900 || date.getUTCFullYear() > 9999 ? null : date.toISOString();
}
