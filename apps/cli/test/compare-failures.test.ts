/**
 * Issue 15: a document a stage cannot handle is named with its error, and the report of the others
 * still comes out. The stage is made to throw on one real file (the statements crash of the issue is
 * fixed in its own package, so no real page triggers one any more).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Report } from '@parallax/core';
import { pino } from 'pino';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('@parallax/pipeline', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@parallax/pipeline')>();
  return {
    ...actual,
    processDocument: (input: Parameters<typeof actual.processDocument>[0]) => {
      if (input.body.includes('CRASH-THIS-STAGE')) {
        // What the issue saw from statements/russian.ts on a real page.
        throw new TypeError("Cannot read properties of undefined (reading 'end')");
      }
      return actual.processDocument(input);
    },
  };
});

const { compareCommand } = await import('../src/commands');

const CORPUS = resolve(import.meta.dirname, '../../../test/corpus/putin-mongolia-2024');
const dir = mkdtempSync(join(tmpdir(), 'parallax-compare-failures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (t: string) => void out.push(t),
      stderr: (t: string) => void err.push(t),
      log: pino({ level: 'silent' }),
    },
  };
}

describe('compare with a document a stage cannot handle', () => {
  it('names the file and the code on stderr, writes the report of the others, and fails the exit status', async () => {
    const bad = join(dir, 'rbc.txt');
    writeFileSync(bad, 'Заголовок\n\nCRASH-THIS-STAGE «Текст», — сказал, улыбнувшись, он.');
    const seed = join(CORPUS, 'seed.txt');
    const out = join(dir, 'report.json');
    const { err, io: sink } = io();
    const run = compareCommand([seed, bad, join(CORPUS, 'bloomberg.html')], { format: 'json', out }, sink);
    await expect(run).rejects.toMatchObject({
      code: 'PARALLAX_INTERNAL',
      message: '1 of 3 files could not be processed (named above); the report covers the others',
    });
    expect(err).toEqual([
      `parallax: PARALLAX_INTERNAL: ${bad}: Cannot read properties of undefined (reading 'end')\n`,
    ]);
    const report = Report.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(report.events.flatMap((e) => e.documents.map((d) => d.source)).sort()).toEqual([
      'bloomberg',
      'seed',
    ]);
  });

  it('one bad file alone fails with its own error', async () => {
    const bad = join(dir, 'alone.txt');
    writeFileSync(bad, 'CRASH-THIS-STAGE');
    const { out, io: sink } = io();
    await expect(compareCommand([bad], { format: 'md' }, sink)).rejects.toMatchObject({
      code: 'PARALLAX_INTERNAL',
      message: `${bad}: Cannot read properties of undefined (reading 'end')`,
    });
    expect(out).toEqual([]);
  });
});
