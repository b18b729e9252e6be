export { extractArticle, type HtmlExtractOptions } from './html';
export { detectLanguage, primaryLanguageTag } from './language';
export { type PublicMetadata, readPublicMetadata } from './metadata';
export { articleFromText } from './plain-text';
