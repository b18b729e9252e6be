import { isAscii, isUtf8, transcode } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ManifestEntry } from '@parallax/core';
import { ConfigError, InputError } from '@parallax/core/errors';
import { sha256Hex } from '@parallax/core/ids';
import type { DocumentInput, DocumentMeta } from '@parallax/pipeline';
import { userCwd } from '@parallax/runtime/options';

/** The demo corpus that ships in the repository. */
export const DEMO_CORPUS = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../test/corpus/putin-mongolia-2024',
);

/** The folder the user ran the command from (INIT_CWD under pnpm): relative paths resolve against it. */
export { userCwd };

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

/**
 * One buffer for the reads whose bytes are decoded and dropped at once (`extract`): a fresh buffer
 * per file cost more than the read — the kernel faults in and zeroes every new page, and V8 counts
 * the external memory towards its next full collection.
 */
let scratch: Buffer | undefined;

function isScratch(bytes: Uint8Array): boolean {
  return scratch !== undefined && bytes.buffer === scratch.buffer;
}

/** A regular file's bytes read into the shared scratch buffer (valid until the next read). */
function readIntoScratch(fd: number, size: number): Uint8Array {
  if (scratch === undefined || scratch.length < size) {
    scratch = Buffer.allocUnsafeSlow(Math.max(1 << 20, Math.ceil(size * 1.25)));
  }
  let length = 0;
  while (length < size) {
    const n = readSync(fd, scratch, length, size - length, length);
    if (n === 0) break;
    length += n;
  }
  return new Uint8Array(scratch.buffer, scratch.byteOffset, length);
}

/**
 * A local file's bytes, refused over the size cap before any is read. One open, one fstat and one
 * read, synchronously: the commands read their files one after the other, and a promise round trip
 * through the thread pool per 512 KB chunk (fs/promises' readFile) cost more than the read itself.
 * A pipe or device (`<(curl …)`, /dev/stdin) has no size to check and is read to its end. With
 * `transient`, a regular file is read into the scratch buffer: the bytes are valid until the next read.
 */
function readBytes(path: string, transient = false): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    const cap = maxFileBytes();
    if (info.size > cap) {
      throw new InputError(
        `${path}: ${humanBytes(info.size)} is larger than the ${humanBytes(cap)} cap for a local file (set PARALLAX_MAX_FILE_BYTES to raise it)`,
      );
    }
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (transient && info.isFile() && info.size <= MAX_FILE_BYTES_DEFAULT)
      return readIntoScratch(fd, info.size);
    const buffer = readFileSync(fd);
    // A plain Uint8Array view of the Buffer's memory, as the decoders and the hash expect; no copy.
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (cause as Error).message;
    throw new InputError(`${path}: ${why}`, { cause });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const strictUtf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A Buffer over the same memory (no copy), for Buffer's native methods. */
