// `kakor add`: inserts catalogue services without touching what the owner wrote,
// creates a manifest when missing, and refuses bad input with one line and the
// right exit code, leaving the file as it was. The last tests run the built bin.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogueService, loadCatalogue } from '../../src/cli/catalogue';
import { main } from '../../src/cli/main';
import { validateManifest } from '../../src/core/manifest/validate';

const catalogue = loadCatalogue();
const service = (id: string) => catalogueService(catalogue.find((e) => e.service.id === id)!);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}.cookies.json`, import.meta.url), 'utf8');
const bin = new URL('../../dist/cli/kakor.js', import.meta.url).pathname;

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kakor-add-'));
  file = join(dir, 'cookies.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `kakor …` in this process; what it printed, and its exit code. */
async function kakor(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/**
 * How many separate insertions (0, 1 or 2) turn `original` into `result`;
 * Infinity for anything else. 1 proves the original is kept byte for byte
 * around one inserted block: result = original[..p] + inserted + original[p..].
 */
function insertions(original: string, result: string): number {
  if (original === result) return 0;
  let p = 0;
  while (p < original.length && original[p] === result[p]) p++;
  let s = 0;
  while (s < original.length - p && original[original.length - 1 - s] === result[result.length - 1 - s]) s++;
  const middle = original.slice(p, original.length - s);
  if (middle === '') return 1;
  return result.slice(p, result.length - s).includes(middle) ? 2 : Infinity;
}

describe.each(['bostadsexperterna', 'nesk'])('kakor add on the %s seed manifest', (name) => {
  it("appends the services and keeps the owner's text byte for byte", async () => {
    const original = fixture(name);
    writeFileSync(file, original);
    const r = await kakor('add', 'tiktok-pixel', 'hotjar', '--manifest', file);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Added tiktok-pixel (TikTok Pixel) under marketing');

    const result = readFileSync(file, 'utf8');
    expect(insertions(original, result)).toBe(1);
    const before = JSON.parse(original);
    const after = JSON.parse(result);
    expect(after.services).toEqual([...before.services, service('tiktok-pixel'), service('hotjar')]);
    expect({ ...after, services: before.services }).toEqual(before);
    expect(validateManifest(after).errors).toEqual([]);
    expect(readdirSync(dir)).toEqual(['cookies.json']); // no temporary file left behind
  });

  it('skips an id already there and says so, writing nothing', async () => {
    const original = fixture(name);
    writeFileSync(file, original);
    const r = await kakor('add', 'google-analytics', '--manifest', file);
    expect(r).toEqual({ code: 0, stdout: `Skipped google-analytics: it is already in ${file}\n`, stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(original);
  });
});

describe('kakor add', () => {
  it('adds a missing category after the owner\'s, with the service', async () => {
    const original = fixture('bostadsexperterna'); // necessary, analytics, marketing
    writeFileSync(file, original);
    const r = await kakor('add', 'intercom', '--manifest', file);
    expect(r.stdout).toContain(`Added intercom (Intercom) under preferences, a category new to ${file}`);
    const result = readFileSync(file, 'utf8');
    expect(insertions(original, result)).toBe(2);
    const after = JSON.parse(result);
    expect(after.categories).toEqual(['necessary', 'analytics', 'marketing', 'preferences']);
    expect(after.services.at(-1)).toEqual(service('intercom'));
  });

  it('creates a minimal valid manifest when the file is missing', async () => {
    const r = await kakor('add', 'youtube', 'stripe', '--manifest', file);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`Created ${file}`);
    const created = JSON.parse(readFileSync(file, 'utf8'));
    expect(created.categories).toEqual(['necessary', 'marketing']);
    expect(created.services).toEqual([service('youtube'), service('stripe')]);
    const v = validateManifest(created);
    expect({ errors: v.errors, warnings: v.warnings }).toEqual({ errors: [], warnings: [] });
  });

  it('writes with the owner\'s tabs and CRLF line ends', async () => {
    writeFileSync(file, '{\r\n\t"categories": ["necessary"],\r\n\t"services": []\r\n}\r\n');
    await kakor('add', 'stripe', '--manifest', file);
    const result = readFileSync(file, 'utf8');
    expect(result).toContain('\r\n\t\t{\r\n\t\t\t"id": "stripe",\r\n');
    expect(result.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes into a one-line manifest on its line, adding `services` when missing', async () => {
    writeFileSync(file, '{"revision":2,"categories":["necessary","analytics"]}');
    await kakor('add', 'google-fonts', '--manifest', file);
    expect(readFileSync(file, 'utf8')).toBe(
      `{"revision":2,"categories":["necessary","analytics","preferences"],"services": ${JSON.stringify([service('google-fonts')])}}`);
  });

  it('fills an empty `services` at its indent', async () => {
    writeFileSync(file, '{\n  "categories": ["necessary"],\n  "services": []\n}\n');
    await kakor('add', 'cloudflare', '--manifest', file);
    const written = JSON.stringify([service('cloudflare')], null, 2).replace(/\n/g, '\n  ');
    expect(readFileSync(file, 'utf8')).toBe(`{\n  "categories": ["necessary"],\n  "services": ${written}\n}\n`);
  });

  it('keeps a byte order mark and the file\'s permissions', async () => {
    writeFileSync(file, '\uFEFF{\n  "categories": ["necessary"]\n}\n', { mode: 0o640 });
    chmodSync(file, 0o640);
    expect((await kakor('add', 'stripe', '--manifest', file)).code).toBe(0);
    const result = readFileSync(file, 'utf8');
    expect(result.startsWith('\uFEFF{\n  "categories": ["necessary"],\n  "services": [')).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('refuses an unknown id in one line naming close matches, and creates nothing', async () => {
    const r = await kakor('add', 'gogle-analytics', '--manifest', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kakor: "gogle-analytics" is not in the catalogue (did you mean google-analytics?); kakor add --list shows every id\n');
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a file that is not JSON, naming line:column, and leaves it as it was', async () => {
    const broken = '{\n  "revision": 1,\n  "categories": ["necessary"]\n  "services": []\n}\n';
    writeFileSync(file, broken);
    const r = await kakor('add', 'youtube', '--manifest', file);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `kakor: ${file}:4:3: not valid JSON (CommaExpected)\n` });
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  it('refuses a path it cannot read in one line', async () => {
    const r = await kakor('add', 'youtube', '--manifest', dir);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `kakor: ${dir}: could not read it (EISDIR)\n` });
  });

  it('refuses comments, as the browser does', async () => {
    writeFileSync(file, '{\n  // ours\n  "categories": ["necessary"]\n}\n');
    const r = await kakor('add', 'youtube', '--manifest', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kakor: ${file}:2:3: not valid JSON (InvalidCommentToken)\n`);
  });

  it('refuses a manifest that fails the check, with its first problem, exit 1', async () => {
    const bad = JSON.stringify({
      categories: ['necessary'],
      services: [{ id: 'ga', name: 'GA', category: 'analitycs' }, { id: 'ga', name: 'GA', category: 'necessary' }],
    });
    writeFileSync(file, bad);
    const r = await kakor('add', 'youtube', '--manifest', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`kakor: ${file} fails kakor's check, so nothing was added: `
      + `services[0].category: "analitycs" is not a declared category (and 1 more: kakor check ${file})\n`);
    expect(readFileSync(file, 'utf8')).toBe(bad);
  });

  it('checks the result before writing: a service id that a category already uses is refused', async () => {
    const owner = JSON.stringify({
      categories: ['necessary', { id: 'youtube', title: 'Video', description: 'Videor' }],
    }, null, 2);
    writeFileSync(file, owner);
    const r = await kakor('add', 'youtube', '--manifest', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('so it was left as it was: services[0].id: "youtube" is already used at categories[1].id');
    expect(readFileSync(file, 'utf8')).toBe(owner);
  });

  it('notes a service of the owner that already claims the vendor\'s URLs', async () => {
    writeFileSync(file, fixture('nesk')); // facebook-pixel: connect.facebook.net
    const r = await kakor('add', 'meta-pixel', '--manifest', file);
    expect(r.stdout).toContain('Note facebook-pixel in');
    expect(r.stdout).toContain('merge it into meta-pixel or remove one');
  });

  it('needs an id or --list', async () => {
    const r = await kakor('add');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kakor: name at least one service id/);
  });

  it('--list prints every entry: id, name, category; --json for machines', async () => {
    const text = await kakor('add', '--list');
    expect(text.stdout.trim().split('\n')).toHaveLength(catalogue.length);
    expect(text.stdout).toMatch(/^google-tag-manager +Google Tag Manager +marketing$/m);
    const json = await kakor('add', '--list', '--json');
    expect(JSON.parse(json.stdout)).toEqual(catalogue.map(({ service: s }) => ({ id: s.id, name: s.name, category: s.category })));
  });

  it('--json reports what it did', async () => {
    const r = await kakor('add', 'stripe', '--json', '--manifest', file);
    expect(JSON.parse(r.stdout)).toEqual({
      manifest: file, created: true, added: [{ id: 'stripe', name: 'Stripe', category: 'necessary', newCategory: false }],
      skipped: [], categoriesAdded: [], overlaps: [],
    });
  });
});

describe('the built dist/cli/kakor.js', () => {
  it('adds from the catalogue it ships, run as npx would', () => {
    const out = execFileSync(process.execPath, [bin, 'add', 'google-tag-manager', 'google-analytics'], { cwd: dir, encoding: 'utf8' });
    expect(out).toContain('Created cookies.json');
    const created = JSON.parse(readFileSync(file, 'utf8'));
    expect(created.services.map((s: { id: string }) => s.id)).toEqual(['google-tag-manager', 'google-analytics']);
  });

  it('exits 2 with one line for an unknown id', () => {
    const r = spawnSync(process.execPath, [bin, 'add', 'yotube'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('kakor: "yotube" is not in the catalogue (did you mean youtube?); kakor add --list shows every id\n');
  });

  it('prints --help with an example', () => {
    const r = spawnSync(process.execPath, [bin, 'add', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('$ kakor add google-analytics meta-pixel');
  });
});
