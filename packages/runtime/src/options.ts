import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from '@parallax/core/errors';

type Env = Readonly<Record<string, string | undefined>>;

/** The folder the user ran the command in (pnpm runs scripts in the package's folder; INIT_CWD is theirs). */
export function userCwd(env: Env = process.env): string {
  return env.INIT_CWD || process.cwd();
}

interface Spec<K extends string, D> {
  /** The environment variable that sets it. */
  env: string;
  kind: K;
  /** Its value when neither the file, the environment nor a flag sets it (undefined: unset). */
  default: D;
  /** One line for the README's table. */
  doc: string;
}
type StringSpec = Spec<'string', string | undefined>;
type IntegerSpec = Spec<'integer', number | undefined> & { min: number; max?: number };
type BooleanSpec = Spec<'boolean', boolean>;
type UrlSpec = Spec<'url', undefined> & { schemes: RegExp; expected: string };
/** One integer per pipeline stage: PARALLAX_CONCURRENCY_FETCH=8 → { fetch: 8 }. */
type PerStageSpec = Spec<'per-stage', undefined> & { min: number };
type OptionSpec = StringSpec | IntegerSpec | BooleanSpec | UrlSpec | PerStageSpec;

/**
 * Every setting of Parallax's long-running apps (the worker apps, the scheduler, the dashboard, and
 * the CLI's `worker` and `serve`), each once, with its variable and default. Crawlee's Configuration
 * is the model: one table, one precedence — a JSON file (PARALLAX_CONFIG names it; keys are the
 * names below) < the environment < the command line's flags. Settings left unset fall to the
 * library's own default (the fleet's concurrency, lock and handoff defaults live beside the code
 * that uses them).
 */
