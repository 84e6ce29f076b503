// --database and --data, shared by `kakor log-server` and `kakor log …`.
import type { Command } from 'commander';
import { openLogStore, DEFAULT_DATA_FOLDER } from '../server/logServer/openLogStore';
import type { LogStore } from '../server/logServer/logStore';
import { CliError } from './cliError';

export interface StoreFlags {
  database?: string;
  data?: string;
}

export function storeOptions(command: Command): Command {
  return command
    .option('--database <url>', 'a PostgreSQL server (postgres://user:pass@host/db); default: PGlite in --data')
    .option('--data <dir>', `the PGlite data folder (default: ${DEFAULT_DATA_FOLDER})`);
}

/** Opens the store; a database that cannot be used is exit code 2, in one line. */
export async function openStore(flags: StoreFlags): Promise<LogStore> {
  try {
    return await openLogStore({ database: flags.database ?? process.env.KAKOR_LOG_DATABASE, data: flags.data });
  } catch (e) {
    throw new CliError((e as Error).message.split('\n')[0], 2);
  }
}

/** A --since/--until value: YYYY-MM-DD (UTC midnight) or an ISO 8601 time. */
export function parseDate(flag: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(/^\d{4}-\d\d-\d\d$/.test(value) ? `${value}T00:00:00.000Z` : value);
  if (!/^\d{4}-\d\d-\d\d/.test(value) || Number.isNaN(date.getTime())) {
    throw new CliError(`${flag}: expected a date like 2026-05-01, got "${value}"`, 2);
  }
  return date;
}
