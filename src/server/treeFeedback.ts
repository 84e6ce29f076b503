// The part of HTML tree construction that steers the tokenizer, without a tree:
// which start tags switch it to raw text, script data or RCDATA, and when it is
// inside SVG or MathML, where none of them do and CDATA is allowed (HTML §13.2.6).
//
// NOTE: the same simulation as parse5-sax-parser's ParserFeedbackSimulator
// (MIT). Like it, it keeps a stack of namespaces, not of elements: misnested
// markup that the tree builder would repair (an HTML end tag closing an open
// `<svg>`) is followed as the tokens come, which every tag-level tool shares.
import { foreignContent, html, Tokenizer, TokenizerMode, type Token } from 'parse5';

export type Namespace = 'html' | 'svg' | 'mathml';

const $ = html.TAG_ID;
const NS_OF: Record<Namespace, html.NS> = { html: html.NS.HTML, svg: html.NS.SVG, mathml: html.NS.MATHML };

/** Where a start tag's element lands and what its contents are to the tokenizer. */
export interface Placed {
  namespace: Namespace;
  /** The element's name as the DOM has it: `image` in HTML is `img`, SVG's `feimage` is `feImage`. */
  name: string;
}

export interface TreeFeedback {
  startTag(token: Token.TagToken): Placed;
  endTag(token: Token.TagToken): void;
}

/**
 * Tracks namespaces for `tokenizer` and sets its state after each start tag.
 * `scripting` is the browser's scripting flag: on, `<noscript>` holds raw text.
 */
export function createTreeFeedback(tokenizer: Tokenizer, scripting: boolean): TreeFeedback {
  const stack: Namespace[] = ['html'];
  const current = () => stack[stack.length - 1]!;
  const enter = (ns: Namespace) => {
    stack.push(ns);
    tokenizer.inForeignNode = ns !== 'html';
  };
  const leave = () => {
    if (stack.length > 1) stack.pop();
    tokenizer.inForeignNode = current() !== 'html';
  };

  // The elements whose contents the tree builder hands back to the tokenizer as text.
  const textState = (tag: html.TAG_ID) => {
    switch (tag) {
      case $.TITLE: case $.TEXTAREA: return TokenizerMode.RCDATA;
      case $.SCRIPT: return TokenizerMode.SCRIPT_DATA;
      case $.PLAINTEXT: return TokenizerMode.PLAINTEXT;
      case $.STYLE: case $.IFRAME: case $.XMP: case $.NOEMBED: case $.NOFRAMES: return TokenizerMode.RAWTEXT;
      case $.NOSCRIPT: return scripting ? TokenizerMode.RAWTEXT : undefined;
      default: return undefined;
    }
  };

  return {
    startTag(token) {
      if (token.tagID === $.SVG) enter('svg');
      else if (token.tagID === $.MATH) enter('mathml');
      const ns = current();
      if (ns !== 'html') {
        // `<p>`, `<img>`, `<div>`… inside SVG or MathML close it: they are HTML elements again.
        if (foreignContent.causesExit(token)) leave();
        else {
          const name = ns === 'svg' ? foreignContent.SVG_TAG_NAMES_ADJUSTMENT_MAP.get(token.tagName) || token.tagName : token.tagName;
          // foreignObject, desc, title (SVG) and mi, mo… (MathML) hold HTML again.
          if (!token.selfClosing && foreignContent.isIntegrationPoint(html.getTagID(name), NS_OF[ns], token.attrs)) enter('html');
          else if (token.selfClosing && (token.tagID === $.SVG || token.tagID === $.MATH)) leave();
          return { namespace: ns, name };
        }
      }
      const state = textState(token.tagID);
      if (state !== undefined) tokenizer.state = state;
      return { namespace: 'html', name: token.tagID === $.IMAGE ? 'img' : token.tagName };
    },
    endTag(token) {
      const ns = current();
      const below = stack[stack.length - 2];
      if (ns === 'html') {
        // Leaving an integration point: back in the foreign element around it.
        const name = below === 'svg' ? foreignContent.SVG_TAG_NAMES_ADJUSTMENT_MAP.get(token.tagName) || token.tagName : token.tagName;
        if (below && foreignContent.isIntegrationPoint(html.getTagID(name), NS_OF[below], token.attrs)) leave();
      } else if ((token.tagID === $.SVG && ns === 'svg') || (token.tagID === $.MATH && ns === 'mathml')) {
        leave();
      }
    },
  };
}
