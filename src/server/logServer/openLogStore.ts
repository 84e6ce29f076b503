// Picks the store from what the site owner typed: --database URL or --data DIR.
import type { LogStore } from './logStore';
import { openPgliteStore } from './pgliteStore';
import { openPostgresStore } from './postgresStore';

export interface LogStoreOptions {
  /** `postgres://…`: a PostgreSQL server. */
  database?: string;
  /** The PGlite data folder, when no `database` is given. @default "./kakor-log" */
  data?: string;
}

export const DEFAULT_DATA_FOLDER = './kakor-log';

/** Opens and migrates the log store. */
export function openLogStore(options: LogStoreOptions = {}): Promise<LogStore> {
  if (options.database) {
    if (!/^postgres(ql)?:\/\//.test(options.database)) {
      return Promise.reject(new Error(`--database: expected a postgres:// URL, got "${options.database.split('@').pop()}"`));
    }
    return openPostgresStore(options.database);
  }
  return openPgliteStore(options.data ?? DEFAULT_DATA_FOLDER);
}
