// `kakor log-server`: the proof-of-consent receiver of CONTRACT §9 on node:http.
// Exit codes: 2 when the options or the database cannot be used.
import { Command, Option } from 'commander';
import { createLogHandler } from '../server/logServer/handler';
import { startLogServer } from '../server/logServer/nodeServer';
import { DEFAULT_RATE_LIMIT } from '../server/logServer/rateLimit';
import { redactUrl } from '../server/logServer/postgresStore';
import { DEFAULT_DATA_FOLDER } from '../server/logServer/openLogStore';
import { CliError } from './cliError';
import { openStore, storeOptions, type StoreFlags } from './logStoreOptions';

interface Flags extends StoreFlags {
  port: string;
  host: string;
  origin?: string[];
  rateLimit: string;
}

const originOf = (value: string): string => {
  try {
    const u = new URL(value);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
  } catch { /* refused below */ }
  throw new CliError(`--origin: expected a site origin like https://example.se, got "${value}"`, 2);
};

export function logServerCommand(): Command {
  return storeOptions(new Command('log-server').exitOverride()
    .description('receive and keep the proof of consent that kakor POSTs to consentLog.endpoint')
    .option('--port <n>', 'port to listen on', '8787')
    .option('--host <address>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--origin <url...>', 'site origins allowed to post (required), e.g. https://example.se https://www.example.se')
    .addOption(new Option('--rate-limit <n>', 'POSTs per minute per client address, after a burst of as many; 0 turns it off')
      .default(String(DEFAULT_RATE_LIMIT.perMinute))))
    .addHelpText('after', `
Example:
  $ kakor log-server --origin https://example.se
  kakor log-server: http://127.0.0.1:8787/ (PGlite in ${DEFAULT_DATA_FOLDER}), origins https://example.se

  and in cookies.json: "consentLog": { "endpoint": "https://log.example.se/" }`)
    .action(async (flags: Flags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: expected a port number, got "${flags.port}"`, 2);
      const perMinute = Number(flags.rateLimit);
      if (!Number.isInteger(perMinute) || perMinute < 0) throw new CliError(`--rate-limit: expected a whole number, got "${flags.rateLimit}"`, 2);
      if (!flags.origin?.length) throw new CliError('--origin: name the site that posts, e.g. --origin https://example.se', 2);
      const origins = flags.origin.map(originOf);

      const store = await openStore(flags);
      const handler = createLogHandler({ store, origins, rateLimit: perMinute ? { burst: perMinute, perMinute } : false });
      let server;
      try {
        server = await startLogServer(handler, { port, host: flags.host });
      } catch (e) {
        await store.close();
        throw new CliError(`cannot listen on ${flags.host}:${port}: ${(e as Error).message}`, 2);
      }
      const where = flags.database || process.env.KAKOR_LOG_DATABASE
        ? redactUrl(flags.database ?? process.env.KAKOR_LOG_DATABASE ?? '') : `PGlite in ${flags.data ?? DEFAULT_DATA_FOLDER}`;
      process.stdout.write(`kakor log-server: ${server.url} (${where}), origins ${origins.join(' ')}\n`);

      // Stop taking requests, then close the store so PGlite shuts down cleanly.
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          server.close().then(() => store.close()).then(done, done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
