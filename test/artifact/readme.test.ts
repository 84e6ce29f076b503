// Every README code block is checked (STYLE §15): TypeScript and JavaScript are
// type-checked against the real sources, JSON parses (a manifest validates), HTML
// uses only the attributes kakor reads.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/core/manifest/validate';

const root = join(__dirname, '../..');
const blocks = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/```(\w+)\n([\s\S]*?)```/g)]
  .map(([, lang, code], i) => ({ i, lang, code }));

/** The modules and the manifest file the README's app snippets import. */
const SUPPORT: Record<string, string> = {
  'consent.ts': "import { init } from 'kakor';\nimport manifest from './cookies.json';\nexport const consentReady = init({ manifest });\n",
  'tag-manager.ts': 'export function startTagManager(): void {}\n',
  'App.tsx': 'export function App(): null { return null; }\n',
};

const PRELUDE = `import type { Consent, Manifest } from 'kakor';
declare const kakor: Consent;
declare const manifest: Manifest;
declare function startAnalytics(): void;
`;

describe('README code blocks', () => {
  it('has blocks of every kind it teaches', () => {
    expect(new Set(blocks.map((b) => b.lang))).toEqual(new Set(['sh', 'html', 'ts', 'tsx', 'js', 'json', 'css', 'text']));
  });

  it('type-checks every ts, tsx and js block', () => {
    const dir = join(root, '.tmp/readme');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const code = blocks.filter((b) => b.lang === 'ts' || b.lang === 'js' || b.lang === 'tsx');
    for (const b of code) {
      // React blocks: React's JSX, not the Preact the sources are written in.
      const pragma = b.lang === 'tsx' ? '/** @jsxImportSource react */\n' : '';
      // A block that imports one of the prelude's names (`import manifest from './cookies.json'`) brings its own.
      const prelude = PRELUDE.split('\n').filter((line) => {
        const name = /^declare (?:const|function) (\w+)/.exec(line)?.[1];
        return !name || !new RegExp(`^import ${name}\\b`, 'm').test(b.code);
      }).join('\n');
      writeFileSync(join(dir, `block-${b.i}.${b.lang === 'tsx' ? 'tsx' : 'ts'}`), `${pragma}${prelude}${b.code}\nexport {};\n`);
    }
    for (const [name, text] of Object.entries(SUPPORT)) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'cookies.json'), readFileSync(join(root, 'test/fixtures/nesk.cookies.json')));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      extends: '../../tsconfig.json',
      compilerOptions: {
        noUnusedLocals: false,
        paths: {
          kakor: ['../../src/index.ts'], 'kakor/core': ['../../src/core/index.ts'],
          'kakor/react': ['../../src/react/index.ts'], 'kakor/server': ['../../src/server/index.ts'],
          'kakor/log-server': ['../../src/server/logServer/index.ts'], 'kakor/rewrite': ['../../src/server/rewrite.ts'],
        },
      },
      include: ['*.ts', '*.tsx'],
    }));
    let out = '';
    try {
      execFileSync(join(root, 'node_modules/.bin/tsc'), ['--noEmit', '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    expect(out).toBe('');
    expect(code.length).toBeGreaterThan(10);
  }, 60_000);

  it('parses every json block, and a manifest validates', () => {
    for (const b of blocks.filter((x) => x.lang === 'json')) {
      const value = JSON.parse(b.code);
      if ('categories' in value) expect(validateManifest(value).errors).toEqual([]);
    }
  });

  it('styles only the elements and parts kakor has in css blocks', () => {
    const parts = ['banner', 'dialog', 'button', 'accept', 'reject', 'customise', 'save', 'switch', 'category', 'reopen', 'placeholder'];
    for (const b of blocks.filter((x) => x.lang === 'css')) {
      for (const [, part] of b.code.matchAll(/::part\((\w+)\)/g)) expect(parts).toContain(part);
      for (const [, el] of b.code.matchAll(/^([a-z-]+)::/gm)) expect(['kakor-dialog', 'kakor-placeholder']).toContain(el);
    }
  });

  it('uses only attributes kakor reads in html blocks', () => {
    const known = ['data-manifest', 'data-lang', 'data-layout', 'data-auto-init', 'data-category', 'data-service',
      'data-src', 'data-type', 'data-kakor-open'];
    for (const b of blocks.filter((x) => x.lang === 'html')) {
      for (const [attr] of b.code.matchAll(/data-[\w-]+/g)) expect(known).toContain(attr);
    }
  });
});
