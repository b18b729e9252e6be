import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, type SourceKind } from '@parallax/core';
import { z } from 'zod';
import { type DiscoveryEndpoint, type SourceProfile, SourceProfileSchema } from './profile';

const PROFILES_FILE = fileURLToPath(new URL('../profiles.json', import.meta.url));

/**
 * Profiles of the sources Parallax is named for, read from packages/sources/profiles.json and
 * validated when the module loads. Endpoints are the sites' public feeds, sitemaps and listing pages;
 * selectors are hints, and extraction must work without them.
 */
function readProfiles(): ReadonlyMap<string, SourceProfile> {
  const parsed = z
    .array(SourceProfileSchema)
    .min(1)
    .refine((list) => new Set(list.map((p) => p.id)).size === list.length, {
      message: 'duplicate profile id',
    })
    .safeParse(JSON.parse(readFileSync(PROFILES_FILE, 'utf8')));
  if (!parsed.success) {
    throw new ConfigError(`invalid source profiles ${PROFILES_FILE}: ${z.prettifyError(parsed.error)}`, {
      details: { file: PROFILES_FILE },
    });
  }
  return new Map(parsed.data.map((p) => [p.id, p]));
}

/** Every named profile, by id, in the file's order. */
export const PROFILES: ReadonlyMap<string, SourceProfile> = readProfiles();

function named(id: string): SourceProfile {
  const profile = PROFILES.get(id);
  if (!profile)
    throw new ConfigError(`no profile "${id}" in ${PROFILES_FILE}`, { details: { file: PROFILES_FILE } });
  return profile;
}

export const BLOOMBERG = named('bloomberg');
export const UNUUDUR = named('unuudur');
export const KREMLIN_EN = named('kremlin-en');
export const KREMLIN_RU = named('kremlin-ru');
export const UKRAINE_MFA = named('mfa-ua');
export const ICC = named('icc');
export const US_EMBASSY_MONGOLIA = named('usembassy-mn');
export const MONGOLIA_PRESIDENT = named('president-mn');

/**
 * A profile for any news site: its feed and sitemap at the usual WordPress/CMS places unless given,
 * any URL on its site counted as an article, no selector hints (extraction's generic path).
 */
export function genericProfile(input: {
  id: string;
  homepage: string;
  name?: string;
  kind?: SourceKind;
  lang?: string;
  discovery?: DiscoveryEndpoint[];
  articlePatterns?: string[];
}): SourceProfile {
  const home = new URL(input.homepage);
  return {
    id: input.id,
    name: input.name ?? home.hostname,
    kind: input.kind ?? 'outlet',
    lang: input.lang ?? 'und',
    homepage: home.href,
    discovery: input.discovery ?? [
      { type: 'feed', url: new URL('/feed', home).href },
      { type: 'sitemap', url: new URL('/sitemap.xml', home).href },
    ],
    articlePatterns: input.articlePatterns ?? [],
    extraction: {},
  };
}
