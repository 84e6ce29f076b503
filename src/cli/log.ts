// `kakor log export|show|stats|purge`: querying the proof of consent (CONTRACT §9).
// Exit codes: 1 `show` found nothing under that id, 2 the options or the database cannot be used.
import { Command, Option } from 'commander';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import type { LogStore } from '../server/logServer/logStore';
import { CliError } from './cliError';
import { choiceText, csvLine, CSV_HEADER, statsTable, withShares } from './logFormat';
import { statsHtml } from './logStatsHtml';
import { openStore, parseDate, storeOptions, type StoreFlags } from './logStoreOptions';

interface RangeFlags extends StoreFlags {
  since?: string;
  until?: string;
}

/** Opens the store for one command and always closes it, so PGlite's folder is released. */
async function withStore<T>(flags: StoreFlags, work: (store: LogStore) => Promise<T>): Promise<T> {
  const store = await openStore(flags);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Standard output that waits for a full pipe to drain, so a million rows stream
 * through a small buffer; a reader that went away (`| head`) ends it quietly, as `cat` would. */
function standardOutput() {
  let closed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  return {
    get closed() { return closed; },
    async write(text: string): Promise<void> {
      if (closed) return;
      try {
        if (!process.stdout.write(text)) await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]);
      } catch {
        closed = true;
      }
    },
  };
}

const rangeOf = (flags: RangeFlags) => ({ since: parseDate('--since', flags.since), until: parseDate('--until', flags.until) });

function exportCommand(): Command {
  return storeOptions(new Command('export').exitOverride()
    .description('every choice in a time range, oldest first, to standard output')
    .option('--since <date>', 'from this day or time (UTC), e.g. 2026-05-01')
    .option('--until <date>', 'up to, not including, this day or time (UTC)')
    .addOption(new Option('--format <format>', 'csv or json (one array)').choices(['csv', 'json']).default('csv')))
    .addHelpText('after', '\nExample:\n  $ kakor log export --since 2026-05-01 --format csv > consent-may.csv')
    .action((flags: RangeFlags & { format: 'csv' | 'json' }) => withStore(flags, async (store) => {
      const out = standardOutput();
      const range = rangeOf(flags);
      let first = true;
      await out.write(flags.format === 'csv' ? CSV_HEADER : '[');
      for await (const choice of store.choices(range)) {
        if (out.closed) break;
        await out.write(flags.format === 'csv' ? csvLine(choice) : `${first ? '\n' : ',\n'}${JSON.stringify(choice)}`);
        first = false;
      }
      if (flags.format === 'json') await out.write(first ? ']\n' : '\n]\n');
    }));
}

function showCommand(): Command {
  return storeOptions(new Command('show').exitOverride()
    .description('every choice made under one consent id (a visitor\'s access request)')
    .argument('<consentId>', 'the id in the visitor\'s kakor_consent cookie, or window.kakor.getConsent().id')
    .option('--json', 'as JSON'))
    .addHelpText('after', '\nExample:\n  $ kakor log show 3f1c2a9e-8d4b-4c1e-9a7f-2b6d5e8c0a11')
    .action((consentId: string, flags: StoreFlags & { json?: boolean }) => withStore(flags, async (store) => {
      const out = standardOutput();
      const choices = await store.byConsentId(consentId);
      if (flags.json) await out.write(`${JSON.stringify(choices, null, 2)}\n`);
      else for (const c of choices) await out.write(choiceText(c));
      if (!choices.length) throw new CliError(`no choice is logged under ${consentId}`, 1);
    }));
}

function statsCommand(): Command {
  return storeOptions(new Command('stats').exitOverride()
    .description('accept all, reject all and custom choices per day (UTC) and manifest revision')
    .option('--since <date>', 'from this day or time (UTC)')
    .option('--until <date>', 'up to, not including, this day or time (UTC)')
    .option('--html <file>', 'also write a page with a chart to FILE')
    .option('--json', 'as JSON'))
    .addHelpText('after', '\nExample:\n  $ kakor log stats --since 2026-05-01 --html consent-stats.html')
    .action((flags: RangeFlags & { html?: string; json?: boolean }) => withStore(flags, async (store) => {
      const out = standardOutput();
      const rows = await store.stats(rangeOf(flags));
      if (flags.html) await writeFile(flags.html, statsHtml(rows, 'Proof of consent: choices per day'));
      await out.write(flags.json ? `${JSON.stringify(rows.map(withShares), null, 2)}\n` : statsTable(rows));
    }));
}

function purgeCommand(): Command {
  return storeOptions(new Command('purge').exitOverride()
    .description('delete choices made more than DAYS days ago (retention)')
    .requiredOption('--older-than <days>', 'age in days'))
    .addHelpText('after', '\nExample:\n  $ kakor log purge --older-than 1095')
    .action((flags: StoreFlags & { olderThan: string }) => {
      const days = Number(flags.olderThan);
      if (!Number.isInteger(days) || days < 0) throw new CliError(`--older-than: expected a number of days, got "${flags.olderThan}"`, 2);
      return withStore(flags, async (store) => {
      const out = standardOutput();
        const deleted = await store.purge(new Date(Date.now() - days * 86_400_000));
        await out.write(`kakor log purge: deleted ${deleted} choice${deleted === 1 ? '' : 's'} older than ${days} days\n`);
      });
    });
}

export function logCommand(): Command {
  return new Command('log').exitOverride()
    .description('query the proof of consent that kakor log-server keeps')
    .addCommand(exportCommand())
    .addCommand(showCommand())
    .addCommand(statsCommand())
    .addCommand(purgeCommand());
}
