import { ConfigError } from '@parallax/core';
import type { ParallaxOptions } from '@parallax/runtime';
import { STAGES, type Stage } from './payloads';
import type { FleetServiceOptions } from './service';

/** Where a worker keeps its data: a PostgreSQL URL (any number of workers) or a PGlite dir (one process). */
export type StoreLocation = { databaseUrl: string } | { dataDir: string };

export interface WorkerConfig {
  service: Omit<FleetServiceOptions, 'store' | 'logger'>;
  store: StoreLocation;
}

/** Parses a comma-separated stage list ("fetch,extract"), or "all". */
export function parseStages(value: string): Stage[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 1 && names[0] === 'all') return [...STAGES];
  if (names.length === 0)
    throw new ConfigError(`no stages given; expected some of ${STAGES.join(', ')}, or all`);
  for (const name of names) {
    if (!(STAGES as string[]).includes(name)) {
      throw new ConfigError(`unknown stage "${name}"; expected some of ${STAGES.join(', ')}, or all`, {
        details: { stage: name },
      });
    }
  }
  return [...new Set(names)] as Stage[];
}

/** The settings of the one table (@parallax/runtime's OPTIONS) a worker process uses. */
export type WorkerOptions = Pick<
  ParallaxOptions,
  | 'redisUrl'
  | 'databaseUrl'
  | 'dataDir'
  | 'stages'
  | 'concurrency'
  | 'healthPort'
  | 'healthHost'
  | 'hostRps'
  | 'lockMs'
  | 'maxStalled'
  | 'handoffMb'
  | 'userAgent'
  | 'allowPrivateAddresses'
>;

/**
 * A worker process's configuration from its settings (loadOptions: file < environment < flags; the
 * library reads none itself). A Redis URL is required, and a store: DATABASE_URL, else
 * PARALLAX_DATA_DIR (one process only). `defaults` are the app's: its stages and health port.
 */
export function workerConfig(
  options: WorkerOptions,
  defaults: { stages: Stage[]; healthPort?: number },
): WorkerConfig {
  const { redisUrl, databaseUrl, dataDir } = options;
  if (!redisUrl) {
    throw new ConfigError('REDIS_URL must be set to a redis:// URL (the queue the workers serve)');
  }
  let store: StoreLocation;
  if (databaseUrl) store = { databaseUrl };
  else if (dataDir) store = { dataDir };
  else {
    throw new ConfigError('DATABASE_URL (PostgreSQL, for several workers) or PARALLAX_DATA_DIR must be set');
  }
  const stages = options.stages ? parseStages(options.stages) : defaults.stages;
  const concurrency: Partial<Record<Stage, number>> = {};
  for (const stage of stages) {
    const value = options.concurrency?.[stage];
    if (value !== undefined) concurrency[stage] = value;
  }
  return {
    store,
    service: {
      redisUrl,
      stages,
      concurrency,
      healthPort: options.healthPort ?? defaults.healthPort,
      healthHost: options.healthHost,
      hostRequestsPerSecond: options.hostRps,
      lockDurationMs: options.lockMs,
      stalledIntervalMs: options.lockMs,
      maxStalledCount: options.maxStalled,
      handoffMegabytes: options.handoffMb,
      fetch: {
        userAgent: options.userAgent,
        allowPrivateAddresses: options.allowPrivateAddresses,
        timeoutMs: 15_000,
      },
    },
  };
}
