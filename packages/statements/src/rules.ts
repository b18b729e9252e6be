import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The registry of per-language attribution rules. Each language with rules is either read by a module
 * of its own (en, ru, mn: english.ts, russian.ts, mongolian.ts, whose lists are to move here) or by
 * the generic passes of generic.ts over its data file, packages/statements/rules/LANG.json:
 * - cues: the inflected forms news prose uses, by strength — `strong` ones introduce reported speech
 *   on their own and may follow their speaker or precede it ("sagte Scholz", "a déclaré Lagarde"),
 *   `weak` ones only with a complementizer ("cree que …"), `tag` ones only right after a quotation
 *   („…“, so Scholz);
 * - auxiliaries between the speaker and a participle ("a déclaré", "ha detto", "hat gesagt");
 * - according: the prepositions that name a source ("laut", "selon", "según", "secondo");
 * - complementizers that open a reported clause ("dass", "que", "che");
 * - determiners, name particles and pronouns for reading the speaker phrase;
 * - reportive: verb forms of a reportive mood that carry reported speech on (German Konjunktiv I).
 * - titles: the titles and roles the language writes before a name, capitalised or not
 *   ("Bundeskanzler Olaf Scholz", "Präsidenten Wolodymyr Selenskyj"): never part of the name.
 * - definiteArticles: a title alone after one ("sagte der SPD-Politiker", "a dit le président") is a
 *   definite description of someone the text already named.
 * A language in neither gets the quotation-mark fallback and a warning (extract-statements.ts).
 */
interface LanguageRules {
  lang: string;
  cues: { strong: string[]; weak: string[]; tag: string[] };
  auxiliaries: string[];
  according: string[];
  complementizers: string[];
  determiners: string[];
  nameParticles: string[];
  pronouns: string[];
  /** Verb forms of the reportive mood (German Konjunktiv I: "sei", "habe"): a sentence holding one
   * goes on with the reported speech before it. */
  reportive: string[];
  titles?: string[];
  /** Definite articles: with a title alone after them ("sagte der SPD-Politiker") the label refers
   * back to the person the text is about. */
  definiteArticles?: string[];
}

/** A language's rules compiled for lookups. */
export interface CompiledRules {
  lang: string;
  strong: ReadonlySet<string>;
  weak: ReadonlySet<string>;
  tag: ReadonlySet<string>;
  auxiliaries: ReadonlySet<string>;
  /** Multi-word "according to" phrases, lower case, longest first. */
  according: string[];
  /** One pattern for them all: the phrase (group 1) at a word's start, then a space. */
  accordingPattern: RegExp | null;
  complementizers: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  nameParticles: ReadonlySet<string>;
  pronouns: ReadonlySet<string>;
  reportive: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  definiteArticles: ReadonlySet<string>;
}

/** Languages read by a module of their own. */
export const DEDICATED_LANGUAGES: ReadonlySet<string> = new Set(['en', 'ru', 'mn']);

const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../rules');

/** Languages with a data file of generic rules. */
export const GENERIC_LANGUAGES: ReadonlySet<string> = new Set(
  existsSync(RULES_DIR)
    ? readdirSync(RULES_DIR)
        .filter((f) => /^[a-z]{2,3}\.json$/.test(f))
        .map((f) => f.slice(0, -'.json'.length))
        .filter((l) => !DEDICATED_LANGUAGES.has(l))
    : [],
);

const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
const compiled = new Map<string, CompiledRules>();

/** The generic rules of a language (primary subtag), or undefined when it has none. */
export function genericRules(lang: string): CompiledRules | undefined {
  const code = lang.toLowerCase().split('-')[0] as string;
  if (!GENERIC_LANGUAGES.has(code)) return undefined;
  const known = compiled.get(code);
  if (known) return known;
  const raw = JSON.parse(readFileSync(join(RULES_DIR, `${code}.json`), 'utf8')) as LanguageRules;
  const rules: CompiledRules = {
    lang: code,
    strong: lower(raw.cues.strong),
    weak: lower(raw.cues.weak),
    tag: lower(raw.cues.tag),
    auxiliaries: lower(raw.auxiliaries),
    according: raw.according.map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length),
    accordingPattern: raw.according.length
      ? new RegExp(
          `(?:^|[^\\p{L}])(${raw.according
            .map((w) => w.toLowerCase())
            .sort((a, b) => b.length - a.length)
            .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('|')})[^\\S\\n]+`,
          'gu',
        )
      : null,
    complementizers: lower(raw.complementizers),
    determiners: lower(raw.determiners),
    nameParticles: lower(raw.nameParticles),
    pronouns: lower(raw.pronouns),
    reportive: lower(raw.reportive ?? []),
    titles: lower(raw.titles ?? []),
    definiteArticles: lower(raw.definiteArticles ?? []),
  };
  compiled.set(code, rules);
  return rules;
}

let allTitles: ReadonlySet<string> | undefined;

/**
 * The titles of every language with a data file, lower case: a speaker label does not say its
 * language, and a title of one language is no name in another.
 */
export function ruleTitles(): ReadonlySet<string> {
  if (!allTitles) {
    const out = new Set<string>();
    for (const lang of GENERIC_LANGUAGES) for (const t of genericRules(lang)?.titles ?? []) out.add(t);
    allTitles = out;
  }
  return allTitles;
}

/**
 * "der SPD-Politiker", "la ministra": a label of one title word (or a compound ending in one) right
 * after a definite article of the language, so a definite description of someone named before.
 */
export function isDefiniteRole(lang: string, article: string, label: string): boolean {
  const rules = genericRules(lang);
  if (!rules?.definiteArticles.has(article.toLowerCase())) return false;
  const word = label.trim().toLowerCase();
  if (!word || /\s/.test(word)) return false;
  if (rules.titles.has(word)) return true;
  for (const title of rules.titles) if (title.length >= 5 && word.endsWith(title)) return true;
  return false;
}
