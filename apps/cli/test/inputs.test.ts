import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sha256Hex } from '@parallax/core';
import { afterAll, describe, expect, it } from 'vitest';
import { formatOf, loadManifest, readDocument } from '../src/inputs';

const dir = mkdtempSync(join(tmpdir(), 'parallax-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('local inputs', () => {
  it('knows .html, .htm and .txt and refuses anything else with a usage-level error', () => {
    expect(formatOf('/x/a.HTML')).toBe('html');
    expect(formatOf('/x/a.htm')).toBe('html');
    expect(formatOf('/x/a.txt')).toBe('text');
    expect(() => formatOf('/x/a.docx')).toThrow(expect.objectContaining({ code: 'PARALLAX_INPUT_INVALID' }));
  });

  it('reads a text file with its file: URL, name as source and the hash of its bytes', async () => {
    const path = join(dir, 'kremlin-readout.txt');
    const text = 'Talks in Ulaanbaatar\n\nThe two presidents discussed energy cooperation, the Kremlin said.';
    writeFileSync(path, text);
    const doc = await readDocument(path);
    expect(doc.body).toBe(text);
    expect(doc.meta).toEqual({ source: 'kremlin-readout', kind: 'other', url: pathToFileURL(path).href });
    expect(doc.snapshotSha256).toBe(sha256Hex(text));
  });

  it('refuses binary content', async () => {
    const path = join(dir, 'image.txt');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    await expect(readDocument(path)).rejects.toMatchObject({ code: 'PARALLAX_INPUT_INVALID' });
  });

  it('decodes a windows-1251 page by its <meta charset>', async () => {
    const path = join(dir, 'ru.html');
    // "Мир" in windows-1251
    const bytes = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'),
      Buffer.from([0xcc, 0xe8, 0xf0]),
      Buffer.from('</p></body></html>'),
    ]);
    writeFileSync(path, bytes);
    expect((await readDocument(path)).body).toContain('<p>Мир</p>');
  });

  it('resolves manifest files against the manifest’s folder and reports the bad field', async () => {
    const good = join(dir, 'manifest.json');
    writeFileSync(
      good,
      JSON.stringify([
        {
          file: 'sub/a.html',
          source: 'ICC',
          kind: 'official',
          url: 'https://www.icc-cpi.int/news/a',
          lang: 'en',
          publishedAt: '2024-08-30T11:00:00Z',
          title: 'A',
        },
      ]),
    );
    expect((await loadManifest(good)).entries[0]?.path).toBe(join(dir, 'sub/a.html'));
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify([
        {
          file: 'a.html',
          source: 'ICC',
          kind: 'official',
          url: 'https://x.test/',
          lang: 'en',
          publishedAt: 'yesterday',
          title: 'A',
        },
      ]),
    );
    await expect(loadManifest(bad)).rejects.toThrow(/bad\.json: at 0\.publishedAt/);
  });
});

describe('reading many files fast (extract)', () => {
  const page = (charset: string, body: string) =>
    `<html><head><meta charset="${charset}"><title>T</title></head><body><p>${body}</p></body></html>`;
  // Each case is read as @parallax/fetch's decodeBodyDetailed reads it, whether or not readText
  // takes its shortcut for valid UTF-8 (which loads no decoder).
  const cases: Array<[string, Uint8Array]> = [
    ['utf8.html', Buffer.from(page('utf-8', 'Мир, café'))],
    ['utf8-bom.html', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('utf-8', 'Мир'))])],
    ['legacy-label-utf8-body.html', Buffer.from(page('windows-1251', 'Мир'))],
    ['ascii-1251-label.html', Buffer.from(page('windows-1251', 'peace'))],
    ['ascii-utf16-label.html', Buffer.from(page('utf-16', 'peace'))],
    ['ascii-no-label.html', Buffer.from('<p>peace</p>')],
    ['ascii-UTF8-label.html', Buffer.from(page('UTF8', 'peace'))],
    ['cp1251.html', Buffer.concat([Buffer.from(page('windows-1251', '')), Buffer.from([0xcc, 0xe8, 0xf0])])],
    [
      'unlabelled-cp1252.html',
      Buffer.from([0x3c, 0x70, 0x3e, 0x63, 0x61, 0x66, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]),
    ],
    ['bad-utf8.html', Buffer.concat([Buffer.from(page('utf-8', 'Мир мир мир')), Buffer.from([0xff])])],
    ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Headline\n\nText.')])],
  ];

  it('decodes every charset case as decodeBodyDetailed does, big and small files in turn', async () => {
    const { readText } = await import('../src/inputs');
    const { decodeBodyDetailed } = await import('@parallax/fetch');
    const big = join(dir, 'big.html');
    writeFileSync(big, page('utf-8', 'Мир '.repeat(300_000)));
    for (const [name, bytes] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      // A big file first: the shared read buffer holds its bytes when the small one is read.
      expect((await readText(big)).body.length).toBeGreaterThan(1_000_000);
      const text = await readText(path);
      const expected = decodeBodyDetailed(bytes, name.endsWith('.txt') ? 'text/plain' : 'text/html').text;
      expect(text.body).toBe(name.endsWith('.txt') ? `\uFEFF${expected}` : expected);
      expect((await readDocument(path)).body).toBe(text.body);
      expect((await readDocument(path)).snapshotSha256).toBe(sha256Hex(bytes));
    }
  });

  it('reads valid UTF-8 of every plane as TextDecoder does', async () => {
    const { readText } = await import('../src/inputs');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const texts = [
      'café crème, only Latin-1',
      '“Quotes” — and Мир, 世界, 😀 and 𝔘 (astral), U+10FFFF \u{10ffff}',
      'a mid-text \ufeff byte-order mark, noncharacters \ufffe \uffff, a literal \ufffd',
      '\ufeffa leading byte-order mark with Мир',
    ];
    for (const [i, text] of texts.entries()) {
      const path = join(dir, `plane-${i}.html`);
      const bytes = Buffer.from(`<p>${text}</p>`.replace('<p>\ufeff', '\ufeff<p>'));
      writeFileSync(path, bytes);
      const read = await readText(path);
      expect(read.body).toBe(decoder.decode(bytes));
      expect(read.warnings).toEqual([]);
    }
  });

  it('keeps the warnings of a file with invalid UTF-8 and an empty one', async () => {
    const { readText } = await import('../src/inputs');
    const bad = join(dir, 'bad.html');
    writeFileSync(bad, Buffer.concat([Buffer.from(page('utf-8', 'Мир мир мир')), Buffer.from([0xff])]));
    expect((await readText(bad)).warnings).toEqual([expect.stringMatching(/invalid UTF-8 at byte \d+/)]);
    const blank = join(dir, 'blank.txt');
    writeFileSync(blank, Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a]));
    const text = await readText(blank);
    expect(text.empty).toBe(true);
    expect(text.warnings).toEqual([`${blank}: empty file (no text); left out`]);
  });
});
