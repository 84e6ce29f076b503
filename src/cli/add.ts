// `kakor add <id…>` (CONTRACT §1.3): adds services from the catalogue to a
// manifest by text edits (jsonc-parser), so everything the owner wrote keeps its
// bytes, order and formatting; `kakor add --list` prints the catalogue.
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import {
  findNodeAtLocation, parse, parseTree, printParseErrorCode, type FormattingOptions, type ParseError,
} from 'jsonc-parser';
import { pc } from './colours';
import { validateManifest } from '../core/manifest/validate';
import { matchService } from '../core/blocking/matchUrl';
import { toPattern } from '../core/manifest/checks';
import { catalogueService, entryUrls, loadCatalogue, type CatalogueEntry } from './catalogue';
import { CliError } from './cliError';

type Json = { [key: string]: unknown };

export function addCommand(): Command {
  return new Command('add')
    .description('add services from kakor\'s catalogue of common vendors to a manifest')
    .argument('[service-id...]', 'catalogue ids, e.g. google-analytics meta-pixel (see --list)')
    .option('-m, --manifest <file>', 'the manifest to change (created when missing)', 'cookies.json')
    .option('-l, --list', 'print the catalogue: id, name, category')
    .option('--json', 'print machine-readable JSON instead of text')
    .showHelpAfterError('(run kakor add --help for usage)')
    .exitOverride() // addCommand() does not inherit the program's; main() maps commander's errors to exit codes
    .addHelpText('after', `
Examples:
  $ kakor add google-analytics meta-pixel
  $ kakor add youtube --manifest public/cookies.json
  $ kakor add --list

Exit codes: 0 done (or nothing to add), 1 the manifest fails kakor's check,
2 unusable input (unknown id, a file that is not JSON).`)
    .action((ids: string[], options: { manifest: string; list?: boolean; json?: boolean }) => {
      const catalogue = loadCatalogue();
      if (options.list) return list(catalogue, !!options.json);
      if (ids.length === 0) throw new CliError('name at least one service id, e.g. kakor add google-analytics (kakor add --list shows them all)');
      const report = add(options.manifest, ids, catalogue);
      process.stdout.write(options.json ? JSON.stringify(report, null, 2) + '\n' : summary(report));
    });
}

function list(catalogue: CatalogueEntry[], json: boolean): void {
  const rows = catalogue.map(({ service: s }) => ({ id: s.id, name: s.name, category: s.category }));
  if (json) return void process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  const width = Math.max(...rows.map((r) => r.id.length));
  const nameWidth = Math.max(...rows.map((r) => r.name.length));
  // One write: a reader such as `head` that closes early then costs no EPIPE per line.
  process.stdout.write(rows.map((r) => `${r.id.padEnd(width)}  ${r.name.padEnd(nameWidth)}  ${pc.dim(r.category)}\n`).join(''));
}

interface AddReport {
  manifest: string;
  created: boolean;
  /** `newCategory`: the category was not in the manifest and was added with this service. */
  added: { id: string; name: string; category: string; newCategory: boolean }[];
  skipped: string[];
  categoriesAdded: string[];
  /** Catalogue URLs that a service already in the manifest claims first (the browser takes the first match). */
  overlaps: { id: string; existing: string; url: string }[];
}

/** Adds the catalogue entries to the manifest file and writes it back whole, or throws and writes nothing. */
export function add(file: string, ids: string[], catalogue: CatalogueEntry[]): AddReport {
  const entries = ids.map((id) => catalogue.find((e) => e.service.id === id) || unknown(id, catalogue));
  const created = !existsSync(file);
  let text = created ? newManifest() : readText(file);
  // A byte order mark is kept as it was; the browser's response.json() skips it, and so does this.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  text = text.slice(bom.length);
  const manifest = readJson(file, text);
  const before = validateManifest(manifest);
  if (before.errors.length) failsCheck(file, before.errors, 'nothing was added');

  const formatting = detectFormatting(text);
  const services = Array.isArray(manifest.services) ? manifest.services as Json[] : undefined;
  const present = new Set((services || []).map((s) => s && s.id));
  const categoryIds = new Set((manifest.categories as unknown[]).map((c) => (typeof c === 'string' ? c : (c as Json).id)));
  const report: AddReport = { manifest: file, created, added: [], skipped: [], categoriesAdded: [], overlaps: [] };

  for (const entry of entries) {
    const service = catalogueService(entry);
    if (present.has(service.id)) {
      report.skipped.push(service.id);
      continue;
    }
    report.overlaps.push(...overlaps(entry, services || []));
    const newCategory = !categoryIds.has(service.category);
    if (newCategory) {
      text = appendItem(text, 'categories', service.category, formatting);
      categoryIds.add(service.category);
      report.categoriesAdded.push(service.category);
    }
    text = appendItem(text, 'services', service, formatting);
    present.add(service.id);
    report.added.push({ id: service.id, name: service.name, category: service.category, newCategory });
  }
  if (report.added.length === 0 && !created) return report;

  const after = validateManifest(JSON.parse(text));
  if (after.errors.length) failsCheck(file, after.errors, 'it was left as it was');
  writeWhole(file, bom + text);
  return report;
}

function unknown(id: string, catalogue: CatalogueEntry[]): never {
  const close = catalogue.map((e) => e.service.id).filter((c) => c.includes(id) || id.includes(c) || distance(c, id) <= 3);
  const hint = close.length ? ` (did you mean ${close.slice(0, 3).join(', ')}?)` : '';
  throw new CliError(`"${id}" is not in the catalogue${hint}; kakor add --list shows every id`);
}

