import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, isParallaxError, ParallaxError, reportJsonSchema, UsageError } from '@parallax/core';
import { buildReport, type ProcessedDocument, processDocument, startReplayServer } from '@parallax/pipeline';
import {
  isReportFormat,
  REPORT_FORMATS,
  type ReportFormat,
  renderReport,
  summarizeReport,
} from '@parallax/report';
import type { Logger } from 'pino';
import { type DemoFleetOptions, demoRunner, openDemoStore } from './commands/fleet-demo';
import { loadManifest, metaOf, readDocument, resolveUserPath } from './inputs';
import type { Progress } from './output';

export interface Io {
  stdout: (text: string) => void;
  /** Error lines for the user (default: process.stderr). */
  stderr?: (text: string) => void;
  log: Logger;
  /** --quiet: no summaries or progress; only the command's data and errors. */
  quiet?: boolean;
  /** --json: data (summaries, listings) as JSON on stdout. */
  json?: boolean;
  /** A progress bar on a terminal's stderr; a no-op otherwise. */
  progress?: Progress;
}

/** The demo corpus that ships in the repository. */
export const DEMO_CORPUS = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../test/corpus/putin-mongolia-2024',
);

function parseFormats(value: string, allowMany: boolean): ReportFormat[] {
  const formats = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (formats.length === 0 || (!allowMany && formats.length > 1)) {
    throw new UsageError(
      `--format takes ${allowMany ? 'a comma-separated list of' : 'one of'} ${REPORT_FORMATS.join(', ')}`,
    );
  }
  for (const f of formats)
    if (!isReportFormat(f))
      throw new UsageError(`unknown format "${f}"; expected one of ${REPORT_FORMATS.join(', ')}`);
  return formats as ReportFormat[];
}

async function processFiles(
  files: string[],
  manifestPath: string | undefined,
): Promise<Array<ProcessedDocument & { file: string }>> {
  const manifest = manifestPath ? await loadManifest(resolveUserPath(manifestPath)) : undefined;
  const paths = files.length > 0 ? files.map(resolveUserPath) : (manifest?.entries.map((e) => e.path) ?? []);
  if (paths.length === 0) throw new UsageError('no input files (give FILE... or --manifest)');
  const out: Array<ProcessedDocument & { file: string }> = [];
  for (const path of paths) {
    const entry = manifest?.entries.find((e) => e.path === path);
    const input = await readDocument(path, entry ? metaOf(entry) : undefined);
    out.push({ ...processDocument(input), file: path });
  }
  return out;
}

export async function compareCommand(
  files: string[],
  options: { manifest?: string; format: string; out?: string },
  io: Io,
): Promise<void> {
  const [format] = parseFormats(options.format, false) as [ReportFormat];
  const documents = await processFiles(files, options.manifest);
  // The HTML carries each rendition's words in context from the documents' own text: it stays
  // self-contained and its evidence reads offline.
  const documentTexts = new Map(documents.map((d) => [d.ref.id, d.article.text] as const));
  const rendered = renderReport(buildReport(documents), format, { documentTexts });
  if (options.out) {
    const out = resolveUserPath(options.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, rendered);
    io.log.info({ out }, 'report written');
  } else {
    io.stdout(rendered);
  }
}

function jsonLines(objects: unknown[]): string {
  if (objects.length === 1) return `${JSON.stringify(objects[0], null, 2)}\n`;
  return objects.map((o) => `${JSON.stringify(o)}\n`).join('');
}

function requireJson(format: string): void {
  if (format !== 'json') throw new UsageError(`--format ${format} is not supported here; use --format json`);
}

/**
 * extract and statements over many files: each file's line is written as soon as it is done, and a
 * file that cannot be read is named on stderr and passed over, so one bad file in a batch of thousands
 * costs none of the others. The exit status still says something failed: 2 when every failure was an
 * input the user can fix, 1 otherwise. One file alone is one pretty-printed object, or its error.
 */
async function eachFile(
  files: string[],
  io: Io,
  shape: (doc: ProcessedDocument & { file: string }) => unknown,
): Promise<void> {
  const paths = files.map(resolveUserPath);
  if (paths.length === 0) throw new UsageError('no input files');
  if (paths.length === 1) {
    const path = paths[0] as string;
    const doc = { ...processDocument(await readDocument(path)), file: path };
    io.stdout(jsonLines([shape(doc)]));
    return;
  }
  const writeErr = io.stderr ?? ((text: string) => process.stderr.write(text));
  let failed = 0;
  let onlyInputErrors = true;
  for (const path of paths) {
    try {
      const doc = { ...processDocument(await readDocument(path)), file: path };
      io.stdout(`${JSON.stringify(shape(doc))}\n`);
    } catch (error) {
      failed += 1;
      const input = error instanceof InputError;
      onlyInputErrors &&= input;
      const code = isParallaxError(error) ? error.code : 'PARALLAX_INTERNAL';
      const message = error instanceof Error ? error.message : String(error);
      writeErr(`parallax: ${code}: ${input ? message : `${path}: ${message}`}\n`);
    }
  }
  if (failed > 0) {
    const message = `${failed} of ${paths.length} files could not be processed (named above); the others were printed`;
    throw onlyInputErrors ? new InputError(message) : new ParallaxError('PARALLAX_INTERNAL', message, false);
  }
}

