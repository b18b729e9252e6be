import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DrainTimeout, drain, homeDir, loadOptions, OPTIONS } from '../src/index';

const dir = mkdtempSync(join(tmpdir(), 'parallax-options-'));
afterAll(() => rmSync(dir, { recursive: true }));

describe('loadOptions', () => {
  it('takes the table’s defaults, then the file, then the environment, then the flags', () => {
    const file = join(dir, 'parallax.json');
    writeFileSync(file, JSON.stringify({ hostRps: 5, lockMs: 2_000, userAgent: 'FromFile/1' }));
    const env = { PARALLAX_CONFIG: file, PARALLAX_LOCK_MS: '3000', PARALLAX_CONCURRENCY_FETCH: '8' };
    expect(loadOptions({ env })).toMatchObject({
      hostRps: 5,
      lockMs: 3_000,
      userAgent: 'FromFile/1',
      concurrency: { fetch: 8 },
      healthHost: '127.0.0.1',
      allowPrivateAddresses: false,
    });
    const flagged = loadOptions({ env, flags: { lockMs: '4000', concurrency: { extract: 2 } } });
    expect(flagged.lockMs).toBe(4_000);
    // A flag replaces the setting whole: the environment's per-stage values do not mix in.
    expect(flagged.concurrency).toEqual({ extract: 2 });
  });

  it('names the variable of a value that does not parse', () => {
    expect(() => loadOptions({ env: { PARALLAX_LOCK_MS: '10' } })).toThrow(
      'PARALLAX_LOCK_MS must be an integer ≥ 1000 (got "10")',
    );
    expect(() => loadOptions({ env: { PARALLAX_CONCURRENCY_FETCH: 'many' } })).toThrow(
      'PARALLAX_CONCURRENCY_FETCH must be an integer ≥ 1',
    );
    expect(() => loadOptions({ env: { REDIS_URL: 'http://x' } })).toThrow('REDIS_URL must be a redis:// URL');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ redis: 'redis://x' }));
    expect(() => loadOptions({ env: { PARALLAX_CONFIG: bad } })).toThrow('unknown setting "redis"');
  });

  it('puts the data directory under PARALLAX_HOME, else .parallax in the user’s folder', () => {
    expect(homeDir({ home: undefined }, { INIT_CWD: '/work/x' })).toBe('/work/x/.parallax');
    expect(homeDir({ home: 'data' }, { INIT_CWD: '/work/x' })).toBe('/work/x/data');
    expect(homeDir({ home: '/srv/parallax' }, {})).toBe('/srv/parallax');
  });
});

describe('drain', () => {
  it('waits for the close, but no longer than its bound', async () => {
    await expect(drain(() => Promise.resolve(), 1_000)).resolves.toBeUndefined();
    await expect(drain(() => new Promise<void>(() => {}), 20)).rejects.toBeInstanceOf(DrainTimeout);
  });
});

describe('the README', () => {
  it('documents every setting of the table, by its variable and its name', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
    for (const [name, spec] of Object.entries(OPTIONS)) {
      expect(readme).toContain(`| \`${spec.env}\``);
      expect(readme).toContain(`| \`${name}\``);
    }
  });
});
