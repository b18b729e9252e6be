import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, InputError, Manifest, type ManifestEntry, sha256Hex } from '@parallax/core';
import { decodeBodyDetailed } from '@parallax/fetch';
import type { DocumentInput, DocumentMeta } from '@parallax/pipeline';

/**
 * The folder the user ran the command from. pnpm runs scripts in the workspace root and passes the
 * caller's folder as INIT_CWD, so relative paths must resolve against that, not process.cwd().
 */
export function userCwd(): string {
  return process.env.INIT_CWD ?? process.cwd();
}

export function resolveUserPath(path: string): string {
  return isAbsolute(path) ? path : resolve(userCwd(), path);
}

const FORMATS: Record<string, DocumentInput['format']> = { '.html': 'html', '.htm': 'html', '.txt': 'text' };

export function formatOf(path: string): DocumentInput['format'] {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) {
    throw new InputError(
      `${path}: unsupported file type ${extname(path) || '(none)'}; expected .html, .htm or .txt`,
    );
  }
  return format;
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const { size } = await stat(path);
    const cap = maxFileBytes();
    if (size > cap) {
      throw new InputError(
        `${path}: ${humanBytes(size)} is larger than the ${humanBytes(cap)} cap for a local file (set PARALLAX_MAX_FILE_BYTES to raise it)`,
      );
    }
    return new Uint8Array(await readFile(path));
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (cause as Error).message;
    throw new InputError(`${path}: ${why}`, { cause });
  }
}

/** Signatures of binary formats people hand over by mistake (an image or PDF renamed .txt). */
const BINARY_MAGIC: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive (or .docx/.xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
];

/** UTF-16 without a byte-order mark, told by where the NULs of its ASCII characters fall. */
function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const pairs = bytes.length / 2;
  // ASCII letters, digits, spaces and punctuation put a NUL in one half of their pair: even Cyrillic
  // or Mongolian text has a space every few letters. Stray NULs fall on both halves alike.
  if (odd >= pairs * 0.1 && even <= odd * 0.02) return 'utf-16le';
  if (even >= pairs * 0.1 && odd <= even * 0.02) return 'utf-16be';
  return null;
}

function humanBytes(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1).replace(/\.0$/, '')} MB` : `${n} bytes`;
}

const MAX_FILE_BYTES_DEFAULT = 64 * 1024 * 1024;

/** The size cap for a local input file: PARALLAX_MAX_FILE_BYTES, else 64 MiB. */
export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PARALLAX_MAX_FILE_BYTES;
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : MAX_FILE_BYTES_DEFAULT;
}

/**
 * A local file's bytes as text, with a warning for everything done to them that changes what a reader
 * sees: NUL bytes dropped, invalid UTF-8 bytes replaced, UTF-16 read without a byte-order mark.
 * Refuses (InputError) only what is not text at all.
 */
export function decodeLocal(
  path: string,
  bytes: Uint8Array,
  format: DocumentInput['format'],
): { body: string; warnings: string[] } {
  const warnings: string[] = [];
  const contentType = format === 'html' ? 'text/html' : 'text/plain';
  // UTF-16 text is full of NUL bytes; with its byte-order mark it is text, and decodeBody reads it.
  const bomUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let input = bytes;
  const magic = BINARY_MAGIC.find(([, sig]) => sig.every((b, i) => bytes[i] === b));
  if (magic) throw new InputError(`${path}: binary content (${magic[0]}); expected text or HTML`);
  if (!bomUtf16 && bytes.includes(0)) {
    const wide = utf16ByNulPattern(bytes);
    if (wide) {
      warnings.push(`${path}: no byte-order mark; read as ${wide.toUpperCase()} (the NUL bytes’ pattern)`);
      return { body: new TextDecoder(wide).decode(bytes), warnings };
    }
    let nuls = 0;
    let controls = 0;
    let first = -1;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if (b === 0) {
        if (first < 0) first = i;
        nuls += 1;
      } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) {
        controls += 1;
      }
    }
    // Text with a few stray NULs (a bad export, a CMS bug) is still text; a file that is one per cent
    // NULs or other control bytes is not (images, archives, executables: a tenth of random bytes are).
    if (nuls + controls > Math.max(8, bytes.length / 100)) {
      throw new InputError(`${path}: binary content (${nuls} NUL bytes); expected text or HTML`);
    }
    input = bytes.filter((b) => b !== 0);
    warnings.push(
      `${path}: dropped ${nuls} NUL byte${nuls === 1 ? '' : 's'} (the first at byte ${first}); offsets refer to the text without them`,
    );
  }
  const decoded = decodeBodyDetailed(input, contentType);
  if (decoded.replacedOffsets.length > 0) {
    const shown = decoded.replacedOffsets.slice(0, 5).join(', ');
    const more = decoded.replacedOffsets.length > 5 ? ` and ${decoded.replacedOffsets.length - 5} more` : '';
    warnings.push(
      `${path}: invalid UTF-8 at byte ${shown}${more}${input === bytes ? '' : ' (after dropping NULs)'}; replaced with U+FFFD, the rest read as UTF-8`,
    );
  }
  return { body: decoded.text, warnings };
}

/**
 * A local file as a pipeline input; its snapshot hash is the hash of the file's bytes. `warnings` say
 * what had to be done to read it; `empty` marks a file with no text at all.
 */
export async function readDocument(
  path: string,
  meta?: DocumentMeta,
): Promise<DocumentInput & { path: string; warnings: string[]; empty: boolean }> {
  const format = formatOf(path);
  const bytes = await readBytes(path);
  let { body, warnings } = decodeLocal(path, bytes, format);
  // Offsets into a .txt file refer to its text unchanged, as a UTF-8 reader (Node's readFile, Python's
  // open) gets it: a UTF-8 byte-order mark stays as U+FEFF at offset 0 instead of shifting every offset.
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (format === 'text' && utf8Bom && !body.startsWith('\uFEFF')) body = `\uFEFF${body}`;
  const defaults: DocumentMeta = {
    source: path.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''),
    kind: 'other',
    url: pathToFileURL(path).href,
  };
  const empty = body.replace(/^\uFEFF/, '').trim() === '';
  if (empty) warnings = [...warnings, `${path}: empty file (no text); left out`];
  return {
    path,
    body,
    format,
    snapshotSha256: sha256Hex(bytes),
    meta: meta ?? defaults,
    warnings,
    empty,
  };
}

export interface LoadedManifest {
  path: string;
  entries: Array<ManifestEntry & { path: string }>;
}

/** Reads and validates a manifest; errors name the file and the entry and field that is wrong. */
export async function loadManifest(path: string): Promise<LoadedManifest> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(
      `${path}: cannot read manifest (${(cause as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw new ConfigError(`${path}: not valid JSON (${(cause as Error).message})`, { cause });
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new ConfigError(`${path}: at ${where}: ${issue?.message ?? 'invalid manifest'}`, {
      details: { issues: parsed.error.issues },
    });
  }
  const base = dirname(path);
  return { path, entries: parsed.data.map((e) => ({ ...e, path: resolve(base, e.file) })) };
}

export function metaOf(entry: ManifestEntry): DocumentMeta {
  return {
    source: entry.source,
    kind: entry.kind,
    url: entry.url,
    title: entry.title,
    lang: entry.lang,
    publishedAt: entry.publishedAt,
  };
}