export const OPTIONS = {
  home: {
    env: 'PARALLAX_HOME',
    kind: 'string',
    default: undefined,
    doc: 'data directory (default `.parallax` in the folder the command was run in)',
  },
  dataDir: {
    env: 'PARALLAX_DATA_DIR',
    kind: 'string',
    default: undefined,
    doc: "the embedded store's directory, for one process only (default `<PARALLAX_HOME>/db`)",
  },
  redisUrl: {
    env: 'REDIS_URL',
    kind: 'url',
    schemes: /^rediss?:\/\//,
    expected: 'a redis:// URL',
    default: undefined,
    doc: 'the queue (required by the workers and the scheduler; the dashboard mounts Bull Board on it)',
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    kind: 'url',
    schemes: /^postgres(ql)?:\/\//,
    expected: 'a postgres:// URL',
    default: undefined,
    doc: 'PostgreSQL store (required with more than one process; else the embedded store)',
  },
  stages: {
    env: 'PARALLAX_STAGES',
    kind: 'string',
    default: undefined,
    doc: "stages a worker serves (`discover,fetch,extract,compare` or `all`; default: the app's own)",
  },
  concurrency: {
    env: 'PARALLAX_CONCURRENCY_<STAGE>',
    kind: 'per-stage',
    min: 1,
    default: undefined,
    doc: 'jobs at once per stage (defaults: discover 1, fetch 16, extract 4, compare 1)',
  },
  hostRps: {
    env: 'PARALLAX_HOST_RPS',
    kind: 'integer',
    min: 0,
    default: undefined,
    doc: "requests per second per host across the fleet (the fleet's default 2; 0 = unlimited)",
  },
  lockMs: {
    env: 'PARALLAX_LOCK_MS',
    kind: 'integer',
    min: 1_000,
    default: undefined,
    doc: "job lock duration, and how often stalled jobs are looked for (the fleet's default 30 s)",
  },
  maxStalled: {
    env: 'PARALLAX_MAX_STALLED',
    kind: 'integer',
    min: 0,
    default: undefined,
    doc: "how often a stalled job is handed on before it fails (the fleet's default 5)",
  },
  handoffMb: {
    env: 'PARALLAX_HANDOFF_MB',
    kind: 'integer',
    min: 0,
    default: undefined,
    doc: "memory a worker keeps to hand its output to its own next stage without re-reading the store (the fleet's default 128; 0 off)",
  },
  userAgent: {
    env: 'PARALLAX_USER_AGENT',
    kind: 'string',
    default: 'Parallax/0.1 (+https://github.com/parallax)',
    doc: "the crawler's User-Agent (a configured source's agent takes its place for that source)",
  },
  allowPrivateAddresses: {
    env: 'PARALLAX_ALLOW_PRIVATE_ADDRESSES',
    kind: 'boolean',
    default: false,
    doc: '`1`: fetch loopback and private addresses (replay servers and tests only)',
  },
  healthPort: {
    env: 'PARALLAX_HEALTH_PORT',
    kind: 'integer',
    min: 0,
    max: 65_535,
    default: undefined,
    doc: '`GET /health` and `GET /metrics` (scraper 9101, normaliser 9102, differ 9103, scheduler 9104, `worker` 9100; 0 any free port)',
  },
  healthHost: {
    env: 'PARALLAX_HEALTH_HOST',
    kind: 'string',
    default: '127.0.0.1',
    doc: 'address of the health server',
  },
  sources: {
    env: 'PARALLAX_SOURCES',
    kind: 'string',
    default: undefined,
    doc: 'the sources config (YAML, e.g. `infra/sources.yaml`) whose schedules the scheduler keeps',
  },
  schedulerSyncMs: {
    env: 'PARALLAX_SCHEDULER_SYNC_MS',
    kind: 'integer',
    min: 1_000,
    default: 60_000,
    doc: 'how often the scheduler re-reads the sources config (also on SIGHUP)',
  },
  dashboardHost: {
    env: 'PARALLAX_DASHBOARD_HOST',
    kind: 'string',
    default: '127.0.0.1',
    doc: 'address the dashboard binds (a container needs 0.0.0.0, published on loopback)',
  },
  dashboardPort: {
    env: 'PARALLAX_DASHBOARD_PORT',
    kind: 'integer',
    min: 0,
    max: 65_535,
    default: 4173,
    doc: 'port of the dashboard',
  },
  reportsDir: {
    env: 'PARALLAX_REPORTS_DIR',
    kind: 'string',
    default: undefined,
    doc: 'a folder of JSON reports the dashboard lists too',
  },
  logLevel: {
    env: 'PARALLAX_LOG_LEVEL',
    kind: 'string',
    default: 'info',
    doc: 'pino level; logs are JSON lines with run and job ids (the CLI defaults to `warn`)',
  },
  drainMs: {
    env: 'PARALLAX_DRAIN_MS',
    kind: 'integer',
    min: 0,
    default: 50_000,
    doc: "how long a stopping app waits for in-flight work before it exits anyway (within Compose's 60 s stop_grace_period)",
  },
} as const satisfies Record<string, OptionSpec>;

type Specs = typeof OPTIONS;
type ValueOf<S> = S extends { kind: 'integer' }
  ? number
  : S extends { kind: 'boolean' }
    ? boolean
    : S extends { kind: 'per-stage' }
      ? Readonly<Record<string, number>>
      : string;
type DefaultOf<S> = S extends { default: infer D } ? D : never;

/** Every setting, typed; those without a default may be undefined. */
export type ParallaxOptions = {
  readonly [K in keyof Specs]: undefined extends DefaultOf<Specs[K]>
    ? ValueOf<Specs[K]> | undefined
    : ValueOf<Specs[K]>;
};
type FlagOf<S> = S extends { kind: 'integer' }
  ? number | string
  : S extends { kind: 'per-stage' }
    ? Readonly<Record<string, number | string>>
    : ValueOf<S>;
/** What a command line's flags may set (numbers as typed, checked as the environment's are). */
export type OptionFlags = { [K in keyof Specs]?: FlagOf<Specs[K]> | undefined };

