import { createHash } from 'node:crypto';

/** sha256 of bytes or a string (UTF-8), lowercase hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A content-hash id: the same inputs always give the same id, so a stage that runs twice writes the
 * same rows. Parts are joined with a separator that cannot occur in them unescaped.
 */
export function contentId(prefix: string, ...parts: ReadonlyArray<string | number>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(String(part).replaceAll('\\', '\\\\').replaceAll('\u0000', '\\0'));
    hash.update('\u0000');
  }
  return `${prefix}_${hash.digest('hex').slice(0, 24)}`;
}
