import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InputError, isParallaxError, ParallaxError, reportJsonSchema, UsageError } from '@parallax/core';
import {
  buildReport,
  type ProcessedDocument,
  type ProcessOptions,
  processDocument,
  startReplayServer,
  translationGaps,
} from '@parallax/pipeline';
import {
  isReportFormat,
  REPORT_FORMATS,
  type ReportFormat,
  renderReport,
  summarizeReport,
} from '@parallax/report';
import { spokenBy } from '@parallax/statements';
import { type DemoFleetOptions, demoRunner, openDemoStore } from './commands/fleet-demo';
import { eachFile, errOut, requireJson, warn } from './files';
import { type LoadedManifest, loadManifest, metaOf, readDocument, resolveUserPath } from './inputs';
import type { Io } from './io';

export { extractCommand } from './extract';
export { DEMO_CORPUS } from './inputs';

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

/**
 * One file read and through extract + statements, its reading warnings printed. Null when it has no
 * text (an empty file, a page with nothing to extract): warned about and left out, never an empty
 * document. An exception inside a stage becomes PARALLAX_INTERNAL naming the file.
 */
async function processOne(
  path: string,
  io: Io,
  entry?: LoadedManifest['entries'][number],
  options: ProcessOptions = {},
): Promise<(ProcessedDocument & { file: string }) | null> {
  const meta = entry ? metaOf(entry) : undefined;
  // A month or a year is not a publication instant: relative dates in the text ("yesterday") must not
  // be read against the first of the month. The page's own date, if any, is used, then checked below.
  const coarse = entry?.publishedPrecision === 'month' || entry?.publishedPrecision === 'year';
  if (meta && coarse) delete meta.publishedAt;
  const input = await readDocument(path, meta);
  for (const w of input.warnings) warn(io, w);
  if (input.empty) return null;
  let doc: ProcessedDocument;
  try {
    doc = processDocument(input, options);
  } catch (error) {
    if (isParallaxError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ParallaxError('PARALLAX_INTERNAL', `${path}: ${message}`, { cause: error });
  }
  if (doc.article.text.trim() === '') {
    warn(io, `${path}: no text could be extracted; left out`);
    return null;
  }
  return { ...withManifestPrecision(doc, entry), file: path };
}

/**
 * A manifest date given to the month or the year ("2024-09", "2024") is kept at that precision: the
 * reference carries publishedPrecision, unless the page itself has a date inside that month or year,
 * which is more precise and wins. A bare day ("2024-09-02") is marked as a day.
 */
function withManifestPrecision(
  doc: ProcessedDocument,
  entry: LoadedManifest['entries'][number] | undefined,
): ProcessedDocument {
  const precision = entry?.publishedPrecision;
  if (!entry?.publishedAt || !precision || precision === 'time') return doc;
  if (precision === 'day') return { ...doc, ref: { ...doc.ref, publishedPrecision: 'day' } };
  const period = precision === 'year' ? 4 : 7;
  const own = doc.ref.publishedAt;
  if (own && own.slice(0, period) === entry.publishedAt.slice(0, period)) return doc;
  return {
    ...doc,
    ref: { ...doc.ref, publishedAt: entry.publishedAt, publishedPrecision: precision },
    article: { ...doc.article, publishedAt: entry.publishedAt },
  };
}

interface Inputs {
  manifest?: LoadedManifest;
  paths: string[];
}

async function inputsOf(files: string[], manifestPath: string | undefined): Promise<Inputs> {
  const manifest = manifestPath ? await loadManifest(resolveUserPath(manifestPath)) : undefined;
  const paths = files.length > 0 ? files.map(resolveUserPath) : (manifest?.entries.map((e) => e.path) ?? []);
  if (paths.length === 0) throw new UsageError('no input files (give FILE... or --manifest)');
  return { paths, ...(manifest ? { manifest } : {}) };
}

/**
 * Every document of a compare, each bad one named on stderr and left out so that the others still
 * make a report. One file alone fails with its own error; none left fails the command.
 */
async function processFiles(
  { paths, manifest }: Inputs,
  io: Io,
): Promise<{ documents: Array<ProcessedDocument & { file: string }>; failure?: ParallaxError }> {
  const documents: Array<ProcessedDocument & { file: string }> = [];
  let failed = 0;
  let onlyInputErrors = true;
  for (const path of paths) {
    const entry = manifest?.entries.find((e) => e.path === path);
    try {
      // A rule that failed, or a language without rules, is told per file as `statements` tells it.
      const doc = await processOne(path, io, entry, {
        onWarning: (message) => warn(io, `${path}: ${message}`),
      });
      if (doc) documents.push(doc);
    } catch (error) {
      if (paths.length === 1) throw error;
      failed += 1;
      const input = error instanceof InputError;
      onlyInputErrors &&= input;
      const code = isParallaxError(error) ? error.code : 'PARALLAX_INTERNAL';
      const message = error instanceof Error ? error.message : String(error);
      errOut(io)(`parallax: ${code}: ${input || isParallaxError(error) ? message : `${path}: ${message}`}\n`);
    }
  }
  const failure = (message: string) =>
    onlyInputErrors ? new InputError(message) : new ParallaxError('PARALLAX_INTERNAL', message);
  if (documents.length === 0) {
    throw failed > 0
      ? failure(`none of the ${paths.length} files could be processed (named above); no report`)
      : new InputError('no input has any text (named above); no report');
  }
  if (failed === 0) return { documents };
  return {
    documents,
    failure: failure(
      `${failed} of ${paths.length} files could not be processed (named above); the report covers the others`,
    ),
  };
}

/** Same file: the same path, or (when both exist) the same device and inode — a hard or symbolic link. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** --out must name a file that is none of the inputs: an output never replaces an input. */
async function checkOut(out: string, inputs: Inputs, flag = '--out'): Promise<void> {
  const existing = await stat(out).catch(() => null);
  if (existing?.isDirectory()) {
    throw new UsageError(`${flag} ${out} is a directory; give the report a file name inside it`);
  }
  for (const input of [...inputs.paths, ...(inputs.manifest ? [inputs.manifest.path] : [])]) {
    if (await sameFile(out, input)) {
      throw new UsageError(`${flag} ${out} is an input of this command; an output never replaces an input`);
    }
  }
}

export async function compareCommand(
  files: string[],
  options: { manifest?: string; format: string; out?: string },
  io: Io,
): Promise<void> {
  const [format] = parseFormats(options.format, false) as [ReportFormat];
  const inputs = await inputsOf(files, options.manifest);
  const out = options.out ? resolveUserPath(options.out) : undefined;
  if (out) await checkOut(out, inputs);
  const { documents, failure } = await processFiles(inputs, io);
  // The HTML carries each rendition's words in context from the documents' own text: it stays
  // self-contained and its evidence reads offline.
  const documentTexts = new Map(documents.map((d) => [d.ref.id, d.article.text] as const));
  const report = buildReport(documents);
  const gaps = translationGaps();
  if (gaps.unaligned.length > 0)
    warn(
      io,
      `no bilingual dictionary or translator installed for ${gaps.unaligned.join(', ')}: renditions in ${gaps.unaligned.length > 1 ? 'these languages' : 'this language'} are not aligned with English ones (scripts/bootstrap.sh --dictionaries installs Debian's FreeDict and Apertium)`,
    );
  for (const { lang, packages } of gaps.wordByWord)
    warn(
      io,
      `${lang} was glossed word by word, not translated: Apertium or its pair is missing or failed (apt-get install ${packages.join(' ')})`,
    );
  const rendered = renderReport(report, format, { documentTexts });
  if (out) {
    try {
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, rendered);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code ?? 'error';
      throw new UsageError(`cannot write --out ${out} (${code})`, { cause });
    }
    io.log.info({ out }, 'report written');
  } else {
    io.stdout(rendered);
  }
  // The report is out; the exit status still says that some inputs were left out.
  if (failure) throw failure;
}

export async function statementsCommand(files: string[], options: { format: string }, io: Io): Promise<void> {
  requireJson(options.format);
  // Statements as attributions (source – cue – content, PARC/PolNeAR): a partial quote's clause, a
  // quotation split by its tag as one statement, the verbatim words in `quoted`.
  const asAttributions = (path: string) =>
    processOne(path, io, undefined, {
      units: 'attribution',
      onWarning: (message) => warn(io, `${path}: ${message}`),
    });
  await eachFile(
    files,
    io,
    (d) => ({
      file: d.file,
      lang: d.article.lang,
      text: d.article.text,
      // `speaker`: who spoke (see spokenBy); `speakerAsWritten`: the page's own label.
      statements: d.statements.map((s) => ({ ...s, speaker: spokenBy(s), speakerAsWritten: s.speaker })),
      facts: d.facts,
    }),
    asAttributions,
  );
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
          `  fact conflicts:  ${conflicts || 'none'}${summary.factUpdates ? ` (and ${summary.factUpdates} running counts updated, not disagreeing)` : ''}`,
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
