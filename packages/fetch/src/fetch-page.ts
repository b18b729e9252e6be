import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { FetchError, type Snapshot, sha256Hex } from '@parallax/core';
import { Agent, type Dispatcher, request } from 'undici';
import { type AddressPermissions, addressAllowed, refusalReason } from './address';
import { decodeBody } from './charset';
import { BLOCKED_AT_CONNECT } from './connect-guard';
import { parseRetryAfter } from './retry-after';

export interface FetchOptions {
  userAgent: string;
  /** Headers timeout and body idle timeout per hop, and the deadline of each hop, in ms. */
  timeoutMs?: number;
  /** Time allowed to open the TCP (and TLS) connection, in ms. Ignored when `dispatcher` is given. */
  connectTimeoutMs?: number;
  /** Deadline of the whole fetch, every redirect hop and the body included, in ms. */
  totalTimeoutMs?: number;
  /** Body size cap in bytes, checked on the wire and again after decompression. */
  maxBytes?: number;
  maxRedirects?: number;
  /**
   * Loopback and private-network addresses (RFC 1918, carrier-grade NAT, fc00::/7) are refused unless
   * allowed here; this allows both. Tests and the demo replay server allow loopback explicitly.
   * Link-local addresses (169.254.169.254, the cloud metadata service; fe80::/10) and reserved ranges
   * are refused whatever is allowed, so a redirect from an allowed host cannot reach them.
   */
  allowPrivateAddresses?: boolean;
  /** Loopback addresses only (127/8, ::1): a local replay server, nothing else on the network. */
  allowLoopback?: boolean;
  /** Clock for `fetchedAt` (tests pass a fixed one). */
  now?: () => Date;
  /**
   * Runs before every hop (the first request and each redirect), after the address guard; throwing
   * stops the fetch. The polite fetcher checks robots.txt here so a redirect cannot dodge it.
   */
  beforeRequest?: (url: URL) => Promise<void>;
  /** The undici dispatcher (connection pool) to use; one with `connectTimeoutMs` is made when absent. */
  dispatcher?: Dispatcher;
}

/** Validators from an earlier snapshot of the same URL, sent as If-None-Match / If-Modified-Since. */
export interface ConditionalValidators {
  etag?: string;
  lastModified?: string;
}

export interface FetchedPage {
  snapshot: Snapshot;
  body: Uint8Array;
  /** The body decoded with the charset from BOM, Content-Type or <meta charset>. */
  text: string;
}

/** A conditional GET answered 304: the earlier snapshot is still current. */
export interface NotModified {
  url: string;
  finalUrl: string;
  redirects: string[];
  headers: Record<string, string>;
  checkedAt: string;
}

export type FetchOutcome =
  | { kind: 'fetched'; page: FetchedPage }
  | { kind: 'not-modified'; response: NotModified };

const ACCEPTED_TYPES = /^(text\/(html|plain|xml)|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml))\b/i;

/** The address permissions of a set of fetch options. */
export function addressPermissionsOf(options: {
  allowPrivateAddresses?: boolean;
  allowLoopback?: boolean;
}): AddressPermissions {
  return {
    loopback: options.allowLoopback === true || options.allowPrivateAddresses === true,
    private: options.allowPrivateAddresses === true,
  };
}

/**
 * Refuses a host that resolves to a loopback or private address (unless allowed) or to a link-local,
 * metadata or reserved address (always): PARALLAX_FETCH_BLOCKED_ADDRESS, not retryable. `true` allows
 * loopback and private addresses, as `allowPrivateAddresses` does.
 */
export async function assertPublicHost(url: URL, allow: boolean | AddressPermissions): Promise<void> {
  const permissions = typeof allow === 'boolean' ? { loopback: allow, private: allow } : allow;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch (cause) {
    throw transportError(cause, url);
  }
  const blocked = addresses.find((a) => !addressAllowed(a, permissions));
  if (blocked) {
    throw new FetchError(
      'PARALLAX_FETCH_BLOCKED_ADDRESS',
      `refusing ${url.href}: ${host} resolves to ${refusalReason(blocked, permissions)}`,
      false,
      { details: { url: url.href, address: blocked } },
    );
  }
}

