export { missingTranslators, setApertium, translateToEnglish, translatorPackages } from './apertium';
export {
  dictionaryPackage,
  glossStem,
  glossStems,
  hasDictionary,
  missingDictionaries,
  prepareGloss,
  setDictionaryDirectory,
} from './bilingual';
export { COUNTRY_NAME_LANGUAGES, countryOf, isCountryName, isPlaceName } from './countries';
export { englishSynsets, isFunctionWord, isSpeakerNoun, snowballStemmer, synonyms } from './lexicon';
export {
  type CanonicalSpeaker,
  canonicalSpeaker,
  differentSpeakers,
  isAnaphor,
  isSpeakerLabel,
  isUnnamedCollective,
  nameKey,
  nameStem,
  type SpeakerRelation,
  sameName,
  sameSpeaker,
  speakerBlock,
  speakerRelation,
  titleHolders,
} from './speaker';
export {
  canonicalText,
  contentStems,
  contentStemsOf,
  foldDiacritics,
  isStopword,
  numbersIn,
  stem,
  words,
} from './text';
export { transliterate } from './transliterate';
