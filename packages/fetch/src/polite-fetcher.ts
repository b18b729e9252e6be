import { ConfigError, FetchError, type FetchErrorCode, type Snapshot } from '@parallax/core';
import { Agent } from 'undici';
import { guardedLookupFor } from './connect-guard';
import {
  addressPermissionsOf,
  assertPublicHost,
  type FetchedPage,
  type FetchOptions,
  fetchResource,
} from './fetch-page';
import { type HostLimiter, InProcessHostLimiter } from './host-limiter';
import { RobotsCache } from './robots';

export interface RetryPolicy {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts: number;
  /** Backoff before the 2nd attempt; doubled for each next one. Default 500 ms. */
  baseDelayMs: number;
  /** Cap on one backoff. Default 30 s. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for in-process: the error goes to the caller. Default 120 s. */
  maxRetryAfterMs: number;
}

export interface PoliteFetcherOptions {
  /** Bot name and version, e.g. "ParallaxBot/0.1"; the part before "/" is the robots.txt token. */
  agent: string;
  /** Where a site owner finds who runs the bot; goes into the User-Agent as "(+URL)". */
  contactUrl: string;
  /** Per-request limits and the private-address switch (userAgent is built from agent + contactUrl). */
  request?: Omit<FetchOptions, 'userAgent' | 'beforeRequest' | 'dispatcher'>;
  /** Politeness per host; defaults to an in-process limiter (1 s between starts, 2 at once). */
  limiter?: HostLimiter;
  retry?: Partial<RetryPolicy>;
  robots?: { respect?: boolean; ttlMs?: number; unreachableTtlMs?: number };
  /** Random source for jitter, in [0, 1). */
  random?: () => number;
}

/** The earlier snapshot a 304 points back to. */
export interface SnapshotReference {
  sha256: string;
  url: string;
  finalUrl: string;
  fetchedAt: string;
}

export type PoliteFetchResult =
  | { kind: 'fetched'; page: FetchedPage; attempts: number }
  | {
      kind: 'not-modified';
      /** The stored snapshot that is still current. */
      previous: SnapshotReference;
      finalUrl: string;
      status: 304;
      headers: Record<string, string>;
      checkedAt: string;
      attempts: number;
    };

const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** "Name/1.0 (+https://contact)" from the bot name and contact URL; a bad contact URL is a ConfigError. */
export function buildUserAgent(agent: string, contactUrl: string): string {
  if (!/^[A-Za-z][\w.-]*(\/[\w.-]+)?$/.test(agent)) {
    throw new ConfigError(`user agent "${agent}" must look like Name/1.0 (letters, digits, . _ -)`, {
      details: { agent },
    });
  }
  let contact: URL;
  try {
    contact = new URL(contactUrl);
  } catch (cause) {
    throw new ConfigError(`contact URL "${contactUrl}" is not a URL`, { cause, details: { contactUrl } });
  }
  if (contact.protocol !== 'https:' && contact.protocol !== 'http:') {
    throw new ConfigError(`contact URL "${contactUrl}" must be http(s)`, { details: { contactUrl } });
  }
  return `${agent} (+${contact.href})`;
}

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of base·2^(n-1), capped,
 * so a fleet that failed together does not come back together.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function hostKey(url: URL): string {
  return url.host.toLowerCase();
}

/**
 * The fetcher a crawler can be trusted with: robots.txt honoured (every redirect hop too), requests
 * spaced and bounded per host, Retry-After obeyed, transient failures retried with backoff, and a
 * conditional GET when an earlier snapshot is given. Holds a connection pool: call close() when done.
 */
export class PoliteFetcher {
  readonly userAgent: string;
  readonly #productToken: string;
  readonly #request: Omit<FetchOptions, 'userAgent' | 'beforeRequest' | 'dispatcher'>;
  readonly #limiter: HostLimiter;
  readonly #retry: RetryPolicy;
  readonly #robots: RobotsCache | null;
  readonly #random: () => number;
  readonly #dispatcher: Agent;