/** A connect, DNS, socket or timeout failure: retryable, as TIMEOUT or NETWORK. */
function transportError(cause: unknown, url: URL): FetchError {
  if (cause instanceof Error && errorCode(cause) === BLOCKED_AT_CONNECT) {
    return new FetchError('PARALLAX_FETCH_BLOCKED_ADDRESS', `refusing ${url.href}: ${cause.message}`, false, {
      cause,
      details: { url: url.href, address: (cause as Error & { address?: string }).address },
    });
  }
  const timeout =
    cause instanceof Error && /timeout|aborted/i.test(`${cause.name} ${cause.message} ${errorCode(cause)}`);
  return new FetchError(
    timeout ? 'PARALLAX_FETCH_TIMEOUT' : 'PARALLAX_FETCH_NETWORK',
    `${timeout ? 'timed out fetching' : 'network error fetching'} ${url.href}: ${(cause as Error).message}`,
    true,
    { cause, details: { url: url.href } },
  );
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function isConnectionReset(cause: unknown): boolean {
  return cause instanceof Error && RESET_CODES.has(errorCode(cause));
}

function errorCode(error: Error): string {
  return String((error as NodeJS.ErrnoException).code ?? '');
}

function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function tooLarge(url: URL, maxBytes: number, stage: string): FetchError {
  return new FetchError(
    'PARALLAX_FETCH_TOO_LARGE',
    `${url.href} is larger than ${maxBytes} bytes ${stage}`,
    false,
    {
      details: { url: url.href, maxBytes },
    },
  );
}

/** Drops a body we will not read; the abort it causes is expected, so it must not surface as unhandled. */
function discard(body: {
  destroy(error?: Error): void;
  on(event: 'error', listener: () => void): unknown;
}): void {
  body.on('error', () => {});
  body.destroy();
}

type Decoder = ReturnType<typeof createGunzip>;

/** The zlib stream for a Content-Encoding; null for identity. Deflate is sniffed (zlib-wrapped or raw). */
function decoderFor(encoding: string | undefined, firstByte: number | undefined, url: URL): Decoder | null {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === 'identity' || name === '') return null;
  if (name === 'gzip' || name === 'x-gzip') return createGunzip();
  if (name === 'br') return createBrotliDecompress();
  // Many servers send raw deflate under the name "deflate"; a zlib header starts with 0x78.
  if (name === 'deflate') return firstByte === 0x78 ? createInflate() : createInflateRaw();
  throw new FetchError(
    'PARALLAX_FETCH_CONTENT_TYPE',
    `unsupported Content-Encoding "${name}" from ${url.href}`,
    false,
    {
      details: { url: url.href, encoding: name },
    },
  );
}

/**
 * Reads a body with the cap applied twice: to the bytes on the wire and to the decompressed bytes, so a
 * small gzip that inflates to gigabytes (a decompression bomb) stops at the cap.
 */
async function readBody(
  body: AsyncIterable<Buffer> & Parameters<typeof discard>[0],
  encoding: string | undefined,
  url: URL,
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let wire = 0;
  let decoded = 0;
  const iterator = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  const source = async function* () {
    if (first.done) return;
    let chunk: Buffer = first.value;
    for (;;) {
      wire += chunk.length;
      if (wire > maxBytes) throw tooLarge(url, maxBytes, 'on the wire');
      yield chunk;
      const next = await iterator.next();
      if (next.done) return;
      chunk = next.value;
    }
  };
  const sink = async (input: AsyncIterable<Buffer>) => {
    for await (const chunk of input) {
      decoded += chunk.length;
      if (decoded > maxBytes) throw tooLarge(url, maxBytes, 'after decompression');
      chunks.push(chunk);
    }
  };
  const decoder = first.done ? null : decoderFor(encoding, first.value[0], url);
  try {
    // Without an encoding the stream machinery is pure overhead: read the chunks directly.
    if (decoder) await pipeline(source, decoder, sink);
    else await sink(source());
  } catch (cause) {
    discard(body);
    if (cause instanceof FetchError) throw cause;
    if (cause instanceof Error && errorCode(cause).startsWith('Z_')) {
      throw new FetchError(
        'PARALLAX_FETCH_NETWORK',
        `corrupt ${encoding} body from ${url.href}: ${cause.message}`,
        true,
        { cause, details: { url: url.href } },
      );
    }
    throw cause;
  }
  return Buffer.concat(chunks);
}

/**
 * One bounded GET, with conditional validators when given: redirects followed (and each hop's host
 * checked) up to a limit, loops refused, the body read up to a size cap before and after
 * decompression, the content type checked, the charset decoded. Every outcome is a page, a 304, or a
 * FetchError that says whether retrying can help (with `retryAfterMs` in its details when the
 * server sent Retry-After).
 */
