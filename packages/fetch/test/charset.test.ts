import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody, decodeBodyDetailed, fetchPage, sniffCharset } from '../src/index';
import {
  encode,
  MONGOLIAN_PAGE,
  MONGOLIAN_TEXT,
  RUSSIAN_TEXT,
  russianPage,
  UTF8_BOM,
  UTF16LE_BOM,
  utf8,
  withBom,
} from './fixtures';
import { sha256, startServer, type TestServer } from './helpers';

const CP1251_META_PAGE = russianPage('<meta charset="windows-1251">');
const KOI8_HTTP_EQUIV_PAGE = russianPage(
  '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
);
const CP1251_BYTES = encode(CP1251_META_PAGE, 'windows-1251');
const KOI8_BYTES = encode(KOI8_HTTP_EQUIV_PAGE, 'koi8-r');
/** KOI8-R bytes whose <meta> lies (says windows-1251): only the header tells the truth. */
const KOI8_LYING_META_BYTES = encode(russianPage('<meta charset="windows-1251">'), 'koi8-r');
const MONGOLIAN_BYTES = utf8(MONGOLIAN_PAGE);
const UTF16_BYTES = withBom(UTF16LE_BOM, encode(MONGOLIAN_PAGE, 'utf-16le'));
const UTF8_BOM_BYTES = withBom(UTF8_BOM, utf8(russianPage('<meta charset="koi8-r">')));

/** windows-1251 bytes with no declaration anywhere (no header charset, no <meta>). */
const CP1251_UNDECLARED_BYTES = encode(russianPage(''), 'windows-1251');
/** A French page in windows-1252 with no declaration: its accented letters must not turn Cyrillic. */
const FRENCH_TEXT = 'Le président a déclaré à la presse que la réunion était « très constructive ».';
const CP1252_UNDECLARED_BYTES = new Uint8Array(
  Buffer.from(`<!doctype html><html lang="fr"><body><p>${FRENCH_TEXT}</p></body></html>`, 'latin1'),
);

const ROUTES: Record<string, [string, Uint8Array]> = {
  '/ru/cp1251-labelled-utf8': ['text/html; charset=utf-8', CP1251_BYTES],
  '/ru/cp1251-undeclared': ['text/html', CP1251_UNDECLARED_BYTES],
  '/fr/cp1252-undeclared': ['text/html', CP1252_UNDECLARED_BYTES],
  '/mn/utf8-labelled-cp1251': ['text/html; charset=windows-1251', MONGOLIAN_BYTES],
  '/ru/cp1251-header': ['text/html; charset=windows-1251', CP1251_BYTES],
  '/ru/cp1251-meta-only': ['text/html', CP1251_BYTES],
  '/ru/koi8-header': ['text/html; charset=KOI8-R', KOI8_BYTES],
  '/ru/koi8-http-equiv-only': ['text/html', KOI8_BYTES],
  '/ru/header-beats-meta': ['text/html; charset="koi8-r"', KOI8_LYING_META_BYTES],
  '/ru/utf8-bom-beats-header-and-meta': ['text/html; charset=windows-1251', UTF8_BOM_BYTES],
  '/mn/utf8': ['text/html; charset=utf-8', MONGOLIAN_BYTES],
  '/mn/utf8-no-charset': ['text/html', MONGOLIAN_BYTES],
  '/mn/utf16le-bom': ['text/html; charset=windows-1251', UTF16_BYTES],
  '/mn/unknown-label': ['text/html; charset=x-klingon-9', MONGOLIAN_BYTES],
};

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const route = ROUTES[req.url ?? ''];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': route[0], 'content-length': String(route[1].byteLength) });
    res.end(route[1]);
  });
});

afterAll(async () => {
  await server.close();
});

const get = (path: string) =>
  fetchPage(`${server.origin}${path}`, { userAgent: 'ParallaxTest/1.0', allowPrivateAddresses: true });

describe('the encoded fixtures are real legacy bytes', () => {
  it('windows-1251 and KOI8-R use one byte a letter, with different code points', () => {
    expect(CP1251_BYTES.byteLength).toBe(CP1251_META_PAGE.length);
    expect(KOI8_BYTES.byteLength).toBe(KOI8_HTTP_EQUIV_PAGE.length);
    // "Г": 0xC3 in windows-1251, 0xE7 in KOI8-R; "ё": 0xB8 and 0xA3.
    expect([...encode('Гё', 'windows-1251')]).toEqual([0xc3, 0xb8]);
    expect([...encode('Гё', 'koi8-r')]).toEqual([0xe7, 0xa3]);
    // Not decodable as UTF-8.
    expect(new TextDecoder('utf-8').decode(CP1251_BYTES)).not.toContain('Госдума');
  });
});