function invalid(variable: string, message: string): ConfigError {
  return new ConfigError(`${variable} ${message}`, { details: { variable } });
}

/** A value of the file or the environment (text or, from the file, JSON) as the spec's type. */
function parse(spec: OptionSpec, name: string, raw: unknown): unknown {
  switch (spec.kind) {
    case 'string':
      return String(raw);
    case 'boolean':
      return raw === true || raw === '1' || raw === 'true';
    case 'url': {
      const value = String(raw);
      if (!spec.schemes.test(value)) throw invalid(name, `must be ${spec.expected}`);
      return value;
    }
    case 'integer': {
      const value = typeof raw === 'number' ? raw : Number(String(raw));
      const max = spec.max === undefined ? '' : ` and ≤ ${spec.max}`;
      if (!Number.isInteger(value) || value < spec.min || (spec.max !== undefined && value > spec.max)) {
        throw invalid(name, `must be an integer ≥ ${spec.min}${max} (got "${String(raw)}")`);
      }
      return value;
    }
    case 'per-stage': {
      const out: Record<string, number> = {};
      for (const [stage, value] of Object.entries(raw as Record<string, unknown>)) {
        out[stage] = parse(
          { ...spec, kind: 'integer', default: undefined },
          name.replace('<STAGE>', stage.toUpperCase()),
          value,
        ) as number;
      }
      return out;
    }
  }
}

function fromFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the config file (PARALLAX_CONFIG)`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(`${file}: expected a JSON object of settings`);
  }
  for (const key of Object.keys(data)) {
    if (!(key in OPTIONS)) {
      throw new ConfigError(
        `${file}: unknown setting "${key}"; expected some of ${Object.keys(OPTIONS).join(', ')}`,
      );
    }
  }
  return data as Record<string, unknown>;
}

function fromEnv(spec: OptionSpec, env: Env): unknown {
  if (spec.kind === 'per-stage') {
    const prefix = spec.env.replace('<STAGE>', '');
    const entries = Object.entries(env).filter(
      ([key, value]) => key.startsWith(prefix) && value !== undefined && value.trim() !== '',
    );
    if (entries.length === 0) return undefined;
    return Object.fromEntries(entries.map(([key, value]) => [key.slice(prefix.length).toLowerCase(), value]));
  }
  const raw = env[spec.env];
  return raw === undefined || raw.trim() === '' ? undefined : raw;
}

/**
 * Every setting, from the defaults table, then the JSON file PARALLAX_CONFIG names (or `file`), then
 * the environment, then `flags`: the later wins, whole (a flag's per-stage concurrency replaces the
 * environment's). A value that does not parse is a ConfigError naming its variable.
 */
export function loadOptions(
  sources: { env?: Env; flags?: OptionFlags; file?: string } = {},
): ParallaxOptions {
  const env = sources.env ?? process.env;
  const file = sources.file ?? env.PARALLAX_CONFIG;
  const fileValues = file ? fromFile(isAbsolute(file) ? file : resolve(userCwd(env), file)) : {};
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(OPTIONS) as Array<[keyof Specs, OptionSpec]>) {
    let value: unknown = spec.default;
    const inFile = fileValues[name];
    if (inFile !== undefined && inFile !== null) value = parse(spec, spec.env, inFile);
    const inEnv = fromEnv(spec, env);
    if (inEnv !== undefined) value = parse(spec, spec.env, inEnv);
    const flag = sources.flags?.[name];
    if (flag !== undefined) value = parse(spec, spec.env, flag);
    options[name] = value;
  }
  return options as ParallaxOptions;
}

/**
 * The data directory: the `home` setting (PARALLAX_HOME; by default read from the environment), else
 * `.parallax` in the user's folder. The one place that default is written.
 */
export function homeDir(
  options: Pick<ParallaxOptions, 'home'> = { home: process.env[OPTIONS.home.env] || undefined },
  env: Env = process.env,
): string {
  return options.home ? resolve(userCwd(env), options.home) : join(userCwd(env), '.parallax');
}
