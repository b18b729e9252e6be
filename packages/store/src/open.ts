import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { StoreError } from '@parallax/core';
import { toStoreError } from './errors';
import { acquireDirLock, type DirLock, LOCK_FILE } from './lock';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { postgresClient } from './postgres';
import type { SqlClient } from './sql';
import { SqlStore } from './store';
import type { OpenStoreOptions, Store } from './types';

const IN_MEMORY = Symbol('in memory');

function cannotOpen(
  dir: string | typeof IN_MEMORY,
  reason: string,
  cause?: unknown,
  retryable = false,
): StoreError {
  const where = dir === IN_MEMORY ? 'in memory' : `at ${dir}`;
  return new StoreError(`cannot open store ${where}: ${reason}`, {
    cause,
    retryable,
    details: dir === IN_MEMORY ? { memory: true } : { dataDir: dir },
  });
}

/** Makes sure `dir` is a directory we may use: missing (created), empty, or a PostgreSQL data dir. */
async function prepareDataDir(dir: string): Promise<void> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw cannotOpen(dir, 'it is a file, not a directory');
  } catch (error) {
    if (error instanceof StoreError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') {
      throw cannotOpen(dir, 'part of the path is a file, not a directory', error);
    }
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw cannotOpen(dir, (error as Error).message, error);
    }
    try {
      await mkdir(dir, { recursive: true });
    } catch (mkdirError) {
      throw cannotOpen(dir, `could not create the directory: ${(mkdirError as Error).message}`, mkdirError);
    }
  }
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    throw cannotOpen(dir, (error as Error).message, error);
  }
  const foreign = entries.filter((name) => !name.startsWith(LOCK_FILE));
  if (foreign.length > 0 && !entries.includes('PG_VERSION')) {
    throw cannotOpen(dir, 'the directory is neither empty nor a Parallax store (it has no PG_VERSION)');
  }
}

/**
 * Opens the store: a file-backed PGlite database in `dataDir` (created if missing; one process at a
 * time), or a throwaway in-memory one. Applies pending schema migrations before returning.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if ('databaseUrl' in options) return openPostgres(options.databaseUrl, options.poolSize ?? 4);
  if ('memory' in options && options.memory === true) {
    const db = await openPglite(IN_MEMORY);
    return new SqlStore(db);
  }
  if (!('dataDir' in options) || typeof options.dataDir !== 'string' || options.dataDir.trim() === '') {
    throw new StoreError('openStore needs { dataDir } (a directory path) or { memory: true }', {
      retryable: false,
    });
  }
  const dir = path.resolve(options.dataDir);
  await prepareDataDir(dir);
  let lock: DirLock;
  try {
    lock = await acquireDirLock(dir);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw cannotOpen(dir, `could not take the lock file: ${(error as Error).message}`, error);
  }
  try {
    const db = await openPglite(dir);
    return new SqlStore(db, () => lock.release());
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openPglite(dataDir: string | typeof IN_MEMORY): Promise<SqlClient> {
  const label = dataDir;
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir === IN_MEMORY ? {} : { dataDir });
  } catch (error) {
    const message = error instanceof Error && error.message ? error.message : String(error);
    throw cannotOpen(label, `PGlite could not start: ${message}`, error);
  }
  try {
    await migrate(db, MIGRATIONS);
  } catch (error) {
    await db.close().catch(() => undefined);
    const wrapped = toStoreError('applying schema migrations', error);
    throw cannotOpen(label, wrapped.message, error, wrapped.retryable);
  }
  return db;
}

/** Where a PostgreSQL URL points, without its password, for error messages. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * A PostgreSQL server: migrations run under an advisory lock, so any number of workers may open the
 * same database at once and exactly one applies what is pending.
 */
async function openPostgres(databaseUrl: string, poolSize: number): Promise<Store> {
  if (typeof databaseUrl !== 'string' || !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new StoreError('openStore: databaseUrl must be a postgres:// or postgresql:// URL', {
      retryable: false,
      details: { databaseUrl: describeUrl(String(databaseUrl)) },
    });
  }
  if (!Number.isInteger(poolSize) || poolSize < 1) {
    throw new StoreError('openStore: poolSize must be a positive integer', { retryable: false });
  }
  const client = postgresClient(databaseUrl, poolSize);
  try {
    await migrate(client, MIGRATIONS);
  } catch (error) {
    await client.close().catch(() => undefined);
    const wrapped = toStoreError('applying schema migrations', error);
    throw new StoreError(`cannot open store at ${describeUrl(databaseUrl)}: ${wrapped.message}`, {
      cause: error,
      retryable: wrapped.retryable,
      details: { databaseUrl: describeUrl(databaseUrl) },
    });
  }
  return new SqlStore(client);
}
