import { missingDictionaries, missingTranslators, translatorPackages } from '@parallax/normalize';

/**
 * What the last alignment lacked to line translations up with English ones: languages with neither
 * a bilingual dictionary nor a working Apertium pair (their renditions meet English ones only on
 * speakers, names and figures), and languages Apertium could have translated whole that were
 * glossed word by word instead, with the Debian packages that would fix it.
 */
export interface TranslationGaps {
  unaligned: string[];
  wordByWord: Array<{ lang: string; packages: string[] }>;
}

export function translationGaps(): TranslationGaps {
  const noTranslator = new Set(missingTranslators());
  const noDictionary = new Set(missingDictionaries());
  const unaligned = [...noDictionary].filter(
    (lang) => noTranslator.has(lang) || translatorPackages(lang) === null,
  );
  const wordByWord = [...noTranslator]
    .filter((lang) => !noDictionary.has(lang))
    .map((lang) => ({ lang, packages: translatorPackages(lang) ?? [] }));
  return { unaligned: unaligned.sort(), wordByWord };
}
