// The options `kakor scan` and `kakor audit` share: how many pages, how long to
// wait, and how to reach a staging copy (extra Chromium arguments, a self-signed certificate).
import { Option, type Command } from 'commander';
import ora, { type Ora } from 'ora';
import type { BrowserOptions } from './browser';
import { CliError } from './cliError';

export interface SiteOptions extends BrowserOptions {
  url: string;
  pages: number;
  timeoutMs: number;
  json: boolean;
}

interface Raw {
  pages: string;
  timeout: string;
  chromiumArg: string[];
  insecure?: boolean;
  json?: boolean;
}

export function addSiteOptions(command: Command): Command {
  return command
    .option('--pages <n>', 'visit at most this many pages', '10')
    .option('--timeout <seconds>', 'give up on a page that has not loaded after this long', '30')
    .addOption(new Option('--chromium-arg <arg>', 'pass an argument to Chromium (repeatable), e.g. --host-resolver-rules=…')
      .argParser((value: string, previous: string[]) => [...previous, value]).default([]))
    .option('--insecure', 'accept a self-signed or otherwise invalid TLS certificate (a staging site)')
    .option('--json', 'print the results as JSON, with no progress');
}

const whole = (flag: string, value: string, least: number): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) throw new CliError(`${flag}: expected a whole number of ${least} or more, got ${JSON.stringify(value)}`);
  return n;
};

export function readSiteOptions(url: string, raw: Raw): SiteOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`expected an http(s) URL such as https://www.example.se/, got ${JSON.stringify(url)}`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new CliError(`expected an http(s) URL, got ${JSON.stringify(url)}`);
  return {
    url: parsed.href,
    pages: whole('--pages', raw.pages, 1),
    timeoutMs: whole('--timeout', raw.timeout, 1) * 1000,
    chromiumArgs: raw.chromiumArg,
    insecure: raw.insecure === true,
    json: raw.json === true,
  };
}

/** A spinner on a terminal; nothing when piped or with --json (STYLE §17). */
export function progress(json: boolean, text: string): Pick<Ora, 'text' | 'stop'> {
  if (json || !process.stderr.isTTY) return { text, stop: () => ({}) as Ora };
  return ora({ text, stream: process.stderr }).start();
}
