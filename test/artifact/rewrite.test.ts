// kakor/rewrite as users load it: the built entry resolves from the exports
// map, and, bundled with its dependencies for a platform with no Node built-ins,
// runs in a bare JavaScript realm with only web globals, as in an edge runtime.
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const manifest = {
  categories: ['necessary', 'marketing'],
  services: [{ id: 'px', name: 'Tracker', category: 'marketing', scripts: ['tracker.example'] }],
};
const html = '<p>Hej</p><img src="https://tracker.example/p.gif">';
const blocked = '<p>Hej</p><img data-service="px" data-category="marketing" data-src="https://tracker.example/p.gif">';

describe('kakor/rewrite', () => {
  it('the package entry rewrites', async () => {
    const { rewriteHtml } = await import(join(root, 'dist/server/rewrite.js'));
    expect(rewriteHtml(html, manifest)).toBe(blocked);
  });

  it('runs with web globals only (no process, Buffer, require or node: modules)', async () => {
    const out = await build({
      entryPoints: [join(root, 'dist/server/rewrite.js')], bundle: true, write: false,
      platform: 'neutral', format: 'iife', globalName: 'kakorRewrite', mainFields: ['module', 'main'], logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    const realm = { URL, TextEncoder, TextDecoder, TransformStream, Response, ReadableStream };
    runInNewContext(`${code}\nthis.kakorRewrite = kakorRewrite;`, realm);
    const api = (realm as unknown as { kakorRewrite: typeof import('../../src/server/rewrite') }).kakorRewrite;
    expect(api.rewriteHtml(html, manifest)).toBe(blocked);
    const body = new Response(html).body!.pipeThrough(api.rewriteHtmlStream(manifest));
    expect(await new Response(body).text()).toBe(blocked);
  });
});
