// The default store: PGlite, PostgreSQL compiled to WebAssembly, in a data folder.
// NOTE: PGlite 0.5.17's Node file system writes with fs.writeSync and never fsyncs
// (its fdatasync is a no-op): a commit is in the kernel when the query resolves, so
// a killed process loses nothing, but a power cut can. README "Proof of consent".
import { PGlite } from '@electric-sql/pglite';
import { claimDataFolder } from './dataFolderLock';
import { migrate, sqlLogStore, type LogStore, type SqlClient } from './logStore';

type Queryable = Pick<PGlite, 'query' | 'exec'>;

// Statements without parameters may be several (a migration): those go through exec.
const run = (db: Queryable) => async <T>(sql: string, params?: unknown[]): Promise<T[]> => {
  if (params && params.length) return (await db.query<T>(sql, params)).rows;
  const results = await db.exec(sql);
  return (results[results.length - 1]?.rows ?? []) as T[];
};

/** Opens (creating it if need be) the log in `folder`; one process at a time. */
export async function openPgliteStore(folder: string): Promise<LogStore> {
  const release = claimDataFolder(folder);
  let pg: PGlite;
  try {
    pg = await PGlite.create(folder);
  } catch (e) {
    release();
    throw new Error(`cannot open the log in ${folder}: ${(e as Error).message}`);
  }
  const client: SqlClient = {
    query: run(pg),
    transaction: (work) => pg.transaction((tx) => work(run(tx))),
    async close() {
      await pg.close();
      release();
    },
  };
  try {
    await migrate(client);
  } catch (e) {
    await client.close();
    throw e;
  }
  return sqlLogStore(client);
}
