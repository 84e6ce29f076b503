// `kakor audit <url>` (CONTRACT §1.3, issue 9 item 4): visits each page three
// times as a new visitor and fails when anything non-essential is requested or
// set before consent or after "reject all". Exit 0 passed, 1 failed, 2 unusable input.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { validateManifest } from '../core/manifest/validate';
import type { ResolvedManifest } from '../core/types';
import { junit, table, tally, type PageAudit } from './auditReport';
import { openVisitor, type VisitKind, type VisitRecord, type Visitor } from './auditVisit';
import { launchBrowser } from './browser';
import { CliError } from './cliError';
import { judgeVisit } from './judgeVisit';
import { placeKakor, rawVendorTags } from './kakorOnPage';
import { LoadError } from './loadPage';
import { PageQueue, scopeOf, type Scope } from './siteScope';
import { addSiteOptions, progress, readSiteOptions, type SiteOptions } from './siteOptions';
import { writeAtomically } from './writeAtomically';

const KINDS: VisitKind[] = ['none', 'reject', 'accept'];

export function registerAudit(program: Command): void {
  addSiteOptions(program.command('audit <url>')
    .description('visit each page without a click, after "reject all" and after "accept all"; fail on anything non-essential before consent')
    .option('--manifest <file>', 'judge by this manifest instead of the one the page loads')
    .option('--junit <file>', 'also write the results as JUnit XML, for a CI'))
    .addHelpText('after', `
Example:
  $ kakor audit http://localhost:4173/ --pages 20 --junit kakor-audit.xml

Exit codes: 0 passed (warnings allowed), 1 something loaded or was set without consent, 2 the site or an option could not be used.`)
    .action(async (url: string, raw) => {
      const options = readSiteOptions(url, raw);
      const given = raw.manifest ? await readManifestFile(raw.manifest) : undefined;
      const result = await audit(options, given);
      if (raw.junit) await writeAtomically(raw.junit, junit(result));
      process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : table(result));
      process.exitCode = result.passed ? 0 : 1;
    });
}

function checked(raw: unknown, where: string): ResolvedManifest {
  const { manifest, errors } = validateManifest(raw);
  if (!manifest) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more: run kakor check to see them all)` : '';
    throw new CliError(`${where} fails the manifest check: ${errors[0]}${more}`);
  }
  return manifest;
}

function parse(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${where} is not JSON: ${(e as Error).message}`);
  }
}

async function readManifestFile(file: string): Promise<Judge & { manifest: ResolvedManifest }> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new CliError(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.code ?? e.message}`);
  });
  return { manifest: checked(parse(text, file), file), where: file };
}

/** What the visits are judged by, and where it came from. */
interface Judge {
  manifest: ResolvedManifest | null;
  where: string;
}

/** The page's own manifest, as kakor on it reads it; null on a page without one (everything then leaks). */
function manifestOfPage(first: VisitRecord): Judge {
  const found = first.manifest;
  if (!found) return { manifest: null, where: 'none on the page' };
  if (found.text === undefined) throw new CliError(`the page's manifest ${found.where} could not be fetched${found.status ? `: HTTP ${found.status}` : ''}`);
  return { manifest: checked(parse(found.text, found.where), found.where), where: found.where };
}

/**
 * The three visits side by side, one visitor of each kind. Without a manifest to judge by
 * yet, the page's own is read as soon as the visit without a click has it: one that cannot
 * be used ends the audit then, not after the other two visits have waited for a kakor
 * that, failing closed, never becomes ready.
 */
async function auditPage(visitors: Visitor[], url: string, options: SiteOptions, scope: Scope, discover: boolean,
  judge: Judge | undefined): Promise<{ visits: VisitRecord[]; judge: Judge }> {
  const running = visitors.map((v, i) => v.visit(url, { timeoutMs: options.timeoutMs, scope, discover: discover && KINDS[i] === 'none' }));
  // Visits given up on when the first one ends the audit fail as the browser closes.
  for (const visit of running) visit.catch(() => undefined);
  judge ??= manifestOfPage(await running[0]!);
  return { visits: await Promise.all(running), judge };
}

function judgePage(visits: VisitRecord[], manifest: ResolvedManifest | null, siteHost: string): PageAudit {
  const [none] = visits;
  const verdicts = visits.map((v) => ({ visit: v.kind, ...judgeVisit(v, manifest, siteHost) }));
  const placement = placeKakor(none.html);
  verdicts[0].failures.unshift(...placement.problems);
  if (manifest) verdicts[0].warnings.push(...rawVendorTags(none.html, manifest, none.url));
  return { url: none.url, visits: verdicts };
}

async function audit(options: SiteOptions, given?: Judge) {
  const spinner = progress(options.json, 'kakor audit: starting Chromium');
  const driver = await launchBrowser(options).catch((e) => {
    spinner.stop();
    throw e;
  });
  const visitors: Visitor[] = [];
  try {
    for (const kind of KINDS) visitors.push(await openVisitor(driver, kind));
    const pages: PageAudit[] = [];
    const queue = new PageQueue(options.pages);
    queue.add([options.url]);
    let judge: Judge | undefined = given;
    let siteHost = new URL(options.url).hostname;
    let scope = scopeOf(options.url);
    for (let [url] = queue.take(1); url; [url] = queue.take(1)) {
      const first = pages.length === 0;
      let visits: VisitRecord[];
      try {
        ({ visits, judge } = await auditPage(visitors, url, options, scope, first, judge));
      } catch (e) {
        if (!(e instanceof LoadError)) throw e;
        // The start page must open; a broken page further in fails the audit as what it is.
        if (first) throw new CliError(e.message);
        pages.push({ url, visits: KINDS.map((visit) => ({ visit, failures: [e.message], warnings: [] })) });
        continue;
      }
      if (first) {
        siteHost = new URL(visits[0].url).hostname;
        scope = scopeOf(visits[0].url);
      }
      queue.add(visits[0].links);
      pages.push(judgePage(visits, judge.manifest, siteHost));
      spinner.text = `kakor audit: ${pages.length} pages, ${pages.reduce((n, p) => n + p.visits.reduce((m, v) => m + v.failures.length, 0), 0)} failures (${url})`;
    }
    return tally(pages[0].url, judge!.where, pages);
  } finally {
    spinner.stop();
    await driver.close();
  }
}
