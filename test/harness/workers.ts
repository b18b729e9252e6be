import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const TSX_DIST = resolve(dirname(require.resolve('tsx/package.json')), 'dist');

export interface WorkerApp {
  child: ChildProcess;
  /** Everything the process wrote to stderr (its pino log). */
  log(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts a worker app (apps/<name>/src/main.ts) as its own process, as it runs in production, and
 * resolves once it logged that it is ready.
 */
export async function startWorkerApp(name: string, env: Record<string, string>): Promise<WorkerApp> {
  // tsx's loader in this very process (not the tsx CLI, which runs the app in a child of its own, so
  // a SIGKILL would hit the CLI and leave the worker running).
  const args = [
    '--require',
    resolve(TSX_DIST, 'preflight.cjs'),
    '--import',
    pathToFileURL(resolve(TSX_DIST, 'loader.mjs')).href,
    resolve(REPO_ROOT, `apps/${name}/src/main.ts`),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PARALLAX_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} not ready after 30 s:\n${stderr}`));
    }, 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (/"msg":"parallax-[a-z]+ ready"/.test(stderr)) {
        clearTimeout(timer);
        resolve();
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${stderr}`));
    });
  });
  return { child, log: () => stderr, exited };
}

/** SIGKILL: no graceful shutdown, no lock released — a crash or an OOM kill. */
export async function killHard(app: WorkerApp): Promise<void> {
  app.child.kill('SIGKILL');
  await app.exited;
}
