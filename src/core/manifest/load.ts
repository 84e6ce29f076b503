// Finds the manifest (CONTRACT §1.1): an object, a URL to fetch, or the inline
// <script type="application/json" id="kakor-manifest">. Answers synchronously
// when it can, so consent mode and the stored choice apply during script evaluation.
import type { Env } from '../env';
import type { Manifest } from '../types';

export const INLINE_ID = 'kakor-manifest';

/** The raw manifest, or a string error naming where it went wrong. */
export type Loaded = { raw: unknown } | { error: string };

export function loadManifest(source: Manifest | string | undefined, env: Env): Loaded | Promise<Loaded> {
  if (typeof source === 'string') return fetchManifest(source, env);
  if (source !== undefined) return { raw: source };
  const doc = env.document;
  if (doc.getElementById(INLINE_ID) || doc.readyState !== 'loading') return readInline(doc);
  return new Promise((resolve) => {
    doc.addEventListener('DOMContentLoaded', () => resolve(readInline(doc)));
  });
}

function readInline(doc: Document): Loaded {
  const el = doc.getElementById(INLINE_ID);
  if (!el) {
    return { error: `manifest: none found: add data-manifest="/cookies.json" to kakor's script tag or a <script type="application/json" id="${INLINE_ID}">` };
  }
  return parse(el.textContent!, `#${INLINE_ID}`);
}

/** A manifest that has not arrived by then never will, as far as the visitor can tell: fail closed. */
export const FETCH_TIMEOUT_MS = 10_000;

async function fetchManifest(url: string, env: Env): Promise<Loaded> {
  const win = env.window;
  const abort = new AbortController();
  let timer: number | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = win.setTimeout(() => {
      abort.abort();
      fail(Error(`no answer within ${FETCH_TIMEOUT_MS / 1000} s`));
    }, FETCH_TIMEOUT_MS);
  });
  let text: string;
  try {
    // The body may stall after the headers: the timeout covers both.
    text = await Promise.race([timeout, env.fetch(url, { credentials: 'same-origin', signal: abort.signal }).then((res) => {
      if (!res.ok) throw Error(`HTTP ${res.status}`);
      return res.text();
    })]);
  } catch (e) {
    return { error: `manifest: fetching ${url} failed: ${(e as Error).message}` };
  } finally {
    win.clearTimeout(timer);
  }
  return parse(text, url);
}

function parse(text: string, where: string): Loaded {
  try {
    return { raw: JSON.parse(text) };
  } catch (e) {
    return { error: `manifest: ${where} is not valid JSON: ${(e as Error).message}` };
  }
}
