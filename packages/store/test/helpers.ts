import { PGlite } from '@electric-sql/pglite';
import { isParallaxError, StoreError } from '@parallax/core';
import { expect } from 'vitest';
import { migrate } from '../src/migrate';
import { MIGRATIONS } from '../src/migrations/index';
import { SqlStore } from '../src/store';
import type { Store } from '../src/types';

/**
 * A real in-memory PGlite with the schema applied, and the store over it; `db` is the same database,
 * for tests that count or corrupt rows underneath the store.
 */
export async function openRaw(): Promise<{ db: PGlite; store: Store }> {
  const db = await PGlite.create();
  await migrate(db, MIGRATIONS);
  return { db, store: new SqlStore(db) };
}

export async function count(db: PGlite, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${sql}`, params);
  return rows[0]?.n ?? -1;
}

/** Awaits `promise`, expects a StoreError, and returns it for further checks. */
export async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect(isParallaxError(error) && error.code).toBe('PARALLAX_STORE_FAILED');
  return error as StoreError;
}
