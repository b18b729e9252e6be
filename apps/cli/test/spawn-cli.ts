import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The CLI's entry and tsx's, so a test starts the real CLI as `pnpm parallax` does. */
export const MAIN = resolve(import.meta.dirname, '../src/main.ts');
export const TSX = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/cli.mjs');
/** Each test starts the CLI a few times; on a busy 2-core machine one start can take seconds. */
export const SPAWN_TIMEOUT = 150_000;

/**
 * The real CLI in a child process, run from `work` (as pnpm's INIT_CWD): stdout and stderr are
 * pipes, not a terminal, as in CI.
 */
export function runIn(
  work: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [TSX, MAIN, ...args], {
      env: { ...process.env, INIT_CWD: work, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
