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

export function decodeBody(body: Uint8Array, contentType: string | null): string {
  return new TextDecoder(sniffCharset(body, contentType)).decode(body);
}
