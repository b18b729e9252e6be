/**
 * Issue 15: real inputs as real users hand them over, through the real CLI. No valid page refused,
 * none silently garbled, no file overwritten.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Report } from '@parallax/core';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, runCli, SEED } from '../harness/cli';

const work = mkdtempSync(join(tmpdir(), 'parallax-real-inputs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const seedText = readFileSync(SEED, 'utf8');
const seedBytes = readFileSync(SEED);
const BLOOMBERG = join(CORPUS, 'bloomberg.html');

/** The bytes with a NUL inserted before each of the given offsets. */
function withNuls(bytes: Buffer, offsets: number[]): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (const o of offsets) {
    parts.push(bytes.subarray(at, o), Buffer.from([0]));
    at = o;
  }
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts);
}

const lines = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { file: string; text: string; title: string });

describe('pages with stray bytes are read, with a warning', () => {
  it('drops five stray NUL bytes in a .txt and an .html page, names them, exit 0', async () => {
    const txt = join(work, 'nul.txt');
    writeFileSync(txt, withNuls(seedBytes, [100, 2000, 3000, 4000, 5000]));
    const html = join(work, 'nul.html');
    writeFileSync(html, withNuls(readFileSync(BLOOMBERG), [3000, 6000, 9000, 12000, 13000]));
    const result = await runCli(['extract', txt, html]);
    expect(result.code).toBe(0);
    const [a, b] = lines(result.stdout);
    expect(a?.text).toBe(seedText);
    expect(b?.title).toBe('Putin Gets Assurances He Won’t Be Arrested on Mongolia Visit');
    expect(b?.text).not.toContain('\u0000');
    expect(result.stderr).toContain(`parallax: warning: ${txt}: dropped 5 NUL bytes (the first at byte 100)`);
    expect(result.stderr).toContain(
      `parallax: warning: ${html}: dropped 5 NUL bytes (the first at byte 3000)`,
    );
  });

  it('compare reports over such pages instead of refusing them', async () => {
    const txt = join(work, 'nul-compare.txt');
    writeFileSync(txt, withNuls(seedBytes, [100, 2000]));
    const result = await runCli(['compare', txt, BLOOMBERG, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(Report.parse(JSON.parse(result.stdout)).events.flatMap((e) => e.documents)).toHaveLength(2);
    expect(result.stderr).toContain('dropped 2 NUL bytes');
  });

  it('still refuses a binary file (an image named .txt)', async () => {
    const png = join(work, 'photo-named.txt');
    writeFileSync(
      png,
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), seedBytes]),
    );
    const blob = join(work, 'blob.txt');
    writeFileSync(blob, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const result = await runCli(['extract', png, blob]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${png}: binary content (PNG image)`);
    expect(result.stderr).toMatch(/blob\.txt: binary content \(\d+ NUL bytes\)/);
  });

  it('reads a UTF-8 page with one stray invalid byte as UTF-8, that byte replaced and its offset named', async () => {
    const at = seedBytes.indexOf(Buffer.from('’')) + 3 + 40;
    const bad = join(work, 'stray-byte.txt');
    writeFileSync(
      bad,
      Buffer.concat([seedBytes.subarray(0, at), Buffer.from([0xff]), seedBytes.subarray(at)]),
    );
    const html = join(work, 'stray-byte.html');
    const page = readFileSync(BLOOMBERG);
    const hat = page.indexOf(Buffer.from('<p')) + 2;
    writeFileSync(html, Buffer.concat([page.subarray(0, hat), Buffer.from([0x92]), page.subarray(hat)]));
    const result = await runCli(['extract', bad, html]);
    expect(result.code).toBe(0);
    const [a, b] = lines(result.stdout);
    const expected = `${seedText.slice(0, Buffer.from(seedBytes.subarray(0, at)).toString('utf8').length)}\uFFFD${Buffer.from(seedBytes.subarray(at)).toString('utf8')}`;
    expect(a?.text).toBe(expected);
    expect(a?.text).not.toContain('â€');
    // The quote marks and the title survive: not a Latin-1 reading of the whole page.
    expect(b?.title).toBe('Putin Gets Assurances He Won’t Be Arrested on Mongolia Visit');
    expect(result.stderr).toContain(
      `parallax: warning: ${bad}: invalid UTF-8 at byte ${at}; replaced with U+FFFD`,
    );
    expect(result.stderr).toContain(`parallax: warning: ${html}: invalid UTF-8 at byte ${hat}`);
  });

  it('reads UTF-16 text without a byte-order mark, LE and BE, from the pattern of its NUL bytes', async () => {
    const le = join(work, 'utf16le-nobom.txt');
    writeFileSync(le, Buffer.from(seedText, 'utf16le'));
    const be = join(work, 'utf16be-nobom.txt');
    writeFileSync(be, Buffer.from(seedText, 'utf16le').swap16());
    const result = await runCli(['statements', le, be]);
    expect(result.code).toBe(0);
    const [a, b] = lines(result.stdout);
    expect(a?.text).toBe(seedText);
    expect(b?.text).toBe(seedText);
    expect(result.stderr).toContain(`${le}: no byte-order mark; read as UTF-16LE`);
    expect(result.stderr).toContain(`${be}: no byte-order mark; read as UTF-16BE`);
  });
});

describe('an output never replaces an input', () => {
  it('refuses --out naming an input, exit 2, the input untouched and no report written', async () => {
    const input = join(work, 'a.txt');
    writeFileSync(input, seedText);
    const result = await runCli(['compare', input, BLOOMBERG, '--out', input]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `parallax: PARALLAX_USAGE: --out ${input} is an input of this command; an output never replaces an input\n`,
    );
    expect(readFileSync(input, 'utf8')).toBe(seedText);
  });

  it('refuses --out naming an input through a symbolic link, and the manifest', async () => {
    const input = join(work, 'b.txt');
    writeFileSync(input, seedText);
    const link = join(work, 'b-report.md');
    symlinkSync(input, link);
    const viaLink = await runCli(['compare', input, '--out', link]);
    expect(viaLink.code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(seedText);
    const manifest = join(work, 'out-manifest.json');
    const manifestText = JSON.stringify([{ file: input, source: 'X', url: 'https://x.test/b' }]);
    writeFileSync(manifest, manifestText);
    const overManifest = await runCli(['compare', '--manifest', manifest, '--out', manifest]);
    expect(overManifest.code).toBe(2);
    expect(readFileSync(manifest, 'utf8')).toBe(manifestText);
  });

  it('gives --out DIR a usage error, not PARALLAX_INTERNAL: EISDIR', async () => {
    const dir = join(work, 'reports-dir');
    mkdirSync(dir);
    const result = await runCli(['compare', SEED, '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `parallax: PARALLAX_USAGE: --out ${dir} is a directory; give the report a file name inside it\n`,
    );
  });
});

describe('empty inputs and bad URLs', () => {
  it('warns about an empty file and leaves it out of the report (no empty document)', async () => {
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '');
    const result = await runCli(['compare', empty, SEED, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`parallax: warning: ${empty}: empty file (no text); left out\n`);
    const documents = Report.parse(JSON.parse(result.stdout)).events.flatMap((e) => e.documents);
    expect(documents.map((d) => d.source)).toEqual(['seed']);
  });

  it('an empty file alone is an input error: no report of nothing', async () => {
    const blank = join(work, 'blank.txt');
    writeFileSync(blank, ' \n\n ');
    const result = await runCli(['compare', blank]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('empty file (no text); left out');
    const extract = await runCli(['extract', blank]);
    expect(extract.stdout).toBe('');
    expect(extract.stderr).toContain('empty file (no text)');
  });

  it('fetch notaurl is a usage error, exit 2, before anything is opened', async () => {
    const dataDir = join(work, 'fetch-data');
    const result = await runCli(['fetch', 'notaurl', '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^parallax: PARALLAX_USAGE: not a URL: "notaurl"/);
    const ftp = await runCli(['fetch', 'ftp://example.com/a.html', '--data-dir', dataDir]);
    expect(ftp.code).toBe(2);
    expect(ftp.stderr).toContain('unsupported scheme ftp:');
  });
});

describe('a size cap for local files', () => {
  it('refuses a file over the cap with a clear error, exit 2, and reads one under it', async () => {
    const big = join(work, 'big.html');
    writeFileSync(big, `<p>${'word '.repeat(400)}</p>`);
    const env = { PARALLAX_MAX_FILE_BYTES: '1000' };
    const refused = await runCli(['extract', big], { env });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^parallax: PARALLAX_INPUT_INVALID: .*big\.html: 2007 bytes is larger than the 1000 bytes cap for a local file \(set PARALLAX_MAX_FILE_BYTES to raise it\)\n$/,
    );
    const read = await runCli(['extract', big], { env: { PARALLAX_MAX_FILE_BYTES: '100000' } });
    expect(read.code).toBe(0);
  });
});

describe('manifest dates as real manifests write them', () => {
  it('accepts "2024-09", "2024" and "September 2, 2024" with their precision kept', async () => {
    const manifest = join(work, 'dates.json');
    writeFileSync(
      manifest,
      JSON.stringify([
        { file: SEED, source: 'Month only', url: 'https://a.test/seed', publishedAt: '2024-09' },
        // The page's own date (2024-08-30T16:30Z) lies in that year: it is more precise and wins.
        { file: BLOOMBERG, source: 'Year only', url: 'https://b.test/bloomberg', publishedAt: '2024' },
        {
          file: join(CORPUS, 'kyiv-independent.html'),
          source: 'Written out',
          url: 'https://c.test/kyiv',
          date: 'September 2, 2024',
        },
      ]),
    );
    const result = await runCli(['compare', '--manifest', manifest, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const documents = Report.parse(JSON.parse(result.stdout)).events.flatMap((e) => e.documents);
    const bySource = Object.fromEntries(
      documents.map((d) => [d.source, [d.publishedAt, d.publishedPrecision ?? 'time']]),
    );
    expect(bySource).toEqual({
      'Month only': ['2024-09-01T00:00:00.000Z', 'month'],
      'Year only': ['2024-08-30T16:30:00.000Z', 'time'],
      'Written out': ['2024-09-02T00:00:00.000Z', 'day'],
    });
  });

  it('still names an impossible date', async () => {
    const manifest = join(work, 'bad-date.json');
    writeFileSync(
      manifest,
      JSON.stringify([{ file: SEED, source: 'X', url: 'https://a.test/seed', publishedAt: '2024-02-30' }]),
    );
    const result = await runCli(['compare', '--manifest', manifest]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /PARALLAX_CONFIG_INVALID: .*bad-date\.json: at 0\.publishedAt: .*"2024-02-30"/,
    );
  });
});

describe('fetch: loopback and private networks are separate permissions, metadata never', () => {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    const to = url.searchParams.get('to');
    if (url.pathname === '/go' && to) res.writeHead(302, { location: to }).end();
    else if (url.pathname === '/robots.txt') res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>a local page</p>');
  });
  let origin = '';
  const ready = new Promise<void>((ok) =>
    server.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      ok();
    }),
  );
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  });
  const dataDir = join(work, 'fetch-home');
  const via = (to: string) => `${origin}/go?to=${encodeURIComponent(to)}`;

  it('--allow-private then a 302 to 169.254.169.254: refused at the hop, exit 1, nothing stored', async () => {
    await ready;
    seen.length = 0;
    const result = await runCli([
      'fetch',
      via('http://169.254.169.254/latest/meta-data/'),
      '--allow-private',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('PARALLAX_FETCH_BLOCKED_ADDRESS');
    expect(result.stderr).toContain('169.254.169.254');
    expect(seen.filter((u) => u.startsWith('/go'))).toHaveLength(1);
  });

  it('--allow-loopback reaches the loopback server but not a private network behind a redirect', async () => {
    await ready;
    const ok = await runCli(['fetch', `${origin}/page`, '--allow-loopback', '--data-dir', dataDir]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).result).toBe('fetched');
    const lan = await runCli([
      'fetch',
      via('http://10.0.0.1/admin'),
      '--allow-loopback',
      '--data-dir',
      dataDir,
    ]);
    expect(lan.code).toBe(1);
    expect(lan.stderr).toContain('PARALLAX_FETCH_BLOCKED_ADDRESS');
    expect(lan.stderr).toContain('only loopback is allowed');
  });
});
