import { StoreError, sha256Hex } from '@parallax/core';
import { toStoreError } from './errors';
import type { Migration } from './migrations/index';
import type { SqlClient } from './sql';

/** Serialises migrations when several processes open the same PostgreSQL database at once. */
const MIGRATION_LOCK_KEY = 7_370_110_001;

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Applies the migrations the database has not seen, in version order, in one transaction (all or
 * none), and records each in `schema_migrations` with a checksum of its SQL. Refuses a database that
 * holds a migration this code does not know (written by a newer version) or whose SQL has changed
 * since it was applied. Returns the versions it applied.
 */
export async function migrate(client: SqlClient, migrations: readonly Migration[]): Promise<number[]> {
  for (let i = 1; i < migrations.length; i++) {
    const previous = migrations[i - 1] as Migration;
    const current = migrations[i] as Migration;
    if (current.version <= previous.version) {
      throw new StoreError(`migrations are out of order: ${current.version} follows ${previous.version}`, {
        retryable: false,
      });
    }
  }
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version     integer PRIMARY KEY,
        name        text NOT NULL,
        checksum    text NOT NULL,
        applied_at  timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await tx.query<AppliedRow>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of rows) {
      const migration = known.get(row.version);
      if (migration === undefined) {
        throw new StoreError(
          `the database has schema migration ${row.version} (${row.name}), which this version of Parallax does not know: it was written by a newer version`,
          { retryable: false, details: { version: row.version } },
        );
      }
      if (sha256Hex(migration.sql) !== row.checksum) {
        throw new StoreError(
          `schema migration ${row.version} (${row.name}) has changed since it was applied; shipped migrations must never be edited`,
          { retryable: false, details: { version: row.version } },
        );
      }
    }
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw toStoreError(`schema migration ${migration.version} (${migration.name})`, error, {
          version: migration.version,
        });
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        sha256Hex(migration.sql),
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
