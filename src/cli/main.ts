// The `kakor` command (CONTRACT §1.3): one file per command, each a thin layer
// over src/server and src/core. Nothing here reaches the browser files.
import { Command, CommanderError } from 'commander';
import { pc } from './colours';
import { checkCommand } from './check';
import { CliError } from './cliError';
import { addCommand } from './add';
import { logCommand } from './log';
import { logServerCommand } from './logServer';
import { registerScan } from './scan';
import { registerAudit } from './audit';

const program = new Command('kakor')
  .description('Cookie consent for Swedish sites: check, draft and audit a cookie manifest')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

// Each command registers itself here; see its file for its options and exit codes.
program.addCommand(checkCommand());
program.addCommand(addCommand());
program.addCommand(logServerCommand());
program.addCommand(logCommand());
registerScan(program);
registerAudit(program);

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // --help, --version, or a usage error commander printed
    if (e instanceof CliError) {
      process.stderr.write(`${pc.red('kakor:')} ${e.message}\n`);
      return e.exitCode;
    }
    throw e; // a bug: the stack trace is wanted
  }
}
