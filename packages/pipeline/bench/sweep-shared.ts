/**
 * pnpm sweep:shared — `extract`, `statements` and `compare` over every page of ../shared (the
 * realcoverage events, PolNeAR train and dev, the Zyte article-extraction pages, Readability.js's test
 * pages and the ECB+ documents), through the CLI exactly as a user runs it, counting internal errors:
 * an exit status other than 0 and 2, `PARALLAX_INTERNAL` on stderr (a file the command named as failed,
 * or the command itself), a run that hangs, output that is not JSON, a statement or fact whose
 * offsets do not slice its own words out of the text, and attribution rules that threw (caught by
 * extractStatements, which keeps the quotation-mark pass, and told on stderr as a warning). Input errors (exit 2, an unreadable file) are
 * listed too but are not internal. Files go to the CLI in few invocations (extract and statements:
 * one per corpus part; compare: one per realcoverage event with its manifest, and batches of whole
 * ECB+ topics or of BATCH files for the others), two at a time.
 *
 *   pnpm sweep:shared                 # every corpus; exit 1 on any internal error
 *   pnpm sweep:shared -- --keep DIR   # keep the temporary documents and each invocation's stderr
 *
 * The data live outside the repository (third-party texts); PARALLAX_SHARED points elsewhere. When
 * they are absent the sweep says so and exits 0.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = resolve(process.env.PARALLAX_SHARED ?? join(root, '../shared'));
const cli = join(root, 'apps/cli/src/main.ts');
/** Files per compare invocation (ECB+ keeps whole topics together up to this size). */
const BATCH = 24;
const PARALLEL = 2;
const TIMEOUT_MS = 15 * 60_000;

type Command = 'extract' | 'statements' | 'compare';
const COMMANDS: Command[] = ['extract', 'statements', 'compare'];

/** One document: the path given to the CLI and the name to list it under. */
interface Doc {
  path: string;
  name: string;
}

interface Corpus {
  name: string;
  docs: Doc[];
  /** Compare invocations: each a manifest (written by the sweep, or the corpus's own) and its documents. */
  compares: Array<{ label: string; manifest: string; docs: Doc[] }>;
}

interface Failure {
  file: string;
  error: string;
  internal: boolean;
}

interface Tally {
  files: number;
  invocations: number;
  internal: number;
  input: number;
  seconds: number;
  failures: Failure[];
}

interface Outcome {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  seconds: number;
}

function runCli(args: string[]): Promise<Outcome> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn('node', ['--import', 'tsx', cli, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', PARALLAX_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        seconds: (performance.now() - started) / 1000,
      });
    });
  });
}

/** Runs the tasks PARALLEL at a time, in order of submission. */
async function pool<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, tasks.length) }, worker));
  return results;
}

const ERROR_LINE = /^parallax: (PARALLAX_[A-Z_]+): (.*)$/;
const RULES_FAILED = /^parallax: warning: (.*?): (attribution rules failed on this text .*)$/;
/** The closing line of a command that left files out: the files themselves are named above it. */
const SUMMARY = /files could not be processed \(named above\)|could be processed \(named above\)/;

/** A statement's or fact's spans that do not slice their own words out of the text. */
function badSpans(text: string, statements: unknown[], facts: unknown[]): string[] {
  const bad: string[] = [];
  const check = (what: string, s: { start?: number; end?: number; text?: string } | undefined) => {
    if (!s) return;
    const { start, end } = s;
    if (
      typeof start !== 'number' ||
      typeof end !== 'number' ||
      start < 0 ||
      end > text.length ||
      start > end ||
      (typeof s.text === 'string' && text.slice(start, end) !== s.text)
    )
      bad.push(`${what} [${start}, ${end}) ${JSON.stringify(s.text).slice(0, 60)}`);
  };
  for (const raw of statements) {
    const s = raw as {
      start: number;
      end: number;
      text: string;
      quoted?: Array<{ start: number; end: number; text: string }>;
      source?: { start: number; end: number; text: string };
      cueSpan?: { start: number; end: number; text: string };
    };
    check('statement', s);
    for (const q of s.quoted ?? []) check('quoted', q);
    check('source', s.source);
    check('cue', s.cueSpan);
  }
  for (const f of facts) check('fact', f as { start: number; end: number; text: string });
  return bad;
}

