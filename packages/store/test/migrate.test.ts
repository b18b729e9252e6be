import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate';
import { MIGRATIONS, type Migration } from '../src/migrations/index';
import { storeError } from './helpers';

const one: Migration = { version: 1, name: 'widgets', sql: 'CREATE TABLE widgets (id text PRIMARY KEY);' };
const two: Migration = {
  version: 2,
  name: 'widget_colour',
  sql: 'ALTER TABLE widgets ADD COLUMN colour text;',
};
const broken: Migration = {
  version: 3,
  name: 'broken',
  sql: 'CREATE TABLE gadgets (id text PRIMARY KEY); ALTER TABLE nowhere ADD COLUMN x text;',
};

let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create();
});

afterAll(async () => {
  await db.close();
});

async function versions(): Promise<number[]> {
  const { rows } = await db.query<{ version: number }>(
    'SELECT version FROM schema_migrations ORDER BY version',
  );
  return rows.map((row) => row.version);
}

describe('migrate', () => {
  it('applies only the migrations not yet applied, in order', async () => {
    expect(await migrate(db, [one])).toEqual([1]);
    expect(await migrate(db, [one])).toEqual([]);
    expect(await migrate(db, [one, two])).toEqual([2]);
    expect(await versions()).toEqual([1, 2]);
    await db.query(`INSERT INTO widgets (id, colour) VALUES ('w1', 'blue')`);
  });

  it('rolls a failing migration back entirely', async () => {
    const error = await storeError(migrate(db, [one, two, broken]));
    expect(error.message).toMatch(/schema migration 3 \(broken\) failed: relation "nowhere" does not exist/);
    expect(error.retryable).toBe(false);
    expect(await versions()).toEqual([1, 2]);
    const { rows } = await db.query(`SELECT to_regclass('gadgets') AS t`);
    expect(rows).toEqual([{ t: null }]);
  });

  it('refuses an edited migration and a database from a newer version', async () => {
    const edited = await storeError(migrate(db, [{ ...one, sql: `${one.sql} -- edited` }, two]));
    expect(edited.message).toMatch(/migration 1 \(widgets\) has changed/);
    const newer = await storeError(migrate(db, [one]));
    expect(newer.message).toMatch(/migration 2 \(widget_colour\).*newer version/);
  });

  it('refuses migrations listed out of order', async () => {
    expect((await storeError(migrate(db, [two, one]))).message).toMatch(/out of order/);
  });

  it('ships versions that increase from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
