import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/core/manifest/validate';
import schema from '../../manifest.schema.json';

const dir = join(__dirname, '../fixtures/manifests');
const seeds = join(__dirname, '../fixtures');
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const fixtures = readdirSync(dir).map((f) => ({ file: f, ...read(join(dir, f)) }));
const realManifests = readdirSync(seeds).filter((f) => f.endsWith('.cookies.json'));
const checkSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('manifest validation', () => {
  it.each(fixtures.filter((f) => f.file.startsWith('bad-')))('$file: one error naming its path', (f) => {
    const v = validateManifest(f.manifest);
    expect(v.manifest).toBeNull();
    expect(v.errors).toHaveLength(1);
    expect(v.errors[0].startsWith(f.error)).toBe(true);
  });

  it.each(fixtures.filter((f) => f.file.startsWith('good-')))('$file: usable, with its warning', (f) => {
    const v = validateManifest(f.manifest);
    expect(v.errors).toEqual([]);
    expect(v.manifest).not.toBeNull();
    expect(v.warnings).toEqual(f.warning ? [f.warning] : []);
  });

  it.each(realManifests)('test/fixtures/%s validates cleanly', (file) => {
    const v = validateManifest(read(join(seeds, file)));
    expect(v.errors).toEqual([]);
    expect(v.warnings).toEqual([]);
    expect(v.manifest!.categories.find((c) => c.required)!.id).toBe('necessary');
  });

  it('fills in the well-known categories and compiles patterns', () => {
    const m = validateManifest(read(join(seeds, 'bostadsexperterna.cookies.json'))).manifest!;
    expect(m.categories.find((c) => c.id === 'analytics')!.title).toEqual({ sv: 'Statistik', en: 'Analytics' });
    const ga = m.services.find((s) => s.id === 'google-analytics')!;
    expect(ga.cookies[1].pattern).toEqual(/^_ga_/);
    expect(ga.scripts).toEqual(['googletagmanager.com/gtag/js', 'google-analytics.com']);
    expect(m.cookie.name).toBe('kakor_consent');
    expect(m.honorGlobalPrivacyControl).toBe(true);
    expect(m.reloadOnWithdraw).toBe(true);
  });

  it('gives every manifest defaults of its own', () => {
    const raw = { categories: ['necessary'], services: [{ id: 'x', name: 'X', category: 'necessary' }] };
    const [a, b] = [validateManifest(raw).manifest!, validateManifest(raw).manifest!];
    expect(a).toEqual(b);
    expect(a.cookie).toEqual({ name: 'kakor_consent' });
    // Six months, as CNIL advises (issue 12), not a year.
    expect(a.consentMaxAgeDays).toBe(182);
    for (const k of ['cookie', 'texts', 'services'] as const) expect(a[k]).not.toBe(b[k]);
    expect(a.services[0].cookies).not.toBe(b.services[0].cookies);
  });

  it('keeps a custom category that says required, and makes necessary optional then', () => {
    const m = validateManifest({
      categories: [{ id: 'base', title: 'Bas', description: 'Bas', required: true }, 'analytics'],
    }).manifest!;
    expect(m.categories.map((c) => [c.id, c.required])).toEqual([['base', true], ['analytics', false]]);
  });

  it('reads a path in slashes with no RegExp flags after it ("/gtag/js") as a substring, not a broken regex', () => {
    const m = validateManifest({
      categories: ['necessary', 'analytics'],
      services: [{ id: 'ga', name: 'GA', category: 'analytics', scripts: ['/gtag/js', '/^https:\\/\\/x\\.example\\//i'] }],
    });
    expect(m.errors).toEqual([]);
    expect(m.manifest!.services[0].scripts).toEqual(['/gtag/js', /^https:\/\/x\.example\//i]);
  });

  it('reports each problem once: a category with an error of its own is still declared', () => {
    const v = validateManifest({
      categories: ['necessary', { id: 'chat', title: 5, description: 'Chatt' }],
      services: [{ id: 'x', name: 'X', category: 'chat' }],
    });
    expect(v.errors).toEqual(['categories[1].title: expected a string or { "sv": "…", "en": "…" }, got 5']);
  });

  it('warns about keys named like Object.prototype members, and checks nothing for them', () => {
    const v = validateManifest(JSON.parse('{ "categories": ["necessary"], "constructor": 1, "__proto__": { "x": 1 } }'));
    expect(v.errors).toEqual([]);
    expect(v.warnings).toEqual(['constructor: unknown key, ignored', '__proto__: unknown key, ignored']);
  });

  it('takes only the four well-known ids as well-known, not names from Object.prototype (those are refused as ids)', () => {
    const v = validateManifest({ categories: ['necessary', 'toString', '__proto__'] });
    expect(v.errors.map((e) => e.split(':')[0])).toEqual(['categories[1].id', 'categories[2].id']);
  });
});

describe('the JSON Schema agrees with the runtime check', () => {
  it.each(fixtures)('$file', (f) => {
    const schemaOk = checkSchema(f.manifest);
    const runtimeOk = validateManifest(f.manifest).manifest !== null;
    if (runtimeOk) expect(schemaOk).toBe(true);
    // The schema cannot see cross-references (declared categories, duplicates, one required, regex syntax).
    else expect(schemaOk).toBe(!f.schemaRejects);
  });

  it.each(realManifests)('test/fixtures/%s passes the schema', (file) => {
    expect(checkSchema(read(join(seeds, file)))).toBe(true);
  });
});

describe('ids named like Object.prototype members', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('rejects %s as a category or service id, naming the path', (id) => {
    const v = validateManifest(JSON.parse(`{ "categories": ["necessary", { "id": "${id}", "title": "T", "description": "D" }],
      "services": [{ "id": "${id}", "name": "S", "category": "necessary" }] }`));
    expect(v.manifest).toBeNull();
    expect(v.errors).toEqual([
      `categories[1].id: "${id}" is the name of a built-in JavaScript object member (Object.prototype): choose another id`,
      `services[0].id: "${id}" is the name of a built-in JavaScript object member (Object.prototype): choose another id`,
    ]);
  });
});

describe('a "__Host-" cookie name with a domain', () => {
  const refused = 'a cookie whose name starts with "__Host-" cannot have a domain (browsers refuse to set it): remove "domain"';
  it('is an error for the consent record\'s own cookie, naming the path', () => {
    const v = validateManifest({ categories: ['necessary'], cookie: { name: '__Host-kakor_consent', domain: 'example.se' } });
    expect(v.manifest).toBeNull();
    expect(v.errors).toEqual([`cookie.domain: ${refused}`]);
  });

  it('is an error for a service\'s cookie, in any case, naming the path', () => {
    const v = validateManifest({
      categories: ['necessary', 'analytics'],
      services: [{ id: 'x', name: 'X', category: 'analytics', cookies: [{ name: '_x' }, { name: '__HOST-sid', domain: '.example.se' }] }],
    });
    expect(v.errors).toEqual([`services[0].cookies[1].domain: ${refused}`]);
  });

  it('is fine without a domain, and a domain is fine on other names', () => {
    const v = validateManifest({
      categories: ['necessary', 'analytics'], cookie: { name: '__Host-kakor_consent' },
      services: [{ id: 'x', name: 'X', category: 'analytics', cookies: [{ name: '__Host-sid' }, { name: '__Secure-id', domain: 'example.se' }, { name: '/^__Host-/', domain: 'example.se' }] }],
    });
    expect(v.errors).toEqual([]);
    expect(v.manifest!.cookie).toEqual({ name: '__Host-kakor_consent' });
  });
});
