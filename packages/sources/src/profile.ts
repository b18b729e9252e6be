import { ExtractionHints, SourceKind } from '@parallax/core';
import { z } from 'zod';

export const HttpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

export const RegexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a valid regular expression' },
);

export const SourceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id of lower-case letters, digits and dashes');

/** Where new articles of a source are announced. */
export const DiscoveryEndpointSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('feed'), url: HttpUrl }),
  z.strictObject({ type: z.literal('sitemap'), url: HttpUrl }),
  z.strictObject({ type: z.literal('listing'), url: HttpUrl, linkSelector: z.string().min(1) }),
]);
export type DiscoveryEndpoint = z.infer<typeof DiscoveryEndpointSchema>;

export type DiscoveryType = DiscoveryEndpoint['type'];

/**
 * What Parallax knows about one outlet or official site: where to find new articles, which URLs are
 * articles, and selector hints for extraction. The named profiles are data (packages/sources/profiles.json).
 */
export const SourceProfileSchema = z.strictObject({
  id: SourceId,
  name: z.string().min(1),
  kind: SourceKind,
  /** BCP 47 language of most of its pages. */
  lang: z.string().min(2),
  homepage: HttpUrl,
  discovery: z.array(DiscoveryEndpointSchema),
  /** Regular expressions (source text) an article URL must match one of; empty means any same-site URL. */
  articlePatterns: z.array(RegexSource),
  extraction: z.strictObject(ExtractionHints.shape),
  /** What a crawler must respect here (paywall, rate limits), for people reading the profile. */
  notes: z.string().optional(),
});
export type SourceProfile = z.infer<typeof SourceProfileSchema>;
