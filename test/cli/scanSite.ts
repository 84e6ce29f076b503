// Helpers for the scan and audit tests: run the built `kakor` as a user would,
// with the vendor host names mapped to the https front of the example server,
// and make throw-away copies of the fixture site's kakor variant.
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { hostRules } from '../../examples/scan-site/tlsFront.mjs';

const root = join(__dirname, '../..');
const kakorBin = join(root, 'dist/cli/kakor.js');

export const origin = inject('scanSiteOrigin');
export const frontPort = inject('scanSiteFrontPort');
/** The plain fixture site: vendors' snippets as pasted, no kakor. */
export const plainSite = `${origin}/examples/scan-site/`;
/** What lets the browser reach the fakes at www.googletagmanager.com and the others. */
export const vendorArgs = ['--insecure', `--chromium-arg=${hostRules(frontPort)}`];

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli/kakor.js …args` in `cwd`; never rejects. */
export function kakor(args: string[], cwd = root, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [kakorBin, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env }, maxBuffer: 1 << 24 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
  });
}

let copies = 0;

/**
 * A copy of examples/scan-site/kakor/ served at its own URL, with `manifest`
 * as its cookies.json and `edit` applied to each page's HTML; removed by `remove()`.
 */
export function kakorSiteCopy(manifest: unknown, edit: (html: string, file: string) => string = (h) => h) {
  const name = `test-${process.pid}-${++copies}`;
  const folder = join(root, 'examples/scan-site', name);
  cpSync(join(root, 'examples/scan-site/kakor'), folder, { recursive: true });
  writeFileSync(join(folder, 'cookies.json'), JSON.stringify(manifest, null, 2));
  for (const file of readdirSync(folder)) {
    const path = join(folder, file);
    if (file.endsWith('.html')) writeFileSync(path, edit(readFileSync(path, 'utf8'), file));
    if (file === 'sitemap.xml') writeFileSync(path, readFileSync(path, 'utf8').replace(/\/kakor\//g, `/${name}/`));
  }
  return { url: `${origin}/examples/scan-site/${name}/`, folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
