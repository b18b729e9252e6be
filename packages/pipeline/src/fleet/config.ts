import { ConfigError } from '@parallax/core';
import { STAGES, type Stage } from './payloads';
import type { FleetServiceOptions } from './service';
import { DEFAULT_CONCURRENCY, DEFAULT_HANDOFF_MEGABYTES } from './workers';

/** Where a worker keeps its data: a PostgreSQL URL (any number of workers) or a PGlite dir (one process). */
export type StoreLocation = { databaseUrl: string } | { dataDir: string };

export interface WorkerConfig {
  service: Omit<FleetServiceOptions, 'store' | 'logger'>;
  store: StoreLocation;
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number | undefined, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be an integer ≥ ${min} (got "${raw}")`, {
      details: { variable: name },
    });
  }
  return value;
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

/**
 * A worker process's configuration from its environment (the apps pass process.env; the library reads
 * none). REDIS_URL is required; DATABASE_URL, else PARALLAX_DATA_DIR (single process only).
 * PARALLAX_STAGES, PARALLAX_CONCURRENCY_<STAGE>, PARALLAX_HEALTH_PORT, PARALLAX_HOST_RPS,
 * PARALLAX_LOCK_MS, PARALLAX_MAX_STALLED, PARALLAX_HANDOFF_MB, PARALLAX_USER_AGENT and PARALLAX_ALLOW_PRIVATE_ADDRESSES (1: fetch loopback and
 * private addresses — replay servers and tests only) tune it.
 */
export function workerConfigFromEnv(
  env: Env,
  defaults: { stages: Stage[]; healthPort?: number },
): WorkerConfig {
  const redisUrl = env.REDIS_URL;
  if (!redisUrl || !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must be set to a redis:// URL (the queue the workers serve)');
  }
  const databaseUrl = env.DATABASE_URL;
  const dataDir = env.PARALLAX_DATA_DIR;
  let store: StoreLocation;
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl))
      throw new ConfigError('DATABASE_URL must be a postgres:// URL');
    store = { databaseUrl };
  } else if (dataDir) {
    store = { dataDir };
  } else {
    throw new ConfigError('DATABASE_URL (PostgreSQL, for several workers) or PARALLAX_DATA_DIR must be set');
  }
  const stages = env.PARALLAX_STAGES ? parseStages(env.PARALLAX_STAGES) : defaults.stages;
  const concurrency: Partial<Record<Stage, number>> = {};
  for (const stage of stages) {
    concurrency[stage] = integer(
      env,
      `PARALLAX_CONCURRENCY_${stage.toUpperCase()}`,
      DEFAULT_CONCURRENCY[stage],
      1,
    );
  }
  const lockDurationMs = integer(env, 'PARALLAX_LOCK_MS', 30_000, 1_000);
  return {
    store,
    service: {
      redisUrl,
      stages,
      concurrency,
      healthPort: integer(env, 'PARALLAX_HEALTH_PORT', defaults.healthPort, 0),
      healthHost: env.PARALLAX_HEALTH_HOST || '127.0.0.1',
      hostRequestsPerSecond: integer(env, 'PARALLAX_HOST_RPS', 2, 0),
      lockDurationMs,
      stalledIntervalMs: lockDurationMs,
      maxStalledCount: integer(env, 'PARALLAX_MAX_STALLED', 5, 0),
      handoffMegabytes: integer(env, 'PARALLAX_HANDOFF_MB', DEFAULT_HANDOFF_MEGABYTES, 0),
      fetch: {
        userAgent: env.PARALLAX_USER_AGENT || 'Parallax/0.1 (+https://github.com/parallax)',
        allowPrivateAddresses: env.PARALLAX_ALLOW_PRIVATE_ADDRESSES === '1',
        timeoutMs: 15_000,
      },
    },
  };
}
