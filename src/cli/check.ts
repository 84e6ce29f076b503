// `kakor check cookies.json [page.html… | URL…] [--json]` (CONTRACT §1.3): every
// manifest problem at its line:column, then every vendor tag in the pages that
// loads before consent. Exit 0 clean (warnings allowed), 1 problems, 2 unusable input.
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { pc } from './colours';
import { blockingEdits } from '../server/blockingEdits';
import { checkManifest, type ManifestProblem } from '../server/checkManifest';
import { findVendorTags } from '../server/findVendorTags';
import { positionsIn } from '../server/position';
import type { VendorTag } from '../server/vendorTag';
import { CliError } from './cliError';

const WHY = "the browser's preload scanner fetches it before any script runs";
const WHY_FRAME = 'the browser loads it as soon as it parses the tag, before any script runs';
const WHY_NOSCRIPT = 'a visitor without JavaScript loads it and can never consent';
const FRAMES = ['iframe', 'frame', 'embed', 'object'];

interface Source {
  name: string;
  text: string;
  /** The address relative URLs resolve against: the page's own for a URL. */
  base?: string;
}

interface PageTag {
  line: number;
  column: number;
  tag: string;
  element: string;
  service: string;
  category: string;
  url: string;
  attributes: string[];
  reason: string;
  fix: string;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

async function load(name: string, page: boolean): Promise<Source> {
  if (isUrl(name)) {
    let res: Response;
    try {
      res = await fetch(name, { signal: AbortSignal.timeout(15_000), headers: { accept: page ? 'text/html' : 'application/json' } });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`cannot fetch ${name}: ${cause?.code || cause?.message || (e as Error).message}`);
    }
    if (!res.ok) throw new CliError(`cannot fetch ${name}: HTTP ${res.status}`);
    const type = res.headers.get('content-type') || '';
    if (page && type && !/html/i.test(type)) throw new CliError(`${name} is not an HTML page (content-type: ${type})`);
    return { name, text: await res.text(), base: res.url || name };
  }
  try {
    return { name, text: await readFile(name, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`);
  }
}

/** A tag as written, on one line and not too long to read. */
const shown = (html: string) => {
  const one = html.replace(/\s+/g, ' ');
  return one.length > 160 ? `${one.slice(0, 157)}…>` : one;
};

/** The tag as blocked markup: the same edits kakor/rewrite makes. */
function fixOf(html: string, vendor: VendorTag): string {
  let out = html.slice(vendor.tag.start, vendor.tag.end);
  for (const edit of blockingEdits(vendor).reverse()) {
    const at = edit.offset - vendor.tag.start;
    out = out.slice(0, at) + edit.text + out.slice(at);
  }
  return out;
}

function pageTags(page: Source, manifest: NonNullable<ReturnType<typeof checkManifest>['manifest']>): PageTag[] {
  const at = positionsIn(page.text);
  return findVendorTags(page.text, manifest, page.base).filter((v) => v.loads.length).map((v) => ({
    ...at(v.tag.start),
    tag: page.text.slice(v.tag.start, v.tag.end),
    element: v.tag.name,
    service: v.service.id,
    category: v.service.category,
    url: v.url,
    attributes: v.loads,
    reason: v.tag.inNoscript ? WHY_NOSCRIPT : FRAMES.includes(v.tag.name) ? WHY_FRAME : WHY,
    fix: fixOf(page.text, v),
  }));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function print(file: string, problems: ManifestProblem[], pages: { name: string; tags: PageTag[] }[] | null): void {
  const out: string[] = [];
  const label = (s: ManifestProblem['severity']) => (s === 'error' ? pc.red('error') : pc.yellow('warning'));
  for (const p of problems) out.push(`${file}:${p.line}:${p.column}: ${label(p.severity)}: ${p.message}`);
  for (const page of pages || []) {
    for (const t of page.tags) {
      out.push(`${page.name}:${t.line}:${t.column}: ${label('error')}: ${shown(t.tag)} loads "${t.service}" (${t.category}) before consent: ${t.reason}`);
      out.push(pc.dim(`  write it as ${shown(t.fix)}, or serve the page through kakor/rewrite`));
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const tags = (pages || []).reduce((n, p) => n + p.tags.length, 0);
  const parts = [`${file}: ${errors || warnings ? `${plural(errors, 'error')}, ${plural(warnings, 'warning')}` : 'no problems'}`];
  if (pages === null) parts.push('pages not checked, the manifest must be valid first');
  else if (pages.length) parts.push(`${plural(pages.length, 'page')}: ${tags ? `${plural(tags, 'vendor tag')} loading before consent` : 'no vendor tag loads before consent'}`);
  const ok = !errors && !tags;
  out.push(`${out.length ? '\n' : ''}${ok ? pc.green('✔') : pc.red('✖')} ${parts.join('; ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Runs the check; resolves to the exit code. */
export async function check(file: string, pageNames: string[], json: boolean): Promise<number> {
  const source = await load(file, false);
  const pages = await Promise.all(pageNames.map((p) => load(p, true)));
  const result = checkManifest(source.text);
  const checked = result.manifest && pages.map((p) => ({ name: p.name, tags: pageTags(p, result.manifest!) }));
  const failed = result.problems.some((p) => p.severity === 'error') || (checked || []).some((p) => p.tags.length);
  if (json) {
    process.stdout.write(`${JSON.stringify({
      ok: !failed, manifest: { file, valid: !!result.manifest, problems: result.problems },
      pagesChecked: !!checked, pages: (checked || []).map((p) => ({ source: p.name, vendorTags: p.tags })),
    }, null, 2)}\n`);
  } else print(file, result.problems, pageNames.length ? checked : []);
  return result.syntax ? 2 : failed ? 1 : 0;
}

export function checkCommand(): Command {
  return new Command('check')
    .description('check a cookie manifest, and find vendor tags in pages that load before consent')
    .argument('<manifest>', 'the cookie manifest (a file, or an http(s) URL)')
    .argument('[pages...]', 'HTML files or http(s) URLs to look for vendor tags in')
    .option('--json', 'print a machine-readable report')
    .exitOverride()
    .showHelpAfterError('(run kakor check --help for usage)')
    .addHelpText('after', `
Example:
  $ npx kakor check cookies.json public/index.html https://staging.example.se/

Every problem is printed as file:line:column. A vendor tag is a <script src>,
<iframe src>, <img src>, <link rel=preload|stylesheet…> or other loading tag whose
URL a non-essential service's "scripts" match, not written as blocked markup.

Exit codes: 0 clean (warnings allowed), 1 problems found, 2 unusable input
(a missing file, a manifest that is not JSON, an unreachable URL).`)
    .action(async (file: string, pages: string[], options: { json?: boolean }) => {
      process.exitCode = await check(file, pages, !!options.json);
    });
}
