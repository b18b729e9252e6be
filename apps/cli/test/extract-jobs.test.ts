import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultJobs, jobsFor } from '../src/extract';
import { runIn, SPAWN_TIMEOUT } from './spawn-cli';

const work = mkdtempSync(join(tmpdir(), 'parallax-cli-jobs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (args: string[], env: Record<string, string> = {}) => runIn(work, args, env);

const page = (title: string, paragraphs: string[], head = '<meta charset="utf-8">') =>
  `<!doctype html><html><head>${head}<title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article><footer>Contact us · Privacy</footer></body></html>`;

const sentences = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `The ${topic} committee met for the ${i + 1}th time on Tuesday and said the plan would go ahead as announced, officials told reporters.`,
  );

/** A batch with every kind of file extract meets: good pages, a legacy charset, stray NUL bytes, an empty file, a binary one, a missing one. */
function writeBatch(): string[] {
  const files: Array<[string, string | Buffer]> = [
    ['harbour.html', page('Harbour reopens', sentences('harbour', 6))],
    ['bridge.html', page('Bridge closed for repairs', sentences('bridge', 4))],
    [
      'moscow.html',
      page('Встреча в Москве', ['Президент провёл встречу с министрами в понедельник.'.repeat(5)]),
    ],
    [
      'cp1251.html',
      Buffer.concat([
        Buffer.from(page('Win', [''], '<meta charset="windows-1251">')),
        Buffer.from([0xcc, 0xe8, 0xf0, 0x20, 0xe8, 0x20, 0xe2, 0xee, 0xe9, 0xed, 0xe0]),
      ]),
    ],
    ['empty.html', ''],
    ['photo.html', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46])],
    ['broken.html', Buffer.from(page('Stray bytes', sentences('budget\u0000', 3)))],
    ['notes.txt', 'Notes from the meeting\n\nThe council voted to keep the library open on Sundays.\n'],
    ['school.html', page('School year starts', sentences('school', 8))],
    ['market.html', page('Market prices', sentences('market', 5))],
  ];
  const paths = files.map(([name, body]) => {
    const path = join(work, name);
    writeFileSync(path, body);
    return path;
  });
  // A missing file in the middle of the batch.
  paths.splice(3, 0, join(work, 'missing.html'));
  return paths;
}

/** The debug log line naming how many files each thread read, taken out of stderr. */
function split(stderr: string): { stderr: string; pool?: { main: number; threads: number[] } } {
  const lines = stderr.split('\n');
  const poolLine = lines.find((l) => l.includes('"msg":"extract pool"'));
  return {
    stderr: lines.filter((l) => l !== poolLine).join('\n'),
    pool: poolLine === undefined ? undefined : JSON.parse(poolLine),
  };
}

describe('extract --jobs', () => {
  it(
    'prints the same bytes, warnings and errors with one thread and with several, and loses no file to a bad one',
    async () => {
      const paths = writeBatch();
      const one = await cli(['extract', ...paths, '--jobs', '1']);
      expect(one.code).toBe(2);
      const lines = one.stdout.trimEnd().split('\n');
      // Eleven files: a missing one, an empty one and a binary one print no line.
      expect(lines.map((l) => JSON.parse(l).file.replace(/^.*\//, ''))).toEqual([
        'harbour.html',
        'bridge.html',
        'moscow.html',
        'cp1251.html',
        'broken.html',
        'notes.txt',
        'school.html',
        'market.html',
      ]);
      expect(one.stderr).toMatch(/PARALLAX_INPUT_INVALID: .*missing\.html: no such file/);
      expect(one.stderr).toMatch(/PARALLAX_INPUT_INVALID: .*photo\.html: binary content/);
      expect(one.stderr).toMatch(/warning: .*empty\.html: empty file/);
      expect(one.stderr).toMatch(/warning: .*broken\.html: dropped 3 NUL bytes/);
      expect(one.stderr).toMatch(/2 of 11 files could not be processed/);

      const debug = { PARALLAX_LOG_LEVEL: 'debug' };
      // Every file through the threads (two of them, taking turns), then the main thread reading too.
      for (const [jobs, env, threadsOnly] of [
        ['2', { ...debug, PARALLAX_EXTRACT_MAIN_READS: '0' }, true],
        ['3', { ...debug, PARALLAX_EXTRACT_MAIN_READS: '0' }, true],
        ['2', debug, false],
      ] as const) {
        const many = await cli(['extract', ...paths, '--jobs', jobs], env);
        const { stderr, pool } = split(many.stderr);
        expect(many.code, `--jobs ${jobs}`).toBe(one.code);
        expect(many.stdout, `--jobs ${jobs}`).toBe(one.stdout);
        expect(stderr, `--jobs ${jobs}`).toBe(one.stderr);
        expect(pool?.threads).toHaveLength(Number(jobs) - 1);
        if (threadsOnly) {
          expect(pool?.main).toBe(0);
          expect(pool?.threads.reduce((a, b) => a + b, 0)).toBe(paths.length);
        }
      }
    },
    SPAWN_TIMEOUT,
  );

  it(
    'keeps --quiet in the threads: no warnings, the errors still named',
    async () => {
      const paths = writeBatch();
      const one = await cli(['--quiet', 'extract', ...paths, '--jobs', '1']);
      const two = await cli(['--quiet', 'extract', ...paths, '--jobs', '2'], {
        PARALLAX_EXTRACT_MAIN_READS: '0',
      });
      expect(two.stderr).not.toMatch(/warning/);
      expect(two.stderr).toMatch(/photo\.html: binary content/);
      expect(two).toEqual(one);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'refuses a --jobs that is not a whole number of 1 or more',
    async () => {
      for (const bad of ['0', 'many']) {
        const result = await cli(['extract', join(work, 'a.html'), '--jobs', bad]);
        expect(result.code, bad).toBe(2);
        expect(result.stderr, bad).toMatch(/PARALLAX_USAGE: --jobs .*: expected a whole number/);
      }
    },
    SPAWN_TIMEOUT,
  );
});

describe('extract’s default --jobs', () => {
  it('is one thread for a few files and one more per 200, up to the cores and never past the files', () => {
    expect(defaultJobs(1, 8)).toBe(1);
    expect(defaultJobs(199, 8)).toBe(1);
    expect(defaultJobs(200, 8)).toBe(2);
    expect(defaultJobs(905, 2)).toBe(2);
    expect(defaultJobs(905, 8)).toBe(5);
    expect(defaultJobs(100_000, 4)).toBe(4);
    expect(jobsFor(undefined, 3)).toBe(1);
    expect(jobsFor('4', 2)).toBe(2);
    expect(jobsFor('4', 10)).toBe(4);
    expect(() => jobsFor('0', 10)).toThrow(/whole number/);
  });
});
