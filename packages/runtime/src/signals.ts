/**
 * Resolves with the signal when the process is asked to stop (SIGTERM, or Ctrl-C's SIGINT). The
 * listeners stay while the process shuts down: Ctrl-C reaches every process of the terminal's group,
 * and a wrapper in between (pnpm, tsx's CLI) may pass the same signal on again a moment later — with
 * no listener left, that echo would kill the clean stop. Signals within `echoMs` (2 s) of the first
 * are taken as that echo and ignored; one after that gives up the clean stop (exit 130).
 */
export function untilStopped(options: { echoMs?: number } = {}): Promise<NodeJS.Signals> {
  const echoMs = options.echoMs ?? 2_000;
  return new Promise((resolve) => {
    let stoppedAt: number | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stoppedAt === undefined) {
        stoppedAt = Date.now();
        resolve(signal);
        return;
      }
      if (Date.now() - stoppedAt < echoMs) return;
      process.stderr.write('parallax: interrupted again while stopping; exiting without a clean stop\n');
      process.exit(130);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** A drain that did not finish within its bound. */
export class DrainTimeout extends Error {
  constructor(readonly ms: number) {
    super(`did not stop within ${ms} ms`);
    this.name = 'DrainTimeout';
  }
}

/**
 * Runs `close` (stop taking work, finish what is in flight, release connections), but for at most
 * `ms`: a job that hangs must not keep a process that was told to stop alive forever (BullMQ's
 * stalled-job check hands what it held to another worker). Rejects with DrainTimeout past the bound.
 */
export async function drain(close: () => Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DrainTimeout(ms)), ms);
    timer.unref();
  });
  try {
    await Promise.race([close(), bound]);
  } finally {
    clearTimeout(timer);
  }
}
