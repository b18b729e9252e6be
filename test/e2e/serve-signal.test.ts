/**
 * Issue 15: `serve` stopped by Ctrl-C under `pnpm parallax` exited 130 (the help promises 0). A
 * terminal's Ctrl-C signals the whole foreground process group — pnpm, the shell it runs the script
 * with, and the CLI — so each run starts `pnpm parallax serve` in a process group of its own and
 * signals that group, as the terminal would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../harness/cli';

const work = mkdtempSync(join(tmpdir(), 'parallax-serve-signal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the command in its own process group, Ctrl-Cs the group once it serves, and waits. */
async function ctrlC(command: string, args: string[]): Promise<Stopped> {
  const child: ChildProcess = spawn(command, args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PARALLAX_LOG_LEVEL: 'info' },
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<Stopped>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      stdout += d;
      if (stdout.includes('Press Ctrl-C to stop.')) resolve();
    });
    child.on('close', () => reject(new Error(`serve ended before serving: ${stderr}`)));
  });
  const pgid = child.pid as number;
  process.kill(-pgid, 'SIGINT');
  return exited;
}

const serveArgs = (name: string) => ['serve', '--port', '0', '--data-dir', join(work, name)];

describe('serve stopped by Ctrl-C exits 0 on a clean stop', () => {
  it('under pnpm parallax, every time (three runs)', async () => {
    for (let run = 0; run < 3; run++) {
      const stopped = await ctrlC('pnpm', ['--silent', 'parallax', ...serveArgs('pnpm')]);
      expect({ run, code: stopped.code, signal: stopped.signal }).toEqual({ run, code: 0, signal: null });
      expect(stopped.stderr).toContain('stopping the dashboard');
    }
  }, 180_000);

  it('through the package bin (apps/cli/bin/parallax.mjs)', async () => {
    const stopped = await ctrlC(process.execPath, [
      join(REPO_ROOT, 'apps/cli/bin/parallax.mjs'),
      ...serveArgs('bin'),
    ]);
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });
  }, 60_000);
});