describe('charset over HTTP', () => {
  it('decodes a windows-1251 page named by the header, hashing the original bytes', async () => {
    const page = await get('/ru/cp1251-header');
    expect(page.text).toBe(CP1251_META_PAGE);
    expect(page.text).toContain(RUSSIAN_TEXT);
    expect(page.snapshot.byteLength).toBe(CP1251_BYTES.byteLength);
    expect(page.snapshot.sha256).toBe(sha256(CP1251_BYTES));
    expect(Buffer.from(page.body).equals(Buffer.from(CP1251_BYTES))).toBe(true);
  });

  it('decodes a KOI8-R page named by the header (label case-insensitive)', async () => {
    const page = await get('/ru/koi8-header');
    expect(page.text).toBe(KOI8_HTTP_EQUIV_PAGE);
    expect(page.snapshot.sha256).toBe(sha256(KOI8_BYTES));
  });

  it('uses <meta charset> when the header has no charset', async () => {
    const page = await get('/ru/cp1251-meta-only');
    expect(page.snapshot.contentType).toBe('text/html');
    expect(page.text).toContain(RUSSIAN_TEXT);
  });

  it('uses a <meta http-equiv> charset when the header has none', async () => {
    const page = await get('/ru/koi8-http-equiv-only');
    expect(page.text).toContain(RUSSIAN_TEXT);
  });

  it('lets the header charset win over a contradicting <meta>', async () => {
    const page = await get('/ru/header-beats-meta');
    expect(page.text).toContain(RUSSIAN_TEXT);
    // Trusting the meta would have produced different (wrong) Cyrillic.
    expect(new TextDecoder('windows-1251').decode(KOI8_LYING_META_BYTES)).not.toContain(RUSSIAN_TEXT);
  });

  it('lets a UTF-8 BOM win over both header and meta', async () => {
    const page = await get('/ru/utf8-bom-beats-header-and-meta');
    expect(page.text).toContain(RUSSIAN_TEXT);
    expect(page.text.startsWith('<!doctype html>')).toBe(true); // BOM not left in the text
    expect(page.snapshot.byteLength).toBe(UTF8_BOM_BYTES.byteLength);
  });

  it('decodes UTF-16LE with a BOM even when the header says windows-1251', async () => {
    const page = await get('/mn/utf16le-bom');
    expect(page.text).toBe(MONGOLIAN_PAGE);
    expect(page.text).toContain('өнөөдрийн үйл');
    expect(page.snapshot.byteLength).toBe(2 + MONGOLIAN_PAGE.length * 2);
  });

  it('decodes a Mongolian UTF-8 page with ө and ү, with or without a declared charset', async () => {
    for (const path of ['/mn/utf8', '/mn/utf8-no-charset']) {
      const page = await get(path);
      expect(page.text).toBe(MONGOLIAN_PAGE);
      expect(page.text).toContain(MONGOLIAN_TEXT);
      expect(page.text).not.toContain('\uFFFD');
    }
  });

  it('wrong charset: a windows-1251 page labelled UTF-8 by the server decodes by its <meta>', async () => {
    const page = await get('/ru/cp1251-labelled-utf8');
    expect(page.text).toContain(RUSSIAN_TEXT);
    expect(page.text).not.toContain('\uFFFD');
  });

  it('wrong charset: a Mongolian UTF-8 page labelled windows-1251 still decodes as UTF-8', async () => {
    const page = await get('/mn/utf8-labelled-cp1251');
    expect(page.text).toBe(MONGOLIAN_PAGE);
    // Trusting the label would have produced mojibake.
    expect(new TextDecoder('windows-1251').decode(MONGOLIAN_BYTES)).not.toContain(MONGOLIAN_TEXT);
  });

  it('missing charset: an undeclared windows-1251 page comes out as Russian, a windows-1252 one as French', async () => {
    const russian = await get('/ru/cp1251-undeclared');
    expect(russian.text).toContain(RUSSIAN_TEXT);
    const french = await get('/fr/cp1252-undeclared');
    expect(french.text).toContain(FRENCH_TEXT);
  });

  it('falls back to UTF-8 on an unknown charset label without throwing', async () => {
    const page = await get('/mn/unknown-label');
    expect(page.snapshot.contentType).toBe('text/html; charset=x-klingon-9');
    expect(page.text).toBe(MONGOLIAN_PAGE);
  });
});

