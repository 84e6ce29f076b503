// rewriteHtmlStream: the same output as rewriteHtml wherever the chunks split
// the document (inside a tag, an attribute, a comment, a character reference, a UTF-8 sequence).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rewriteHtml, rewriteHtmlStream } from '../../src/server/rewrite';
import type { Manifest } from '../../src/core/types';

const manifest: Manifest = {
  categories: ['necessary', 'marketing'],
  services: [{ id: 'px', name: 'Tracker', category: 'marketing', scripts: ['tracker.example'] }],
};

const small = '<!doctype html><title>Kakor – å</title><script async src="https://tracker.example/t.js"></script>'
  + '<script>if (a</b) "<!--"</script><!-- <img src=https://tracker.example/c> --><noscript><img src=https://tracker.example/n></noscript>'
  + '<svg><![CDATA[<img src=https://tracker.example/s>]]><image href="https://tracker&#46;example/i"/></svg>'
  + "<iframe src='https://tracker.example/e'></iframe><img alt=\"\"src=https://tracker.example/p srcset=\"x 1x\">🍪";

async function run(chunks: (string | Uint8Array)[]): Promise<string> {
  const body = new ReadableStream<string | Uint8Array>({
    start(c) {
      chunks.forEach((x) => c.enqueue(x));
      c.close();
    },
  });
  return new Response(body.pipeThrough(rewriteHtmlStream(manifest))).text();
}

const splitAt = (s: string, cuts: number[]) => [0, ...cuts, s.length].slice(1).map((end, i, a) => s.slice(i ? a[i - 1] : 0, end));

describe('rewriteHtmlStream', () => {
  const whole = rewriteHtml(small, manifest);

  it('blocks the same tags as rewriteHtml', async () => {
    expect(whole.match(/data-service="px"/g)).toHaveLength(5);
    expect(await run([small])).toBe(whole);
  });

  it('gives the one-shot output for every split point of the text', async () => {
    for (let i = 0; i <= small.length; i++) expect(await run([small.slice(0, i), small.slice(i)]), `split at ${i}`).toBe(whole);
  }, 30_000);

  it('gives the one-shot output for every split point of the UTF-8 bytes', async () => {
    const bytes = new TextEncoder().encode(small);
    for (let i = 0; i <= bytes.length; i++) expect(await run([bytes.slice(0, i), bytes.slice(i)]), `split at byte ${i}`).toBe(whole);
  }, 30_000);

  it('gives the one-shot output for any number of chunks', async () => {
    await fc.assert(fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: small.length - 1 }), { maxLength: 12 }), async (cuts) => {
      expect(await run(splitAt(small, cuts.sort((a, b) => a - b)))).toBe(whole);
    }), { numRuns: 300 });
  }, 30_000);

  it('sends text out before the document ends', async () => {
    const stream = rewriteHtmlStream(manifest);
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    void writer.write('<p>Hej</p><script src="https://tracker.example/t.js"></script><p>då');
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe('<p>Hej</p><script type="text/plain" data-service="px" data-category="marketing" src="https://tracker.example/t.js"></script><p>då');
    void writer.write('<img src="https://tracker.exa');
    void writer.write('mple/p.gif">');
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('<img data-service="px" data-category="marketing" data-src="https://tracker.example/p.gif">');
    void writer.close();
    expect((await reader.read()).done).toBe(true);
  });

  it('keeps a long page byte for byte when it holds no vendor tag', async () => {
    const page = readFileSync(join(__dirname, '../../examples/script-tag/index.html'), 'utf8');
    const bytes = new TextEncoder().encode(page);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 97) }, (_, i) => bytes.slice(i * 97, i * 97 + 97));
    expect(await run(chunks)).toBe(page);
  });

  it('throws at once on an invalid manifest', () => {
    expect(() => rewriteHtmlStream({ categories: [] })).toThrow(/^rewriteHtmlStream: the manifest is not valid, so nothing could be blocked: categories: expected exactly one required/);
  });
});
