// Terminal colours (STYLE §17): on a terminal, none when piped or under NO_COLOR.
// NOTE: picocolors' default also turns colours on whenever CI is set, which puts
// escape codes into every log and file a CI job captures.
import { createColors } from 'picocolors';

const { env } = process;
export const pc = createColors(!('NO_COLOR' in env) && ('FORCE_COLOR' in env || process.stdout.isTTY === true));
