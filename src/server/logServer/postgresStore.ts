// The store on a PostgreSQL server, through node-postgres: same schema and
// queries as PGlite. A server that goes away fails requests, not the process.
import pg from 'pg';
import { migrate, sqlLogStore, type LogStore, type SqlClient } from './logStore';

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return 'the --database URL';
  }
}

/** Connects, migrates, and returns the store; rejects when the server cannot be reached. */
export async function openPostgresStore(url: string): Promise<LogStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    query_timeout: 15_000,
    // A 2xx promises a durable record: whatever the server's default, commit waits for the WAL flush.
    options: '-c synchronous_commit=on',
  });
  // An idle connection the server dropped: the next query reconnects. Without a
  // listener this event would end the process (node-postgres README, "error" event).
  pool.on('error', () => {});
  const client: SqlClient = {
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[]);
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  try {
    await migrate(client);
  } catch (e) {
    await pool.end();
    throw new Error(`cannot use the database at ${redactUrl(url)}: ${(e as Error).message || (e as Error).name}`);
  }
  return sqlLogStore(client);
}
