import type { ExtractionHints, SourceKind } from '@parallax/core';

/** Where new articles of a source are announced. */
export type DiscoveryEndpoint =
  | { type: 'feed'; url: string }
  | { type: 'sitemap'; url: string }
  | { type: 'listing'; url: string; linkSelector: string };

export type DiscoveryType = DiscoveryEndpoint['type'];

/**
 * What Parallax knows about one outlet or official site: where to find new articles, which URLs are
 * articles, and selector hints for extraction.
 */
export interface SourceProfile {
  id: string;
  name: string;
  kind: SourceKind;
  /** BCP 47 language of most of its pages. */
  lang: string;
  homepage: string;
  discovery: DiscoveryEndpoint[];
  /** Regular expressions (source text) an article URL must match one of; empty means any same-site URL. */
  articlePatterns: string[];
  extraction: ExtractionHints;
  /** What a crawler must respect here (paywall, rate limits), for people reading the profile. */
  notes?: string;
}
