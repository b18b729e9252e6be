export {
  dictionaryPackage,
  glossStem,
  glossStems,
  hasDictionary,
  missingDictionaries,
  prepareGloss,
  setDictionaryDirectory,
} from './bilingual';
export { COUNTRY_NAME_LANGUAGES, countryOf } from './countries';
export { englishSynsets, isSpeakerNoun, snowballStemmer, synonyms } from './lexicon';
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
