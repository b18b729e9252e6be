/**
 * pnpm bench:realcoverage — Parallax on real multi-outlet coverage nobody on the team wrote
 * (../shared/realcoverage: stored page excerpts with hand labels). For each event it writes the pages
 * as .txt files with a manifest (the set's own `score.mjs make`), runs the CLI exactly as a user does
 * (`parallax compare --manifest … --format json`, `parallax statements --format json`), scores both
 * with the set's `score.mjs`, and prints one table for the events tuned on and one for the events held
 * out, each with its pooled figures.
 *
 *   pnpm bench:realcoverage                 # every event of the set, by split
 *   pnpm bench:realcoverage -- --keep DIR   # keep each event's documents and outputs in DIR/<event>
 *
 * The set lives outside the repository (third-party texts); PARALLAX_REALCOVERAGE points elsewhere.
 * When it is absent the bench says so and measures nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REALCOVERAGE_SPLITS, type RealcoverageSplit } from './realcoverage-splits';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The realcoverage set (PARALLAX_REALCOVERAGE, default ../shared/realcoverage); also read by sweep-shared.ts. */
export const setDir = resolve(process.env.PARALLAX_REALCOVERAGE ?? join(root, '../shared/realcoverage'));
let outRoot = '';
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'apps/cli/src/main.ts');

interface CompareLine {
  event: string;
  documents: number;
  statements: number;
  variantsFound: number;
  pairRecall: number;
  differingPairsTyped: number;
  factGroupsFound: string;
  mergedStatements: number;
  impureMergeRate: number;
  misattributed: string;
}

interface StatementsLine {
  event: string;
  docs: number;
  tp: number;
  fp: number;
  fn: number;
  f1: number;
  recallByKind: Record<string, number>;
  speaker: number;
  speakerN: number;
}

interface EventResult {
  event: string;
  split: RealcoverageSplit;
  compare: CompareLine | null;
  statements: StatementsLine | null;
  errors: string[];
}