/** Levenshtein distance, for the "did you mean" of an unknown id. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: could not read it (${(e as NodeJS.ErrnoException).code || (e as Error).message})`);
  }
}

/** The manifest as JSON.parse reads it (the browser does the same), or a one-line error with line:column. */
function readJson(file: string, text: string): Json {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length) {
    const { error, offset } = errors[0];
    const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
    throw new CliError(`${file}:${lines.length}:${lines[lines.length - 1].length + 1}: not valid JSON (${printParseErrorCode(error)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(`${file}: expected a JSON object, the cookie manifest`);
  return value as Json;
}

function failsCheck(file: string, errors: string[], outcome: string): never {
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more: kakor check ${file})` : '';
  throw new CliError(`${file} fails kakor's check, so ${outcome}: ${errors[0]}${more}`, 1);
}

/** A new manifest: just what the check requires, plus the schema for editors. */
function newManifest(): string {
  return JSON.stringify({
    $schema: './node_modules/kakor/manifest.schema.json',
    revision: 1,
    defaultLanguage: 'sv',
    categories: ['necessary'],
    services: [],
  }, null, 2) + '\n';
}

/** The owner's indentation and line ends, so inserted text looks like the rest. */
function detectFormatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text);
  const tabs = !!indent && indent[1][0] === '\t';
  return { insertSpaces: !tabs, tabSize: tabs || !indent ? 2 : indent[1].length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/**
 * The text with `value` appended to the top-level array `key` (created when
 * missing), written the way its neighbours are: on the same line, or on the next
 * at the same indent. NOTE: jsonc-parser's `modify` reformats every line an edit
 * touches (a one-line `"categories": [...]` came back spread over five), so the
 * insertion is made here and the owner's bytes stay as they were.
 */
function appendItem(text: string, key: string, value: unknown, formatting: FormattingOptions): string {
  const root = parseTree(text)!;
  const array = findNodeAtLocation(root, [key]);
  const unit = formatting.insertSpaces ? ' '.repeat(formatting.tabSize!) : '\t';
  const write = (v: unknown, indent: string | null) =>
    (indent === null ? JSON.stringify(v) : JSON.stringify(v, null, unit).replace(/\n/g, formatting.eol + indent));
  const indentAt = (offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0];
  const splice = (from: number, to: number, inserted: string) => text.slice(0, from) + inserted + text.slice(to);

  if (array && array.children!.length === 0) {
    const oneLine = !/[\r\n]/.test(text.trim());
    return splice(array.offset, array.offset + array.length, write([value], oneLine ? null : indentAt(array.offset)));
  }
  // After the array's last item, or (no array yet) after the manifest's last key.
  const parent = array || root;
  const last = parent.children![parent.children!.length - 1];
  const end = last.offset + last.length;
  const item = (indent: string | null) => (array ? write(value, indent) : `${JSON.stringify(key)}: ${write([value], indent)}`);
  if (!/[\r\n]/.test(text.slice(parent.offset, last.offset))) {
    const previous = parent.children![parent.children!.length - 2];
    return splice(end, end, `${previous ? text.slice(previous.offset + previous.length, last.offset) : ', '}${item(null)}`);
  }
  const indent = indentAt(last.offset);
  return splice(end, end, `,${formatting.eol}${indent}${item(indent)}`);
}

/** URLs of the entry that a service already in the manifest matches first, so the owner can merge the two. */
function overlaps(entry: CatalogueEntry, services: Json[]): AddReport['overlaps'] {
  const existing = services
    .filter((s) => s && typeof s.id === 'string' && Array.isArray(s.scripts))
    .map((s) => ({ id: s.id as string, scripts: (s.scripts as unknown[]).filter((p) => typeof p === 'string').map((p) => toPattern(p as string)) }));
  const found: AddReport['overlaps'] = [];
  for (const url of entryUrls(entry)) {
    const id = matchService(url, existing);
    if (id && !found.some((f) => f.existing === id)) found.push({ id: entry.service.id, existing: id, url });
  }
  return found;
}

/** Writes a temporary file beside the manifest and renames it over, so a crash never leaves half a file. */
function writeWhole(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.kakor-tmp`;
  try {
    writeFileSync(temporary, text);
    if (existsSync(file)) chmodSync(temporary, statSync(file).mode); // the owner's permissions, not the umask's
    renameSync(temporary, file);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw new CliError(`${file}: could not write it (${(e as Error).message})`);
  }
}

function summary(r: AddReport): string {
  const name = r.manifest;
  const lines: string[] = [];
  if (r.created) lines.push(`${pc.green('Created')} ${name}`);
  for (const a of r.added) {
    const isNew = a.newCategory && !r.created ? `, a category new to ${name}` : '';
    lines.push(`${pc.green('Added')} ${a.id} (${a.name}) under ${a.category}${isNew}`);
  }
  for (const id of r.skipped) lines.push(`${pc.yellow('Skipped')} ${id}: it is already in ${name}`);
  for (const o of r.overlaps) {
    lines.push(`${pc.yellow('Note')} ${o.existing} in ${name} already matches ${o.url}, and the first match wins: merge it into ${o.id} or remove one`);
  }
  if (r.added.length) lines.push(pc.dim(`Mark each vendor tag in your pages as blocked markup, e.g. <script type="text/plain" data-service="${r.added[0].id}" src="…">`));
  return lines.join('\n') + '\n';
}
