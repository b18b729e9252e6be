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
