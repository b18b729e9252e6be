import { readFile } from 'node:fs/promises';
import { ConfigError, SourceKind } from '@parallax/core';
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { isCronExpression } from './cron';
import { DiscoveryEndpointSchema, HttpUrl, RegexSource, SourceId, type SourceProfile } from './profile';
import { genericProfile, PROFILES } from './profiles';

const CRON_EXPECTED =
  'expected a cron expression of 5 fields (minute hour day month weekday), e.g. "*/30 * * * *"';

const Cron = z.string().refine(isCronExpression, { message: CRON_EXPECTED });

/** An IANA time zone the runtime knows (cron fields are read in it). */
const TimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an IANA time zone, e.g. "Europe/Moscow" or "UTC"' },
);

/** Fetch limits; every field optional so a source can override one of them. */
export const FetchLimitsSchema = z.strictObject({
  minDelayMs: z.int().min(0).max(600_000).optional(),
  maxConcurrencyPerHost: z.int().min(1).max(16).optional(),
  timeoutMs: z.int().min(100).max(300_000).optional(),
  totalTimeoutMs: z.int().min(100).max(600_000).optional(),
  maxBytes: z
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .optional(),
  maxRedirects: z.int().min(0).max(20).optional(),
  maxAttempts: z.int().min(1).max(10).optional(),
});
export type FetchLimits = Required<z.infer<typeof FetchLimitsSchema>>;

export const DEFAULT_LIMITS: FetchLimits = {
  minDelayMs: 2000,
  maxConcurrencyPerHost: 2,
  timeoutMs: 20_000,
  totalTimeoutMs: 60_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  maxAttempts: 3,
};

export const SourceEntrySchema = z.strictObject({
  id: SourceId,
  /** A named profile's id, or "generic"; defaults to the source id. */
  profile: z.string().optional(),
  name: z.string().min(1).optional(),
  kind: SourceKind.optional(),
  lang: z.string().min(2).optional(),
  homepage: HttpUrl.optional(),
  enabled: z.boolean().default(true),
  schedule: Cron.optional(),
  /** Time zone the schedule is read in (default: the defaults' tz, else UTC). */
  tz: TimeZone.optional(),
  /** How far back discovery looks, in hours. */
  windowHours: z
    .int()
    .min(1)
    .max(24 * 366)
    .optional(),
  discovery: z.array(DiscoveryEndpointSchema).min(1).optional(),
  articlePatterns: z.array(RegexSource).optional(),
  allowPrivateAddresses: z.boolean().default(false),
  limits: FetchLimitsSchema.optional(),
});

export const SourcesConfigSchema = z.strictObject({
  version: z.literal(1),
  agent: z.strictObject({
    name: z.string().regex(/^[A-Za-z][\w.-]*(\/[\w.-]+)?$/, 'expected a bot name like "ParallaxBot/0.1"'),
    contact: HttpUrl,
  }),
  limits: FetchLimitsSchema.default({}),
  defaults: z
    .strictObject({
      schedule: Cron.optional(),
      tz: TimeZone.optional(),
      windowHours: z
        .int()
        .min(1)
        .max(24 * 366)
        .optional(),
    })
    .default({}),
  sources: z.array(SourceEntrySchema).min(1, 'expected at least one source'),
});
export type SourcesConfigInput = z.input<typeof SourcesConfigSchema>;

/** One source ready to run: its profile with the config's overrides applied, its schedule and limits. */
export interface ConfiguredSource {
  id: string;
  profile: SourceProfile;
  enabled: boolean;
  /** Cron expression the scheduler runs discovery on. */
  schedule: string;
  /** IANA time zone of the schedule, when the config gives one (else the scheduler's, UTC in the fleet). */
  tz?: string;
  windowHours: number;
  allowPrivateAddresses: boolean;
  limits: FetchLimits;
}

export interface SourcesConfig {
  /** The file it came from (or the name given to parseSourcesConfig). */
  file: string;
  agent: { name: string; contact: string };
  limits: FetchLimits;
  sources: ConfiguredSource[];
}

export interface ConfigIssue {
  line: number;
  column: number;
  /** Where in the document, e.g. sources[2].schedule. */
  path: string;
  message: string;
}

const DEFAULT_SCHEDULE = '*/30 * * * *';
const DEFAULT_WINDOW_HOURS = 48;

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

function configError(file: string, unordered: ConfigIssue[]): ConfigError {
  // In file order, as a reader goes through the file to fix them.
  const issues = [...unordered].sort((a, b) => a.line - b.line || a.column - b.column);
  const lines = issues.map((i) => `${file}:${i.line}:${i.column}: ${i.path}: ${i.message}`);
  return new ConfigError(
    issues.length === 1
      ? `invalid sources config ${lines[0]}`
      : `invalid sources config:\n  ${lines.join('\n  ')}`,
    { details: { file, issues } },
  );
}

