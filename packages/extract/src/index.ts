export { extractArticle, type HtmlExtractOptions, toIsoDate } from './html';
export { detectLanguage, primaryLanguageTag } from './language';
export { articleFromText } from './plain-text';
