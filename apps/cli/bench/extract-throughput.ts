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
 * process, warm, single-threaded, on the same decoded strings with the same options the CLI passes
 * (the file's URL). The CLI is spawned as `node --import tsx apps/cli/src/main.ts extract --format
 * json --jobs N <all files>`, its stdout read through a pipe as a shell would. Its startup (Node, tsx,
 * loading the packages) is timed apart, as the same command on one tiny file, and subtracted: the
 * per-page figure is what each further file costs. The CLI runs on the 181 files once and on a batch
 * of every page several times (each copy a hard link of its own name), where its JIT's warm-up on the
 * first pages weighs as it does in a real batch; the goal is about the batch. The batch runs at
 * --jobs 1 and at the default --jobs for its size (threads: its threads' start is not subtracted).
 *
 * Two times for each: wall (spawn to exit) and CPU (user + system of the whole process, every thread,
 * as the CLI reports it on exit through a preloaded module). Two ratios to the library: the wall time
 * at the default --jobs (what a user waits for) and the CPU time at --jobs 1 (what each page costs the
 * machine); the goal line says which meets it. Median of BENCH_ROUNDS rounds (default 5) after one
 * warm-up of each.
 */
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from '@parallax/extract';
import { defaultJobs } from '../src/extract';

const GOAL = 1.3;
const root = resolve(import.meta.dirname, '../../..');
const dataDir = resolve(process.env.BENCH_DATA ?? resolve(root, '../shared/bench/article-extraction'));
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5) || 5);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 5) || 5);
const cli = resolve(root, process.env.BENCH_CLI ?? 'apps/cli/src/main.ts');

interface Run {
  ms: number;
  /** User + system CPU of the CLI's process, all its threads. */
  cpuMs: number;
  stdoutBytes: number;
  lines: number;
  code: number | null;
  stderr: string;
}

/** Preloaded into the CLI: its process's CPU time (every thread) written to fd 3 as it exits. */
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeSync(3, String((u.user + u.system) / 1000)); });",
)}`;

/** The CLI in a child process, timed from spawn to exit; stdout consumed (and counted) as a pipe would be. */
function runCli(files: string[], jobs = 1): Promise<Run> {
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const args = ['--import', 'tsx', '--import', REPORT_CPU, cli, 'extract', '--format', 'json'];
    const child = spawn(process.execPath, [...args, '--jobs', String(jobs), ...files], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, PARALLAX_LOG_LEVEL: 'warn' },
    });
    let cpu = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      cpu += chunk.toString();
    });
    let stdoutBytes = 0;
    let lines = 0;
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      done({ ms, cpuMs: Number(cpu), stdoutBytes, lines, code, stderr });
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

/** The library over the pages in this thread: wall and CPU (ms). */
function library(pages: ReadonlyArray<{ html: string; url: string }>): { ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const page of pages) extractArticle(page.html, { url: page.url });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
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

    const jobs = defaultJobs(pages.length * repeat);
    // Warm-up: the library's JIT, the CLI's tsx transpile cache and the file cache.
    library(pages);
    await runCli([tiny]);
    const check = await runCli(files);
    if (check.code !== 0 || check.lines !== pages.length || !Number.isFinite(check.cpuMs)) {
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
    if (jobs > 1) await runCli(many, jobs);

    // Interleaved, so that a busy moment of the machine falls on one round of each, and the startup
    // subtracted is the one measured next to the same round's full runs.
    type Sample = { ms: number; cpuMs: number };
    const lib: Sample[] = [];
    const startup: Sample[] = [];
    const once: Sample[] = [];
    const batch: Sample[] = [];
    const pooled: Sample[] = [];
    for (let round = 0; round < rounds; round++) {
      lib.push(library(pages));
      startup.push(await runCli([tiny]));
      once.push(await runCli(files));
      if (repeat > 1) batch.push(await runCli(many));
      if (repeat > 1 && jobs > 1) pooled.push(await runCli(many, jobs));
    }
    const n = pages.length;
    const med = (xs: Sample[], key: keyof Sample) => median(xs.map((x) => x[key]));
    const libMs = med(lib, 'ms');
    const libCpu = med(lib, 'cpuMs');
    const startMs = med(startup, 'ms');
    const startCpu = med(startup, 'cpuMs');
    const net = (xs: Sample[], key: keyof Sample, minus: number) =>
      median(xs.map((x) => Math.max(1, x[key] - minus)));
    const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
    const row = (label: string, xs: Sample[], count: number) => {
      const scale = count / n;
      const wallNet = net(xs, 'ms', startMs);
      const cpuNet = net(xs, 'cpuMs', startCpu);
      console.log(
        `${label.padEnd(36)}wall ${fmt(med(xs, 'ms'))}, ${fmt(wallNet)} net ${((count / wallNet) * 1000).toFixed(0).padStart(5)} pages/s ${(wallNet / (libMs * scale)).toFixed(2)}×` +
          ` | CPU ${fmt(med(xs, 'cpuMs'))}, ${fmt(cpuNet)} net ${(cpuNet / (libCpu * scale)).toFixed(2)}×`,
      );
      return { wall: wallNet / (libMs * scale), cpu: cpuNet / (libCpu * scale) };
    };
    console.log(
      `library extractArticle (in process, warm, 1 thread): wall ${fmt(libMs)} ${((n / libMs) * 1000).toFixed(0)} pages/s | CPU ${fmt(libCpu)}`,
    );
    console.log(
      `CLI startup (one tiny file):                         wall ${fmt(startMs)} | CPU ${fmt(startCpu)}`,
    );
    console.log("CLI, net = minus the startup; × = the library's time on the same pages:");
    row(`${n} files, --jobs 1`, once, n);
    const serial =
      repeat > 1 ? row(`${n * repeat} files (each page ${repeat}×), --jobs 1`, batch, n * repeat) : undefined;
    const parallel =
      repeat > 1 && jobs > 1
        ? row(`${n * repeat} files, --jobs ${jobs} (the default)`, pooled, n * repeat)
        : serial;
    if (serial && parallel) {
      const verdict = (ratio: number) =>
        `${ratio.toFixed(2)}× (${ratio <= GOAL ? 'meets' : 'misses'} ≤${GOAL}×)`;
      console.log(
        `\ngoal, the CLI within ${GOAL}× of the library on many files (${n * repeat}, ${availableParallelism()} cores):\n` +
          `  wall at the default --jobs ${jobs}: ${verdict(parallel.wall)}\n` +
          `  CPU at --jobs 1:            ${verdict(serial.cpu)}\n` +
          `  (wall at --jobs 1: ${serial.wall.toFixed(2)}×; CPU at --jobs ${jobs}: ${parallel.cpu.toFixed(2)}×)`,
      );
    }
    const list = (xs: Sample[]) => xs.map((x) => `${x.ms.toFixed(0)}/${x.cpuMs.toFixed(0)}`).join(' ');
    console.log(
      `rounds (wall/CPU ms): library ${list(lib)}; startup ${list(startup)}; ${n} files ${list(once)}` +
        (repeat > 1 ? `; ${n * repeat} files ${list(batch)}` : '') +
        (pooled.length > 0 ? `; --jobs ${jobs} ${list(pooled)}` : ''),
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
