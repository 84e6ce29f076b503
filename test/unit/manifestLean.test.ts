// The engine's lean manifest check against the full one (issue 11): on every real
// manifest of the repository and thousands of variants of them, both must accept
// or refuse alike, the lean one must name the path of the full one's first error,
// and what it resolves must be what the full check resolves once the dialog has
// filled in the well-known categories' texts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leanCheck } from '../../src/core/manifest/lean';
import { describe as sentence } from '../../src/core/manifest/messages';
import { WELL_KNOWN } from '../../src/core/manifest/schema';
import { validateManifest } from '../../src/core/manifest/validate';
import { wellKnownCategories, withCategoryTexts } from '../../src/core/manifest/wellKnown';

const root = join(__dirname, '../..');
const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const manifestsIn = (dir: string, pick: (f: string) => boolean) =>
  readdirSync(join(root, dir)).filter(pick).map((f) => `${dir}/${f}`);
const examples = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory()).map((d) => `examples/${d.name}/cookies.json`)
  .filter((f) => { try { return !!read(f); } catch { return false; } });

/** Every manifest of the repository a site or a test uses, as written. */
const real: [string, unknown][] = [
  ...manifestsIn('test/fixtures', (f) => f.endsWith('.cookies.json')),
  ...examples, 'examples/scan-site/kakor/cookies.json',
  'test/consumer/src/cookies.json', 'test/browser/pages/robustness/cookies.json', 'test/browser/pages/requests/cookies.json',
].map((f) => [f, read(f)]);
const fixtures: [string, unknown][] = manifestsIn('test/fixtures/manifests', (f) => f.endsWith('.json'))
  .map((f) => [f, read(f).manifest]);

/** What each value somewhere in a manifest is replaced by, one at a time. */
const replacements: unknown[] = [
  null, 0, -1, 1.5, 3651, true, false, '', ' ', 'x', 'sv', 'en', [], {}, [1], { sv: 1 }, { sv: 'x' },
  '/(/', '/a/', '/a/z', '__proto__', 'toString', 'constructor', 'hasOwnProperty', 'necessary', 'analytics',
  'marketing', 'nope', 'javascript:alert(1)', 'https://x.test/', '__Host-x', '__host-y', 'a b', 'ad_storage',
];

type Json = unknown;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** Every variant of `m`: each value dropped, replaced, or its array item doubled, at every depth. */
function* variants(m: Json): Generator<[string, Json]> {
  const paths: (string | number)[][] = [];
  const walk = (v: Json, at: (string | number)[]) => {
    paths.push(at);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) walk((v as { [k: string]: Json })[k], [...at, k]);
  };
  walk(m, []);
  const edit = (at: (string | number)[], change: (parent: any, key: string | number) => void): Json => {
    const copy = clone(m);
    if (!at.length) return copy;
    let parent: any = copy;
    for (const k of at.slice(0, -1)) parent = parent[k];
    change(parent, at[at.length - 1]);
    return copy;
  };
  for (const at of paths) {
    const name = at.join('.') || '(root)';
    // Later items of a list have the shape of the first ones: dropping and doubling them is enough.
    const late = at.some((k) => typeof k == 'number' && k > 2);
    for (const r of late ? [] : replacements) {
      yield [`${name} = ${JSON.stringify(r)}`, at.length ? edit(at, (p, k) => { p[k] = clone(r); }) : clone(r)];
    }
    if (!at.length) continue;
    yield [`${name} dropped`, edit(at, (p, k) => { if (Array.isArray(p)) p.splice(k as number, 1); else delete p[k]; })];
    yield [`${name} doubled`, edit(at, (p, k) => { if (Array.isArray(p)) p.push(clone(p[k as number])); })];
    // A key the manifest does not know, and a `domain` next to each name (for `__Host-`).
    yield [`${name} with an unknown key`, edit(at, (p, k) => { if (p[k] && typeof p[k] === 'object') p[k].extra = 1; })];
    yield [`${name} with a domain`, edit(at, (p, k) => { if (p[k] && typeof p[k] === 'object') p[k].domain = 'example.se'; })];
  }
  // Keys that are members of Object.prototype, written as own keys.
  yield ['own __proto__ key', JSON.parse(JSON.stringify(m).replace(/^\{/, '{"__proto__":{"categories":[]},'))];
}

/** The lean check's verdict: the resolved manifest, its one error line, whether it warned, and what the dialog names. */
function lean(raw: unknown) {
  const errors: string[] = [];
  const warnings: string[] = [];
  const { manifest, problems: p } = leanCheck(raw, (e) => errors.push(e), (w) => warnings.push(w));
  const dialog = { errors: p.errors.map((e) => sentence(e, p)), warnings: p.warnings.map((w) => sentence(w, p)) };
  return { manifest, errors, warnings, dialog };
}

function compare(raw: unknown) {
  const full = validateManifest(clone(raw));
  const l = lean(clone(raw));
  expect(l.warnings).toEqual([]);
  // What the dialog file names from the engine's findings is what `kakor check` says.
  expect(l.dialog).toEqual({ errors: full.errors, warnings: full.warnings });
  expect(l.manifest === null).toBe(full.manifest === null);
  if (full.manifest) {
    expect(l.errors).toEqual([]);
    expect(withCategoryTexts(l.manifest!)).toEqual(full.manifest);
  } else {
    expect(l.errors).toHaveLength(1);
    const path = full.errors[0].slice(0, full.errors[0].indexOf(': '));
    expect(l.errors[0]).toMatch(/^the manifest is invalid at \S+ \([^)]+\), so nothing non-essential will run/);
    expect(l.errors[0]).toContain(`invalid at ${path} (`);
  }
  return full.manifest !== null;
}

describe('the lean manifest check decides as the full one', () => {
  it('knows the same well-known categories as the texts the dialog fills in', () => {
    expect(WELL_KNOWN).toEqual(Object.keys(wellKnownCategories));
  });

  it('has real manifests to compare on', () => {
    expect(real.length).toBeGreaterThanOrEqual(10);
    for (const [file, m] of real) expect(validateManifest(m).errors, file).toEqual([]);
  });

  it.each(fixtures)('%s', (_, m) => { compare(m); });

  it.each(real)('%s and every variant of it', (file, m) => {
    let accepted = 0;
    let refused = 0;
    for (const [what, v] of variants(m)) {
      try {
        if (compare(v)) accepted++;
        else refused++;
      } catch (e) {
        throw new Error(`${file}, ${what}: ${(e as Error).message}`);
      }
    }
    // Both outcomes must be exercised, or the comparison proves little.
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(100);
  }, 30_000);

  it('names the first problem of a manifest with several', () => {
    const m = read('test/fixtures/nesk.cookies.json');
    m.services[5].category = 'nyhetsbrev';
    m.services[1].cookies = 'no';
    m.categories.push({ id: 'toString', title: 'x', description: 'y' });
    const full = validateManifest(m);
    expect(full.errors.length).toBe(3);
    expect(lean(m).errors).toEqual([
      'the manifest is invalid at categories[5].id (built-in), so nothing non-essential will run; `npx kakor check` names every problem',
    ]);
  });
});