export async function extractCommand(files: string[], options: { format: string }, io: Io): Promise<void> {
  requireJson(options.format);
  await eachFile(files, io, (d) => ({ file: d.file, ...d.article }));
}

export async function statementsCommand(files: string[], options: { format: string }, io: Io): Promise<void> {
  requireJson(options.format);
  await eachFile(files, io, (d) => ({
    file: d.file,
    lang: d.article.lang,
    text: d.article.text,
    statements: d.statements,
    facts: d.facts,
  }));
}

export function schemaCommand(io: Io): void {
  io.stdout(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
}

export interface DemoOptions extends DemoFleetOptions {
  out: string;
  format: string;
  dataDir: string;
  corpus: string;
}

/**
 * The whole path on the embedded default: a loopback replay server over the recorded corpus, real
 * HTTP fetches, PGlite under the data dir, and the reports written to disk.
 */
export async function demoCommand(options: DemoOptions, io: Io): Promise<void> {
  const formats = parseFormats(options.format, true);
  const corpus = resolveUserPath(options.corpus);
  const manifest = await loadManifest(join(corpus, 'manifest.json'));
  const server = await startReplayServer(manifest.entries.map((e) => ({ url: e.url, file: e.path })));
  const dataDir = resolveUserPath(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const store = await openDemoStore(options, join(dataDir, 'db'));
  let finished = 0;
  try {
    const result = await demoRunner(options)(
      manifest.entries.map((e) => ({ meta: metaOf(e), fetchUrl: server.urlFor(e.url) })),
      {
        store,
        // The replay server is on loopback: allowed here explicitly, refused by default.
        fetch: { userAgent: 'ParallaxDemo/0.1 (+https://github.com/parallax)', allowPrivateAddresses: true },
        onProgress: (p) => {
          if (p.type === 'failed') io.log.warn(p.failure, 'source failed');
          else io.log.debug(p, p.type);
          if (p.type !== 'fetched') {
            finished += 1;
            io.progress?.update(
              finished,
              manifest.entries.length,
              p.type === 'failed' ? 'failed' : 'processed',
            );
          }
        },
      },
    );
    const outDir = resolveUserPath(options.out);
    await mkdir(outDir, { recursive: true });
    const written: string[] = [];
    io.progress?.done();
    // The HTML embeds each rendition's words in context from the stored document text, so the file
    // stands alone; `parallax serve` shows the same report with links into its snapshot view.
    const documentTexts = new Map<string, string>();
    for (const event of result.report.events) {
      for (const ref of event.documents) {
        const doc = documentTexts.has(ref.id) ? null : await store.getDocument(ref.id);
        if (doc) documentTexts.set(ref.id, doc.article.text);
      }
    }
    for (const event of result.report.events) {
      const single = { ...result.report, events: [event] };
      for (const format of formats) {
        const file = join(outDir, `${event.id}.${format}`);
        await writeFile(file, renderReport(single, format, { documentTexts }));
        written.push(file);
      }
    }
    const summary = summarizeReport(result.report);
    const types = Object.entries(summary.divergencesByType)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    const conflicts = Object.entries(summary.factConflictsByKind)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    const multi = result.report.events.reduce(
      (n, e) => n + e.statements.filter((s) => s.renditions.length > 1).length,
      0,
    );
    if (io.json) {
      io.stdout(
        `${JSON.stringify({ sources: manifest.entries.length, failed: result.failures.length, runId: result.runId, reportId: result.reportId, ...summary, reports: written }, null, 2)}\n`,
      );
    } else if (io.quiet) {
      io.stdout(written.map((f) => `${f}\n`).join(''));
    } else
      io.stdout(
        [
          `Parallax demo: ${manifest.entries.length} sources fetched over HTTP from ${server.origin}, stored in ${join(dataDir, 'db')}`,
          `  events:          ${summary.events}`,
          `  documents:       ${summary.documents}${result.failures.length ? ` (${result.failures.length} failed)` : ''}`,
          `  statements:      ${summary.statements} (${multi} carried by more than one source), ${summary.renditions} renditions`,
          `  divergences:     ${types || 'none'}`,
          `  fact conflicts:  ${conflicts || 'none'}`,
          `  run ${result.runId}, report ${result.reportId}`,
          'Reports:',
          ...written.map((f) => `  ${f}`),
          '',
        ].join('\n'),
      );
    if (result.failures.length > 0) process.exitCode = 1;
  } finally {
    io.progress?.done();
    await store.close();
    await server.close();
  }
}
