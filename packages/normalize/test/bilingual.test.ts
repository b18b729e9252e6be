import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  contentStems,
  glossStems,
  hasDictionary,
  missingDictionaries,
  prepareGloss,
  setDictionaryDirectory,
} from '../src/index';

// The FreeDict and Müller dictionaries Debian ships (scripts/bootstrap.sh installs them on the test path).
const DICTD = '/usr/share/dictd';
const gloss = (text: string, lang: string) => glossStems(contentStems(text, lang), lang).flat();

describe('bilingual dictionaries (FreeDict)', () => {
  afterEach(() => setDictionaryDirectory(DICTD));

  it('glosses German content words to English stems, function words never', () => {
    setDictionaryDirectory(DICTD);
    const english = gloss('Die Witwe sagte, der Gefangene wurde im Gefängnis ermordet', 'de');
    expect(english).toContain('widow');
    expect(english).toContain('murder');
    // "wurde" folds to Würde (dignity) under Snowball: a function word is never glossed.
    expect(english).not.toContain('dignity');
  });

  it('reads Müller’s English–Russian dictionary backwards for Russian, first senses first', () => {
    setDictionaryDirectory(DICTD);
    expect(gloss('Его отправили в тюрьму', 'ru')).toContain('prison');
    const words = glossStems(contentStems('Родина ни на минуту о них не забывала', 'ru'), 'ru');
    expect(words.map((senses) => senses.slice(0, 3))).toEqual([
      expect.arrayContaining(['motherland']),
      expect.arrayContaining(['minute']),
      expect.arrayContaining(['forget']),
    ]);
  });

  it('reads each part of speech of a Müller entry, and prefers the commoner of the English words that give a Russian one', () => {
    setDictionaryDirectory(DICTD);
    // "return" gives возвращаться as its verb, after a kilobyte of its noun senses; rarer words
    // (recur, rejoin) give it first.
    const returns = glossStems(contentStems('Они возвращаются', 'ru'), 'ru')[0] ?? [];
    expect(returns.slice(0, 2)).toContain('return');
    expect(gloss('Приговор позорный', 'ru')).toEqual(expect.arrayContaining(['sentence', 'disgraceful']));
  });

  it('falls back on FreeDict’s English→Russian dictionary without Müller’s', () => {
    const only = mkdtempSync(join(tmpdir(), 'freedict-only-'));
    for (const ext of ['index', 'dict.dz'])
      symlinkSync(join(DICTD, `freedict-eng-rus.${ext}`), join(only, `freedict-eng-rus.${ext}`));
    setDictionaryDirectory(only);
    expect(hasDictionary('ru')).toBe(true);
    expect(gloss('Его отправили в тюрьму', 'ru')).toContain('prison');
  });

  it('glosses Danish, Dutch and Arabic, their function words never', () => {
    setDictionaryDirectory(DICTD);
    expect(gloss('Præsidenten sagde, at angrebet var forfærdeligt', 'da')).toContain('attack');
    expect(gloss('De president zei dat de aanslag verschrikkelijk was', 'nl')).toContain('terrify');
    // "كان" (was) is a function word: no "Kahn" or "Kant" from the dictionary.
    const arabic = gloss('قال الرئيس إن الهجوم الإرهابي كان مروعا', 'ar');
    expect(arabic).toContain('assault');
    expect(arabic).not.toContain('kant');
  });

  it('glosses French and Italian through their dictionaries', () => {
    setDictionaryDirectory(DICTD);
    expect(gloss('La veuve parle', 'fr')).toContain('widow');
    expect(gloss('La moglie parla', 'it')).toContain('wife');
  });

  it('glosses nothing, without error, when a dictionary is not installed, and says which', () => {
    setDictionaryDirectory(mkdtempSync(join(tmpdir(), 'no-dictd-')));
    expect(hasDictionary('de')).toBe(false);
    prepareGloss(['witw'], 'de');
    expect(gloss('Die Witwe sagte', 'de')).toEqual([]);
    expect(missingDictionaries()).toEqual(['de']);
    // English and languages without a dictionary are not "missing".
    expect(gloss('The widow said', 'en')).toEqual([]);
    expect(gloss('Бэлэвсэн эхнэр хэлэв', 'mn')).toEqual([]);
    expect(missingDictionaries()).toEqual(['de']);
  });
});
