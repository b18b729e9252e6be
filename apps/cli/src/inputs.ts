import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, InputError, Manifest, type ManifestEntry, sha256Hex } from '@parallax/core';
import { decodeBody } from '@parallax/fetch';
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
    return new Uint8Array(await readFile(path));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (cause as Error).message;
    throw new InputError(`${path}: ${why}`, { cause });
  }
}

/** A local file as a pipeline input; its snapshot hash is the hash of the file's bytes. */
export async function readDocument(
  path: string,
  meta?: DocumentMeta,
): Promise<DocumentInput & { path: string }> {
  const format = formatOf(path);
  const bytes = await readBytes(path);
  // UTF-16 text is full of NUL bytes; with its byte-order mark it is text, and decodeBody reads it.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.includes(0)) {
    throw new InputError(`${path}: binary content (NUL bytes); expected text or HTML`);
  }
  let body = decodeBody(bytes, format === 'html' ? 'text/html' : 'text/plain');
  // Offsets into a .txt file refer to its text unchanged, as a UTF-8 reader (Node's readFile, Python's
  // open) gets it: a UTF-8 byte-order mark stays as U+FEFF at offset 0 instead of shifting every offset.
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (format === 'text' && utf8Bom && !body.startsWith('\uFEFF')) body = `\uFEFF${body}`;
  const defaults: DocumentMeta = {
    source: path.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''),
    kind: 'other',
    url: pathToFileURL(path).href,
  };
  return { path, body, format, snapshotSha256: sha256Hex(bytes), meta: meta ?? defaults };
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