export async function fetchResource(
  href: string,
  options: FetchOptions,
  validators: ConditionalValidators = {},
): Promise<FetchOutcome> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const now = options.now ?? (() => new Date());
  const redirects: string[] = [];
  let url: URL;
  try {
    url = new URL(href);
  } catch (cause) {
    throw new FetchError('PARALLAX_FETCH_BAD_URL', `not a URL: ${href}`, false, { cause });
  }
  const ownDispatcher =
    options.dispatcher === undefined && options.connectTimeoutMs !== undefined
      ? new Agent({ connect: { timeout: options.connectTimeoutMs } })
      : undefined;
  const dispatcher = options.dispatcher ?? ownDispatcher;
  const total =
    options.totalTimeoutMs === undefined ? undefined : AbortSignal.timeout(options.totalTimeoutMs);
  const conditionalHeaders: Record<string, string> = {};
  if (validators.etag) conditionalHeaders['if-none-match'] = validators.etag;
  if (validators.lastModified) conditionalHeaders['if-modified-since'] = validators.lastModified;

  try {
    for (;;) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new FetchError(
          'PARALLAX_FETCH_BAD_URL',
          `unsupported scheme ${url.protocol} in ${url.href}`,
          false,
        );
      }
      await assertPublicHost(url, addressPermissionsOf(options));
      await options.beforeRequest?.(url);
      let response: Awaited<ReturnType<typeof request>>;
      const hop = AbortSignal.timeout(timeoutMs);
      const send = () =>
        request(url, {
          method: 'GET',
          headers: {
            'user-agent': options.userAgent,
            accept:
              'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1',
            'accept-encoding': 'gzip, deflate, br',
            ...conditionalHeaders,
          },
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          signal: total ? AbortSignal.any([hop, total]) : hop,
          ...(dispatcher ? { dispatcher } : {}),
        });
      try {
        try {
          response = await send();
        } catch (cause) {
          // A keep-alive connection the server closed just as we reused it resets before any response
          // byte: the request never reached the server, and a GET is safe to send once more on a fresh
          // connection (what browsers do). A second reset is a real network error.
          if (!isConnectionReset(cause)) throw cause;
          response = await send();
        }
      } catch (cause) {
        throw transportError(cause, url);
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(response.headers)) {
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      }
      const status = response.statusCode;
      if (status === 304 && Object.keys(conditionalHeaders).length > 0) {
        await response.body.dump();
        return {
          kind: 'not-modified',
          response: { url: href, finalUrl: url.href, redirects, headers, checkedAt: now().toISOString() },
        };
      }
      if (status >= 300 && status < 400 && headers.location) {
        await response.body.dump();
        redirects.push(url.href);
        let next: URL;
        try {
          next = new URL(headers.location, url);
        } catch (cause) {
          throw new FetchError('PARALLAX_FETCH_BAD_URL', `bad redirect Location from ${url.href}`, false, {
            cause,
            details: { url: url.href, location: headers.location },
          });
        }
        if (redirects.includes(next.href)) {
          throw new FetchError('PARALLAX_FETCH_REDIRECTS', `redirect loop at ${next.href}`, false, {
            details: { redirects },
          });
        }
        if (redirects.length > maxRedirects) {
          throw new FetchError(
            'PARALLAX_FETCH_REDIRECTS',
            `more than ${maxRedirects} redirects from ${href}`,
            false,
            {
              details: { redirects },
            },
          );
        }
        url = next;
        continue;
      }
      if (status >= 300) {
        await response.body.dump();
        const retryAfterMs = parseRetryAfter(headers['retry-after'], now());
        throw new FetchError(
          'PARALLAX_FETCH_STATUS',
          `HTTP ${status} from ${url.href}`,
          retryableStatus(status),
          {
            status,
            details: { url: url.href, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
          },
        );
      }
      const contentType = headers['content-type'] ?? null;
      if (contentType && !ACCEPTED_TYPES.test(contentType)) {
        await response.body.dump();
        throw new FetchError(
          'PARALLAX_FETCH_CONTENT_TYPE',
          `refusing ${contentType} from ${url.href}`,
          false,
          {
            details: { url: url.href, contentType },
          },
        );
      }
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        discard(response.body);
        throw new FetchError(
          'PARALLAX_FETCH_TOO_LARGE',
          `${url.href} declares ${declared} bytes (cap ${maxBytes})`,
          false,
          { details: { url: url.href, maxBytes, declared } },
        );
      }
      let bytes: Buffer;
      try {
        bytes = await readBody(response.body, headers['content-encoding'], url, maxBytes);
      } catch (cause) {
        // A stalled or cut-off body (timeout, reset) is a transport failure like one before the headers.
        throw cause instanceof FetchError ? cause : transportError(cause, url);
      }
      const body = new Uint8Array(bytes);
      const snapshot: Snapshot = {
        sha256: sha256Hex(body),
        url: href,
        finalUrl: url.href,
        redirects,
        status,
        headers,
        contentType,
        fetchedAt: now().toISOString(),
        byteLength: body.byteLength,
      };
      return { kind: 'fetched', page: { snapshot, body, text: decodeBody(body, contentType) } };
    }
  } finally {
    await ownDispatcher?.close();
  }
}

/**
 * One polite, bounded GET (see fetchResource), unconditional: every outcome is a snapshot or a
 * FetchError that says whether retrying can help.
 */
export async function fetchPage(href: string, options: FetchOptions): Promise<FetchedPage> {
  const outcome = await fetchResource(href, options);
  // Without validators a 304 is answered as an error status above, so only pages reach here.
  if (outcome.kind !== 'fetched')
    throw new FetchError('PARALLAX_FETCH_STATUS', `HTTP 304 from ${href}`, false);
  return outcome.page;
}
