// `kakor scan <url>` (CONTRACT §1.3, issue 9 item 3): visits the site as a new
// visitor, names what it sets and loads, writes a draft manifest kakor accepts
// as is, and reports what it could not name. Exit 0 when the draft is written, 2 on unusable input.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { pc } from './colours';
import { validateManifest } from '../core/manifest/validate';
import { launchBrowser } from './browser';
import { CliError } from './cliError';
import { crawl } from './crawl';
import { draftManifest } from './draftManifest';
import { markdownReport, summarise, type ScanSummary } from './scanReport';
import { addSiteOptions, progress, readSiteOptions } from './siteOptions';
import { writeAtomically } from './writeAtomically';

const DEFAULT_OUT = 'cookies.json';

export function registerScan(program: Command): void {
  addSiteOptions(program.command('scan <url>')
    .description('visit a site as a new visitor and draft a cookie manifest from what it sets and loads')
    .option('--out <file>', `where to write the draft manifest (default ${DEFAULT_OUT}, never replaced unless named)`)
    .option('--report <file>', 'also write the report as Markdown'))
    .addHelpText('after', `
Example:
  $ kakor scan https://www.example.se/ --pages 20 --out cookies.json --report scan.md

Exit codes: 0 the draft is written, 2 the site or an option could not be used.`)
    .action(async (url: string, raw) => {
      const options = readSiteOptions(url, raw);
      const out: string = raw.out ?? DEFAULT_OUT;
      if (raw.out === undefined && existsSync(out)) {
        throw new CliError(`${out} exists: give --out ${out} to replace it, or --out another file`);
      }
      const summary = await scan(options, out, raw.report);
      if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else process.stdout.write(describe(summary, raw.report));
    });
}

async function scan(options: ReturnType<typeof readSiteOptions>, out: string, report?: string): Promise<ScanSummary & { manifest: unknown }> {
  const spinner = progress(options.json, `kakor scan: starting Chromium`);
  const driver = await launchBrowser(options).catch((e) => {
    spinner.stop();
    throw e;
  });
  let result;
  try {
    result = await crawl(driver, options.url, {
      pages: options.pages,
      timeoutMs: options.timeoutMs,
      onPage: (p) => {
        spinner.text = `kakor scan: ${p.visited} pages, ${p.cookies} cookies, ${p.hosts} third-party hosts (${p.url})`;
      },
    });
  } finally {
    spinner.stop();
    await driver.close();
  }
  const draft = draftManifest(new URL(result.start).hostname, result.requests, result.cookies);
  const { errors } = validateManifest(draft.manifest);
  // The draft is made from catalogue entries the tests validate: an error here is kakor's bug.
  if (errors.length > 0) throw new Error(`kakor scan drafted a manifest that fails the check: ${errors.join('; ')}`);
  await writeAtomically(out, `${JSON.stringify(draft.manifest, null, 2)}\n`);
  const summary = summarise(result, draft, out);
  if (report) await writeAtomically(report, markdownReport(summary));
  return { ...summary, manifest: draft.manifest };
}

function describe(s: ScanSummary, report?: string): string {
  const named = s.services.map((x) => `${x.id} (${x.category})`).join(', ');
  const unnamed = s.cookies.filter((c) => c.namedBy === 'unnamed').length + s.hosts.filter((h) => h.unnamed).length;
  return [
    `${pc.bold('kakor scan')} ${s.url}: ${s.pages.length} pages, ${s.cookies.length} cookies, ${s.hosts.length} third-party hosts`,
    `services: ${named || 'none'}`,
    ...s.skipped.map((p) => pc.yellow(`skipped ${p.url}: ${p.reason}`)),
    `${pc.green('wrote')} ${s.out}${report ? ` and ${report}` : ''}`,
    unnamed > 0 ? pc.yellow(`${unnamed} not named; decide before publishing:`) : 'to decide before publishing:',
    ...s.decide.map((d) => `  - ${d}`),
    '',
  ].join('\n');
}
