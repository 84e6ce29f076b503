// Small type checks for manifest validation. Each records a problem under its
// path (`services[2].category: …`) and says whether the value was usable.

export interface Problems {
  errors: string[];
  warnings: string[];
}

export type Obj = { [key: string]: unknown };

export const isObject = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + '...' : s;
};

export function fail(p: Problems, path: string, message: string): false {
  p.errors.push(`${path}: ${message}`);
  return false;
}

export function expect(p: Problems, path: string, v: unknown, ok: boolean, what: string): boolean {
  return ok || fail(p, path, `expected ${what}, got ${show(v)}`);
}

export const checkString = (p: Problems, path: string, v: unknown): v is string =>
  expect(p, path, v, typeof v === 'string' && v.trim() !== '', 'a non-empty string');

export const checkBoolean = (p: Problems, path: string, v: unknown): v is boolean =>
  expect(p, path, v, typeof v === 'boolean', 'true or false');

/** A LocalText: a string, or an object of strings by language code. */
export function checkText(p: Problems, path: string, v: unknown): boolean {
  const ok = typeof v === 'string'
    || (isObject(v) && Object.keys(v).length > 0 && Object.values(v).every((t) => typeof t === 'string'));
  return expect(p, path, v, ok, 'a string or { "sv": "…", "en": "…" }');
}

/** An id: letters, digits, `_` and `-`. */
export const checkId = (p: Problems, path: string, v: unknown): v is string =>
  expect(p, path, v, typeof v === 'string' && /^[\w-]+$/.test(v), 'an id of letters, digits, "_" or "-"');

/** Warns about keys a manifest object should not have, so typos are seen. */
export function warnUnknownKeys(p: Problems, path: string, o: Obj, known: string[]): void {
  for (const key of Object.keys(o)) {
    if (!known.includes(key)) p.warnings.push(`${path ? path + '.' : ''}${key}: unknown key, ignored`);
  }
}

/** `/regex/flags` → RegExp; anything else stays a string. Records an invalid regex. */
export function compilePattern(p: Problems, path: string, s: string): string | RegExp | undefined {
  const m = /^\/(.+)\/([a-z]*)$/.exec(s);
  if (!m) return s;
  try {
    return new RegExp(m[1], m[2]);
  } catch (e) {
    fail(p, path, `${show(s)} is not a valid regular expression (${(e as Error).message})`);
    return undefined;
  }
}

/** True for http(s) and relative URLs; `javascript:` and other schemes are refused. */
// NOTE: browsers drop tabs and newlines inside URLs ("java\nscript:"), so
// control characters and spaces are removed before the scheme is read.
export function isSafeUrl(v: string): boolean {
  const u = v.replace(/[\0-\x20]/g, '');
  return !/^[a-z][a-z\d+.-]*:/i.test(u) || /^https?:/i.test(u);
}
