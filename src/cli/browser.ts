// Finds and launches the headless Chromium that `kakor scan` and `kakor audit`
// drive (issue 9 item 5). playwright-core is an optional dependency, imported
// here only, so `check` and `add` run without it; nothing is ever downloaded.
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { CliError } from './cliError';

/** The usual install locations of Debian's, Ubuntu's and Google's builds, in the order tried. */
const INSTALLED = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

// The flags the browser tests use: no sandbox (CI containers run as root), and
// no background traffic, so every request recorded is one the site caused.
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run',
];

const HOW_TO_GET_ONE = 'install Chromium ("apt-get install chromium" or "brew install --cask chromium"), or set KAKOR_CHROMIUM to a Chrome or Chromium binary';

export interface BrowserOptions {
  /** Extra Chromium arguments (`--chromium-arg`), e.g. `--host-resolver-rules=…` for a staging copy. */
  chromiumArgs: string[];
  /** Accept self-signed and otherwise invalid certificates (`--insecure`). */
  insecure: boolean;
}

export interface Driver {
  /** A new visitor: a context with no cookies, storage or cache. */
  newVisitor(): Promise<BrowserContext>;
  close(): Promise<void>;
}

type Chromium = typeof import('playwright-core').chromium;

async function loadChromium(): Promise<Chromium> {
  try {
    return (await import('playwright-core')).chromium;
  } catch {
    throw new CliError(`this command needs playwright-core, which is not installed: run "npm install playwright-core" (it downloads no browser), and ${HOW_TO_GET_ONE}`);
  }
}

/** KAKOR_CHROMIUM, then the usual locations, then a browser Playwright installed; undefined when none. */
export function findChromium(chromium: Pick<Chromium, 'executablePath'> | undefined, env = process.env): string | undefined {
  if (env.KAKOR_CHROMIUM) {
    if (!existsSync(env.KAKOR_CHROMIUM)) throw new CliError(`KAKOR_CHROMIUM is ${env.KAKOR_CHROMIUM}, which does not exist`);
    return env.KAKOR_CHROMIUM;
  }
  const installed = INSTALLED.find((p) => existsSync(p));
  if (installed) return installed;
  let playwrights: string | undefined;
  try {
    playwrights = chromium?.executablePath();
  } catch {
    return undefined; // this playwright-core knows of no browser for this platform
  }
  return playwrights && existsSync(playwrights) ? playwrights : undefined;
}

export async function launchBrowser(options: BrowserOptions): Promise<Driver> {
  const chromium = await loadChromium();
  const executablePath = findChromium(chromium);
  if (!executablePath) throw new CliError(`no Chromium or Chrome found: ${HOW_TO_GET_ONE}`);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: [...FLAGS, ...options.chromiumArgs] });
  } catch (e) {
    const first = String((e as Error).message).split('\n')[0];
    throw new CliError(`could not start ${executablePath}: ${first}`);
  }
  return {
    newVisitor: () => browser.newContext({ ignoreHTTPSErrors: options.insecure, serviceWorkers: 'block' }),
    close: () => browser.close(),
  };
}
