// `rewriteHtmlStream`: rewriteHtml over a web stream (Node 18+, Deno, Bun,
// edge runtimes), for a response that is sent while it is rendered.
import type { Manifest } from '../core/types';
import { createRewriter, type RewriteOptions } from './createRewriter';

/**
 * A TransformStream that rewrites an HTML document as `rewriteHtml` does,
 * tags split across chunks included. It takes text or UTF-8 bytes and gives
 * UTF-8 bytes, ready for a `Response`. Throws at once when the manifest is not valid.
 */
export function rewriteHtmlStream(manifest: Manifest, options?: RewriteOptions): TransformStream<string | Uint8Array, Uint8Array> {
  const rewriter = createRewriter(manifest, options, 'rewriteHtmlStream');
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const encoder = new TextEncoder();
  // A surrogate pair split between two pieces of text is sent once it is whole.
  let carry = '';
  const send = (text: string, last: boolean, out: TransformStreamDefaultController<Uint8Array>) => {
    text = carry + text;
    const code = text.charCodeAt(text.length - 1);
    carry = !last && code >= 0xd800 && code <= 0xdbff ? text.slice(-1) : '';
    if (carry) text = text.slice(0, -1);
    if (text) out.enqueue(encoder.encode(text));
  };
  return new TransformStream({
    transform(chunk, out) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      send(rewriter.write(text), false, out);
    },
    flush(out) {
      send(rewriter.write(decoder.decode()) + rewriter.end(), true, out);
    },
  });
}
