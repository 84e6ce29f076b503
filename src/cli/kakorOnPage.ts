// Where kakor stands in a page's HTML as the server sent it (CONTRACT §1.1: a
// classic script, first in <head>, so it runs before any vendor code), and the
// vendor tags written there that load before consent (§5.3: only markup stops them).
import type { ResolvedManifest } from '../core/types';
import { findVendorTags } from '../server/findVendorTags';
import { createTagScanner, type ScannedTag } from '../server/tagScanner';

export interface KakorPlacement {
  /** kakor's script tag is in the page. */
  found: boolean;
  /** Problems with where it stands, one sentence each. */
  problems: string[];
}

const KAKOR_SRC = /(?:^|\/)kakor(?:\.min)?\.js(?:[?#]|$)/;
// What may stand in <head>; any other start tag opens the body.
const HEAD_CONTENT = new Set(['html', 'head', 'meta', 'title', 'link', 'style', 'script', 'base', 'noscript', 'template']);
// Script types the browser does not run (JSON data, kakor's own blocked markup).
const RUNS = (type: string | undefined) => type === undefined || /^(?:|module|text\/javascript|application\/javascript)$/i.test(type.trim());

const attr = (tag: ScannedTag, name: string) => tag.attrs.find((a) => a.name === name)?.value;
const describe = (tag: ScannedTag) => (attr(tag, 'src') ? `<script src="${attr(tag, 'src')}">` : 'an inline <script>');

export function placeKakor(html: string): KakorPlacement {
  const tags: ScannedTag[] = [];
  const scanner = createTagScanner((tag) => {
    if (tag.namespace === 'html' && !tag.inNoscript) tags.push(tag);
  });
  scanner.write(html);
  scanner.end();
  const bodyAt = tags.findIndex((t) => t.name === 'body' || !HEAD_CONTENT.has(t.name));
  const kakorAt = tags.findIndex((t) => t.name === 'script' && KAKOR_SRC.test(attr(t, 'src') ?? ''));
  if (kakorAt < 0) return { found: false, problems: ['kakor is not on the page: no <script src=".../kakor.js"> in its HTML'] };
  const problems: string[] = [];
  const kakor = tags[kakorAt];
  if (bodyAt >= 0 && bodyAt < kakorAt) problems.push('kakor is not in <head>: move its <script> to the top of <head>');
  const before = tags.slice(0, kakorAt).find((t) => t.name === 'script' && RUNS(attr(t, 'type')));
  if (before) problems.push(`kakor is not the first script in <head>: ${describe(before)} runs before it`);
  if (attr(kakor, 'async') !== undefined || attr(kakor, 'defer') !== undefined || attr(kakor, 'type') === 'module') {
    problems.push('kakor is loaded async, defer or as a module: load it as a plain <script> so it runs before the page');
  }
  return { found: true, problems };
}

/** Vendor tags written in the HTML that load a non-essential service before any script can stop them. */
export function rawVendorTags(html: string, manifest: ResolvedManifest, pageUrl: string): string[] {
  return findVendorTags(html, manifest, pageUrl)
    .filter((v) => !v.essential && !v.blocked && !v.tag.inNoscript && v.loads.length > 0)
    .map((v) => `vendor tag written in the HTML: <${v.tag.name} ${v.loads[0]}="${v.url}"> (${v.service.id}) is fetched by the browser before kakor can stop it: write it as blocked markup (type="text/plain" or data-src) or rewrite the HTML with kakor/rewrite`);
}
