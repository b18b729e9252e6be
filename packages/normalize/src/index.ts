export { type CanonicalSpeaker, canonicalSpeaker, nameKey, sameSpeaker } from './speaker';
export { canonicalText, contentStems, foldDiacritics, isStopword, numbersIn, stem, words } from './text';
export { transliterate } from './transliterate';
