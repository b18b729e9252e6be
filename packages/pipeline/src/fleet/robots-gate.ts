import { buildUserAgent, type FetchOptions, RobotsCache } from '@parallax/fetch';

/** The bot a fetch speaks for: its name ("ParallaxBot/0.1", the robots.txt token before "/") and contact. */
export interface RobotsAgent {
  name: string;
  contact: string;
}

/** "ParallaxBot" from "ParallaxBot/0.1" or from a whole User-Agent "Parallax/0.1 (+https://…)". */
function productToken(agentOrUserAgent: string): string {
  return agentOrUserAgent.split(/[/\s]/)[0] || agentOrUserAgent;
}

/**
 * robots.txt for plain fetchPage calls: fetch options whose every hop (the first request and each
 * redirect) is checked against the site's robots.txt for the agent's token, before any request is
 * sent. A Disallow is PARALLAX_FETCH_ROBOTS_DISALLOWED (not retryable); an unreachable robots.txt holds
 * the host back (retryable). Each robots.txt is read once per origin and cached (24 h, or its max-age),
 * so a site without one (404) costs one request per origin, not one per page.
 */
export class RobotsGate {
  readonly #base: FetchOptions;
  readonly #caches = new Map<string, RobotsCache>();

  constructor(base: FetchOptions) {
    this.#base = base;
  }

  /** Options for fetching as `agent` (with its User-Agent), or as the base options' User-Agent. */
  options(agent?: RobotsAgent): FetchOptions {
    const userAgent = agent ? buildUserAgent(agent.name, agent.contact) : this.#base.userAgent;
    const token = productToken(agent?.name ?? this.#base.userAgent);
    let cache = this.#caches.get(userAgent);
    if (cache === undefined) {
      const { beforeRequest: _ignored, ...plain } = this.#base;
      cache = new RobotsCache({ productToken: token, fetch: { ...plain, userAgent } });
      this.#caches.set(userAgent, cache);
    }
    const robots = cache;
    const earlier = this.#base.beforeRequest;
    return {
      ...this.#base,
      userAgent,
      beforeRequest: async (url) => {
        await earlier?.(url);
        await robots.assertAllowed(url);
      },
    };
  }
}

/** One gate per stage context (a worker process's lifetime), so the robots.txt cache outlives a job. */
const gates = new WeakMap<object, RobotsGate>();

/** The fetch options of a stage context with robots.txt honoured for `agent` (or the workers' own). */
export function robotsFetchOptions(ctx: { fetch: FetchOptions }, agent?: RobotsAgent): FetchOptions {
  let gate = gates.get(ctx);
  if (gate === undefined) {
    gate = new RobotsGate(ctx.fetch);
    gates.set(ctx, gate);
  }
  return gate.options(agent);
}
