// Small composable checks for manifest validation, shared by the engine's lean
// check and the full one, so both accept exactly the same manifests. Each records
// a problem as its path, a short reason and the value (`services[2].category`,
// `category`, "analitycs") and returns the value, or undefined. The sentences a
// site owner reads are made from these in messages.ts, which the engine never loads.

/** One problem: where, a short reason (a key of messages.ts), and the value found there. */
export interface Problem {
  at: string;
  why: string;
  v: unknown;
}

export interface Problems {
  errors: Problem[];
  warnings: Problem[];
  /** Each category and service id seen so far → the path that declared it. */
  ids: Map<string, string>;
}

export type Obj = { [key: string]: unknown };
export type Check<T = unknown> = (p: Problems, path: string, v: unknown) => T | undefined;

export const isObject = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function fail(p: Problems, path: string, why: string, v?: unknown): undefined {
  p.errors.push({ at: path || 'manifest', why, v });
  return undefined;
}

/** A check from a predicate, failing with `why` and the value. */
export const is = <T = unknown>(ok: (v: unknown) => boolean, why: string): Check<T> =>
  (p, path, v) => (ok(v) ? v as T : fail(p, path, why, v));

export const str = is<string>((v) => typeof v === 'string' && /\S/.test(v), 'string');
export const bool = is<boolean>((v) => typeof v === 'boolean', 'boolean');
const id = is<string>((v) => typeof v === 'string' && /^[\w-]+$/.test(v), 'id');
const strings = (v: unknown) => isObject(v) && Object.values(v).every((t) => typeof t === 'string');
/** A LocalText: a string, or an object of strings by language code. */
export const text = is<string | Obj>((v) => typeof v === 'string' || (strings(v) && Object.keys(v as Obj).length > 0), 'text');
export const texts = is<Obj>((v) => isObject(v) && Object.values(v).every(strings), 'texts');

/** A category or service id: one id names one thing (CONTRACT §2), so it must not be used twice. */
export const unique: Check<string> = (p, path, v) => {
  const s = id(p, path, v);
  // Ids key plain objects (getConsent()'s categories and services), where these names are taken.
  if (s && s in Object.prototype) return fail(p, path, 'built-in', s);
  if (s && p.ids.has(s)) return fail(p, path, 'duplicate', s);
  if (s) p.ids.set(s, path);
  return s;
};

/** An array of checked items; undefined when any item failed (its errors are recorded). */
export const list = <T>(item: Check<T>): Check<T[]> => (p, path, v) => {
  if (!Array.isArray(v)) return fail(p, path, 'array', v);
  const before = p.errors.length;
  const out = v.map((x, i) => item(p, `${path}[${i}]`, x));
  return p.errors.length > before ? undefined : out as T[];
};

/**
 * An object whose keys are checked by `fields`; keys in `required` are checked
 * even when missing, a missing key takes its value from `defaults` (fresh for
 * each object, so no two manifests share one). Unknown keys are warned about, so typos are seen.
 */
export const obj = (fields: { [key: string]: Check }, required = '', defaults = (): Obj => ({})): Check<Obj> => (p, path, v) => {
  if (!isObject(v)) return fail(p, path, 'object', v);
  const at = (k: string) => (path ? `${path}.${k}` : k);
  const before = p.errors.length;
  const out = defaults();
  // Known keys in the order of `fields` (it matters: categories before services), then unknown ones.
  // Own keys only: `constructor` or `__proto__` in a manifest is unknown, not a check.
  const known = Object.keys(fields);
  for (const k of Object.keys({ ...fields, ...v })) {
    if (!known.includes(k)) p.warnings.push({ at: at(k), why: 'unknown', v: v[k] });
    // A check may drop a value with only a warning (`link`): then the key is left out.
    else if (v[k] !== undefined || required.split(' ').includes(k)) {
      const checked = fields[k](p, at(k), v[k]);
      if (checked !== undefined) out[k] = checked;
    }
  }
  return p.errors.length > before ? undefined : out;
};

/** `/regex/flags` → RegExp; anything else is a plain string. */
export const toPattern = (s: string): string | RegExp => {
  // Only flags a RegExp takes end a regex: `/gtag/js` is a path, matched as a substring.
  const m = /^\/(.+)\/([dgimsuvy]*)$/.exec(s);
  return m ? new RegExp(m[1], m[2]) : s;
};

/** A name or URL pattern, compiled: a `/regex/` must compile. */
export const pattern: Check<string | RegExp> = (p, path, v) => {
  const s = str(p, path, v);
  if (s === undefined) return undefined;
  try {
    return toPattern(s);
  } catch (e) {
    // The value and why it does not compile, in the JavaScript engine's words.
    return fail(p, path, 'regex', [s, (e as Error).message]);
  }
};

// NOTE: browsers drop tabs and newlines inside URLs ("java\nscript:"), so
// control characters and spaces are removed before the scheme is read.
/** True for http(s) and relative URLs; `javascript:` and other schemes are refused. */
export function isSafeUrl(v: string): boolean {
  const u = v.replace(/[\0-\x20]/g, '');
  return !/^[a-z][a-z\d+.-]*:/i.test(u) || /^https?:/i.test(u);
}

/** A URL that must be safe: anything else is an error. */
export const url = is<string>((v) => typeof v === 'string' && /\S/.test(v) && isSafeUrl(v), 'url');

/** A link shown to visitors: an unsafe one is dropped with a warning, not fatal. */
export const link: Check = (p, path, v) => {
  const t = text(p, path, v);
  if (t === undefined) return undefined;
  for (const [lang, u] of Object.entries(typeof t === 'string' ? { '': t } : t)) {
    if (!isSafeUrl(u as string)) {
      p.warnings.push({ at: path + (lang && '.' + lang), why: 'link', v: u });
      return undefined;
    }
  }
  return t;
};
