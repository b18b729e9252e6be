/**
 * The little the store needs from a PostgreSQL client. PGlite satisfies it as is; a PostgreSQL server
 * backend needs only an adapter (node-postgres' `query`, plus BEGIN/COMMIT/ROLLBACK on one connection).
 * Parameters: strings, numbers, booleans, null and Uint8Array (bytea); JSON goes in as a string cast
 * with `::jsonb` so no driver-specific JSON serialisation is involved.
 */
export interface SqlExecutor {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

export interface SqlClient extends SqlExecutor {
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
