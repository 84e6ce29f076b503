// The release archive (`npm run release`, issue 13): what a site owner without npm
// downloads holds this build's browser files with hashes that match them, a starter
// manifest that passes the check, and a README whose tag works as written.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/core/manifest/validate';

const run = promisify(execFile);
const root = join(__dirname, '../..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const folder = `kakor-${version}/`;

const outs: string[] = [];
/** Runs the release script into a new folder and returns the archive's bytes. */
async function release(): Promise<Buffer> {
  const out = mkdtempSync(join(tmpdir(), 'kakor-release-'));
  outs.push(out);
  await run('node', [join(root, 'scripts/release.mjs'), '--out', out]);
  return readFileSync(join(out, `kakor-${version}.zip`));
}

let zip: Buffer;
let files: Record<string, Uint8Array>;
const text = (name: string) => Buffer.from(files[folder + name]!).toString('utf8');
const sri = (data: Uint8Array) => `sha384-${createHash('sha384').update(data).digest('base64')}`;

beforeAll(async () => {
  zip = await release();
  files = unzipSync(new Uint8Array(zip));
});
afterAll(() => outs.forEach((o) => rmSync(o, { recursive: true, force: true })));

describe('npm run release', () => {
  it('holds every browser file of the build, with the hash each one has', () => {
    const integrity: Record<string, string> = JSON.parse(text('kakor/integrity.json'));
    expect(Object.keys(integrity)).toContain('kakor.js');
    for (const [name, hash] of Object.entries(integrity)) {
      const data = files[`${folder}kakor/${name}`];
      expect(data, name).toBeDefined();
      expect(Buffer.from(data!).equals(readFileSync(join(root, 'dist', name))), `${name} is the built file`).toBe(true);
      expect(sri(data!), name).toBe(hash);
    }
  });

  it('holds the themes, the schema, LICENSE and a README, all under one folder', () => {
    const names = Object.keys(files);
    expect(names.every((n) => n.startsWith(folder))).toBe(true);
    for (const name of ['themes/light.css', 'themes/dark.css', 'themes/high-contrast.css', 'manifest.schema.json', 'LICENSE', 'README.md']) {
      expect(names, name).toContain(folder + name);
    }
    expect(text('LICENSE')).toMatch(/^MIT License/);
    // Its `$id` is where script-tag users find it: the package's own file on an npm CDN, this version.
    expect(JSON.parse(text('manifest.schema.json')).$id).toBe(`https://cdn.jsdelivr.net/npm/kakor@${version}/manifest.schema.json`);
  });

  it('has a starter manifest that passes the manifest check with no warning', () => {
    const result = validateManifest(JSON.parse(text('cookies.example.json')));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('gives in its README the tag with this build\'s hash of kakor.js, and lists every file', () => {
    const readme = text('README.md');
    const hash = sri(files[`${folder}kakor/kakor.js`]!);
    expect(readme).toContain(`<script src="/kakor/kakor.js" integrity="${hash}" crossorigin="anonymous"`);
    for (const name of Object.keys(files).map((n) => n.slice(folder.length)).filter((n) => n !== 'README.md')) {
      expect(readme, name).toContain(`\`${name}\``);
    }
  });

  it('is the same bytes when built again from the same build', async () => {
    expect((await release()).equals(zip)).toBe(true);
  });
});
