// Only web links: a file: URL would point into the reader's own disk, not to the source.
const LINKABLE_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The URL to put in a link, or null when it must stay text. Parsing first (rather than matching a
 * prefix) is what defeats `JaVaScRiPt:`, leading spaces and tabs or newlines inside the scheme: the
 * URL parser strips those exactly as a browser would before deciding the scheme. Relative URLs are
 * refused too, since they would resolve against wherever the report file happens to be opened.
 */
export function linkableUrl(raw: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return null;
  }
  return LINKABLE_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
}
