import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Machine translation into English with Apertium, the rule-based translator Debian ships
 * (`apertium` and one package per language pair, GPL). A statement in a language Apertium can
 * carry into English — directly or through Spanish or Macedonian, the pairs Debian has — gets its
 * English rendering, which lines it up with an English report of the same words far better than a
 * word-by-word dictionary: verbs conjugated, words in context, idioms carried whole. Each
 * language's statements are translated in one `apertium` run per step, one statement a line.
 * Apertium not installed, a pair missing or a run that fails or loses lines translates nothing:
 * the caller falls back to its dictionaries, and `missingTranslators` tells which were wanted.
 */

/** One step of a route: an Apertium mode (a file in the modes folder) and the package that has it. */
interface Step {
  mode: string;
  package: string;
}

/** ISO 639-1 code → the modes that carry it into English, in order. */
const ROUTES: Record<string, Step[]> = {
  es: [{ mode: 'spa-eng', package: 'apertium-eng-spa' }],
  it: [
    { mode: 'ita-spa', package: 'apertium-spa-ita' },
    { mode: 'spa-eng', package: 'apertium-eng-spa' },
  ],
  pt: [
    { mode: 'pt-es', package: 'apertium-es-pt' },
    { mode: 'spa-eng', package: 'apertium-eng-spa' },
  ],
  fr: [
    { mode: 'fr-es', package: 'apertium-fr-es' },
    { mode: 'spa-eng', package: 'apertium-eng-spa' },
  ],
  ro: [
    { mode: 'ro-es', package: 'apertium-es-ro' },
    { mode: 'spa-eng', package: 'apertium-eng-spa' },
  ],
  bg: [
    { mode: 'bul-mkd', package: 'apertium-mkd-bul' },
    { mode: 'mkd-eng', package: 'apertium-mkd-eng' },
  ],
  mk: [{ mode: 'mkd-eng', package: 'apertium-mkd-eng' }],
};

let modesDirectory = '/usr/share/apertium/modes';
let command = 'apertium';
const missing = new Set<string>();
const cache = new Map<string, string>();
/** Translations kept between calls (a scheduled run re-aligns the statements it saw before). */
const MAX_CACHED = 100_000;
/** A run that has not answered in this long is stopped: a stuck translator must not stall a run. */
const TIMEOUT_MS = 120_000;

/** Where Apertium's modes are and which command runs them (tests point them elsewhere). */
export function setApertium(options: { modes?: string; command?: string }): void {
  if (options.modes !== undefined) modesDirectory = options.modes;
  if (options.command !== undefined) command = options.command;
  missing.clear();
  cache.clear();
}

/** The languages a translation was wanted for and Apertium (or one of its pairs) was missing. */
export function missingTranslators(): string[] {
  return [...missing].sort();
}

/** The Debian packages that carry a language into English, or null when Apertium has no route. */
export function translatorPackages(lang: string): string[] | null {
  const route = ROUTES[lang.toLowerCase().slice(0, 2)];
  return route ? ['apertium', ...new Set(route.map((step) => step.package))] : null;
}

function routeOf(lang: string): Step[] | null {
  const code = lang.toLowerCase().slice(0, 2);
  const route = ROUTES[code];
  if (!route) return null;
  if (!route.every((step) => existsSync(join(modesDirectory, `${step.mode}.mode`)))) {
    missing.add(code);
    return null;
  }
  return route;
}

/** One line per text: a statement's own line breaks and Apertium's control characters kept out. */
function asLine(text: string): string {
  return text.split('\u0000').join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * One Apertium run over lines. The input goes through a private file, not a pipe: the `apertium`
 * script opens /dev/stdin by name, which a socket (how Node hands a child its stdin) refuses.
 */
function run(mode: string, input: string): string[] | null {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-apertium-'));
  try {
    const file = join(dir, 'in.txt');
    writeFileSync(file, input);
    const result = spawnSync(command, ['-u', '-f', 'line', mode, file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error || result.status !== 0) return null;
    const lines = result.stdout.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The English translation of each text (same order), or null for each when the language has no
 * route, Apertium is missing or a run failed. Apertium's marks for words it could not inflect
 * (`#`, `@`) are dropped: the word stays.
 */
export function translateToEnglish(texts: readonly string[], lang: string): Array<string | null> {
  const route = routeOf(lang);
  const out: Array<string | null> = texts.map(() => null);
  if (!route || texts.length === 0) return out;
  const code = lang.toLowerCase().slice(0, 2);
  const todo: number[] = [];
  const lines: string[] = [];
  texts.forEach((text, i) => {
    const line = asLine(text);
    const known = cache.get(`${code}\u0000${line}`);
    if (known !== undefined) out[i] = known;
    else if (line.length > 0) {
      todo.push(i);
      lines.push(line);
    } else out[i] = '';
  });
  if (todo.length === 0) return out;
  let current: string[] | null = lines;
  for (const step of route) {
    current = run(step.mode, `${current.join('\n')}\n`);
    if (current === null || current.length !== lines.length) {
      missing.add(code);
      return out;
    }
  }
  if (cache.size + todo.length > MAX_CACHED) cache.clear();
  const translated = current;
  todo.forEach((i, k) => {
    const english = (translated[k] ?? '').replace(/[#@]/g, '');
    out[i] = english;
    cache.set(`${code}\u0000${lines[k]}`, english);
  });
  return out;
}
