import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, createProgress, outputSettings, prettyLogLine } from '../src/output';
import { MAIN, runIn, SPAWN_TIMEOUT, TSX } from './spawn-cli';

const SEED = resolve(import.meta.dirname, '../../../test/corpus/putin-mongolia-2024/seed.txt');
const work = mkdtempSync(join(tmpdir(), 'parallax-cli-feel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (args: string[], env: Record<string, string> = {}) => runIn(work, args, env);

describe('the CLI’s global behaviour', () => {
  it(
    'prints its version with --version and -V, exit 0',
    async () => {
      const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8'));
      for (const flag of ['--version', '-V']) {
        const result = await cli([flag]);
        expect(result.code).toBe(0);
        expect(result.stdout.trim()).toBe(version);
      }
    },
    SPAWN_TIMEOUT,
  );

  it(
    'documents the exit codes and the environment in the top-level help',
    async () => {
      const result = await cli(['--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Exit codes:\n\s+0 /);
      for (const code of ['1', '2', '130']) expect(result.stdout).toMatch(new RegExp(`\\n\\s+${code}\\s`));
      expect(result.stdout).toContain('NO_COLOR');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'has --help with examples on every command it lists',
    async () => {
      const root = await cli(['--help']);
      const section = (root.stdout.split('Commands:\n')[1] ?? '').split('\n\n')[0] ?? '';
      const commands = [...section.matchAll(/^ {2}([a-z-]+)\b/gm)]
        .map((m) => m[1] as string)
        .filter((name) => name !== 'help');
      expect(commands).toEqual(
        expect.arrayContaining(['demo', 'compare', 'extract', 'statements', 'schema', 'serve']),
      );
      for (const command of commands) {
        const result = await cli([command, '--help']);
        expect(result.code, command).toBe(0);
        expect(result.stdout, command).toMatch(new RegExp(`Usage: parallax ${command}`));
        expect(result.stdout, command).toMatch(/Examples:\n {2}pnpm parallax /);
      }
    },
    SPAWN_TIMEOUT,
  );

  it(
    'exits 2 on a usage mistake and points to --help',
    async () => {
      const result = await cli(['compare', '--no-such-flag']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--help');
      const port = await cli(['serve', '--port', 'eighty']);
      expect(port.code).toBe(2);
      expect(port.stderr).toContain('PARALLAX_USAGE');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'logs JSON lines to stderr when stderr is not a terminal, and nothing but errors with --quiet',
    async () => {
      const out = join(work, 'r.json');
      const loud = await cli(['compare', SEED, '--format', 'json', '--out', out], {
        PARALLAX_LOG_LEVEL: 'info',
      });
      expect(loud.code).toBe(0);
      const lines = loud.stderr.trim().split('\n');
      const record = JSON.parse(lines.at(-1) ?? '{}');
      expect(record).toMatchObject({ level: 30, msg: 'report written', out });
      const quiet = await cli(['--quiet', 'compare', SEED, '--format', 'json', '--out', out], {
        PARALLAX_LOG_LEVEL: 'info',
      });
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).toBe('');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'writes CSV with --format csv',
    async () => {
      const result = await cli(['compare', SEED, '--format', 'csv']);
      expect(result.code).toBe(0);
      expect(result.stdout.split('\r\n')[0]).toMatch(/^record,event_id,event_title,/);
    },
    SPAWN_TIMEOUT,
  );
});

describe('parallax serve', () => {
  it('serves the embedded store read-only on loopback, prints its URL as JSON, and stops cleanly on SIGINT', async () => {
    const data = join(work, 'serve-data');
    const reports = join(work, 'serve-reports');
    const demo = await cli(['demo', '--quiet', '--format', 'json', '--out', reports, '--data-dir', data]);
    expect(demo.code).toBe(0);
    const child = spawn(
      process.execPath,
      [TSX, MAIN, '--json', 'serve', '--port', '0', '--data-dir', data, '--reports', reports],
      {
        env: { ...process.env, INIT_CWD: work },
      },
    );
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    const exited = new Promise<number | null>((done) => child.on('close', done));
    const started = Date.now();
    while (!stdout.includes('\n') && Date.now() - started < 30_000)
      await new Promise((r) => setTimeout(r, 100));
    const { url, readOnly } = JSON.parse(stdout) as { url: string; readOnly: boolean };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(readOnly).toBe(true);
    const index = await fetch(`${url}/`);
    expect(index.status).toBe(200);
    const page = await index.text();
    expect(page).toContain('Putin');
    expect(page).toMatch(/<code>run_[^<]+<\/code><\/td><td>succeeded/);
    expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(405);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 120_000);
});

describe('output settings', () => {
  it('colours only a terminal, and never with NO_COLOR, --no-color or TERM=dumb', () => {
    expect(outputSettings({}, {}, true).color).toBe(true);
    expect(outputSettings({}, {}, false).color).toBe(false);
    expect(outputSettings({}, { NO_COLOR: '1' }, true).color).toBe(false);
    // no-color.org: an empty NO_COLOR does not count.
    expect(outputSettings({}, { NO_COLOR: '' }, true).color).toBe(true);
    expect(outputSettings({ color: false }, {}, true).color).toBe(false);
    expect(outputSettings({}, { TERM: 'dumb' }, true).color).toBe(false);
  });

  it('lowers the log level to errors with --quiet, and otherwise honours PARALLAX_LOG_LEVEL', () => {
    expect(outputSettings({ quiet: true }, { PARALLAX_LOG_LEVEL: 'debug' }, true).logLevel).toBe('error');
    expect(outputSettings({}, { PARALLAX_LOG_LEVEL: 'debug' }, true).logLevel).toBe('debug');
    expect(outputSettings({}, {}, false).logLevel).toBe('warn');
  });

  it('prints a log record as one readable line on a terminal, with colour only when allowed', () => {
    const line = JSON.stringify({
      level: 40,
      time: Date.UTC(2024, 8, 2, 10, 4, 5),
      msg: 'source failed',
      url: 'https://x.example/',
    });
    expect(prettyLogLine(line, false)).toBe('10:04:05 WARN  source failed url=https://x.example/\n');
    const coloured = prettyLogLine(line, true);
    expect(coloured).toContain('\x1b[33mWARN ');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping the escape sequences is the point
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(
      '10:04:05 WARN  source failed url=https://x.example/\n',
    );
  });

  it('sends pretty lines to a terminal and JSON elsewhere', async () => {
    for (const tty of [true, false]) {
      const stream = new PassThrough();
      let written = '';
      stream.on('data', (d) => {
        written += d;
      });
      const log = createLogger(outputSettings({}, { NO_COLOR: '1' }, tty), stream);
      log.warn({ url: 'https://x.example/' }, 'source failed');
      await new Promise((r) => setImmediate(r));
      if (tty) expect(written).toMatch(/^\d\d:\d\d:\d\d WARN {2}source failed url=https:\/\/x\.example\/\n$/);
      else expect(JSON.parse(written)).toMatchObject({ level: 40, msg: 'source failed' });
    }
  });

  it('draws progress only on a terminal and never with --quiet', () => {
    const capture = (tty: boolean, quiet: boolean) => {
      const stream = new PassThrough();
      let written = '';
      stream.on('data', (d) => {
        written += d;
      });
      const progress = createProgress(outputSettings({ quiet }, {}, tty), stream);
      progress.update(3, 9, 'processed');
      progress.done();
      return written;
    };
    expect(capture(true, false)).toContain('3/9 processed');
    expect(capture(true, false).endsWith('\r\x1b[2K')).toBe(true);
    expect(capture(false, false)).toBe('');
    expect(capture(true, true)).toBe('');
  });
});
