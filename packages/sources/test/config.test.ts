import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import {
  type ConfigIssue,
  isCronExpression,
  loadSourcesConfig,
  PROFILES,
  parseSourcesConfig,
} from '../src/index';
import { SourceProfileSchema } from '../src/profile';

const EXAMPLE = resolve(import.meta.dirname, '../../../infra/sources.yaml');

const HEADER = `version: 1
agent:
  name: ParallaxBot/0.1
  contact: https://parallax.example.org/bot
`;

function issuesOf(text: string, file = 'sources.yaml'): { error: ConfigError; issues: ConfigIssue[] } {
  try {
    parseSourcesConfig(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    return { error: e, issues: e.details.issues as ConfigIssue[] };
  }
  throw new Error('expected a ConfigError');
}

describe('the example config infra/sources.yaml', () => {
  it('loads, with every named profile and the generic one, each with a schedule', async () => {
    const config = await loadSourcesConfig(EXAMPLE);
    const ids = config.sources.map((s) => s.id);
    for (const id of PROFILES.keys()) expect(ids).toContain(id);
    expect(config.sources.find((s) => s.id === 'montsame')?.profile.discovery[0]?.type).toBe('listing');
    for (const source of config.sources) expect(isCronExpression(source.schedule)).toBe(true);
  });

  it('applies a source’s limit overrides on top of the file’s limits', async () => {
    const config = await loadSourcesConfig(EXAMPLE);
    const bloomberg = config.sources.find((s) => s.id === 'bloomberg');
    expect(bloomberg?.limits.minDelayMs).toBe(10000);
    expect(bloomberg?.limits.maxConcurrencyPerHost).toBe(1);
    expect(bloomberg?.limits.maxBytes).toBe(config.limits.maxBytes);
  });
});

describe('mistakes are PARALLAX_CONFIG_INVALID naming file, line, path and what was expected', () => {
  it('a bad cron string', () => {
    const { error, issues } = issuesOf(`${HEADER}sources:\n  - id: icc\n    schedule: every two hours\n`);
    expect(error.code).toBe('PARALLAX_CONFIG_INVALID');
    expect(issues).toEqual([
      {
        line: 7,
        column: 15,
        path: 'sources[0].schedule',
        message: expect.stringContaining('cron expression'),
      },
    ]);
    expect(error.message).toContain('sources.yaml:7:15: sources[0].schedule: expected a cron expression');
  });

  it('a misspelt field, pointing at the key itself', () => {
    const { issues } = issuesOf(`${HEADER}sources:\n  - id: icc\n    shedule: "0 * * * *"\n`);
    expect(issues).toEqual([
      { line: 7, column: 5, path: 'sources[0].shedule', message: 'unknown field "shedule"' },
    ]);
  });

  it('a wrong type and an out-of-range limit, both reported at once', () => {
    const { issues } = issuesOf(
      `${HEADER}limits:\n  maxBytes: lots\n  maxConcurrencyPerHost: 0\nsources:\n  - id: icc\n`,
    );
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [6, 'limits.maxBytes'],
      [7, 'limits.maxConcurrencyPerHost'],
    ]);
    expect(issues[0]?.message).toMatch(/expected number/);
    expect(issues[1]?.message).toMatch(/>=\s*1/);
  });

  it('a missing required field, reported where its parent is', () => {
    const { issues } = issuesOf(`version: 1\nagent:\n  name: ParallaxBot/0.1\nsources:\n  - id: icc\n`);
    expect(issues).toEqual([{ line: 3, column: 3, path: 'agent.contact', message: expect.any(String) }]);
  });

  it('an unknown profile, listing the known ones', () => {
    const { issues } = issuesOf(`${HEADER}sources:\n  - id: reuters\n`);
    expect(issues[0]?.path).toBe('sources[0].id');
    expect(issues[0]?.line).toBe(6);
    expect(issues[0]?.message).toContain('unknown profile "reuters"; expected one of bloomberg, unuudur');
  });

  it('a generic source without a homepage, and a duplicate id', () => {
    const { issues } = issuesOf(
      `${HEADER}sources:\n  - id: blog\n    profile: generic\n  - id: icc\n  - id: icc\n`,
    );
    expect(issues.map((i) => i.path)).toEqual(['sources[0]', 'sources[2].id']);
    expect(issues[1]?.message).toContain('duplicate source id "icc"');
  });

  it('a listing endpoint without its link selector, and a feed URL that is not http(s)', () => {
    const { issues } = issuesOf(
      `${HEADER}sources:\n  - id: icc\n    discovery:\n      - type: listing\n        url: https://www.icc-cpi.int/news\n      - type: feed\n        url: ftp://www.icc-cpi.int/rss\n`,
    );
    expect(issues.map((i) => i.path)).toEqual([
      'sources[0].discovery[0].linkSelector',
      'sources[0].discovery[1].url',
    ]);
    expect(issues[1]?.message).toBe('expected an http(s) URL');
  });

  it('a time zone the runtime does not know; a known one is kept, the defaults’ one inherited', () => {
    const { issues } = issuesOf(`${HEADER}sources:\n  - id: icc\n    tz: Mars/Olympus\n`);
    expect(issues).toEqual([
      { line: 7, column: 9, path: 'sources[0].tz', message: expect.stringContaining('IANA time zone') },
    ]);
    const config = parseSourcesConfig(
      `${HEADER}defaults:\n  tz: Asia/Ulaanbaatar\nsources:\n  - id: icc\n  - id: kremlin-en\n    tz: Europe/Moscow\n`,
      'tz.yaml',
    );
    expect(config.sources.map((s) => s.tz)).toEqual(['Asia/Ulaanbaatar', 'Europe/Moscow']);
    expect(parseSourcesConfig(`${HEADER}sources:\n  - id: icc\n`, 'x.yaml').sources[0]?.tz).toBeUndefined();
  });

  it('broken YAML', () => {
    const { issues } = issuesOf(`${HEADER}sources: [\n  - id: icc\n`);
    expect(issues[0]?.path).toBe('(yaml)');
    expect(issues[0]?.line).toBeGreaterThanOrEqual(5);
  });

  it('a file that does not exist', async () => {
    const error = await loadSourcesConfig('/nonexistent/sources.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('/nonexistent/sources.yaml');
  });

  it('names the file it read in every message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parallax-sources-'));
    try {
      const file = join(dir, 'mine.yaml');
      await writeFile(file, `${HEADER}sources:\n  - id: icc\n    windowHours: -3\n`);
      const error = (await loadSourcesConfig(file).catch((e: unknown) => e)) as ConfigError;
      expect(error.message).toContain(`${file}:7:18: sources[0].windowHours`);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('isCronExpression', () => {
  it('accepts 5-field and 6-field schedules with steps, ranges, lists and names', () => {
    for (const cron of [
      '*/30 * * * *',
      '0 */2 * * *',
      '15 8-18 * * MON-FRI',
      '0 0 1,15 * *',
      '0 0 9 * * sun',
      '0 12 * JAN-MAR 1-5',
    ]) {
      expect(isCronExpression(cron), cron).toBe(true);
    }
  });

  it('refuses prose, wrong field counts and out-of-range values', () => {
    for (const cron of [
      'every hour',
      '* * * *',
      '60 * * * *',
      '* 24 * * *',
      '* * 0 * *',
      '* * * 13 *',
      '*/0 * * * *',
      '5-1 * * * *',
    ]) {
      expect(isCronExpression(cron), cron).toBe(false);
    }
  });
});

describe('the named profiles are data (profiles.json), validated when they load', () => {
  const [first] = PROFILES.values();

  it('loads every profile in the file’s order', () => {
    expect([...PROFILES.keys()].slice(0, 2)).toEqual(['bloomberg', 'unuudur']);
    expect(first && SourceProfileSchema.parse(first)).toEqual(first);
  });

  it('refuses a profile with a bad pattern, a non-http endpoint or a field it does not know', () => {
    const broken = [
      { ...first, articlePatterns: ['(unclosed'] },
      { ...first, discovery: [{ type: 'feed', url: 'file:///etc/passwd' }] },
      { ...first, extraction: { bodyy: ['.x'] } },
      { ...first, homepag: 'https://e.example/' },
    ];
    for (const profile of broken) expect(SourceProfileSchema.safeParse(profile).success).toBe(false);
  });
});
