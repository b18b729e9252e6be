import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '@parallax/core/errors';
import { homeDir } from '@parallax/runtime/options';
import type { ConfiguredSource, SourcesConfig } from '@parallax/sources';
import type { Command } from 'commander';
import { resolveUserPath } from '../inputs';
import type { Io } from '../io';

/** The sources config that ships with the repository: its bot name, contact URL and limits are the defaults. */
const DEFAULT_SOURCES_CONFIG = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../infra/sources.yaml',
);

interface FetchCommandOptions {
  config?: string;
  allowPrivate?: boolean;
  allowLoopback?: boolean;
  dataDir: string;
}

/** The configured source whose homepage is on the URL's host, so its own limits apply. */
function sourceFor(config: SourcesConfig, url: URL): ConfiguredSource | undefined {
  const host = url.hostname.replace(/^www\./, '');
  return config.sources.find((s) => new URL(s.profile.homepage).hostname.replace(/^www\./, '') === host);
}

/**
 * `parallax fetch URL`: one polite fetch (robots.txt, per-host limits, retries, size and time caps,
 * the private-address guard) with the agent and limits of the sources config. The snapshot goes into
 * the embedded store; re-fetching an unchanged page is a conditional GET that stores nothing new.
 * Prints the snapshot's metadata as JSON (never the body).
 */
async function fetchCommand(href: string, options: FetchCommandOptions, io: Io): Promise<void> {
  // A mistyped URL is the user's mistake (exit 2), found before any config or store is opened.
  let url: URL;
  try {
    url = new URL(href);
  } catch (cause) {
    throw new UsageError(`not a URL: ${JSON.stringify(href)}; give an http:// or https:// address`, {
      cause,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(
      `unsupported scheme ${url.protocol} in ${href}; give an http:// or https:// address`,
    );
  }
  const [{ InProcessHostLimiter, PoliteFetcher }, { loadSourcesConfig }, { openStore }] = await Promise.all([
    import('@parallax/fetch'),
    import('@parallax/sources'),
    import('@parallax/store'),
  ]);
  const config = await loadSourcesConfig(
    options.config ? resolveUserPath(options.config) : DEFAULT_SOURCES_CONFIG,
  );
  const source = sourceFor(config, url);
  const limits = source?.limits ?? config.limits;
  const fetcher = new PoliteFetcher({
    agent: config.agent.name,
    contactUrl: config.agent.contact,
    request: {
      timeoutMs: limits.timeoutMs,
      totalTimeoutMs: limits.totalTimeoutMs,
      maxBytes: limits.maxBytes,
      maxRedirects: limits.maxRedirects,
      allowPrivateAddresses: options.allowPrivate === true || source?.allowPrivateAddresses === true,
      allowLoopback: options.allowLoopback === true,
    },
    limiter: new InProcessHostLimiter({
      minDelayMs: limits.minDelayMs,
      maxConcurrency: limits.maxConcurrencyPerHost,
    }),
    retry: { maxAttempts: limits.maxAttempts },
  });
  const dataDir = resolveUserPath(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const storeDir = join(dataDir, 'db');
  const store = await openStore({ dataDir: storeDir });
  try {
    const versions = await store.listSnapshotVersions(url.href);
    const previous = versions.at(-1);
    io.log.info({ url: url.href, source: source?.id, previous: previous?.sha256 }, 'fetching');
    const result = await fetcher.fetch(url.href, previous ? { previous } : {});
    if (result.kind === 'not-modified') {
      io.stdout(
        `${JSON.stringify(
          {
            result: 'not-modified',
            stored: false,
            store: storeDir,
            source: source?.id ?? null,
            status: result.status,
            finalUrl: result.finalUrl,
            checkedAt: result.checkedAt,
            attempts: result.attempts,
            previous: result.previous,
          },
          null,
          2,
        )}\n`,
      );
      return;
    }
    const { snapshot, body } = result.page;
    await store.saveSnapshot(snapshot, body);
    io.stdout(
      `${JSON.stringify(
        {
          result: 'fetched',
          stored: true,
          store: storeDir,
          source: source?.id ?? null,
          attempts: result.attempts,
          snapshot,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await fetcher.close();
    await store.close();
  }
}

/** Adds `parallax fetch` to the program. */
export function registerFetchCommand(cli: Command, io: Io): void {
  cli
    .command('fetch')
    .description(
      'fetch one page politely (robots.txt, rate limits, retries, size/time caps) and store its snapshot; prints the snapshot metadata as JSON',
    )
    .argument('<url>', 'http(s) URL of the page')
    .option('--config <file>', 'sources config (agent, contact URL, limits)', DEFAULT_SOURCES_CONFIG)
    .option('--allow-loopback', 'allow loopback addresses (127.0.0.0/8, ::1): a local replay server')
    .option(
      '--allow-private',
      'allow loopback and private-network addresses (10/8, 172.16/12, 192.168/16, fc00::/7); link-local and cloud metadata (169.254.169.254) never',
    )
    .option('--data-dir <dir>', 'where the embedded store lives', homeDir())
    .action((url: string, options: FetchCommandOptions) => fetchCommand(url, options, io));
}
