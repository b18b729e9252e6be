/**
 * The charset of an HTML or text body: byte-order mark first, then the Content-Type header, then a
 * <meta charset> or http-equiv in the first 2 KB, else UTF-8. Decoding uses the WHATWG decoders
 * built into Node (windows-1251, KOI8-R, UTF-16 and the rest).
 */
export function sniffCharset(body: Uint8Array, contentType: string | null): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  const header = contentType?.match(/charset=["']?([\w.:-]+)/i)?.[1];
  if (header && isSupported(header)) return header.toLowerCase();
  const head = new TextDecoder('latin1').decode(body.subarray(0, 2048));
  const meta = head.match(/<meta[^>]+charset=["']?([\w.:-]+)/i)?.[1];
  if (meta && isSupported(meta)) return meta.toLowerCase();
  return 'utf-8';
}

function isSupported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** A body decoded, with what was done to it that a reader should be told about. */
export interface DecodedBody {
  text: string;
  /** The charset the bytes were read as. */
  charset: string;
  /** Byte offsets of the bytes that were not valid in that charset and became U+FFFD (UTF-8 only). */
  replacedOffsets: number[];
}

/**
 * Decodes with the sniffed charset, correcting the two common lies. A legacy label on a body that is
 * valid non-ASCII UTF-8 is ignored. When the charset is UTF-8 (declared or by default) but the bytes are not
 * valid UTF-8 — a server that mislabels a legacy page, or labels nothing — the <meta> charset is tried,
 * then the single-byte Cyrillic or Latin code page the high bytes point to, instead of a page of U+FFFD.
 * A UTF-8 page with a few stray invalid bytes among many valid multi-byte sequences stays UTF-8: those
 * bytes become U+FFFD (see decodeBodyDetailed for their offsets) instead of the whole page turning Latin-1.
 */
export function decodeBody(body: Uint8Array, contentType: string | null): string {
  return decodeBodyDetailed(body, contentType).text;
}

export function decodeBodyDetailed(body: Uint8Array, contentType: string | null): DecodedBody {
  const charset = sniffCharset(body, contentType);
  const plain = (text: string, as: string): DecodedBody => ({ text, charset: as, replacedOffsets: [] });
  const utf8 = strictUtf8(body);
  if (charset !== 'utf-8' && charset !== 'utf8') {
    // Non-ASCII text that is valid UTF-8 is UTF-8 whatever the label says: legacy single-byte Cyrillic
    // almost never forms valid multi-byte sequences, so a "windows-1251" label on such a body is wrong.
    const bom = body[0] === 0xff || body[0] === 0xfe;
    if (!bom && utf8 !== null && body.some((byte) => byte >= 0x80)) return plain(utf8, 'utf-8');
    return plain(new TextDecoder(charset).decode(body), charset);
  }
  if (utf8 !== null) return plain(utf8, 'utf-8');
  const head = new TextDecoder('latin1').decode(body.subarray(0, 2048));
  const meta = head.match(/<meta[^>]+charset=["']?([\w.:-]+)/i)?.[1]?.toLowerCase();
  if (meta && isSupported(meta) && !/^utf-?8$/.test(meta))
    return plain(new TextDecoder(meta).decode(body), meta);
  const scan = scanUtf8(body);
  // Legacy single-byte text almost never forms a valid multi-byte sequence; a UTF-8 page with a stray
  // byte (a truncated paste, a bad concatenation) has many of them and a handful of invalid bytes.
  if (scan.multiByte >= 2 && scan.invalidCount <= Math.max(1, scan.multiByte / 10)) {
    return {
      text: new TextDecoder('utf-8').decode(body),
      charset: 'utf-8',
      replacedOffsets: scan.invalid,
    };
  }
  const single = guessSingleByteCharset(body);
  return plain(new TextDecoder(single).decode(body), single);
}

/**
 * Valid multi-byte UTF-8 sequences and the offsets of the bytes that start an invalid one (each becomes
 * one U+FFFD in a WHATWG decoder, give or take a truncated sequence). Stops recording offsets after 1000.
 */
function scanUtf8(body: Uint8Array): { multiByte: number; invalidCount: number; invalid: number[] } {
  let multiByte = 0;
  let invalidCount = 0;
  const invalid: number[] = [];
  let i = 0;
  const n = body.length;
  const cont = (j: number) => j < n && ((body[j] as number) & 0xc0) === 0x80;
  while (i < n) {
    const b = body[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let len = 0;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) len = 3;
    else if (b >= 0xf0 && b <= 0xf4) len = 4;
    let ok = len > 0;
    for (let k = 1; ok && k < len; k++) ok = cont(i + k);
    if (ok && len === 3) {
      const b1 = body[i + 1] as number;
      ok = !(b === 0xe0 && b1 < 0xa0) && !(b === 0xed && b1 > 0x9f);
    } else if (ok && len === 4) {
      const b1 = body[i + 1] as number;
      ok = !(b === 0xf0 && b1 < 0x90) && !(b === 0xf4 && b1 > 0x8f);
    }
    if (ok) {
      multiByte += 1;
      i += len;
    } else {
      const start = i;
      invalidCount += 1;
      if (invalid.length < 1000) invalid.push(start);
      i += 1;
      // The continuation bytes of a broken sequence are part of the same error.
      while (cont(i) && i - start < 4) i += 1;
    }
  }
  return { multiByte, invalidCount, invalid };
}

function strictUtf8(body: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    return null;
  }
}

/**
 * windows-1251 when bytes of its letter block (А–я is 0xC0–0xFF) are a fifth or more of all letters;
 * Latin text in windows-1252 has accented letters in that block too, but only a few per cent.
 */
function guessSingleByteCharset(body: Uint8Array): string {
  let upper = 0;
  let ascii = 0;
  for (const byte of body) {
    if (byte >= 0xc0) upper += 1;
    else if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) ascii += 1;
  }
  return upper > 0 && upper / (upper + ascii) >= 0.2 ? 'windows-1251' : 'windows-1252';
}
