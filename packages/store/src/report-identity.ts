import { contentId, type DocumentRef, type Event, type Report, sha256Hex } from '@parallax/core';
import { canonicalJson } from './canonical-json';

const MODULUS = 1n << 256n;

/** The sha256 (hex) of an event's canonical JSON: what a report's id sums. */
export function eventDigest(event: Event): string {
  return sha256Hex(new TextEncoder().encode(canonicalJson(event)));
}

/** The sum of digests modulo 2^256 (hex, 64 digits); `minus` are taken away. */
export function sumDigests(plus: readonly string[], minus: readonly string[] = [], start = ZERO): string {
  let sum = BigInt(`0x${start}`);
  for (const d of plus) sum += BigInt(`0x${d}`);
  for (const d of minus) sum -= BigInt(`0x${d}`);
  return (((sum % MODULUS) + MODULUS) % MODULUS).toString(16).padStart(64, '0');
}

export const ZERO = '0'.repeat(64);

/** The id of a report whose events sum to `digest` (see reportId). */
export function reportIdOfDigest(digest: string): string {
  return contentId('report', digest);
}

/**
 * The id of a report: a content hash of its events (not of generatedAt), so re-running gives the same
 * id. The events' digests are summed (modulo 2^256), so a corpus report's id follows from the previous
 * one and the story versions a compare replaced, without reading every story; a report's events are
 * always in one order (reportOrder), so the sum loses nothing the order would tell.
 */
export function reportId(report: Pick<Report, 'events'>): string {
  return reportIdOfDigest(sumDigests(report.events.map(eventDigest)));
}

type Key = [number, string, string];
type OrderRef = Pick<DocumentRef, 'url' | 'id'> & { publishedAt?: string | null };

/** Canonical order's key: publication time, undated last, then URL, then id. */
function canonicalKey(ref: OrderRef): Key {
  const t = ref.publishedAt ? Date.parse(ref.publishedAt) : Number.NaN;
  return [Number.isNaN(t) ? Number.POSITIVE_INFINITY : t, ref.url, ref.id];
}

function compareKeys(a: Key, b: Key): number {
  const key = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return a[0] - b[0] || key(a[1], b[1]) || key(a[2], b[2]);
}

/**
 * A report's order of events (the pipeline's buildReport gives it): by each one's first document in
 * canonical order (publication time, undated last, then URL, then id). Pure.
 */
export function reportOrder<E extends { id: string; documents: readonly OrderRef[] }>(
  events: readonly E[],
): E[] {
  const first = new Map(
    events.map((e) => [e, e.documents.map(canonicalKey).sort(compareKeys)[0] ?? ([0, '', e.id] as Key)]),
  );
  return [...events].sort((a, b) => compareKeys(first.get(a) as Key, first.get(b) as Key));
}
