// examples/rewrite-vite: the Vite plugin of the README builds the page with its
// vendor tags as blocked markup, and a bad manifest fails the build.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { leaks, nonEssentialPatterns } from './oracle';

const example = join(__dirname, '../../examples/rewrite-vite');
const manifest = JSON.parse(readFileSync(join(example, 'cookies.json'), 'utf8'));

describe('examples/rewrite-vite', () => {
  it('builds the page with every vendor tag blocked', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'kakor-vite-'));
    await build({ configFile: join(example, 'vite.config.mjs'), build: { outDir, emptyOutDir: true } });
    const source = readFileSync(join(example, 'app/index.html'), 'utf8');
    const built = readFileSync(join(outDir, 'index.html'), 'utf8');
    const patterns = nonEssentialPatterns(manifest);
    expect(leaks(source, patterns).length).toBe(5); // 2 scripts and the iframe with scripting; without it, the iframe and the noscript pixel
    expect(leaks(built, patterns)).toEqual([]);
    expect(built).toContain('<iframe data-service="youtube" data-category="marketing" width="560"');
  }, 60_000);

  it('fails the build on an invalid manifest', async () => {
    const { kakorRewrite } = await import(join(example, 'vite.config.mjs'));
    const outDir = mkdtempSync(join(tmpdir(), 'kakor-vite-'));
    await expect(build({
      root: join(example, 'app'), configFile: false, logLevel: 'silent',
      plugins: [kakorRewrite({ categories: ['analytics'] })], build: { outDir },
    })).rejects.toThrow(/rewriteHtml: the manifest is not valid, so nothing could be blocked: categories: expected exactly one required category/);
  }, 60_000);
});
