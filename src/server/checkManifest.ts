// The manifest check of `kakor check` (CONTRACT §1.3, §2): the engine's own
// messages (src/core/manifest/validate.ts), each placed at its line and column
// in the file, plus JSON syntax errors and keys written twice.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { validateManifest } from '../core/manifest/validate';
import type { ResolvedManifest } from '../core/types';
import { positionsIn, type Position } from './position';

export interface ManifestProblem extends Position {
  severity: 'error' | 'warning';
  /** Where in the manifest (`services[2].category`), `manifest` for the whole. */
  path: string;
  /** The message as the browser prints it: `<path>: <what is wrong>`. */
  message: string;
}

export interface ManifestCheck {
  /** The resolved manifest; null when there is any error. */
  manifest: ResolvedManifest | null;
  /** The text is not JSON: nothing else could be checked. */
  syntax: boolean;
  problems: ManifestProblem[];
}

const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'unexpected character', InvalidNumberFormat: 'not a valid number',
  PropertyNameExpected: 'expected a key in double quotes (no trailing comma)', ValueExpected: 'expected a value (no trailing comma)',
  ColonExpected: 'expected ":"', CommaExpected: 'expected ","', CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"', EndOfFileExpected: 'expected the end of the file after the manifest',
  InvalidCommentToken: 'comments are not allowed in JSON', UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed', UnexpectedEndOfNumber: 'a number is not finished',
  InvalidUnicode: 'not a valid \\u escape', InvalidEscapeCharacter: 'not a valid escape',
  InvalidCharacter: 'a control character in a string (write it escaped)',
};

/** Checks a manifest file's text as the browser would load it (JSON.parse, then validateManifest). */
export function checkManifest(text: string): ManifestCheck {
  const at = positionsIn(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const problems = errors.map((err) => ({
      severity: 'error' as const, path: 'manifest', ...at(err.offset),
      message: `manifest: not valid JSON: ${SYNTAX[printParseErrorCode(err.error)] || printParseErrorCode(err.error)}`,
    }));
    // JSON.parse is the judge (it is what the browser runs); jsonc-parser only places its complaint.
    if (!problems.length) problems.push({ severity: 'error', path: 'manifest', ...at(0), message: `manifest: not valid JSON: ${(e as Error).message}` });
    return { manifest: null, syntax: true, problems: problems.slice(0, 1) };
  }
  const v = validateManifest(raw);
  const place = (severity: 'error' | 'warning') => (message: string): ManifestProblem => {
    const path = message.slice(0, message.indexOf(': '));
    const node = tree && locate(tree, path === 'manifest' ? '' : path, / unknown key, ignored$/.test(message));
    return { severity, path, message, ...at(node ? node.offset : 0) };
  };
  return {
    manifest: v.manifest,
    syntax: false,
    problems: [...v.errors.map(place('error')), ...v.warnings.map(place('warning')), ...(tree ? duplicateKeys(tree, at) : [])]
      .sort((a, b) => a.line - b.line || a.column - b.column),
  };
}

/**
 * The node a message's path names: `services[2].category` is the value of
 * `category` in the third service; an unknown key is its key. A path into
 * something missing gives the nearest thing that is there (`services[0].name`
 * missing: the service). Keys may hold dots, so the longest key that fits wins.
 */
function locate(root: Node, path: string, key: boolean): Node {
  let node = root;
  let rest = path;
  while (rest) {
    const index = /^\[(\d+)\]\.?/.exec(rest);
    if (index) {
      const child = node.type === 'array' ? node.children?.[Number(index[1])] : undefined;
      if (!child) return node;
      node = child;
      rest = rest.slice(index[0].length);
      continue;
    }
    if (node.type !== 'object') return node;
    let found: Node | undefined;
    for (const prop of node.children || []) {
      const k = String(prop.children![0]!.value);
      const fits = rest === k || rest.startsWith(`${k}.`) || rest.startsWith(`${k}[`);
      // Of two keys alike, JSON.parse keeps the last: so does this.
      if (fits && (!found || k.length >= String(found.children![0]!.value).length)) found = prop;
    }
    if (!found) return node;
    const k = String(found.children![0]!.value);
    if (rest === k) return key ? found.children![0]! : found.children![1] || found;
    node = found.children![1]!;
    rest = rest.slice(k.length).replace(/^\./, '');
  }
  return node;
}

/** A key written twice in one object: JSON.parse keeps the last, which is rarely what was meant. */
function duplicateKeys(root: Node, at: (offset: number) => Position): ManifestProblem[] {
  const out: ManifestProblem[] = [];
  const walk = (node: Node, path: string) => {
    if (node.type === 'array') node.children?.forEach((c, i) => walk(c, `${path}[${i}]`));
    if (node.type !== 'object') return;
    const seen = new Set<string>();
    for (const prop of node.children || []) {
      const [keyNode, value] = prop.children!;
      const k = String(keyNode!.value);
      const p = path ? `${path}.${k}` : k;
      if (seen.has(k)) out.push({ severity: 'warning', path: p, ...at(keyNode!.offset), message: `${p}: written twice in one object; only this last one counts` });
      seen.add(k);
      if (value) walk(value, p);
    }
  };
  walk(root, '');
  return out;
}
