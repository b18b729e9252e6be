/** Frees the slot a request held on its host. */
export type ReleaseSlot = () => void;

/**
 * Per-host politeness: at most N requests in flight to a host, request starts spaced by a minimum
 * delay, and a host held back entirely after it asked (Retry-After). One process uses the in-process
 * limiter; a fleet of workers shares one behind this interface (a Redis-backed one, later).
 */
export interface HostLimiter {
  /**
   * Waits until `host` has a free slot and its delay has passed, then takes the slot. `minDelayMs`
   * raises the host's spacing for this request (robots.txt Crawl-delay).
   */
  acquire(host: string, minDelayMs?: number): Promise<ReleaseSlot>;
  /** Holds every request to `host` back until `untilMs` (epoch ms). */
  holdUntil(host: string, untilMs: number): Promise<void>;
}

export interface HostLimits {
  /** Minimum time between two request starts to the same host, in ms. */
  minDelayMs: number;
  /** Requests in flight to the same host at once. */
  maxConcurrency: number;
}

interface HostState {
  active: number;
  nextStartAt: number;
  waiting: Array<{ minDelayMs: number; start: (release: ReleaseSlot) => void }>;
  timer: NodeJS.Timeout | undefined;
}

/** The HostLimiter for one process: a queue per host, first come first served. */
export class InProcessHostLimiter implements HostLimiter {
  readonly #hosts = new Map<string, HostState>();
  readonly #limits: HostLimits;
  readonly #now: () => number;

  constructor(limits: Partial<HostLimits> = {}, now: () => number = Date.now) {
    this.#limits = { minDelayMs: limits.minDelayMs ?? 1000, maxConcurrency: limits.maxConcurrency ?? 2 };
    if (!(this.#limits.maxConcurrency >= 1)) throw new RangeError('maxConcurrency must be at least 1');
    this.#now = now;
  }

  acquire(host: string, minDelayMs = 0): Promise<ReleaseSlot> {
    const state = this.#state(host);
    return new Promise((resolve) => {
      state.waiting.push({ minDelayMs: Math.max(minDelayMs, this.#limits.minDelayMs), start: resolve });
      this.#pump(host, state);
    });
  }

  async holdUntil(host: string, untilMs: number): Promise<void> {
    const state = this.#state(host);
    state.nextStartAt = Math.max(state.nextStartAt, untilMs);
  }

  /** Requests waiting for `host` (for tests and metrics). */
  waiting(host: string): number {
    return this.#hosts.get(host)?.waiting.length ?? 0;
  }

  #state(host: string): HostState {
    let state = this.#hosts.get(host);
    if (!state) {
      state = { active: 0, nextStartAt: 0, waiting: [], timer: undefined };
      this.#hosts.set(host, state);
    }
    return state;
  }

  #pump(host: string, state: HostState): void {
    if (state.timer || state.active >= this.#limits.maxConcurrency) return;
    const next = state.waiting[0];
    if (!next) {
      if (state.active === 0 && state.nextStartAt <= this.#now()) this.#hosts.delete(host);
      return;
    }
    const wait = state.nextStartAt - this.#now();
    if (wait > 0) {
      state.timer = setTimeout(() => {
        state.timer = undefined;
        this.#pump(host, state);
      }, wait);
      return;
    }
    state.waiting.shift();
    state.active += 1;
    state.nextStartAt = this.#now() + next.minDelayMs;
    let released = false;
    next.start(() => {
      if (released) return;
      released = true;
      state.active -= 1;
      this.#pump(host, state);
    });
    this.#pump(host, state);
  }
}
