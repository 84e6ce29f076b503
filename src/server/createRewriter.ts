// The rewriting of §5.3 over text that arrives in pieces: each piece out as soon
// as no tag in it can still change, the vendor tags in it as blocked markup.
import type { Manifest } from '../core/types';
import { blockingEdits, type Edit } from './blockingEdits';
import { requireManifest } from './requireManifest';
import { createTagScanner } from './tagScanner';
import { createVendorTagFinder } from './vendorTag';

export interface RewriteOptions {
  /**
   * The page's address, against which relative URLs (`/gtag/js`, `//cdn…`) are
   * matched; the document's own `<base href>` still applies. @default "https://localhost/"
   */
  baseUrl?: string;
}

export interface Rewriter {
  /** Takes the next piece of the document; returns the text that is final now. */
  write(chunk: string): string;
  /** Ends the document; returns the rest. */
  end(): string;
}

export function createRewriter(manifest: Manifest, options: RewriteOptions = {}, who = 'kakor/rewrite'): Rewriter {
  const find = createVendorTagFinder(requireManifest(manifest, who), options.baseUrl);
  const edits: Edit[] = [];
  const scanner = createTagScanner((tag) => {
    const vendor = find(tag);
    if (vendor) edits.push(...blockingEdits(vendor));
  });
  let done = 0;

  // Edits arrive in document order and lie inside tags already complete, so
  // they all fall before the point up to which the text is final.
  const flush = (to: number) => {
    const text = scanner.text(done).slice(0, to - done);
    let out = '';
    let at = 0;
    while (edits.length && edits[0]!.offset <= to) {
      const edit = edits.shift()!;
      out += text.slice(at, edit.offset - done) + edit.text;
      at = edit.offset - done;
    }
    out += text.slice(at);
    done = to;
    scanner.drop(done);
    return out;
  };

  return {
    write(chunk) {
      scanner.write(chunk);
      return flush(scanner.settled());
    },
    end() {
      scanner.end();
      return flush(scanner.settled());
    },
  };
}