/**
 * What one invocation says went wrong: the files it named on stderr, an exit status other than 0 and
 * 2, an internal error it named no file for, and (extract, statements) JSON lines that do not parse or
 * whose spans are off.
 */
function failuresOf(command: Command, docs: Doc[], outcome: Outcome, label: string): Failure[] {
  const failures: Failure[] = [];
  const byPath = new Map(docs.map((d) => [d.path, d]));
  const named = (message: string): Doc | undefined => {
    for (const d of docs) if (message.startsWith(`${d.path}:`) || message.includes(`${d.path}:`)) return d;
    return undefined;
  };
  for (const line of outcome.stderr.split('\n')) {
    // A rule that threw is caught (the document keeps its quotations) and told as a warning: a bug.
    const caught = RULES_FAILED.exec(line);
    if (caught) {
      const doc = named(`${caught[1] ?? ''}:`);
      failures.push({ file: doc?.name ?? label, error: caught[2] ?? line, internal: true });
      continue;
    }
    const m = ERROR_LINE.exec(line);
    if (!m) continue;
    const [, code, message = ''] = m;
    if (SUMMARY.test(message)) continue;
    const doc = named(message);
    const internal = code === 'PARALLAX_INTERNAL';
    failures.push({
      file: doc?.name ?? label,
      error: `${code}: ${doc ? message.slice(message.indexOf(`${doc.path}:`) + doc.path.length + 1).trim() : message}`,
      internal,
    });
  }
  const clean = outcome.code === 0 || outcome.code === 2;
  if (outcome.timedOut)
    failures.push({ file: label, error: `no result after ${TIMEOUT_MS / 1000} s (killed)`, internal: true });
  else if (!clean && !failures.some((f) => f.internal))
    failures.push({
      file: label,
      error: `exit ${outcome.code ?? outcome.signal}: ${outcome.stderr.trim().split('\n').pop() ?? ''}`,
      internal: true,
    });
  if (command === 'compare') {
    if (outcome.code === 0 || (outcome.code === 2 && outcome.stdout.trim())) {
      try {
        JSON.parse(outcome.stdout);
      } catch (error) {
        failures.push({
          file: label,
          error: `report is not JSON: ${(error as Error).message}`,
          internal: true,
        });
      }
    }
    return failures;
  }
  // One file is one pretty-printed object; several are JSON Lines.
  const chunks = docs.length === 1 ? [outcome.stdout] : outcome.stdout.split('\n');
  const printed = new Set<string>();
  for (const chunk of chunks) {
    if (!chunk.trim()) continue;
    let object: { file?: string; text?: string; statements?: unknown[]; facts?: unknown[] };
    try {
      object = JSON.parse(chunk);
    } catch (error) {
      failures.push({
        file: label,
        error: `output is not JSON: ${(error as Error).message}`,
        internal: true,
      });
      continue;
    }
    printed.add(object.file ?? '');
    if (command !== 'statements' || typeof object.text !== 'string') continue;
    const bad = badSpans(object.text, object.statements ?? [], object.facts ?? []);
    if (bad.length)
      failures.push({
        file: byPath.get(object.file ?? '')?.name ?? object.file ?? label,
        error: `${bad.length} span(s) off the text: ${bad.slice(0, 3).join('; ')}`,
        internal: true,
      });
  }
  // Every file is printed or named on stderr (left out with a warning, or failed): none vanishes.
  if (!outcome.timedOut && (outcome.code === 0 || outcome.code === 2))
    for (const d of docs)
      if (!printed.has(d.path) && !outcome.stderr.includes(`${d.path}:`))
        failures.push({ file: d.name, error: 'neither printed nor named on stderr', internal: true });
  return failures;
}

function manifestFor(dir: string, label: string, docs: Doc[]): string {
  const path = join(dir, `${label.replace(/[^\w.-]+/g, '_')}.manifest.json`);
  writeFileSync(
    path,
    JSON.stringify(
      docs.map((d) => ({ file: d.path, source: d.name, url: pathToFileURL(d.path).href, kind: 'outlet' })),
      null,
      1,
    ),
  );
  return path;
}

function batches<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function batchedCompares(work: string, corpus: string, docs: Doc[]) {
  return batches(docs).map((b, i) => {
    const label = `${corpus} batch ${i + 1}`;
    return { label, manifest: manifestFor(work, `${corpus}-${i + 1}`, b), docs: b };
  });
}

