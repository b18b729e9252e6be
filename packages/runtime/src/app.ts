import { isParallaxError } from '@parallax/core';
import type { Logger } from 'pino';
import { createAppLogger } from './logger';
import { loadOptions, type OptionFlags, type ParallaxOptions } from './options';
import { DrainTimeout, drain, untilStopped } from './signals';

/** What an app's start hands back: something to stop, and what its "ready" line should say. */
export interface RunningApp {
  /** Fields of the `<name> ready` line (health URL, stages…). */
  ready?: Record<string, unknown>;
  /** What the "stopping" line says is being waited for (e.g. "finishing in-flight jobs"). */
  stopping?: string;
  /** Graceful stop: no new work, in-flight work finished, connections closed. */
  close(): Promise<void>;
}

export interface AppContext {
  log: Logger;
  options: ParallaxOptions;
}

/**
 * The whole life of a long-running app (a worker app, the scheduler, the dashboard): settings from
 * the one table (file < environment < `flags`), a batched JSON logger at their log level, `start`,
 * a `<name> ready` line, then on SIGTERM/SIGINT a stop bounded by PARALLAX_DRAIN_MS, the log flushed
 * (itself bounded: a stuck stderr must not hold the exit up) and the exit: 0 after a clean stop, 1
 * after a failed or overlong one or a start that failed, 2 when the start failed on configuration.
 */
export async function runApp(
  name: string,
  start: (ctx: AppContext) => Promise<RunningApp>,
  sources: { env?: NodeJS.ProcessEnv; flags?: OptionFlags } = {},
): Promise<void> {
  let options: ParallaxOptions | undefined;
  let failure: unknown;
  try {
    options = loadOptions({ env: sources.env ?? process.env, flags: sources.flags ?? {} });
  } catch (error) {
    failure = error;
  }
  const { log, flush } = createAppLogger({ name, level: options?.logLevel ?? 'info' });
  const exit = async (code: number): Promise<never> => {
    // Out with the buffer and any write in flight first; a stuck stderr must not hold the exit up.
    setTimeout(() => process.exit(code), 2_000).unref();
    await flush();
    process.exit(code);
  };
  // Listening from the start: a signal while the app starts stops it cleanly too.
  const stopped = untilStopped();
  let app: RunningApp | undefined;
  if (options) {
    try {
      app = await start({ log, options });
    } catch (error) {
      failure = error;
    }
  }
  if (app === undefined || options === undefined) {
    log.fatal(
      { code: isParallaxError(failure) ? failure.code : 'PARALLAX_INTERNAL', err: failure },
      failure instanceof Error ? failure.message : String(failure),
    );
    return exit(isParallaxError(failure) && failure.code === 'PARALLAX_CONFIG_INVALID' ? 2 : 1);
  }
  log.info(app.ready ?? {}, `${name} ready`);
  await flush();
  const signal = await stopped;
  log.info({ signal }, app.stopping ? `stopping: ${app.stopping}` : 'stopping');
  const running = app;
  try {
    await drain(() => running.close(), options.drainMs);
  } catch (error) {
    log.error(
      { err: error },
      error instanceof DrainTimeout ? 'stop timed out; exiting with work in flight' : 'unclean stop',
    );
    return exit(1);
  }
  return exit(0);
}
