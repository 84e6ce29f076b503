// One browser's reading of an HTML document: parse5's tree builder fed chunk by
// chunk, reporting each element it makes with the source offsets of its start
// tag and of every attribute name in it, and each token as it passes.
import { defaultTreeAdapter, html, Parser, type DefaultTreeAdapterMap, type Token, type TokenHandler } from 'parse5';

export type Namespace = 'html' | 'svg' | 'mathml';

/** An element the parser made from a start tag (offsets local to the document). */
export interface ParsedTag {
  /** The DOM's element name (`img` for `<IMAGE>`, `feImage` in SVG). */
  name: string;
  namespace: Namespace;
  /** `[start, end)` of the start tag. */
  start: number;
  end: number;
  /** Where the tag name ends: attributes written here come before every other. */
  nameEnd: number;
  /** The attributes the element gets, as written (`xlink:href`): the first of each name, values decoded. */
  attrs: { name: string; value: string }[];
  /** Every attribute name written in the tag, duplicates included, with its offset. */
  names: { name: string; offset: number }[];
}

export interface DocumentParser {
  write(chunk: string, last: boolean): void;
}

const NAMESPACES: Record<string, Namespace> = { [html.NS.HTML]: 'html', [html.NS.SVG]: 'svg', [html.NS.MATHML]: 'mathml' };
const TOKENS = ['onStartTag', 'onEndTag', 'onComment', 'onDoctype', 'onCharacter', 'onNullCharacter', 'onWhitespaceCharacter', 'onEof'] as const;
type Element = DefaultTreeAdapterMap['element'];

/**
 * `scripting` is the browser's scripting flag (on: `<noscript>` holds text).
 * `source(offset)` gives the document's text from an offset not yet dropped.
 * `onToken` runs before the tree builder takes the token, `onTag` as it makes an element.
 */
export function createDocumentParser(scripting: boolean, source: (offset: number) => string, handlers: {
  onTag(tag: ParsedTag): void;
  onToken(kind: (typeof TOKENS)[number], token: Token.Token): void;
}): DocumentParser {
  let lastStart = -1;
  let duplicates: { name: string; offset: number }[] = [];

  const created = (el: Element, loc: Token.LocationWithAttributes) => {
    // The parser makes some elements again from the same tag (formatting
    // elements it reopens); each tag is reported once.
    if (loc.startOffset <= lastStart) return;
    lastStart = loc.startOffset;
    const namespace = NAMESPACES[el.namespaceURI];
    if (!namespace) return;
    const name = /^[^\t\n\f\r />]*/.exec(source(loc.startOffset + 1))![0];
    const first = Object.entries(loc.attrs || {}).map(([n, at]) => ({ name: n, offset: at.startOffset }));
    handlers.onTag({
      name: el.tagName,
      namespace,
      start: loc.startOffset,
      end: loc.endOffset,
      nameEnd: loc.startOffset + 1 + name.length,
      attrs: el.attrs.map((a) => ({ name: a.prefix ? `${a.prefix}:${a.name}` : a.name, value: a.value })),
      names: [...first, ...duplicates].sort((a, b) => a.offset - b.offset),
    });
  };

  const parser: Parser<DefaultTreeAdapterMap> = new Parser({
    scriptingEnabled: scripting,
    sourceCodeLocationInfo: true,
    treeAdapter: {
      ...defaultTreeAdapter,
      setNodeSourceCodeLocation(node, loc) {
        defaultTreeAdapter.setNodeSourceCodeLocation(node, loc);
        if (loc && 'tagName' in node && 'startTag' in loc && loc.startTag) created(node as Element, loc.startTag);
      },
    },
    // NOTE: parse5 keeps only the first of two attributes with one name and
    // gives no offset for the second; while it reports the duplicate, its
    // tokenizer's current attribute is that second one. A rewrite must rename
    // both, or the second would take the first one's place.
    onParseError(error) {
      if (error.code !== 'duplicate-attribute') return;
      const t = parser.tokenizer as unknown as { currentAttr: { name: string }; currentAttrLocation: { startOffset: number } };
      duplicates.push({ name: t.currentAttr.name, offset: t.currentAttrLocation.startOffset });
    },
  });

  // Every token passes here on its way to the tree builder.
  const handler = parser as unknown as TokenHandler & Record<string, (token: Token.Token) => void>;
  for (const kind of TOKENS) {
    const process = handler[kind]!.bind(parser) as (token: Token.Token) => void;
    handler[kind] = (token) => {
      handlers.onToken(kind, token);
      process(token);
      if (kind === 'onStartTag' || kind === 'onEndTag') duplicates = [];
    };
  }

  return { write: (chunk, last) => parser.tokenizer.write(chunk, last) };
}
