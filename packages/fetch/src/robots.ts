import { FetchError } from '@parallax/core';
import robotsParserModule from 'robots-parser';
import { type FetchOptions, fetchPage } from './fetch-page';

interface RobotsRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// robots-parser is CommonJS with a default export declared for ESM; under NodeNext-style interop the
// callable may sit on `.default`.
const robotsParser = ((robotsParserModule as unknown as { default?: unknown }).default ??
  robotsParserModule) as (url: string, contents: string) => RobotsRules;

/** What robots.txt says about one URL for our product token. */
export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our token (or *), in ms, when the file sets one. */
  crawlDelayMs?: number;
  /** Why the verdict: the file's rules, no file (4xx: everything allowed), or the file unreachable. */
  basis: 'rules' | 'no-robots' | 'unreachable';
}

export interface RobotsCacheOptions {
  /** The product token matched against `User-agent:` lines, e.g. "ParallaxBot". */
  productToken: string;
  /** Options for fetching robots.txt itself (user agent, guard, timeouts). */
  fetch: FetchOptions;
  /** How long a fetched robots.txt is trusted, in ms; a shorter Cache-Control max-age wins. Default 24 h. */
  ttlMs?: number;
  /** How long an unreachable robots.txt (5xx, network) blocks the host before trying again. Default 5 min. */
  unreachableTtlMs?: number;
  now?: () => number;
}

interface CacheEntry {
  expiresAt: number;
  rules: RobotsRules | null;
  basis: RobotsVerdict['basis'];
}

// RFC 9309 §2.5: crawlers may cap the robots.txt they parse; 500 KiB is the minimum they must read.
const ROBOTS_MAX_BYTES = 500 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * robots.txt per origin (scheme, host, port), fetched once and cached until it expires. Follows RFC
 * 9309: a 4xx means no rules (all allowed); a 5xx or an unreachable host means everything is
 * disallowed until the file can be read.
 */
export class RobotsCache {
  readonly #entries = new Map<string, CacheEntry>();
  readonly #inFlight = new Map<string, Promise<CacheEntry>>();
  readonly #options: RobotsCacheOptions;
  readonly #now: () => number;

  constructor(options: RobotsCacheOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** The verdict for `url`; never throws for robots.txt trouble (that is part of the verdict). */
  async check(url: URL): Promise<RobotsVerdict> {
    const entry = await this.#entry(url.origin);
    if (!entry.rules) return { allowed: entry.basis !== 'unreachable', basis: entry.basis };
    const token = this.#options.productToken;
    const allowed = entry.rules.isAllowed(url.href, token) ?? true;
    const delay = entry.rules.getCrawlDelay(token);
    return {
      allowed,
      basis: 'rules',
      ...(delay !== undefined && Number.isFinite(delay) && delay > 0 ? { crawlDelayMs: delay * 1000 } : {}),
    };
  }

  /** Throws PARALLAX_FETCH_ROBOTS_DISALLOWED when robots.txt forbids `url`; returns the verdict otherwise. */
  async assertAllowed(url: URL): Promise<RobotsVerdict> {
    const verdict = await this.check(url);
    if (verdict.allowed) return verdict;
    const unreachable = verdict.basis === 'unreachable';
    throw new FetchError(
      'PARALLAX_FETCH_ROBOTS_DISALLOWED',
      unreachable
        ? `robots.txt of ${url.origin} cannot be read, so ${url.href} is not fetched for now`
        : `robots.txt of ${url.origin} disallows ${url.href} for ${this.#options.productToken}`,
      // An unreadable robots.txt may come back; a Disallow rule will not change by retrying soon.
      unreachable,
      { details: { url: url.href, robots: `${url.origin}/robots.txt`, basis: verdict.basis } },
    );
  }

  /** Sitemap URLs listed in the origin's robots.txt (discovery uses them). */
  async sitemaps(origin: string): Promise<string[]> {
    return (await this.#entry(origin)).rules?.getSitemaps() ?? [];
  }

  async #entry(origin: string): Promise<CacheEntry> {
    const cached = this.#entries.get(origin);
    if (cached && cached.expiresAt > this.#now()) return cached;
    const pending = this.#inFlight.get(origin);
    if (pending) return pending;
    const loading = this.#load(origin).finally(() => this.#inFlight.delete(origin));
    this.#inFlight.set(origin, loading);
    const entry = await loading;
    this.#entries.set(origin, entry);
    return entry;
  }

  async #load(origin: string): Promise<CacheEntry> {
    const ttl = this.#options.ttlMs ?? DAY_MS;
    const href = `${origin}/robots.txt`;
    try {
      const page = await fetchPage(href, {
        ...this.#options.fetch,
        maxBytes: Math.min(this.#options.fetch.maxBytes ?? ROBOTS_MAX_BYTES, ROBOTS_MAX_BYTES),
      });
      const maxAge = page.snapshot.headers['cache-control']?.match(/max-age=(\d+)/i)?.[1];
      const expiresIn = maxAge === undefined ? ttl : Math.min(ttl, Number(maxAge) * 1000);
      return { expiresAt: this.#now() + expiresIn, rules: robotsParser(href, page.text), basis: 'rules' };
    } catch (error) {
      const status = error instanceof FetchError ? error.status : undefined;
      if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
        return { expiresAt: this.#now() + ttl, rules: null, basis: 'no-robots' };
      }
      if (error instanceof FetchError && !error.retryable && status === undefined) {
        // Not a robots file we can use (wrong content type, too large, redirect loop): treat as absent.
        if (error.code !== 'PARALLAX_FETCH_BLOCKED_ADDRESS') {
          return { expiresAt: this.#now() + ttl, rules: null, basis: 'no-robots' };
        }
      }
      return {
        expiresAt: this.#now() + (this.#options.unreachableTtlMs ?? 5 * 60 * 1000),
        rules: null,
        basis: 'unreachable',
      };
    }
  }
}
