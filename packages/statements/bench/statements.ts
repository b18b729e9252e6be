/**
 * Statement extraction on the annotated dev set (test/statements-devset): quote-span P/R/F1 (overlap
 * ≥ 50% both ways) and speaker accuracy per split and language, then throughput on one core, each
 * next to a naive quotation-mark baseline run in the same process.
 *
 *   pnpm bench:statements            # scores + throughput
 *   pnpm bench:statements --errors   # also list every miss and false alarm of the dev split
 *   pnpm bench:statements --errors=test2   # the same for another split
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  addTallies,
  EMPTY_TALLY,
  extractStatements,
  type GoldDocument,
  matchSpans,
  type ScoredPrediction,
  scoreDocument,
  scoresOf,
  speakerMatches,
  splitParagraphs,
  type Tally,
} from '../src/index';
import { scorePolnear } from './polnear';

const DEVSET = resolve(dirname(fileURLToPath(import.meta.url)), '../../../test/statements-devset');
/** PolNeAR beside the repository (../shared/polnear), or where PARALLAX_POLNEAR points. */
const POLNEAR =
  process.env.PARALLAX_POLNEAR ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/polnear');
const errorsArg = process.argv.find((a) => a === '--errors' || a.startsWith('--errors='));
const errorsSplit = errorsArg?.includes('=') ? errorsArg.slice('--errors='.length) : 'dev';

interface Loaded {
  gold: GoldDocument;
  text: string;
  headlineEnd: number;
}

/** The headline rule of `parallax statements` on a .txt file: a first one-line block before the body. */
function headlineEndOf(text: string): number {
  const blocks = splitParagraphs(text);
  const first = blocks[0];
  if (first && blocks.length > 1 && !text.slice(first.start, first.end).includes('\n')) return first.end;
  return 0;
}

function load(): Loaded[] {
  const folder = join(DEVSET, 'gold');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(folder, f), 'utf8')) as GoldDocument;
      const text = readFileSync(join(DEVSET, gold.file), 'utf8');
      for (const s of gold.statements) {
        if (s.text !== undefined && text.slice(s.start, s.end) !== s.text)
          throw new Error(`${f}: gold offsets ${s.start}-${s.end} do not slice "${s.text}"`);
      }
      return { gold, text, headlineEnd: headlineEndOf(text) };
    });
}

type Extractor = (doc: Loaded) => ScoredPrediction[];

const parallax: Extractor = (doc) =>
  extractStatements(doc.text, { lang: doc.gold.lang, headlineEnd: doc.headlineEnd });

/**
 * The naive peer: every run of words between a pair of quotation marks (any of “…” "…" «…» „…“) after
 * the headline is a quote, and the nearest capitalised word pair before "said"/"сказал"/"гэж" in the
 * same paragraph is not even attempted: no speaker. It is what a regular expression alone gets.
 */
const NAIVE_QUOTE = /“([^”\n]+)”|"([^"\n]+)"|«([^»\n]+)»|„([^“”\n]+)[“”]/g;
const naive: Extractor = (doc) => {
  const out: ScoredPrediction[] = [];
  for (const m of doc.text.matchAll(NAIVE_QUOTE)) {
    if (m.index < doc.headlineEnd) continue;
    out.push({ start: m.index + 1, end: m.index + m[0].length - 1, speaker: null });
  }
  return out;
};

/**
 * Splits never tuned on and scored only once the rules were in place: test3, test6 and test7 were written
 * after rounds of fixes and no rule was changed for them. `unseen` pools them: the estimate for news
 * no one has seen. (dev, test2, test4 and test5 were tuned on; test is the first held-out split.)
 */
const UNSEEN_SPLITS = new Set(['test3', 'test6', 'test7']);

function tallies(docs: Loaded[], extract: Extractor): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const doc of docs) {
    const t = scoreDocument(doc.gold, extract(doc));
    const pooled = UNSEEN_SPLITS.has(doc.gold.split) ? [`unseen/${doc.gold.lang}`, 'unseen/all'] : [];
    for (const key of [`${doc.gold.split}/${doc.gold.lang}`, `${doc.gold.split}/all`, ...pooled]) {
      out.set(key, addTallies(out.get(key) ?? EMPTY_TALLY, t));
    }
  }
  return out;
}

const pct = (x: number) => x.toFixed(3);

function printScores(name: string, table: Map<string, Tally>): void {
  console.log(`\n${name}`);
  console.log('split/lang   gold  pred  match  P      R      F1     speaker-acc (n)');
  for (const split of ['dev', 'test', 'test2', 'test3', 'test4', 'test5', 'test6', 'test7', 'unseen']) {
    for (const lang of ['en', 'ru', 'mn', 'all']) {
      const t = table.get(`${split}/${lang}`);
      if (!t) continue;
      const s = scoresOf(t);
      console.log(
        `${`${split}/${lang}`.padEnd(12)} ${String(s.gold).padStart(4)}  ${String(s.predicted).padStart(4)}  ${String(s.matched).padStart(5)}  ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${pct(s.speakerAccuracy)} (${s.speakerGold})`,
      );
    }
  }
}

function throughput(docs: Loaded[], extract: Extractor): number {
  for (const doc of docs) extract(doc); // warm-up
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < 2_000) {
    for (const doc of docs) extract(doc);
    n += docs.length;
  }
  return n / ((performance.now() - started) / 1_000);
}

