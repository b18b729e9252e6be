/**
 * `parallax extract` as a user runs it, against the library it wraps, on the Zyte benchmark's 181
 * pages: how much the CLI's per-file path (reading, charset detection, decoding, JSON output) adds to
 * `extractArticle` itself.
 *
 *   pnpm bench:cli                       # from the repo root
 *   BENCH_ROUNDS=7 pnpm bench:cli
 *   BENCH_REPEAT=10 pnpm bench:cli       # the "many files" run: every page 10 times (default 5)
 *   BENCH_DATA=/path/to/article-extraction pnpm bench:cli
 *   BENCH_CLI=path/to/other/main.ts pnpm bench:cli   # another checkout's CLI, for a before/after
 *
 * The pages are gunzipped into a temporary folder (removed at the end). The library is timed in this
 * process, warm, on the same decoded strings with the same options the CLI passes (the file's URL).
 * The CLI is spawned as `node --import tsx apps/cli/src/main.ts extract --format json <all files>`,
 * its stdout read through a pipe as a shell would. Its startup (Node, tsx, loading the packages) is
 * timed apart, as the same command on one tiny file, and subtracted: the per-page figure is what
 * each further file costs. The CLI runs on the 181 files once and on a batch of every page several
 * times (each copy a hard link of its own name), where its JIT's warm-up on the first pages weighs as
 * it does in a real batch; the goal is about the batch. Median of BENCH_ROUNDS rounds (default 5)
 * after one warm-up of each.
 */
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from '@parallax/extract';

const GOAL = 1.3;
const root = resolve(import.meta.dirname, '../../..');
const dataDir = resolve(process.env.BENCH_DATA ?? resolve(root, '../shared/bench/article-extraction'));
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5) || 5);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 5) || 5);
const cli = resolve(root, process.env.BENCH_CLI ?? 'apps/cli/src/main.ts');

interface Run {
  ms: number;
  stdoutBytes: number;
  lines: number;
  code: number | null;
  stderr: string;
}

/** The CLI in a child process, timed from spawn to exit; stdout consumed (and counted) as a pipe would be. */
function runCli(files: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'extract', '--format', 'json', ...files], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PARALLAX_LOG_LEVEL: 'warn' },
    });
    let stdoutBytes = 0;
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      done({ ms, stdoutBytes, lines, code, stderr });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function libraryMs(pages: ReadonlyArray<{ html: string; url: string }>): number {
  const start = process.hrtime.bigint();
  for (const page of pages) extractArticle(page.html, { url: page.url });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  const htmlDir = join(dataDir, 'html');
  if (!existsSync(htmlDir)) {
    console.log(
      `bench:cli: ${htmlDir} is absent; nothing to measure (set BENCH_DATA to the Zyte benchmark folder).`,
    );
    return;
  }
  const names = readdirSync(htmlDir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort();
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-bench-cli-'));
  try {
    const pages = names.map((name) => {
      const path = join(tmp, name.slice(0, -'.gz'.length));
      const bytes = gunzipSync(readFileSync(join(htmlDir, name)));
      writeFileSync(path, bytes);
      return {
        path,
        html: new TextDecoder().decode(bytes),
        url: pathToFileURL(path).href,
        bytes: bytes.length,
      };
    });
    const files = pages.map((p) => p.path);
    const tiny = join(tmp, 'tiny.html');
    writeFileSync(
      tiny,
      '<html><head><title>Tiny</title></head><body><p>One short paragraph.</p></body></html>',
    );
    const megabytes = pages.reduce((sum, p) => sum + p.bytes, 0) / 1048576;
    console.log(
      `${pages.length} pages, ${megabytes.toFixed(1)} MB of HTML; median of ${rounds} rounds; CLI ${relative(root, cli)}\n`,
    );

    // Warm-up: the library's JIT, the CLI's tsx transpile cache and the file cache.
    libraryMs(pages);
    await runCli([tiny]);
    const check = await runCli(files);
    if (check.code !== 0 || check.lines !== pages.length) {
      throw new Error(
        `the CLI exited ${check.code} with ${check.lines} lines for ${pages.length} pages:\n${check.stderr}`,
      );
    }

    // "Many files": every page REPEAT times under its own name (hard links), so that the CLI's one-off
    // costs inside the run (the JIT warming up on the first pages, lazy module loads) are spread as
    // they are over a real batch, next to the 181 once.
    const many: string[] = [];
    for (let copy = 0; copy < repeat; copy++) {
      for (const file of files) {
        const link = file.replace(/\.html$/, `.${copy}.html`);
        linkSync(file, link);
        many.push(link);
      }
    }

    // Interleaved, so that a busy moment of the machine falls on one round of each, and the startup
    // subtracted is the one measured next to the same round's full runs.
    const lib: number[] = [];
    const startup: number[] = [];
    const once: number[] = [];
    const onceNet: number[] = [];
    const batch: number[] = [];
    const batchNet: number[] = [];
    for (let round = 0; round < rounds; round++) {
      lib.push(libraryMs(pages));
      const s = (await runCli([tiny])).ms;
      const a = (await runCli(files)).ms;
      const b = repeat > 1 ? (await runCli(many)).ms : a;
      startup.push(s);
      once.push(a);
      onceNet.push(Math.max(1, a - s));
      batch.push(b);
      batchNet.push(Math.max(1, b - s));
    }
    const n = pages.length;
    const libMs = median(lib);
    const row = (label: string, ms: number, count: number, ratio?: number) =>
      console.log(
        `${label.padEnd(48)}${ms.toFixed(0).padStart(7)} ms ${count > 0 ? `${((count / ms) * 1000).toFixed(0).padStart(6)} pages/s` : ''}${ratio === undefined ? '' : `  ${ratio.toFixed(2)}× the library`}`,
      );
    row('library extractArticle (in process, warm)', libMs, n);
    row('CLI startup (one tiny file)', median(startup), 0);
    row(`CLI, ${n} files: wall`, median(once), n);
    row('         wall minus startup', median(onceNet), n, median(onceNet) / libMs);
    const ratio = median(batchNet) / (libMs * repeat);
    if (repeat > 1) {
      row(`CLI, ${n * repeat} files (each page ${repeat}×): wall`, median(batch), n * repeat);
      row('         wall minus startup', median(batchNet), n * repeat, ratio);
    }
    console.log(
      `\ngoal: the CLI per page within ${GOAL}× of the library on many files: ${ratio <= GOAL ? 'met' : 'not met'} (${ratio.toFixed(2)}×); ` +
        `${((median(batchNet) - libMs * repeat) / (n * repeat)).toFixed(2)} ms per page beyond extraction, ${(median(startup) / 1000).toFixed(2)} s to start`,
    );
    const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
    console.log(
      `rounds (ms): library ${list(lib)}; startup ${list(startup)}; ${n} files ${list(once)}${repeat > 1 ? `; ${n * repeat} files ${list(batch)}` : ''}`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
