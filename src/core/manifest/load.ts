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

async function fetchManifest(url: string, env: Env): Promise<Loaded> {
  let text: string;
  try {
    const res = await env.fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw Error(`HTTP ${res.status}`);
    text = await res.text();
  } catch (e) {
    return { error: `manifest: fetching ${url} failed: ${(e as Error).message}` };
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