describe('sniffCharset', () => {
  const html = (meta: string) => utf8(`<html><head>${meta}<title>t</title></head><body>x</body></html>`);

  it('returns the BOM encoding first', () => {
    expect(sniffCharset(withBom(UTF8_BOM, html('')), 'text/html; charset=koi8-r')).toBe('utf-8');
    expect(sniffCharset(new Uint8Array([0xff, 0xfe, 0x3c, 0x00]), 'text/html; charset=utf-8')).toBe(
      'utf-16le',
    );
    expect(sniffCharset(new Uint8Array([0xfe, 0xff, 0x00, 0x3c]), 'text/html; charset=utf-8')).toBe(
      'utf-16be',
    );
  });

  it('then the header charset, quoted or not, lower-cased', () => {
    expect(sniffCharset(html('<meta charset="koi8-r">'), 'text/html; charset=Windows-1251')).toBe(
      'windows-1251',
    );
    expect(sniffCharset(html(''), 'text/html; charset="KOI8-R"')).toBe('koi8-r');
    expect(sniffCharset(html(''), "text/html;charset='iso-8859-5'")).toBe('iso-8859-5');
  });

  it('then <meta charset> or http-equiv, when the header has no usable charset', () => {
    expect(sniffCharset(html('<meta charset="windows-1251">'), 'text/html')).toBe('windows-1251');
    expect(sniffCharset(html("<meta charset='koi8-r'>"), null)).toBe('koi8-r');
    expect(
      sniffCharset(html('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=KOI8-R">'), 'text/html'),
    ).toBe('koi8-r');
    expect(sniffCharset(html('<meta charset="windows-1251">'), 'text/html; charset=bogus-99')).toBe(
      'windows-1251',
    );
  });

  it('only looks for <meta> in the first 2 KB', () => {
    const late = utf8(`<html><head><!--${'x'.repeat(2100)}--><meta charset="windows-1251"></head></html>`);
    expect(sniffCharset(late, 'text/html')).toBe('utf-8');
  });

  it('defaults to UTF-8, also for unknown labels everywhere', () => {
    expect(sniffCharset(html(''), null)).toBe('utf-8');
    expect(sniffCharset(new Uint8Array(), null)).toBe('utf-8');
    expect(sniffCharset(html('<meta charset="x-martian">'), 'text/html; charset=x-klingon-9')).toBe('utf-8');
  });
});

describe('decodeBody', () => {
  it('decodes windows-1251, KOI8-R, UTF-16LE and UTF-8 bodies', () => {
    expect(decodeBody(encode(RUSSIAN_TEXT, 'windows-1251'), 'text/plain; charset=windows-1251')).toBe(
      RUSSIAN_TEXT,
    );
    expect(decodeBody(encode(RUSSIAN_TEXT, 'koi8-r'), 'text/plain; charset=koi8-r')).toBe(RUSSIAN_TEXT);
    expect(decodeBody(withBom(UTF16LE_BOM, encode(MONGOLIAN_TEXT, 'utf-16le')), null)).toBe(MONGOLIAN_TEXT);
    expect(decodeBody(utf8(MONGOLIAN_TEXT), 'text/plain; charset=nonsense')).toBe(MONGOLIAN_TEXT);
  });
});

describe('decodeBodyDetailed: a UTF-8 page with a stray byte stays UTF-8', () => {
  it('replaces the one invalid byte, names its offset, and keeps every quote mark', () => {
    const good = utf8(`<p>«${MONGOLIAN_TEXT}» — ‘quoted’ “twice”</p>`);
    const at = 3; // after "<p>", on a character boundary
    const bad = new Uint8Array([...good.subarray(0, at), 0xff, ...good.subarray(at)]);
    const decoded = decodeBodyDetailed(bad, 'text/html');
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.replacedOffsets).toEqual([at]);
    expect(decoded.text).toContain('‘quoted’ “twice”');
    expect(decoded.text.match(/\uFFFD/g)).toHaveLength(1);
  });

  it('still reads an undeclared windows-1252 page as windows-1252, not as UTF-8 with holes', () => {
    const decoded = decodeBodyDetailed(CP1252_UNDECLARED_BYTES, 'text/html');
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.replacedOffsets).toEqual([]);
    expect(decoded.text).toContain(FRENCH_TEXT);
  });
});
