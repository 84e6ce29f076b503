// `rewriteHtml`: server-rendered HTML in, the same HTML out with every tag that
// would load a non-essential service's URL written as blocked markup (CONTRACT §5.3).
import type { Manifest } from '../core/types';
import { createRewriter, type RewriteOptions } from './createRewriter';

/**
 * Returns `html` with each `<script src>`, `<iframe src>`, `<img src|srcset>`,
 * `<link rel=preload|prefetch|modulepreload|stylesheet>` and other loading tag
 * whose URL a non-essential service's `scripts` match written as blocked
 * markup; every other byte is left as it was. Throws when the manifest is not
 * valid (nothing could be blocked).
 */
export function rewriteHtml(html: string, manifest: Manifest, options?: RewriteOptions): string {
  const rewriter = createRewriter(manifest, options, 'rewriteHtml');
  return rewriter.write(html) + rewriter.end();
}
