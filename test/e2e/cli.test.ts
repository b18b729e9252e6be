import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Report, type Statement } from '@parallax/core';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, REPO_ROOT, runCli, SEED } from '../harness/cli';

const work = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const seedText = readFileSync(SEED, 'utf8');

describe('parallax compare on the seed story alone', () => {
  it('reports the headline’s Kyzyl/Tuva against the body’s Mongolia and the quoted speakers', async () => {
    const result = await runCli(['compare', relative(REPO_ROOT, SEED), '--format', 'json']);
    expect(result.code).toBe(0);
    const report = Report.parse(JSON.parse(result.stdout));
    const [event] = report.events;
    expect(event?.documents[0]?.url).toBe(pathToFileURL(SEED).href);

    const place = event?.factConflicts.find((c) => c.kind === 'place');
    expect(place?.values.map((v) => v.value)).toEqual(['Kyzyl', 'Tuva', 'Mongolia']);
    for (const v of place?.values ?? []) expect(seedText.slice(v.start, v.end)).toBe(v.text);

    const speakerOf = (fragment: string) =>
      event?.statements.flatMap((s) => s.renditions).find((r) => r.text.includes(fragment))?.speakerLabel;
    expect(speakerOf('execute the binding international arrest warrant')).toBe(
      'Ukraine’s Ministry of Foreign Affairs',
    );
    expect(speakerOf('have the obligation to cooperate')).toBe('ICC spokesperson');
    expect(speakerOf('including in relation to arrest warrants')).toBe('ICC spokesperson');
    expect(speakerOf('issues of relations and cooperation')).toBe('Mongolian government');
    for (const r of event?.statements.flatMap((s) => s.renditions) ?? [])
      expect(seedText.slice(r.start, r.end)).toBe(r.text);
  });

  it('lets the manifest’s fields win and writes to --out', async () => {
    const out = join(work, 'seed-report.md');
    const result = await runCli([
      'compare',
      SEED,
      '--manifest',
      join(CORPUS, 'manifest.json'),
      '--format',
      'md',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('Aggregator (seed story)');
    expect(md).toContain('https://aggregator.example.com/world/vladimir-putin-visits-kyzyl-republic-of-tuva');
  });
});

describe('parallax extract and statements', () => {
  it('prints one JSON object for one file, with offsets into the .txt unchanged', async () => {
    const result = await runCli(['statements', SEED, '--format', 'json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { file: string; text: string; statements: Statement[] };
    expect(doc.file).toBe(SEED);
    expect(doc.text).toBe(seedText);
    expect(doc.statements.length).toBeGreaterThanOrEqual(7);
    for (const s of doc.statements) expect(seedText.slice(s.start, s.end)).toBe(s.text);
  });

  it('names who spoke where the page says only "he", and keeps the label as written', async () => {
    const file = join(work, 'harbour.txt');
    writeFileSync(
      file,
      'Velmora harbour reopens\n\nHarbour master Ilse Marr toured the new quay on Friday. "The quay will take its first ships next spring," she said.\n',
    );
    const result = await runCli(['statements', file, '--format', 'json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      statements: Array<Statement & { speakerAsWritten: string | null }>;
    };
    const quay = doc.statements.find((s) => s.text.includes('first ships'));
    expect(quay?.speakerAsWritten).toBe('she');
    expect(quay?.speaker).toContain('Ilse Marr');
  });

  it('prints JSON Lines with a file field for several files', async () => {
    const files = [SEED, join(CORPUS, 'bloomberg.html'), join(CORPUS, 'unuudur.html')];
    const result = await runCli(['extract', ...files, '--format', 'json']);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines.map((l) => l.lang)).toEqual(['en', 'en', 'mn']);
    expect(lines[1].title).toBe('Putin Gets Assurances He Won’t Be Arrested on Mongolia Visit');
    expect(lines[1].publishedAt).toBe('2024-08-30T16:30:00.000Z');
  });

  it('goes on past a file it cannot read: the others are printed, each bad one named, exit 2', async () => {
    const binary = join(work, 'photo.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const missing = join(work, 'deleted-story.txt');
    const bloomberg = join(CORPUS, 'bloomberg.html');
    const result = await runCli(['statements', SEED, binary, missing, bloomberg, '--format', 'json']);
    expect(result.code).toBe(2);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; statements: Statement[] });
    expect(lines.map((l) => l.file)).toEqual([SEED, bloomberg]);
    expect(lines[1]?.statements.length).toBeGreaterThan(0);
    const errors = result.stderr.trimEnd().split('\n');
    expect(errors).toEqual([
      `parallax: PARALLAX_INPUT_INVALID: ${binary}: binary content (PNG image); expected text or HTML`,
      `parallax: PARALLAX_INPUT_INVALID: ${missing}: no such file`,
      'parallax: PARALLAX_INPUT_INVALID: 2 of 4 files could not be processed (named above); the others were printed',
    ]);
  });

  it('keeps offsets into a .txt file exact when it starts with a UTF-8 byte-order mark, and reads UTF-16 text', async () => {
    const withBom = join(work, 'seed-bom.txt');
    writeFileSync(withBom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seedText, 'utf8')]));
    const utf16 = join(work, 'seed-utf16.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]));
    const result = await runCli(['statements', withBom, utf16, '--format', 'json']);
    expect(result.code).toBe(0);
    const [bom, wide] = result.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; statements: Statement[] });
    // The file as a UTF-8 reader gets it, mark included.
    const asRead = readFileSync(withBom, 'utf8');
    expect(bom?.text).toBe(asRead);
    expect(bom?.statements.length).toBeGreaterThanOrEqual(7);
    for (const s of bom?.statements ?? []) expect(asRead.slice(s.start, s.end)).toBe(s.text);
    expect(wide?.text).toBe(seedText);
    expect(wide?.statements.map((s) => s.text)).toEqual(bom?.statements.map((s) => s.text));
  });

  it('resolves relative paths against INIT_CWD, the folder pnpm was called from', async () => {
    const result = await runCli(['extract', 'seed.txt', '--format', 'json'], { env: { INIT_CWD: CORPUS } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).file).toBe(SEED);
  });
});

