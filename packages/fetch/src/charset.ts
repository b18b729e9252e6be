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

/**
 * Decodes with the sniffed charset, correcting the two common lies. A legacy label on a body that is
 * valid non-ASCII UTF-8 is ignored. When the charset is UTF-8 (declared or by default) but the bytes are not
 * valid UTF-8 — a server that mislabels a legacy page, or labels nothing — the <meta> charset is tried,
 * then the single-byte Cyrillic or Latin code page the high bytes point to, instead of a page of U+FFFD.
 */
export function decodeBody(body: Uint8Array, contentType: string | null): string {
  const charset = sniffCharset(body, contentType);
  const utf8 = strictUtf8(body);
  if (charset !== 'utf-8' && charset !== 'utf8') {
    // Non-ASCII text that is valid UTF-8 is UTF-8 whatever the label says: legacy single-byte Cyrillic
    // almost never forms valid multi-byte sequences, so a "windows-1251" label on such a body is wrong.
    const bom = body[0] === 0xff || body[0] === 0xfe;
    if (!bom && utf8 !== null && body.some((byte) => byte >= 0x80)) return utf8;
    return new TextDecoder(charset).decode(body);
  }
  if (utf8 !== null) return utf8;
  const head = new TextDecoder('latin1').decode(body.subarray(0, 2048));
  const meta = head.match(/<meta[^>]+charset=["']?([\w.:-]+)/i)?.[1]?.toLowerCase();
  if (meta && isSupported(meta) && !/^utf-?8$/.test(meta)) return new TextDecoder(meta).decode(body);
  return new TextDecoder(guessSingleByteCharset(body)).decode(body);
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
