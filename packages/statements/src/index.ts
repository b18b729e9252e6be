export { type Attribution, findAttribution, tokenize } from './attribution';
export { extractStatements, RULE_LANGUAGES, type StatementOptions } from './extract-statements';
export { extractFacts, type FactOptions } from './facts';
export { lookupPlace, PLACES, type Place } from './gazetteer';
export { findQuotes, type QuoteSpan } from './quotes';
export {
  addTallies,
  EMPTY_TALLY,
  type GoldDocument,
  type GoldStatement,
  matchSpans,
  type ScoredPrediction,
  type Scores,
  scoreDocument,
  scoresOf,
  spansMatch,
  speakerMatches,
  type Tally,
} from './scoring';
export { type Sentence, type Span, splitParagraphs, splitSentences } from './sentences';
export { spokenBy } from './spoken-by';