/**
 * Parses and validates a sources config (YAML text). Any mistake — bad YAML, a missing or misspelt
 * field, an unknown profile, a bad cron string — throws one ConfigError (PARALLAX_CONFIG_INVALID)
 * that names the file, the line and column, the path, and what was expected, for every issue at once.
 */
export function parseSourcesConfig(text: string, file: string): SourcesConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw configError(
      file,
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          line: pos.line,
          column: pos.col,
          path: '(yaml)',
          message: e.message.split('\n')[0] ?? e.message,
        };
      }),
    );
  }
  const locateKey = (parent: ReadonlyArray<PropertyKey>, key: string): { line: number; column: number } => {
    const map = parent.length === 0 ? doc.contents : doc.getIn(parent as unknown[], true);
    if (isMap(map)) {
      const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair && isNode(pair.key) && pair.key.range) {
        const pos = lineCounter.linePos(pair.key.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return locate([...parent, key]);
  };
  const locate = (path: ReadonlyArray<PropertyKey>): { line: number; column: number } => {
    // The deepest node that exists: a missing key is reported where its parent is.
    for (let n = path.length; n >= 0; n -= 1) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  };
  const raw: unknown = doc.toJS();
  const parsed = SourcesConfigSchema.safeParse(raw);
  const issues: ConfigIssue[] = [];
  const report = (path: ReadonlyArray<PropertyKey>, message: string) =>
    issues.push({ ...locate(path), path: pathText(path), message });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          issues.push({
            ...locateKey(issue.path, key),
            path: pathText([...issue.path, key]),
            message: `unknown field "${key}"`,
          });
        }
      } else {
        report(issue.path, issue.message);
      }
    }
    throw configError(file, issues);
  }
  const config = parsed.data;
  const seenIds = new Map<string, number>();
  const sources: ConfiguredSource[] = [];
  config.sources.forEach((entry, index) => {
    const earlier = seenIds.get(entry.id);
    if (earlier !== undefined) {
      report(['sources', index, 'id'], `duplicate source id "${entry.id}" (also sources[${earlier}])`);
      return;
    }
    seenIds.set(entry.id, index);
    const profileId = entry.profile ?? entry.id;
    let profile: SourceProfile;
    if (profileId === 'generic') {
      if (!entry.homepage) {
        report(['sources', index], 'expected a "homepage" for a source with profile "generic"');
        return;
      }
      profile = genericProfile({
        id: entry.id,
        homepage: entry.homepage,
        ...(entry.name ? { name: entry.name } : {}),
        ...(entry.kind ? { kind: entry.kind } : {}),
        ...(entry.lang ? { lang: entry.lang } : {}),
      });
    } else {
      const named = PROFILES.get(profileId);
      if (!named) {
        report(
          ['sources', index, entry.profile === undefined ? 'id' : 'profile'],
          `unknown profile "${profileId}"; expected one of ${[...PROFILES.keys(), 'generic'].join(', ')}`,
        );
        return;
      }
      profile = { ...named, id: entry.id };
      if (entry.name) profile.name = entry.name;
      if (entry.kind) profile.kind = entry.kind;
      if (entry.lang) profile.lang = entry.lang;
      if (entry.homepage) profile.homepage = entry.homepage;
    }
    if (entry.discovery) profile.discovery = entry.discovery;
    if (entry.articlePatterns) profile.articlePatterns = entry.articlePatterns;
    sources.push({
      id: entry.id,
      profile,
      enabled: entry.enabled,
      schedule: entry.schedule ?? config.defaults.schedule ?? DEFAULT_SCHEDULE,
      ...((entry.tz ?? config.defaults.tz) ? { tz: entry.tz ?? config.defaults.tz } : {}),
      windowHours: entry.windowHours ?? config.defaults.windowHours ?? DEFAULT_WINDOW_HOURS,
      allowPrivateAddresses: entry.allowPrivateAddresses,
      limits: { ...DEFAULT_LIMITS, ...config.limits, ...entry.limits },
    });
  });
  if (issues.length > 0) throw configError(file, issues);
  return {
    file,
    agent: config.agent,
    limits: { ...DEFAULT_LIMITS, ...config.limits },
    sources,
  };
}

/** Reads and validates a sources config file; a missing or unreadable file is a ConfigError too. */
export async function loadSourcesConfig(path: string): Promise<SourcesConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(`cannot read sources config ${path}: ${(cause as Error).message}`, {
      cause,
      details: { file: path },
    });
  }
  return parseSourcesConfig(text, path);
}