function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Valid UTF-8 (checked) as a string, its byte-order mark dropped as TextDecoder drops it. ICU's
 * transcoding to UTF-16 and a copy into the string take less than half the time of TextDecoder (or
 * Buffer's utf8 toString), which was the largest cost of `extract` beyond extraction itself; V8
 * still stores a string without characters above U+00FF as one byte a character. The same text:
 * the tests compare both on every plane. TextDecoder where Node has no ICU.
 */
function decodeValidUtf8(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return transcode(bufferOf(body), 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return strictUtf8Decoder.decode(bytes);
  }
}

/**
 * The common case decoded without loading @parallax/fetch (and undici with it): bytes that are valid
 * UTF-8 and that decodeBodyDetailed would read as UTF-8 — with a UTF-8 byte-order mark, with any
 * non-ASCII character (a legacy label on valid multi-byte UTF-8 is ignored there), or pure ASCII
 * whose first 2 KB declare no charset, or UTF-8. The same text as its strict pass. Null for
 * everything else (invalid UTF-8, an ASCII page labelled with another charset), which goes to
 * decodeBodyDetailed itself.
 */
function commonUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  if (!isAscii(bytes)) return decodeValidUtf8(bytes);
  // ASCII is its own Latin-1: one copy into a one-byte string.
  const head = bufferOf(bytes).toString('latin1', 0, 2048);
  const label = head.match(/<meta[^>]+charset=["']?([\w.:-]+)/i)?.[1];
  return label === undefined || /^utf-?8$/i.test(label) ? bufferOf(bytes).toString('latin1') : null;
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
function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PARALLAX_MAX_FILE_BYTES;
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : MAX_FILE_BYTES_DEFAULT;
}

/**
 * A local file's bytes as text, with a warning for everything done to them that changes what a reader
 * sees: NUL bytes dropped, invalid UTF-8 bytes replaced, UTF-16 read without a byte-order mark.
 * Refuses (InputError) only what is not text at all.
 */
async function decodeLocal(
  path: string,
  bytes: Uint8Array,
  format: DocumentInput['format'],
): Promise<{ body: string; warnings: string[] }> {
  const warnings: string[] = [];
  const contentType = format === 'html' ? 'text/html' : 'text/plain';
  // UTF-16 text is full of NUL bytes; with its byte-order mark it is text, and decodeBody reads it.
  const bomUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let input = bytes;
  const magic = BINARY_MAGIC.find(([, sig]) => sig.every((b, i) => bytes[i] === b));
  if (magic) throw new InputError(`${path}: binary content (${magic[0]}); expected text or HTML`);
  if (!bomUtf16 && bufferOf(bytes).indexOf(0) !== -1) {
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
  const common = commonUtf8(input);
  let decoded: { text: string; replacedOffsets: number[] };
  if (common !== null) decoded = { text: common, replacedOffsets: [] };
  else {
    // The scratch buffer may be read into again while the decoder loads: decode a copy.
    const stable = isScratch(input) ? input.slice() : input;
    decoded = (await import('@parallax/fetch')).decodeBodyDetailed(stable, contentType);
  }
  if (decoded.replacedOffsets.length > 0) {
    const shown = decoded.replacedOffsets.slice(0, 5).join(', ');
    const more = decoded.replacedOffsets.length > 5 ? ` and ${decoded.replacedOffsets.length - 5} more` : '';
    warnings.push(
      `${path}: invalid UTF-8 at byte ${shown}${more}${input === bytes ? '' : ' (after dropping NULs)'}; replaced with U+FFFD, the rest read as UTF-8`,
    );
  }
  return { body: decoded.text, warnings };
}

export interface LocalText {
  path: string;
  format: DocumentInput['format'];
  body: string;
  url: string;
  warnings: string[];
  empty: boolean;
}

/**
 * A local file's text, as `extract` needs it: the body decoded, `warnings` saying what had to be done
 * to read it, `empty` marking a file with no text at all, `url` its file: URL. Its bytes are read into
 * a buffer shared by every call and not kept (readDocument keeps them, for their hash).
 */
export async function readText(path: string): Promise<LocalText> {
  const { bytes: _transient, ...text } = await readLocal(path, true);
  return text;
}

async function readLocal(path: string, transient: boolean): Promise<LocalText & { bytes: Uint8Array }> {
  const format = formatOf(path);
  const bytes = readBytes(path, transient);
  // Offsets into a .txt file refer to its text unchanged, as a UTF-8 reader (Node's readFile, Python's
  // open) gets it: a UTF-8 byte-order mark stays as U+FEFF at offset 0 instead of shifting every offset.
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let { body, warnings } = await decodeLocal(path, bytes, format);
  if (format === 'text' && utf8Bom && !body.startsWith('\uFEFF')) body = `\uFEFF${body}`;
  // U+FEFF is white space to trim() and \s alike: a file of a byte-order mark and blanks is empty.
  const empty = !/\S/.test(body);
  if (empty) warnings = [...warnings, `${path}: empty file (no text); left out`];
  return { path, format, body, url: pathToFileURL(path).href, bytes, warnings, empty };
}

/**
 * A local file as a pipeline input; its snapshot hash is the hash of the file's bytes. `warnings` say
 * what had to be done to read it; `empty` marks a file with no text at all.
 */
export async function readDocument(
  path: string,
  meta?: DocumentMeta,
): Promise<DocumentInput & { path: string; warnings: string[]; empty: boolean }> {
  const { format, body, url, bytes, warnings, empty } = await readLocal(path, false);
  const defaults: DocumentMeta = {
    source: path.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''),
    kind: 'other',
    url,
  };
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
  // The schemas (zod) load only here: `extract` reads no manifest.
  const { Manifest } = await import('@parallax/core');
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
