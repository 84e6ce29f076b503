// The start tags of an HTML document that make elements, in document order, as
// a browser with JavaScript makes them, plus those a browser without it makes
// inside `<noscript>` (a visitor without JavaScript can never consent), chunk
// by chunk, with offsets so a caller can rewrite a tag and keep every other byte.
import { createDocumentParser, type ParsedTag } from './documentParser';

export type { Namespace } from './documentParser';

export interface ScannedTag extends ParsedTag {
  /** Inside `<noscript>`: only a visitor without JavaScript gets this element. */
  inNoscript: boolean;
}

export interface TagScanner {
  write(chunk: string): void;
  end(): void;
  /** Text from `from` up to what has been written, as written. */
  text(from: number): string;
  /** No tag reported later starts before this offset, so the text before it is final. */
  settled(): number;
  /** Forget the text before `offset` (it is out already). */
  drop(offset: number): void;
}

/** Reports each start tag that makes an element to `onTag`, in document order. */
export function createTagScanner(onTag: (tag: ScannedTag) => void): TagScanner {
  let buffer = '';
  let bufferStart = 0;
  /** End of the last token the page's parser took: a later tag starts at a `<` after it. */
  let tokenEnd = 0;
  /** Start of an open `<noscript>`'s contents, which are text with JavaScript on. */
  let noscriptFrom = -1;
  /** Tags a browser without JavaScript made, in order; those before `passed` are behind the page's parser. */
  let withoutScript: ParsedTag[] = [];
  let passed = 0;
  const pass = (offset: number) => {
    while (passed < withoutScript.length && withoutScript[passed]!.start < offset) passed++;
    if (passed > 256) withoutScript = withoutScript.slice(passed), passed = 0;
  };

  const source = (from: number) => (from < bufferStart ? '' : buffer.slice(from - bufferStart));

  // A browser without JavaScript reads `<noscript>` as markup. Its tags count
  // only where a browser with JavaScript has text, inside `<noscript>`: a
  // rewrite there never touches a script either of them runs.
  const noScript = createDocumentParser(false, source, {
    onTag: (tag) => withoutScript.push(tag),
    onToken() {},
  });
  const closeNoscript = (to: number) => {
    for (let i = passed; i < withoutScript.length && withoutScript[i]!.start < to; i++) {
      const tag = withoutScript[i]!;
      if (tag.start >= noscriptFrom && tag.end <= to) onTag({ ...tag, inNoscript: true });
    }
    pass(to);
    noscriptFrom = -1;
  };

  const page = createDocumentParser(true, source, {
    onTag(tag) {
      pass(tag.start + 1);
      onTag({ ...tag, inNoscript: false });
      if (tag.namespace === 'html' && tag.name === 'noscript') noscriptFrom = tag.end;
    },
    onToken(kind, token) {
      if (noscriptFrom >= 0 && (kind === 'onEof' || (kind === 'onEndTag' && (token as { tagName: string }).tagName === 'noscript'))) {
        closeNoscript(kind === 'onEof' ? bufferStart + buffer.length : token.location!.startOffset);
      }
      if (token.location) tokenEnd = Math.max(tokenEnd, token.location.endOffset);
    },
  });

  // The browser without JavaScript reads each chunk first, so its tags in a
  // `<noscript>` are known when the page's parser reaches the end of it.
  const write = (chunk: string, last: boolean) => {
    noScript.write(chunk, last);
    page.write(chunk, last);
  };

  return {
    write(chunk) {
      buffer += chunk;
      write(chunk, false);
    },
    end() {
      write('', true);
      tokenEnd = bufferStart + buffer.length;
    },
    text: source,
    settled() {
      const lt = buffer.indexOf('<', Math.max(tokenEnd - bufferStart, 0));
      const at = lt < 0 ? bufferStart + buffer.length : bufferStart + lt;
      return noscriptFrom >= 0 ? Math.min(at, noscriptFrom) : at;
    },
    drop(offset) {
      const keep = Math.min(offset, noscriptFrom >= 0 ? noscriptFrom : Infinity) - bufferStart;
      if (keep <= 0) return;
      buffer = buffer.slice(keep);
      bufferStart += keep;
    },
  };
}
