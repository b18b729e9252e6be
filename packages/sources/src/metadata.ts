import {
  type PublicMetadata as PageMetadata,
  readPublicMetadata as readPageMetadata,
} from '@parallax/extract';
import { normalizeArticleUrl } from './url';

/**
 * What a page says about itself in public markup (JSON-LD, Open Graph, <meta>, canonical link), as
 * extraction reads it (@parallax/extract's one metadata reader), with the canonical URL normalised.
 */
export interface PublicMetadata extends Omit<PageMetadata, 'canonicalHref'> {
  canonicalUrl: string | null;
}

/** Reads a page's public metadata; the canonical link is resolved against `pageUrl` and normalised. */
export function readPublicMetadata(html: string, pageUrl: string): PublicMetadata {
  const { canonicalHref, ...metadata } = readPageMetadata(html);
  return { canonicalUrl: canonicalHref ? normalizeArticleUrl(canonicalHref, pageUrl) : null, ...metadata };
}