describe('parallax compare with a manifest in other words', () => {
  it('reads outlet, url and date (no kind, language or title) and reports those sources and dates', async () => {
    const manifest = join(work, 'coverage.json');
    writeFileSync(
      manifest,
      JSON.stringify([
        {
          file: SEED,
          outlet: 'Aggregator',
          url: 'https://aggregator.example.com/world/vladimir-putin-visits-kyzyl-republic-of-tuva',
          date: '2024-09-02',
        },
        {
          file: join(CORPUS, 'kyiv-independent.html'),
          outlet: 'The Kyiv Independent',
          url: 'https://kyivindependent.com/putin-lands-in-mongolia-defying-icc-arrest-warrant/',
          date: '2024-09-03T09:15:00Z',
        },
      ]),
    );
    const result = await runCli(['compare', '--manifest', manifest, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const documents = Report.parse(JSON.parse(result.stdout)).events.flatMap((e) => e.documents);
    expect(documents.map((d) => [d.source, d.kind, d.publishedAt]).sort()).toEqual([
      ['Aggregator', 'outlet', '2024-09-02T00:00:00.000Z'],
      ['The Kyiv Independent', 'outlet', '2024-09-03T09:15:00.000Z'],
    ]);
  });
});

describe('parallax schema', () => {
  it('prints the Report JSON Schema', async () => {
    const result = await runCli(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toContain('2020-12');
    expect(schema.properties.schemaVersion.const).toBe(1);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'generatedAt', 'events']));
  });
});

describe('errors: one line, a stable code, exit 2 for the user’s mistakes', () => {
  const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

  it('a missing file', async () => {
    const result = await runCli(['compare', join(work, 'nope.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^parallax: PARALLAX_INPUT_INVALID: .*nope\.txt: no such file\n$/);
    noStack(result.stderr);
  });

  it('an unsupported file type', async () => {
    const pdf = join(work, 'statement.pdf');
    writeFileSync(pdf, '%PDF-1.7');
    const result = await runCli(['statements', pdf, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PARALLAX_INPUT_INVALID');
  });

  it('an unknown report format', async () => {
    const result = await runCli(['compare', SEED, '--format', 'pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PARALLAX_USAGE');
    noStack(result.stderr);
  });

  it('a manifest with a bad field names the file and the field', async () => {
    const manifest = join(work, 'manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify([
        {
          file: 'seed.txt',
          source: 'X',
          kind: 'blog',
          url: 'https://x.test/a',
          lang: 'en',
          publishedAt: '2024-09-02T12:00:00Z',
          title: 'T',
        },
      ]),
    );
    const result = await runCli(['compare', '--manifest', manifest]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PARALLAX_CONFIG_INVALID: .*manifest\.json: at 0\.kind: /);
  });

  it('a manifest that is not JSON', async () => {
    const manifest = join(work, 'broken.json');
    writeFileSync(manifest, '[{"file": "seed.txt",');
    const result = await runCli(['compare', '--manifest', manifest]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not valid JSON');
  });

  it('an unknown command', async () => {
    const result = await runCli(['diffs']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'diffs'");
  });
});
