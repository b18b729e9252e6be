export {
  type ConfigIssue,
  type ConfiguredSource,
  DEFAULT_LIMITS,
  type FetchLimits,
  FetchLimitsSchema,
  loadSourcesConfig,
  parseSourcesConfig,
  SourceEntrySchema,
  type SourcesConfig,
  type SourcesConfigInput,
  SourcesConfigSchema,
} from './config';
export { isCronExpression } from './cron';
export {
  articleUrlMatcher,
  type DiscoveryFailure,
  type DiscoveryOptions,
  type DiscoveryResult,
  discoverArticles,
  type FetchDocument,
  politeDocumentFetcher,
} from './discovery/discover';
export type { DiscoveredArticle } from './discovery/discovered';
export { isFeed, parseFeed } from './discovery/feed';
export { parseListing } from './discovery/listing';
export { type ParsedSitemap, parseSitemap, type SitemapReference } from './discovery/sitemap';
export { type PublicMetadata, readPublicMetadata } from './metadata';
export {
  type DiscoveryEndpoint,
  DiscoveryEndpointSchema,
  type DiscoveryType,
  type SourceProfile,
} from './profile';
export {
  BLOOMBERG,
  genericProfile,
  ICC,
  KREMLIN_EN,
  KREMLIN_RU,
  MONGOLIA_PRESIDENT,
  PROFILES,
  UKRAINE_MFA,
  UNUUDUR,
  US_EMBASSY_MONGOLIA,
} from './profiles';
export { ArticleUrlSet, canonicalLink, normalizeArticleUrl } from './url';
