import pg from 'pg';
import type { SqlClient, SqlExecutor } from './sql';

// bytea → Buffer (a Uint8Array), jsonb → parsed, timestamptz → Date, integer → number: what the rows
// module expects from PGlite too. count(*) is bigint (a string in pg), so the store casts it.

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return { rows: result.rows as T[] };
    },
    // Without parameters pg uses the simple query protocol, which runs several statements at once.
    exec: (sql: string) => client.query(sql),
  };
}

/**
 * node-postgres behind the store's SqlClient: a pool for single statements, one checked-out
 * connection per transaction. A connection that broke mid-transaction is destroyed, not reused.
 */
export function postgresClient(connectionString: string, poolSize: number): SqlClient {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 10_000 });
  // An idle connection that the server drops (restart, failover) must not crash the process; the
  // next query gets a fresh connection, or an error the caller sees.
  pool.on('error', () => {});
  // The pool listens on a connection only while it is idle, a query only while it runs: a server that
  // terminates every backend (restart, failover, `pg_ctl stop -m fast`) also reaches connections
  // between the two, and an 'error' with no listener would end the process. Whoever uses that
  // connection next gets the error from its query; the event itself carries nothing more.
  pool.on('connect', (connection) => {
    connection.on('error', () => {});
  });
  const direct = executor(pool);
  return {
    ...direct,
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      let broken: Error | undefined;
      // A server that goes away mid-transaction also emits 'error' on the connection; the pending
      // query rejects with it, so it is recorded here rather than left to crash the process.
      const onError = (error: Error) => {
        broken = error;
      };
      connection.on('error', onError);
      try {
        await connection.query('BEGIN');
        const result = await fn(executor(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        connection.off('error', onError);
        connection.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