function run(cmd: string, args: string[], cwd = root): string {
  return execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The last line of a failed child's stderr: what the CLI said when it gave up. */
function failure(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr ?? String(error);
  return (
    stderr
      .split('\n')
      .filter((l) => l.trim())
      .pop() ?? 'failed'
  );
}

/**
 * An event's pages as .txt documents under OUT/docs with OUT/manifest.json (outlet, URL, date,
 * language, title), written by the set's own `score.mjs make`.
 */
export function writeEvent(event: string, out: string): { docs: string[]; manifest: string } {
  mkdirSync(out, { recursive: true });
  run('node', [join(setDir, 'score.mjs'), 'make', join(setDir, event), out]);
  const docs = readdirSync(join(out, 'docs'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(out, 'docs', f));
  return { docs, manifest: join(out, 'manifest.json') };
}

/** The set's events: its folders that carry a discrepancies.json. */
export function realcoverageEvents(): string[] {
  return readdirSync(setDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(setDir, d.name, 'discrepancies.json')))
    .map((d) => d.name)
    .sort();
}

function scoreEvent(event: string, split: RealcoverageSplit): EventResult {
  const eventDir = join(setDir, event);
  const out = join(outRoot, event);
  mkdirSync(out, { recursive: true });
  const score = join(setDir, 'score.mjs');
  const { docs } = writeEvent(event, out);
  const result: EventResult = { event, split, compare: null, statements: null, errors: [] };
  try {
    const report = run(tsx, [
      cli,
      'compare',
      '--manifest',
      join(out, 'manifest.json'),
      '--format',
      'json',
      '--quiet',
    ]);
    writeFileSync(join(out, 'report.json'), report);
    result.compare = JSON.parse(
      run('node', [score, 'compare', eventDir, join(out, 'report.json')]),
    ) as CompareLine;
  } catch (error) {
    result.errors.push(`compare: ${failure(error)}`);
  }
  try {
    const lines = run(tsx, [cli, 'statements', '--format', 'json', '--quiet', '--', ...docs]);
    writeFileSync(join(out, 'statements.jsonl'), lines);
  } catch (error) {
    // A file the command could not read is named on stderr; the others are still printed.
    const partial = (error as { stdout?: string }).stdout ?? '';
    writeFileSync(join(out, 'statements.jsonl'), partial);
    result.errors.push(`statements: ${failure(error)}`);
  }
  try {
    result.statements = JSON.parse(
      run('node', [score, 'statements', eventDir, join(out, 'statements.jsonl')]),
    ) as StatementsLine;
  } catch (error) {
    result.errors.push(`statements scoring: ${failure(error)}`);
  }
  return result;
}

const ratio = (s: string): [number, number] => {
  const m = /^(\d+)\/(\d+)$/.exec(s);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
};
const misattribution = (s: string): { right: number; wrong: number; unknown: number } => {
  const m = /(\d+) right\/(\d+) wrong\/(\d+) unknown/.exec(s);
  return { right: Number(m?.[1] ?? 0), wrong: Number(m?.[2] ?? 0), unknown: Number(m?.[3] ?? 0) };
};
const fixed = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

function row(r: EventResult): string[] {
  const c = r.compare;
  const s = r.statements;
  const mis = c ? misattribution(c.misattributed) : null;
  return [
    r.event,
    c ? fixed(c.pairRecall) : '—',
    c ? fixed(c.differingPairsTyped) : '—',
    c ? fixed(c.impureMergeRate) : '—',
    mis ? `${mis.right}/${mis.right + mis.wrong}` : '—',
    c ? c.factGroupsFound : '—',
    s ? fixed(s.f1) : '—',
    s ? fixed(s.recallByKind.indirect ?? Number.NaN) : '—',
    s ? fixed(s.speaker) : '—',
  ];
}

/** Pooled over a split: pair-weighted where the scorer gives counts, else the mean of the events. */
function pooled(results: EventResult[]): string[] {
  const cs = results.flatMap((r) => (r.compare ? [r.compare] : []));
  const ss = results.flatMap((r) => (r.statements ? [r.statements] : []));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
  const facts = cs.map((c) => ratio(c.factGroupsFound)).reduce((a, b) => [a[0] + b[0], a[1] + b[1]], [0, 0]);
  const mis = cs.map((c) => misattribution(c.misattributed));
  const right = mis.reduce((a, m) => a + m.right, 0);
  const wrong = mis.reduce((a, m) => a + m.wrong, 0);
  const tp = ss.reduce((a, s) => a + s.tp, 0);
  const fp = ss.reduce((a, s) => a + s.fp, 0);
  const fn = ss.reduce((a, s) => a + s.fn, 0);
  const f1 = (2 * tp) / (2 * tp + fp + fn || 1);
  const speakerOk = ss.reduce((a, s) => a + s.speaker * s.speakerN, 0);
  const speakerN = ss.reduce((a, s) => a + s.speakerN, 0);
  return [
    'pooled (mean of events; F1 and speaker over all quotes)',
    fixed(mean(cs.map((c) => c.pairRecall))),
    fixed(mean(cs.map((c) => c.differingPairsTyped))),
    fixed(mean(cs.map((c) => c.impureMergeRate))),
    `${right}/${right + wrong}`,
    `${facts[0]}/${facts[1]}`,
    fixed(f1),
    fixed(mean(ss.map((s) => s.recallByKind.indirect ?? Number.NaN))),
    fixed(speakerOk / (speakerN || 1)),
  ];
}

function table(rows: string[][]): string {
  const head = [
    'event',
    'pair recall',
    'differing typed',
    'impure merges',
    'misattr. right',
    'fact groups',
    'quote F1',
    'indirect R',
    'speaker',
  ];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

function main(): void {
  const keepAt = process.argv.indexOf('--keep');
  outRoot =
    keepAt > 0 ? resolve(process.argv[keepAt + 1] ?? '') : mkdtempSync(join(tmpdir(), 'realcoverage-'));
  if (!existsSync(join(setDir, 'score.mjs'))) {
    console.log(
      `realcoverage: no data at ${setDir} (set PARALLAX_REALCOVERAGE to the folder): nothing measured`,
    );
    return;
  }
  const present = new Set(realcoverageEvents());
  const unassigned = [...present].filter((e) => !(e in REALCOVERAGE_SPLITS));
  console.log(`realcoverage: ${setDir} (${present.size} events); outputs in ${outRoot}`);
  const results: EventResult[] = [];
  for (const [event, split] of Object.entries(REALCOVERAGE_SPLITS)) {
    if (!present.has(event)) {
      console.log(`  ${event}: not in the set here, skipped`);
      continue;
    }
    const started = performance.now();
    const r = scoreEvent(event, split);
    results.push(r);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `  ${event} (${split}) scored in ${secs} s${r.errors.length ? `: ${r.errors.join('; ')}` : ''}`,
    );
  }
  for (const e of unassigned)
    console.log(`  ${e}: in the set but in no split (add it to realcoverage-splits.ts)`);
  for (const split of ['tuned', 'held-out'] as const) {
    const rs = results.filter((r) => r.split === split);
    if (!rs.length) continue;
    console.log(`\n${split === 'tuned' ? 'Tuned on' : 'Held out (never tuned on)'}:`);
    console.log(table([...rs.map(row), pooled(rs)]));
  }
  console.log(
    '\npair recall: variant pairs of one utterance from two pages in one AlignedStatement; differing typed: aligned' +
      ' pairs whose words differ carrying a non-verbatim divergence; impure merges: multi-page statements mixing' +
      ' two gold speakers; misattr. right: misattributed findings whose gold speakers differ (of those checkable);' +
      ' fact groups: number/date/place groups found as one FactConflict; quote F1, indirect recall and speaker' +
      ' accuracy: parallax statements against every labelled quote (score.mjs).',
  );
  if (results.some((r) => r.errors.length)) process.exitCode = 1;
}

// Run as the bench; imported (sweep-shared.ts), only the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
