import {
  type ConfiguredSource,
  DiscoveryEndpointSchema,
  FetchLimitsSchema,
  type SourcesConfig,
} from '@parallax/sources';
import { z } from 'zod';

/**
 * What a scheduled firing carries about its source: everything the discover stage needs (endpoints,
 * article patterns, window, agent, limits), so workers never read the sources file themselves and a
 * config edit reaches them through the scheduler's next sync.
 */
export const SourceToDiscover = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['outlet', 'official', 'aggregator', 'other']),
  lang: z.string().min(2).optional(),
  homepage: z.url(),
  discovery: z.array(DiscoveryEndpointSchema).min(1),
  articlePatterns: z.array(z.string()),
  windowHours: z.int().min(1),
  allowPrivateAddresses: z.boolean(),
  /** The bot's name (its robots.txt token) and contact URL, for the User-Agent. */
  agent: z.object({ name: z.string().min(1), contact: z.url() }),
  limits: FetchLimitsSchema.required(),
});
export type SourceToDiscover = z.infer<typeof SourceToDiscover>;

/** A discover job for one configured source (a scheduler firing, or `parallax run --config --queue`). */
export const SourceDiscoverJob = z.object({
  runId: z
    .string()
    .regex(/^run_[A-Za-z0-9_.-]+$/)
    .optional(),
  configured: SourceToDiscover,
});
export type SourceDiscoverJob = z.infer<typeof SourceDiscoverJob>;

/** The payload of one configured source, with the config's agent. */
export function sourceToDiscover(config: Pick<SourcesConfig, 'agent'>, source: ConfiguredSource) {
  return SourceToDiscover.parse({
    id: source.id,
    name: source.profile.name,
    kind: source.profile.kind,
    lang: source.profile.lang,
    homepage: source.profile.homepage,
    discovery: source.profile.discovery,
    articlePatterns: source.profile.articlePatterns,
    windowHours: source.windowHours,
    allowPrivateAddresses: source.allowPrivateAddresses,
    agent: config.agent,
    limits: source.limits,
  });
}

/** True when a discover job's data names a configured source rather than an explicit URL list. */
export function isSourceDiscoverJob(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'configured' in data;
}

/** What discovery of one source found, kept on the run (its summary) and in the compare job. */
export const DiscoverySummary = z.object({
  /** The configured source's id. */
  source: z.string(),
  /** Article links in the window, after URL dedup. */
  found: z.int().min(0),
  /** Of those, already stored by earlier runs (not fetched again). */
  skipped: z.int().min(0),
  /** Endpoints that could not be read; the run went on with the others. */
  failures: z.array(z.object({ endpoint: z.string(), code: z.string(), message: z.string() })),
});
export type DiscoverySummary = z.infer<typeof DiscoverySummary>;