  constructor(options: PoliteFetcherOptions) {
    this.userAgent = buildUserAgent(options.agent, options.contactUrl);
    this.#productToken = options.agent.split('/')[0] ?? options.agent;
    this.#request = options.request ?? {};
    this.#limiter = options.limiter ?? new InProcessHostLimiter();
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#random = options.random ?? Math.random;
    this.#dispatcher = new Agent({
      connect: {
        timeout: this.#request.connectTimeoutMs ?? 10_000,
        // The address guard again at connect time, against DNS rebinding between check and connect.
        lookup: guardedLookupFor(addressPermissionsOf(this.#request)),
      },
    });
    this.#robots =
      options.robots?.respect === false
        ? null
        : new RobotsCache({
            productToken: this.#productToken,
            fetch: { ...this.#request, userAgent: this.userAgent, dispatcher: this.#dispatcher },
            ...(options.robots?.ttlMs === undefined ? {} : { ttlMs: options.robots.ttlMs }),
            ...(options.robots?.unreachableTtlMs === undefined
              ? {}
              : { unreachableTtlMs: options.robots.unreachableTtlMs }),
          });
  }

  /** Sitemaps the site's robots.txt lists (empty when robots is not consulted). */
  async robotsSitemaps(origin: string): Promise<string[]> {
    return this.#robots ? this.#robots.sitemaps(origin) : [];
  }

  /**
   * Fetches `href` politely. With `previous` (an earlier snapshot of the same URL) the request is
   * conditional and an unchanged page comes back as `not-modified`, pointing at that snapshot.
   */
  async fetch(href: string, options: { previous?: Snapshot } = {}): Promise<PoliteFetchResult> {
    let url: URL;
    try {
      url = new URL(href);
    } catch (cause) {
      throw new FetchError('PARALLAX_FETCH_BAD_URL', `not a URL: ${href}`, false, { cause });
    }
    const previous = options.previous;
    const validators = previous
      ? {
          ...(previous.headers.etag ? { etag: previous.headers.etag } : {}),
          ...(previous.headers['last-modified'] ? { lastModified: previous.headers['last-modified'] } : {}),
        }
      : {};
    const host = hostKey(url);
    for (let attempt = 1; ; attempt += 1) {
      // The private-address guard runs before robots.txt is fetched, so a blocked host costs no request.
      await assertPublicHost(url, addressPermissionsOf(this.#request));
      const verdict = this.#robots ? await this.#robots.assertAllowed(url) : undefined;
      const release = await this.#limiter.acquire(host, verdict?.crawlDelayMs);
      let failure: FetchError;
      try {
        const outcome = await fetchResource(
          url.href,
          {
            ...this.#request,
            userAgent: this.userAgent,
            dispatcher: this.#dispatcher,
            beforeRequest: async (hop) => {
              if (this.#robots && hop.href !== url.href) await this.#robots.assertAllowed(hop);
            },
          },
          validators,
        );
        if (outcome.kind === 'fetched') return { kind: 'fetched', page: outcome.page, attempts: attempt };
        if (!previous) throw new FetchError('PARALLAX_FETCH_STATUS', `unexpected 304 from ${href}`, false);
        return {
          kind: 'not-modified',
          previous: {
            sha256: previous.sha256,
            url: previous.url,
            finalUrl: previous.finalUrl,
            fetchedAt: previous.fetchedAt,
          },
          finalUrl: outcome.response.finalUrl,
          status: 304,
          headers: outcome.response.headers,
          checkedAt: outcome.response.checkedAt,
          attempts: attempt,
        };
      } catch (error) {
        if (!(error instanceof FetchError)) throw error;
        failure = error;
      } finally {
        release();
      }
      const retryAfterMs = failure.details.retryAfterMs as number | undefined;
      if (retryAfterMs !== undefined && (failure.status === 429 || failure.status === 503)) {
        await this.#limiter.holdUntil(host, Date.now() + retryAfterMs);
      }
      const giveUp =
        !failure.retryable ||
        failure.code === 'PARALLAX_FETCH_ROBOTS_DISALLOWED' ||
        attempt >= this.#retry.maxAttempts ||
        (retryAfterMs !== undefined && retryAfterMs > this.#retry.maxRetryAfterMs);
      if (giveUp) throw attempt === 1 ? failure : afterAttempts(failure, attempt);
      // With Retry-After the limiter already holds the host back; otherwise back off with jitter.
      if (retryAfterMs === undefined) await sleep(backoffDelay(attempt, this.#retry, this.#random));
    }
  }

  async close(): Promise<void> {
    await this.#dispatcher.close();
  }
}

function afterAttempts(failure: FetchError, attempts: number): FetchError {
  return new FetchError(
    failure.code as FetchErrorCode,
    `${failure.message} (gave up after ${attempts} attempts)`,
    failure.retryable,
    {
      cause: failure,
      details: { ...failure.details, attempts },
      ...(failure.status === undefined ? {} : { status: failure.status }),
    },
  );
}
