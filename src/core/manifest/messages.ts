// The sentences of the full manifest check (validate.ts): one per short reason of
// checks.ts and schema.ts, in the words a site owner reads in the console and in
// `kakor check`. Not in the engine (dist/kakor.js): only the dialog file (which
// names the problems the engine's lean check found), kakor/core, the server and the CLI.
import type { Problem, Problems } from './checks';
import { CONSENT_MODE_TYPES as MODES } from '../signals/consentMode';
import { wellKnownCategories } from './wellKnown';

export const show = (v: unknown): string => {
  const s = String(JSON.stringify(v)); // "undefined" for a missing value
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
};

/** What "expected …" names, by reason. */
const expected: { [why: string]: string } = {
  string: 'a non-empty string',
  boolean: 'true or false',
  id: 'an id of letters, digits, "_" or "-"',
  text: 'a string or { "sv": "…", "en": "…" }',
  texts: '{ "sv": { "key": "text" } }',
  array: 'an array',
  object: 'a JSON object',
  url: 'an http(s) or relative URL',
  'cookie name': 'a cookie name',
  'whole number': 'a whole number',
  'sv or en': '"sv" or "en"',
  days: 'a number of days from 1 to 3650',
  'consent mode type': `one of ${MODES.join(', ')}`,
  'one required category': 'exactly one required category ("necessary" or one with "required": true)',
};

const sentences: { [why: string]: (v: unknown, p: Problems) => string } = {
  'built-in': (v) => `"${v}" is the name of a built-in JavaScript object member (Object.prototype): choose another id`,
  duplicate: (v, p) => `"${v}" is already used at ${p.ids.get(v as string)}`,
  regex: (v) => `${show((v as string[])[0])} is not a valid regular expression (${(v as string[])[1]})`,
  'undeclared category': (v) => `${show(v)} is not a declared category`,
  'title and description': (v) => `"${v}" is not a well-known category (${Object.keys(wellKnownCategories).join(', ')}): give it a title and a description`,
  '__Host- with domain': () => 'a cookie whose name starts with "__Host-" cannot have a domain (browsers refuse to set it): remove "domain"',
  unknown: () => 'unknown key, ignored',
  link: (v) => `${show(v)} is not an http(s) or relative URL, ignored`,
};

/** `services[2].category: "analitycs" is not a declared category`. */
export const describe = (e: Problem, p: Problems): string =>
  `${e.at}: ${expected[e.why] ? `expected ${expected[e.why]}, got ${show(e.v)}` : sentences[e.why](e.v, p)}`;