function printErrors(docs: Loaded[]): void {
  for (const doc of docs.filter((d) => d.gold.split === errorsSplit)) {
    const predicted = extractStatements(doc.text, { lang: doc.gold.lang, headlineEnd: doc.headlineEnd });
    const pairs = matchSpans(doc.gold.statements, predicted);
    const matchedGold = new Set(pairs.map(([g]) => g));
    const matchedPredicted = new Set(pairs.map(([, p]) => p));
    const lines: string[] = [];
    doc.gold.statements.forEach((g, i) => {
      if (!matchedGold.has(i))
        lines.push(`  MISS  [${g.speaker}] ${doc.text.slice(g.start, g.end).slice(0, 110)}`);
    });
    predicted.forEach((p, i) => {
      if (!matchedPredicted.has(i)) lines.push(`  FALSE [${p.resolvedSpeaker}] ${p.text.slice(0, 110)}`);
    });
    for (const [gi, pi] of pairs) {
      const g = doc.gold.statements[gi];
      const p = predicted[pi];
      if (g?.speaker && p && !speakerMatches(p.resolvedSpeaker ?? p.speaker, g.speaker))
        lines.push(
          `  SPEAKER gold=${g.speaker} got=${p.resolvedSpeaker} (${p.speaker}) :: ${p.text.slice(0, 60)}`,
        );
    }
    if (lines.length) console.log(`${doc.gold.id}\n${lines.join('\n')}`);
  }
}

const docs = load();
const statements = docs.reduce((n, d) => n + d.gold.statements.length, 0);
console.log(`Dev set: ${docs.length} documents, ${statements} annotated statements (${DEVSET})`);
if (errorsArg) printErrors(docs);
printScores('Parallax statements (packages/statements)', tallies(docs, parallax));
printScores('Naive peer: text between quotation marks, no speaker', tallies(docs, naive));

const bytes = docs.reduce((n, d) => n + d.text.length, 0);
const ours = throughput(docs, parallax);
const peer = throughput(docs, naive);
console.log(
  `\nThroughput on one core (mean document ${Math.round(bytes / docs.length)} chars, 2 s per extractor):`,
);
console.log(`  Parallax statements  ${ours.toFixed(0)} articles/s`);
console.log(`  Naive regex peer     ${peer.toFixed(0)} articles/s`);
// Long articles: six dev documents of one language joined, as long as a feature story.
const long: Loaded[] = [];
for (let i = 0; i + 6 <= docs.length; i += 6) {
  const group = docs.slice(i, i + 6).filter((d) => d.gold.lang === docs[i]?.gold.lang);
  const text = group.map((d) => d.text).join('\n\n');
  long.push({
    gold: { ...(group[0] as Loaded).gold, statements: [] },
    text,
    headlineEnd: headlineEndOf(text),
  });
}
const longChars = Math.round(long.reduce((n, d) => n + d.text.length, 0) / long.length);
console.log(
  `  Parallax statements  ${throughput(long, parallax).toFixed(0)} long articles/s (mean ${longChars} chars)`,
);
printPolnear();
console.log(
  '\nPublished peers (their own English news test sets, not this dev set): SFU Gender Gap Tracker quote F1 0.837, speaker accuracy 0.865; BBC Citron overlap F1 0.832.',
);

/**
 * PolNeAR dev and train, as `parallax statements` prints them (attribution units), scored by the rules
 * of ../shared/polnear/score.mjs; for dev the official scorer itself is run as a child process too.
 */
function printPolnear(): void {
  console.log('\nPolNeAR (real US political news, PARC-style attributions; units: attribution)');
  if (!existsSync(POLNEAR)) {
    console.log(`  absent: no ${POLNEAR} (set PARALLAX_POLNEAR to its folder); PolNeAR figures not measured`);
    return;
  }
  console.log('split   docs  quote P  quote R  quote F1  speech F1  speaker-acc (n)');
  for (const split of ['dev', 'train']) {
    const dir = join(POLNEAR, split);
    if (!existsSync(join(dir, 'text'))) {
      console.log(`${split.padEnd(6)}  absent (${dir})`);
      continue;
    }
    const predictions = readdirSync(join(dir, 'text'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => {
        const text = readFileSync(join(dir, 'text', f), 'utf8');
        const statements = extractStatements(text, {
          lang: 'en',
          headlineEnd: headlineEndOf(text),
          units: 'attribution',
        });
        return { name: f.replace(/\.txt$/, ''), file: f, statements };
      });
    const s = scorePolnear(dir, predictions);
    const n = (x: number) => x.toFixed(3);
    console.log(
      `${split.padEnd(6)}  ${String(s.docs).padStart(4)}  ${n(s.quote.precision)}    ${n(s.quote.recall)}    ${n(s.quote.f1)}     ${n(s.speech.f1)}      ${n(s.speaker.accuracy)} (${s.speaker.n})`,
    );
    const scorer = join(POLNEAR, 'score.mjs');
    if (split === 'dev' && existsSync(scorer)) {
      const tmp = mkdtempSync(join(tmpdir(), 'polnear-'));
      const jsonl = join(tmp, 'pred.jsonl');
      writeFileSync(
        jsonl,
        predictions.map((p) => JSON.stringify({ file: p.file, statements: p.statements })).join('\n'),
      );
      const run = spawnSync(process.execPath, [scorer, dir, jsonl], { encoding: 'utf8' });
      rmSync(tmp, { recursive: true, force: true });
      console.log(
        run.status === 0
          ? `        score.mjs: ${run.stdout.trim()}`
          : `        score.mjs failed: ${(run.stderr || run.stdout).trim().split('\n')[0]}`,
      );
    }
  }
}
