// What users load (STYLE §9): the exports map resolves, `kakor/core` has no
// Preact, dist/kakor.js parses at its stated target and survives concatenation.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'acorn';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = (f: string) => readFileSync(join(root, 'dist', f), 'utf8');

/** Files an ESM entry pulls in, following relative imports, dynamic ones (the dialog chunk) too. */
function graph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const [, spec] of readFileSync(entry, 'utf8').matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
    if (spec.startsWith('.')) graph(join(entry, '..', spec), seen);
    else seen.add(spec);
  }
  return seen;
}

describe('package exports', () => {
  it('resolve every subpath to a file', () => {
    for (const [sub, target] of Object.entries<string | Record<string, string>>(pkg.exports)) {
      const files = typeof target === 'string' ? [target] : Object.values(target);
      for (const f of files) {
        if (f.includes('*')) continue;
        expect(existsSync(join(root, f)), `${sub} → ${f}`).toBe(true);
      }
    }
  });

  it('put types first in each condition map', () => {
    for (const target of Object.values<string | Record<string, string>>(pkg.exports)) {
      if (typeof target !== 'string') expect(Object.keys(target)[0]).toBe('types');
    }
  });

  it('kakor/core bundles no Preact and no UI', () => {
    const files = [...graph(join(root, 'dist/esm/core.js'))];
    expect(files.some((f) => f.includes('preact'))).toBe(false);
    expect(files).toContain('js-cookie');
  });

  it('kakor keeps preact and js-cookie external, and the dialog in a chunk of its own', () => {
    const files = [...graph(join(root, 'dist/esm/index.js'))];
    expect(files).toEqual(expect.arrayContaining(['preact', 'js-cookie']));
    const code = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(code).not.toMatch(/function\s+createElement\s*\(/);
    // A bundler makes the same two chunks as dist/kakor.js and dist/kakor-ui.js (issue 11).
    const dialog = files.filter((f) => /mountUi-[\w-]+\.js$/.test(f));
    expect(dialog).toHaveLength(1);
    const imported = (f: string) => [...graph(f)].filter((x) => !x.endsWith('.js'));
    expect(imported(dialog[0]!)).toContain('preact');
    // Only the dialog chunk brings Preact: the rest of `kakor` is the engine.
    expect(imported(join(root, 'dist/esm/core.js'))).not.toContain('preact');
  });

  it('kakor/log-server is a Node build with every dependency external', () => {
    const files = [...graph(join(root, 'dist/server/log-server.js'))];
    expect(files).toEqual(expect.arrayContaining(['@electric-sql/pglite', 'pg']));
    expect(files.some((f) => f.includes('preact') || f.includes('js-cookie'))).toBe(false);
  });

  it('pin the export lists of kakor/react and kakor/server', async () => {
    expect(Object.keys(await import(join(root, 'dist/esm/react.js'))).sort())
      .toEqual(['ConsentGate', 'ConsentProvider', 'useConsent', 'useHasConsent']);
    expect(Object.keys(await import(join(root, 'dist/server/server.js'))).sort()).toEqual(['readConsent']);
  });

  it('kakor/react keeps react external, bundles none of it, and shares only texts with kakor (no engine, no Preact)', () => {
    const files = [...graph(join(root, 'dist/esm/react.js'))];
    expect(files.filter((f) => !f.endsWith('.js'))).toEqual(['react']);
    // The placeholder's texts and category titles are the dialog's, in chunks both entries import.
    expect(files.filter((f) => f.endsWith('.js') && !f.endsWith('react.js')).map((f) => f.replace(/^.*\//, '').replace(/-[\w-]+\.js$/, '')).sort())
      .toEqual(['localize', 'texts']);
    const code = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8')).join('\n');
    // React's own element and hook machinery would carry these.
    expect(code).not.toMatch(/Symbol\.for\(["']react\.|__CLIENT_INTERNALS|ReactCurrentDispatcher/);
    expect(pkg.peerDependencies.react).toBeTruthy();
    expect(pkg.peerDependenciesMeta.react.optional).toBe(true);
    expect(pkg.dependencies.react).toBeUndefined();
  });

  it('kakor/server needs no DOM: only js-cookie, and no browser global', () => {
    const files = [...graph(join(root, 'dist/server/server.js'))];
    expect(files.filter((f) => !f.endsWith('.js'))).toEqual(['js-cookie']);
    const code = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(code).not.toMatch(/\b(window|document|navigator|localStorage)\b/);
  });

  it('mark the self-starting dist/kakor.js and dist/kakor-ui.js as side effects, and nothing else but CSS', () => {
    expect(pkg.sideEffects).toEqual(['**/*.css', './dist/kakor.js', './dist/kakor-ui.js']);
    expect(pkg.exports['./kakor.js'].default).toBe('./dist/kakor.js');
    expect(pkg.exports['./kakor-ui.js'].default).toBe('./dist/kakor-ui.js');
  });

  it('importing the entries does nothing until init()', async () => {
    const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'https://shop.example.se/' });
    const before = dom.window.document.documentElement.outerHTML;
    const require = createRequire(import.meta.url);
    expect(require.resolve('js-cookie')).toBeTruthy();
    await import(join(root, 'dist/esm/core.js'));
    await import(join(root, 'dist/esm/react.js'));
    expect(dom.window.document.documentElement.outerHTML).toBe(before);
  });
});

describe('dist/kakor.js', () => {
  it('parses as ES2019 script, and so does dist/kakor-ui.js', () => {
    expect(() => parse(dist('kakor.js'), { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
    expect(() => parse(dist('kakor-ui.js'), { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
  });

  it('works when concatenated after a line with no semicolon', async () => {
    const dom = new JSDOM(`<!doctype html><html lang="sv"><head></head><body>
      <script type="application/json" id="kakor-manifest">{"categories":["necessary","analytics"],
        "services":[{"id":"ga","name":"GA","category":"analytics"}]}</script></body></html>`,
    { url: 'https://shop.example.se/', runScripts: 'outside-only' });
    const errors: unknown[] = [];
    dom.window.addEventListener('error', (e) => errors.push(e.error));
    dom.window.eval(`window.before = 1\n${dist('kakor.js')}`);
    const kakor = (dom.window as unknown as { kakor: { ready: Promise<void>; getConsent(): { revision: number } } }).kakor;
    await kakor.ready;
    expect(errors).toEqual([]);
    expect(kakor.getConsent().revision).toBe(1);
  });
});

describe('package lint', () => {
  it('publint finds nothing to fix', () => {
    const out = execFileSync(join(root, 'node_modules/.bin/publint'), ['--strict'], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/All good/);
  }, 60_000);

  // ESM only: CommonJS `require` and node10 resolution are out of scope, said in the README.
  it('are the types wrong: no problem for ESM consumers', () => {
    expect(() => execFileSync(join(root, 'node_modules/.bin/attw'), ['--pack', '.', '--profile', 'esm-only'],
      { cwd: root, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  }, 120_000);
});
