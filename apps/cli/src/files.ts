import type { Article } from '@parallax/core';
import { InputError, isParallaxError, ParallaxError, UsageError } from '@parallax/core/errors';
import { articleFromText, extractArticle } from '@parallax/extract';
import { readText, resolveUserPath } from './inputs';
import type { Io } from './io';

/*
 * The per-file commands' shared path (extract here; statements in commands.ts uses it too). This
 * module loads only what `extract` needs — @parallax/extract, not the pipeline, the store or the
 * report renderers — so that `parallax extract` starts in a fraction of the time of the whole CLI.
 */

/** What the per-file path writes through; the threads of `extract --jobs` hand theirs a buffer. */
export type FileIo = Pick<Io, 'stdout' | 'stderr' | 'quiet'>;

export function errOut(io: Pick<Io, 'stderr'>): (text: string) => void {
  return io.stderr ?? ((text: string) => process.stderr.write(text));
}

/** A warning for the user on stderr (not with --quiet): something in an input was read differently. */
export function warn(io: Pick<Io, 'stderr' | 'quiet'>, message: string): void {
  if (!io.quiet) errOut(io)(`parallax: warning: ${message}\n`);
}

export function requireJson(format: string): void {
  if (format !== 'json') throw new UsageError(`--format ${format} is not supported here; use --format json`);
}

/** How one file of a batch went: printed (or left out with a warning), or failed, and whether the user can fix it. */
export type FileStatus = 'ok' | 'input-error' | 'error';

/**
 * One file of a batch: its warnings, then its JSON line or its error, all through `io`. The same
 * code runs in the main thread and in `extract --jobs`' threads, so that both print the same bytes.
 */
export async function oneOfMany<D extends { file: string }, I extends FileIo>(
  path: string,
  io: I,
  shape: (doc: D) => unknown,
  load: (path: string, io: I) => Promise<D | null>,
): Promise<FileStatus> {
  try {
    const doc = await load(path, io);
    if (doc) io.stdout(`${JSON.stringify(shape(doc))}\n`);
    return 'ok';
  } catch (error) {
    const input = error instanceof InputError;
    const code = isParallaxError(error) ? error.code : 'PARALLAX_INTERNAL';
    const message = error instanceof Error ? error.message : String(error);
    errOut(io)(`parallax: ${code}: ${input || isParallaxError(error) ? message : `${path}: ${message}`}\n`);
    return input ? 'input-error' : 'error';
  }
}

/**
 * The exit status of a batch: something failed, 2 when every failure was an input the user can
 * fix, 1 otherwise.
 */
export function batchOutcome(statuses: Iterable<FileStatus>, total: number): void {
  let failed = 0;
  let onlyInputErrors = true;
  for (const status of statuses) {
    if (status === 'ok') continue;
    failed += 1;
    onlyInputErrors &&= status === 'input-error';
  }
  if (failed > 0) {
    const message = `${failed} of ${total} files could not be processed (named above); the others were printed`;
    throw onlyInputErrors ? new InputError(message) : new ParallaxError('PARALLAX_INTERNAL', message);
  }
}

/**
 * extract and statements over many files: each file's line is written as soon as it is done, and a
 * file that cannot be read is named on stderr and passed over, so one bad file in a batch of thousands
 * costs none of the others. The exit status still says something failed (batchOutcome). One file
 * alone is one pretty-printed object, or its error.
 */
export async function eachFile<D extends { file: string }>(
  files: string[],
  io: Io,
  shape: (doc: D) => unknown,
  load: (path: string, io: Io) => Promise<D | null>,
): Promise<void> {
  const paths = files.map(resolveUserPath);
  if (paths.length === 0) throw new UsageError('no input files');
  if (paths.length === 1) {
    const doc = await load(paths[0] as string, io);
    if (doc) io.stdout(`${JSON.stringify(shape(doc), null, 2)}\n`);
    return;
  }
  const statuses: FileStatus[] = [];
  for (const path of paths) statuses.push(await oneOfMany(path, io, shape, load));
  batchOutcome(statuses, paths.length);
}

/**
 * One file read and through extraction only (`extract`), its reading warnings printed. Null when it
 * has no text (an empty file, a page with nothing to extract): warned about and left out. An exception
 * inside extraction becomes PARALLAX_INTERNAL naming the file.
 */
export async function articleOf(
  path: string,
  io: FileIo,
): Promise<{ file: string; article: Article } | null> {
  const input = await readText(path);
  for (const w of input.warnings) warn(io, w);
  if (input.empty) return null;
  let article: Article;
  try {
    article =
      input.format === 'html'
        ? extractArticle(input.body, { url: input.url })
        : articleFromText(input.body, {});
  } catch (error) {
    if (isParallaxError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ParallaxError('PARALLAX_INTERNAL', `${path}: ${message}`, { cause: error });
  }
  if (article.text.trim() === '') {
    warn(io, `${path}: no text could be extracted; left out`);
    return null;
  }
  return { file: path, article };
}

/** `extract`'s line for one file: its path, then the article. */
export const articleLine = (d: { file: string; article: Article }) => ({ file: d.file, ...d.article });
