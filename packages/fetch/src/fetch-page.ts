import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { FetchError, type Snapshot, sha256Hex } from '@parallax/core';
import { request } from 'undici';
import { isPrivateAddress } from './address';
import { decodeBody } from './charset';

export interface FetchOptions {
  userAgent: string;
  /** Connect + headers timeout and whole-body timeout, in ms. */
  timeoutMs?: number;
  /** Body size cap in bytes (after decompression). */
  maxBytes?: number;
  maxRedirects?: number;
  /**
   * Loopback, private, link-local and metadata addresses are refused unless allowed here. Tests and
   * the demo replay server allow loopback explicitly.
   */
  allowPrivateAddresses?: boolean;
  /** Clock for `fetchedAt` (tests pass a fixed one). */
  now?: () => Date;
}

export interface FetchedPage {
  snapshot: Snapshot;
  body: Uint8Array;
  /** The body decoded with the charset from BOM, Content-Type or <meta charset>. */
  text: string;
}

const ACCEPTED_TYPES = /^(text\/(html|plain|xml)|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml))\b/i;

async function guardHost(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch (cause) {
    throw transportError(cause, url);
  }
  const blocked = addresses.find(isPrivateAddress);
  if (blocked) {
    throw new FetchError(
      'PARALLAX_FETCH_BLOCKED_ADDRESS',
      `refusing ${url.href}: ${host} resolves to the non-public address ${blocked}`,
      false,
      { details: { url: url.href, address: blocked } },
    );
  }
}

/** A connect, DNS, socket or timeout failure: retryable, as TIMEOUT or NETWORK. */
function transportError(cause: unknown, url: URL): FetchError {
  const timeout = cause instanceof Error && /timeout|aborted/i.test(`${cause.name} ${cause.message}`);
  return new FetchError(
    timeout ? 'PARALLAX_FETCH_TIMEOUT' : 'PARALLAX_FETCH_NETWORK',
    `${timeout ? 'timed out fetching' : 'network error fetching'} ${url.href}: ${(cause as Error).message}`,
    true,
    { cause, details: { url: url.href } },
  );
}

function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * One polite, bounded GET: redirects followed (and each hop's host checked) up to a limit, the body
 * read up to a size cap, the content type checked, the charset decoded. Every outcome is a snapshot
 * or a FetchError that says whether retrying can help.
 */
export async function fetchPage(href: string, options: FetchOptions): Promise<FetchedPage> {
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

  for (;;) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchError(
        'PARALLAX_FETCH_BAD_URL',
        `unsupported scheme ${url.protocol} in ${url.href}`,
        false,
      );
    }
    await guardHost(url, options.allowPrivateAddresses ?? false);
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(url, {
        method: 'GET',
        headers: {
          'user-agent': options.userAgent,
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1',
          'accept-encoding': 'identity',
        },
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw transportError(cause, url);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(response.headers)) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const status = response.statusCode;
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
    if (status >= 400) {
      await response.body.dump();
      throw new FetchError(
        'PARALLAX_FETCH_STATUS',
        `HTTP ${status} from ${url.href}`,
        retryableStatus(status),
        {
          status,
          details: { url: url.href },
        },
      );
    }
    const contentType = headers['content-type'] ?? null;
    if (contentType && !ACCEPTED_TYPES.test(contentType)) {
      await response.body.dump();
      throw new FetchError('PARALLAX_FETCH_CONTENT_TYPE', `refusing ${contentType} from ${url.href}`, false);
    }
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body.dump();
      throw new FetchError(
        'PARALLAX_FETCH_TOO_LARGE',
        `${url.href} declares ${declared} bytes (cap ${maxBytes})`,
        false,
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          response.body.destroy();
          throw new FetchError(
            'PARALLAX_FETCH_TOO_LARGE',
            `${url.href} is larger than ${maxBytes} bytes`,
            false,
          );
        }
        chunks.push(chunk as Buffer);
      }
    } catch (cause) {
      // A stalled or cut-off body (timeout, reset) is a transport failure like one before the headers.
      throw cause instanceof FetchError ? cause : transportError(cause, url);
    }
    const body = new Uint8Array(Buffer.concat(chunks));
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
    return { snapshot, body, text: decodeBody(body, contentType) };
  }
}
