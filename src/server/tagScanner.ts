// Start tags of an HTML document as the browser tokenizes them, chunk by chunk,
// with the source offset of the tag and of every attribute name in it, so a
// caller can rewrite a tag and leave every other byte as it was.
import { Tokenizer, type TokenHandler } from 'parse5';
import { createTreeFeedback, type Namespace } from './treeFeedback';

export interface ScannedTag {
  /** The DOM's element name (`img` for `<IMAGE>`, `feImage` in SVG). */
  name: string;
  namespace: Namespace;
  /** `[start, end)` of the start tag in the whole document. */
  start: number;
  end: number;
  /** Where the tag name ends: attributes written here come before every other. */
  nameEnd: number;
  /** The attributes the element gets: the first of each name, values decoded. */
  attrs: { name: string; value: string }[];
  /** Every attribute name written in the tag, duplicates included, with its offset. */
  names: { name: string; offset: number }[];
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

/** Reports each start tag of the document to `onTag`, in document order. */
export function createTagScanner(onTag: (tag: ScannedTag) => void, options: { scripting?: boolean; base?: number } = {}): TagScanner {
  const scripting = options.scripting !== false;
  const base = options.base || 0;
  let buffer = '';
  let bufferStart = 0;
  /** End of the last token the tokenizer gave us: a later tag starts at a `<` after it. */
  let tokenEnd = 0;
  /** Start of an open `<noscript>`'s contents: held until its end tag, then scanned as markup. */
  let noscriptFrom = -1;
  let duplicates: { name: string; offset: number }[] = [];

  const text = (from: number, to = bufferStart + buffer.length) => buffer.slice(from - bufferStart, to - bufferStart);

  // With scripting on, the browser reads `<noscript>` as text; without it, as
  // markup. What a visitor without JavaScript would load is found the second way.
  const scanNoscript = (to: number) => {
    const inner = createTagScanner((tag) => onTag({ ...tag, inNoscript: true }), { scripting: false, base: base + noscriptFrom });
    inner.write(text(noscriptFrom, to));
    inner.end();
    noscriptFrom = -1;
  };

  const handler: TokenHandler = {
    onStartTag(token) {
      const loc = token.location!;
      const placed = feedback.startTag(token);
      tokenEnd = loc.endOffset;
      const first = Object.entries(loc.attrs || {}).map(([name, at]) => ({ name, offset: at.startOffset }));
      onTag({
        name: placed.name,
        namespace: placed.namespace,
        start: base + loc.startOffset,
        end: base + loc.endOffset,
        nameEnd: base + loc.startOffset + 1 + token.tagName.length,
        attrs: token.attrs.map(({ name, value }) => ({ name, value })),
        names: [...first, ...duplicates].map((n) => ({ name: n.name, offset: base + n.offset })).sort((a, b) => a.offset - b.offset),
        inNoscript: false,
      });
      duplicates = [];
      if (placed.namespace === 'html' && placed.name === 'noscript' && scripting) noscriptFrom = loc.endOffset;
    },
    onEndTag(token) {
      tokenEnd = token.location!.endOffset;
      duplicates = [];
      if (noscriptFrom >= 0 && token.tagName === 'noscript') scanNoscript(token.location!.startOffset);
      feedback.endTag(token);
    },
    onComment: (t) => void (tokenEnd = t.location!.endOffset),
    onDoctype: (t) => void (tokenEnd = t.location!.endOffset),
    onCharacter: (t) => void (tokenEnd = t.location!.endOffset),
    onNullCharacter: (t) => void (tokenEnd = t.location!.endOffset),
    onWhitespaceCharacter: (t) => void (tokenEnd = t.location!.endOffset),
    onEof() {
      if (noscriptFrom >= 0) scanNoscript(bufferStart + buffer.length);
    },
    // NOTE: parse5 keeps only the first of two attributes with one name and
    // gives no offset for the second; while it reports the duplicate, its
    // current attribute is that second one. A rewrite must rename both, or the
    // second would take the first one's place.
    onParseError(error) {
      if (error.code !== 'duplicate-attribute') return;
      const t = tokenizer as unknown as { currentAttr: { name: string }; currentAttrLocation: { startOffset: number } };
      duplicates.push({ name: t.currentAttr.name, offset: t.currentAttrLocation.startOffset });
    },
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, handler);
  const feedback = createTreeFeedback(tokenizer, scripting);

  return {
    write(chunk) {
      buffer += chunk;
      tokenizer.write(chunk, false);
    },
    end() {
      tokenizer.write('', true);
      tokenEnd = bufferStart + buffer.length;
    },
    text: (from) => text(from - base),
    settled() {
      const lt = buffer.indexOf('<', Math.max(tokenEnd - bufferStart, 0));
      const at = lt < 0 ? bufferStart + buffer.length : bufferStart + lt;
      return base + (noscriptFrom >= 0 ? Math.min(at, noscriptFrom) : at);
    },
    drop(offset) {
      const keep = Math.min(offset - base, noscriptFrom >= 0 ? noscriptFrom : Infinity) - bufferStart;
      if (keep <= 0) return;
      buffer = buffer.slice(keep);
      bufferStart += keep;
    },
  };
}