const files = (dir: string, suffix: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .sort()
        .map((f) => join(dir, f))
    : [];

async function corpora(work: string): Promise<Corpus[]> {
  const list: Corpus[] = [];
  const rc = join(shared, 'realcoverage');
  if (existsSync(join(rc, 'score.mjs'))) {
    process.env.PARALLAX_REALCOVERAGE ??= rc;
    const { realcoverageEvents, writeEvent } = await import('./realcoverage');
    const docs: Doc[] = [];
    const compares: Corpus['compares'] = [];
    for (const event of realcoverageEvents()) {
      const written = writeEvent(event, join(work, 'realcoverage', event));
      const eventDocs = written.docs.map((path) => ({
        path,
        name: `${event}/${basename(path, '.txt')}.json`,
      }));
      docs.push(...eventDocs);
      compares.push({ label: event, manifest: written.manifest, docs: eventDocs });
    }
    list.push({ name: 'realcoverage', docs, compares });
  }
  for (const split of ['train', 'dev']) {
    const docs = files(join(shared, 'polnear', split, 'text'), '.txt').map((path) => ({
      path,
      name: `polnear/${split}/${basename(path)}`,
    }));
    if (docs.length)
      list.push({
        name: `polnear ${split}`,
        docs,
        compares: batchedCompares(work, `polnear-${split}`, docs),
      });
  }
  const zyteDir = join(shared, 'bench', 'article-extraction', 'html');
  const gz = files(zyteDir, '.html.gz');
  if (gz.length) {
    const out = join(work, 'zyte');
    mkdirSync(out, { recursive: true });
    const docs = gz.map((src) => {
      const path = join(out, basename(src, '.gz'));
      writeFileSync(path, gunzipSync(readFileSync(src)));
      return { path, name: basename(src).slice(0, 16) };
    });
    list.push({ name: 'zyte pages', docs, compares: batchedCompares(work, 'zyte', docs) });
  }
  const rp = join(shared, 'bench', 'readability-pages');
  if (existsSync(rp)) {
    const docs = readdirSync(rp)
      .sort()
      .filter((d) => existsSync(join(rp, d, 'source.html')))
      .map((d) => ({ path: join(rp, d, 'source.html'), name: `${d}/source.html` }));
    if (docs.length)
      list.push({ name: 'readability', docs, compares: batchedCompares(work, 'readability', docs) });
  }
  const ecb = join(shared, 'bench', 'event-clustering', 'ecbplus-docs.jsonl');
  if (existsSync(ecb)) {
    const out = join(work, 'ecbplus');
    mkdirSync(out, { recursive: true });
    const topics = new Map<string, Doc[]>();
    for (const line of readFileSync(ecb, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { doc_name: string; topic: number | string; text: string };
      const path = join(out, `${d.doc_name.replace(/\.xml$/, '').replace(/[^\w.-]+/g, '_')}.txt`);
      writeFileSync(path, d.text);
      const list = topics.get(String(d.topic)) ?? [];
      list.push({ path, name: basename(path) });
      topics.set(String(d.topic), list);
    }
    const compares: Corpus['compares'] = [];
    let batch: Doc[] = [];
    let names: string[] = [];
    const flush = () => {
      if (!batch.length) return;
      const label = `ecb+ topics ${names.join(',')}`;
      compares.push({ label, manifest: manifestFor(work, `ecbplus-${names[0]}`, batch), docs: batch });
      batch = [];
      names = [];
    };
    for (const [topic, docs] of topics) {
      if (batch.length && batch.length + docs.length > BATCH) flush();
      batch.push(...docs);
      names.push(topic);
    }
    flush();
    list.push({ name: 'ecb+', docs: [...topics.values()].flat(), compares });
  }
  return list;
}

interface Job {
  corpus: string;
  command: Command;
  label: string;
  docs: Doc[];
  args: string[];
}

/** extract and statements: a corpus in PARALLEL parts (so both cores work), every file named. */
function perFileJobs(c: Corpus, command: 'extract' | 'statements'): Job[] {
  const size = Math.ceil(c.docs.length / PARALLEL) || 1;
  return batches(c.docs, size).map((docs, i) => ({
    corpus: c.name,
    command,
    label: `${c.name} ${command} part ${i + 1}`,
    docs,
    args: [command, '--format', 'json', '--', ...docs.map((d) => d.path)],
  }));
}

function compareJobs(c: Corpus): Job[] {
  return c.compares.map((b) => ({
    corpus: c.name,
    command: 'compare',
    label: b.label,
    docs: b.docs,
    args: ['compare', '--manifest', b.manifest, '--format', 'json'],
  }));
}

function pad(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(shared)) {
    console.log(
      `sweep:shared: no shared data at ${shared} (set PARALLAX_SHARED to the folder): nothing swept`,
    );
    return;
  }
  const keepAt = process.argv.indexOf('--keep');
  const keep = keepAt > 0 ? resolve(process.argv[keepAt + 1] ?? '') : undefined;
  if (keep) mkdirSync(keep, { recursive: true });
  const work = keep ?? mkdtempSync(join(tmpdir(), 'sweep-shared-'));
  const started = performance.now();
  const list = await corpora(work);
  if (!list.length) {
    console.log(`sweep:shared: none of the corpora is in ${shared}: nothing swept`);
    return;
  }
  console.log(
    `sweep:shared: ${shared}: ${list.map((c) => `${c.name} ${c.docs.length}`).join(', ')} documents; ` +
      `${PARALLEL} invocations at a time`,
  );
  const jobs = list.flatMap((c) => [
    ...perFileJobs(c, 'extract'),
    ...perFileJobs(c, 'statements'),
    ...compareJobs(c),
  ]);
  const tallies = new Map<string, Tally>();
  const tallyOf = (corpus: string, command: Command) => {
    const key = `${corpus}\u0000${command}`;
    let t = tallies.get(key);
    if (!t) {
      t = { files: 0, invocations: 0, internal: 0, input: 0, seconds: 0, failures: [] };
      tallies.set(key, t);
    }
    return t;
  };
  let done = 0;
  await pool(
    jobs.map((job) => async () => {
      const outcome = await runCli(job.args);
      const failures = failuresOf(job.command, job.docs, outcome, job.label);
      const t = tallyOf(job.corpus, job.command);
      t.files += job.docs.length;
      t.invocations += 1;
      t.seconds += outcome.seconds;
      t.failures.push(...failures);
      t.internal += failures.filter((f) => f.internal).length;
      t.input += failures.filter((f) => !f.internal).length;
      if (keep) writeFileSync(join(work, `${job.label.replace(/[^\w.-]+/g, '_')}.stderr`), outcome.stderr);
      done += 1;
      const bad = failures.filter((f) => f.internal).length;
      process.stderr.write(
        `  [${done}/${jobs.length}] ${job.label}: ${job.docs.length} files, exit ${outcome.code ?? outcome.signal}, ` +
          `${outcome.seconds.toFixed(1)} s${bad ? `, ${bad} internal error(s)` : ''}\n`,
      );
    }),
  );
  const rows = [['corpus', 'command', 'files', 'runs', 'internal errors', 'input errors', 'seconds']];
  for (const c of list)
    for (const command of COMMANDS) {
      const t = tallyOf(c.name, command);
      rows.push([
        c.name,
        command,
        String(t.files),
        String(t.invocations),
        String(t.internal),
        String(t.input),
        t.seconds.toFixed(0),
      ]);
    }
  const all = [...tallies.values()];
  const internal = all.reduce((a, t) => a + t.internal, 0);
  rows.push([
    'total',
    '',
    '',
    String(jobs.length),
    String(internal),
    String(all.reduce((a, t) => a + t.input, 0)),
    '',
  ]);
  console.log(`\n${pad(rows)}`);
  const listed = [...tallies.entries()].flatMap(([key, t]) =>
    t.failures.map((f) => [
      key.split('\u0000').join(' '),
      f.internal ? 'internal' : 'input',
      f.file,
      f.error,
    ]),
  );
  if (listed.length) {
    console.log('\nFailures:');
    for (const [where, kind, file, error] of listed) console.log(`  ${where}  ${kind}  ${file}: ${error}`);
  }
  console.log(
    `\n${internal ? `${internal} internal error(s)` : 'no internal error'} in ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s${keep ? `; documents and stderr kept in ${keep}` : ''}`,
  );
  if (!keep) rmSync(work, { recursive: true, force: true });
  if (internal) process.exitCode = 1;
}

await main();
