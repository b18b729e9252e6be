import { type Article, InputError, isParallaxError, ParallaxError, UsageError } from '@parallax/core';
import { articleFromText, extractArticle } from '@parallax/extract';
import { readText, resolveUserPath } from './inputs';
import type { Io } from './io';

/*
 * The per-file commands' shared path (extract here; statements in commands.ts uses it too). This
 * module loads only what `extract` needs — @parallax/extract, not the pipeline, the store or the
 * report renderers — so that `parallax extract` starts in a fraction of the time of the whole CLI.
 */

export function errOut(io: Io): (text: string) => void {
  return io.stderr ?? ((text: string) => process.stderr.write(text));
}

/** A warning for the user on stderr (not with --quiet): something in an input was read differently. */
export function warn(io: Io, message: string): void {
  if (!io.quiet) errOut(io)(`parallax: warning: ${message}\n`);
}

export function requireJson(format: string): void {
  if (format !== 'json') throw new UsageError(`--format ${format} is not supported here; use --format json`);
}

/**
 * extract and statements over many files: each file's line is written as soon as it is done, and a
 * file that cannot be read is named on stderr and passed over, so one bad file in a batch of thousands
 * costs none of the others. The exit status still says something failed: 2 when every failure was an
 * input the user can fix, 1 otherwise. One file alone is one pretty-printed object, or its error.
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
  const writeErr = errOut(io);
  let failed = 0;
  let onlyInputErrors = true;
  for (const path of paths) {
    try {
      const doc = await load(path, io);
      if (doc) io.stdout(`${JSON.stringify(shape(doc))}\n`);
    } catch (error) {
      failed += 1;
      const input = error instanceof InputError;
      onlyInputErrors &&= input;
      const code = isParallaxError(error) ? error.code : 'PARALLAX_INTERNAL';
      const message = error instanceof Error ? error.message : String(error);
      writeErr(`parallax: ${code}: ${input || isParallaxError(error) ? message : `${path}: ${message}`}\n`);
    }
  }
  if (failed > 0) {
    const message = `${failed} of ${paths.length} files could not be processed (named above); the others were printed`;
    throw onlyInputErrors ? new InputError(message) : new ParallaxError('PARALLAX_INTERNAL', message);
  }
}

/**
 * One file read and through extraction only (`extract`), its reading warnings printed. Null when it
 * has no text (an empty file, a page with nothing to extract): warned about and left out. An exception
 * inside extraction becomes PARALLAX_INTERNAL naming the file.
 */
async function articleOf(path: string, io: Io): Promise<{ file: string; article: Article } | null> {
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

export async function extractCommand(files: string[], options: { format: string }, io: Io): Promise<void> {
  requireJson(options.format);
  // The article only: statements and facts are not printed here, so they are not computed.
  await eachFile(files, io, (d) => ({ file: d.file, ...d.article }), articleOf);
}
