import { z } from 'zod';
import { SourceKind } from './schemas';

/** One document of a corpus manifest (`compare --manifest`, the demo corpus). */
export const ManifestEntry = z.object({
  file: z.string().min(1),
  source: z.string().min(1),
  kind: SourceKind,
  url: z.string().url(),
  lang: z.string().min(2),
  publishedAt: z.string().datetime({ offset: true }),
  title: z.string(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const Manifest = z.array(ManifestEntry).min(1);
export type Manifest = z.infer<typeof Manifest>;
