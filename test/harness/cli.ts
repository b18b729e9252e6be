import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS = resolve(REPO_ROOT, 'test/corpus/putin-mongolia-2024');
export const SEED = resolve(CORPUS, 'seed.txt');

const require = createRequire(import.meta.url);
const TSX_CLI = resolve(dirname(require.resolve('tsx/package.json')), 'dist/cli.mjs');
const MAIN = resolve(REPO_ROOT, 'apps/cli/src/main.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `parallax` CLI in a child process, as a user would (`pnpm parallax …` runs the same entry). */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const env = { ...process.env, ...options.env };
    // INIT_CWD is what pnpm sets; a test that wants the plain cwd behaviour must not inherit ours.
    if (!options.env?.INIT_CWD) delete env.INIT_CWD;
    const child = spawn(process.execPath, [TSX_CLI, MAIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}
