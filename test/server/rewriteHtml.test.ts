// kakor/rewrite (CONTRACT §5.3): vendor tags become blocked markup, every
// other byte stays. The judge of "blocked" is parse5's full tree builder (oracle.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { rewriteHtml } from '../../src/server/rewrite';
import type { Manifest } from '../../src/core/types';
import { leaks, nonEssentialPatterns, onlyInserts } from './oracle';

const root = join(__dirname, '../..');
const read = (f: string) => readFileSync(join(root, f), 'utf8');
const json = (f: string) => JSON.parse(read(f)) as Manifest;

const seeds = [
  { manifest: 'test/fixtures/bostadsexperterna.cookies.json', page: 'test/fixtures/html/bostadsexperterna.raw.html' },
  { manifest: 'test/fixtures/nesk.cookies.json', page: 'test/fixtures/html/nesk.raw.html' },
];

const manifest: Manifest = {
  categories: ['necessary', 'analytics', 'marketing'],
  services: [
    { id: 'cdn', name: 'CDN', category: 'necessary', scripts: ['cdn.example.se'] },
    { id: 'ga', name: 'Google Analytics', category: 'analytics', scripts: ['googletagmanager.com/gtag/js'] },
    { id: 'px', name: 'Tracker', category: 'marketing', scripts: ['tracker.example', '/^https:\\/\\/rx\\.example\\//'] },
  ],
};
const PX = ' data-service="px" data-category="marketing"';
const rewrite = (html: string) => rewriteHtml(html, manifest);

/** The element right after each `<!-- raw: id -->` comment, in the parsed output. */
function markedElements(html: string): { id: string; el: DefaultTreeAdapterMap['element'] }[] {
  const out: { id: string; el: DefaultTreeAdapterMap['element'] }[] = [];
  const walk = (node: DefaultTreeAdapterMap['parentNode']) => {
    node.childNodes.forEach((child, i) => {
      const next = node.childNodes[i + 1];
      const m = child.nodeName === '#comment' && /^ raw: ([\w-]+) $/.exec((child as DefaultTreeAdapterMap['commentNode']).data);
      if (m && next && 'tagName' in next) out.push({ id: m[1]!, el: next });
      if ('childNodes' in child) walk(child as DefaultTreeAdapterMap['parentNode']);
    });
  };
  walk(parse(html, { scriptingEnabled: false }));
  return out;
}

describe('rewriteHtml on the seed manifests', () => {
  for (const seed of seeds) {
    it(`${seed.page}: every non-essential vendor tag is blocked, nothing else changes`, () => {
      const m = json(seed.manifest);
      const patterns = nonEssentialPatterns(m);
      const html = read(seed.page);
      expect(leaks(html, patterns).length).toBeGreaterThan(5);
      const out = rewriteHtml(html, m);
      expect(leaks(out, patterns)).toEqual([]);
      expect(onlyInserts(html, out)).toBe(true);
      // Each tag the fixture marks now names its service; the rest are as written.
      const marked = markedElements(out);
      expect(marked.length).toBeGreaterThan(5);
      for (const { id, el } of marked) expect(el.attrs.find((a) => a.name === 'data-service')?.value, el.tagName).toBe(id);
      expect(rewriteHtml(out, m)).toBe(out);
    });
  }

  it('leaves a necessary service (Stripe) loading as written', () => {
    const out = rewriteHtml(read('test/fixtures/html/nesk.raw.html'), json('test/fixtures/nesk.cookies.json'));
    expect(out).toContain('<script src="https://js.stripe.com/v3/"></script>');
  });

  for (const example of ['script-tag', 'woocommerce-shop']) {
    it(`examples/${example}: written as blocked markup already, so byte for byte the same`, () => {
      const html = read(`examples/${example}/index.html`);
      const m = json(`examples/${example}/cookies.json`);
      expect(rewriteHtml(html, m)).toBe(html);
    });
  }
});

describe('rewriteHtml: scripts', () => {
  it('blocks a script by type="text/plain", keeping its own type as data-type', () => {
    expect(rewrite('<script type="module" src="https://tracker.example/t.js"></script>')).toBe(
      `<script type="text/plain"${PX} data-type="module" src="https://tracker.example/t.js"></script>`);
    expect(rewrite('<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>')).toBe(
      '<script type="text/plain" data-service="ga" data-category="analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>');
  });

  it('reads uppercase tags and attributes, and every quoting style', () => {
    expect(rewrite('<SCRIPT SRC=https://tracker.example/t.js></SCRIPT>')).toBe(`<SCRIPT type="text/plain"${PX} SRC=https://tracker.example/t.js></SCRIPT>`);
    expect(rewrite("<script src='https://tracker.example/t.js'></script>")).toBe(`<script type="text/plain"${PX} src='https://tracker.example/t.js'></script>`);
    expect(rewrite('<script/src="https://tracker.example/t.js"></script>')).toBe(`<script type="text/plain"${PX}/src="https://tracker.example/t.js"></script>`);
  });

  it('decodes character references before matching, as the browser does', () => {
    expect(rewrite('<script src="https://tracker&#46;example/t.js"></script>')).toContain('type="text/plain"');
    expect(rewrite('<script src="https://tracker&period;example/t.js"></script>')).toContain('type="text/plain"');
  });

  it('matches regex patterns and protocol-relative URLs', () => {
    expect(rewrite('<script src="//rx.example/a.js"></script>')).toContain(PX);
  });

  it('renames every type attribute, so a duplicate cannot win', () => {
    expect(rewrite('<script src=https://tracker.example/t.js type=module TYPE=text/javascript></script>')).toBe(
      `<script type="text/plain"${PX} src=https://tracker.example/t.js data-type=module data-TYPE=text/javascript></script>`);
  });

  it('leaves blocked markup, essential services and unrelated scripts alone', () => {
    const same = [
      '<script type="text/plain" data-category="marketing" src="https://tracker.example/t.js"></script>',
      '<script type=" TEXT/PLAIN " src="https://tracker.example/t.js"></script>',
      '<script src="https://cdn.example.se/lib.js"></script>',
      '<script src="/app.js"></script>',
      '<script>fbq("init", "https://tracker.example/t.js")</script>',
    ];
    for (const html of same) expect(rewrite(html)).toBe(html);
  });

  it('reads a script body with "</" and "<!--" as script text, as the browser does', () => {
    const body = '<script>if (a </b) x = "<img src=https://tracker.example/a.gif>"; // <!-- x --> </scrip t></script>';
    expect(rewrite(body)).toBe(body);
    // "<!--" then "<script>" double-escapes: the first </script> does not end it.
    const escaped = '<script><!--<script>x</script><img src=https://tracker.example/b.gif>--></script><img src=https://tracker.example/c.gif>';
    expect(rewrite(escaped)).toBe(
      `<script><!--<script>x</script><img src=https://tracker.example/b.gif>--></script><img${PX} data-src=https://tracker.example/c.gif>`);
  });
});

describe('rewriteHtml: iframes, images and other loading elements', () => {
  it('moves an iframe src to data-src with data-service', () => {
    expect(rewrite('<iframe width=560 src="https://tracker.example/embed/1" allowfullscreen></iframe>')).toBe(
      `<iframe${PX} width=560 data-src="https://tracker.example/embed/1" allowfullscreen></iframe>`);
  });

  it('renames a duplicated src too, so the second cannot take the first one\'s place', () => {
    expect(rewrite('<iframe src="https://tracker.example/a" src="https://tracker.example/b"></iframe>')).toBe(
      `<iframe${PX} data-src="https://tracker.example/a" data-src="https://tracker.example/b"></iframe>`);
    // The first wins: a duplicate that would not load the vendor changes nothing.
    expect(rewrite('<img src="/logo.png" src="https://tracker.example/b.gif">')).toBe('<img src="/logo.png" src="https://tracker.example/b.gif">');
  });

  it('reads alt=""src=… and alt=a"b the way the browser does', () => {
    expect(rewrite('<img alt=""src="https://tracker.example/p.gif">')).toBe(`<img${PX} alt=""data-src="https://tracker.example/p.gif">`);
    expect(rewrite('<img src=https://tracker.example/p.gif alt=a"b>')).toBe(`<img${PX} data-src=https://tracker.example/p.gif alt=a"b>`);
    expect(rewrite('<img alt=a"b src=https://tracker.example/p.gif>')).toBe(`<img${PX} alt=a"b data-src=https://tracker.example/p.gif>`);
    // A quoted value may hold ">": the tag ends after it.
    expect(rewrite('<img alt="x><b title=" src="https://tracker.example/p.gif">')).toBe(
      `<img${PX} alt="x><b title=" data-src="https://tracker.example/p.gif">`);
    expect(rewrite('<img title="src=https://tracker.example/p.gif">')).toBe('<img title="src=https://tracker.example/p.gif">');
  });

  it('holds srcset, poster, object data, input type=image, embed, audio, source and <image>', () => {
    expect(rewrite('<img src="/a.jpg" srcset="/a.jpg 1x, https://tracker.example/a,2.jpg 2x">')).toBe(
      `<img${PX} src="/a.jpg" data-srcset="/a.jpg 1x, https://tracker.example/a,2.jpg 2x">`);
    expect(rewrite('<video src="/v.mp4" poster="https://tracker.example/p.jpg"></video>')).toBe(
      `<video${PX} src="/v.mp4" data-poster="https://tracker.example/p.jpg"></video>`);
    expect(rewrite('<object data="https://tracker.example/o.svg"></object>')).toBe(`<object${PX} data-data="https://tracker.example/o.svg"></object>`);
    expect(rewrite('<input type=IMAGE src="https://tracker.example/b.png">')).toBe(`<input${PX} type=IMAGE data-src="https://tracker.example/b.png">`);
    expect(rewrite('<input src="https://tracker.example/b.png">')).toBe('<input src="https://tracker.example/b.png">');
    expect(rewrite('<embed src="https://tracker.example/e">')).toBe(`<embed${PX} data-src="https://tracker.example/e">`);
    expect(rewrite('<audio src="https://tracker.example/a.mp3"></audio>')).toBe(`<audio${PX} data-src="https://tracker.example/a.mp3"></audio>`);
    expect(rewrite('<picture><source srcset="https://tracker.example/a.webp"></picture>')).toBe(
      `<picture><source${PX} data-srcset="https://tracker.example/a.webp"></picture>`);
    expect(rewrite('<image src="https://tracker.example/i.gif">')).toBe(`<image${PX} data-src="https://tracker.example/i.gif">`);
  });

  it('holds <link> that fetches (preload, prefetch, modulepreload, stylesheet) and no other', () => {
    for (const rel of ['preload', 'prefetch', 'modulepreload', 'stylesheet', 'Alternate StyleSheet']) {
      expect(rewrite(`<link rel="${rel}" href="https://tracker.example/x">`)).toBe(`<link${PX} rel="${rel}" data-href="https://tracker.example/x">`);
    }
    expect(rewrite('<link rel="canonical" href="https://tracker.example/x">')).toBe('<link rel="canonical" href="https://tracker.example/x">');
    expect(rewrite('<a href="https://tracker.example/x">x</a>')).toBe('<a href="https://tracker.example/x">x</a>');
  });

  it('holds SVG <script href>, <image xlink:href> and <feImage href>, and leaves CDATA as text', () => {
    expect(rewrite('<svg><script href="https://tracker.example/s.js"/><image xlink:href="https://tracker.example/i.png"/>'
      + '<filter><feImage href="https://tracker.example/f.png"/></filter></svg>')).toBe(
      `<svg><script${PX} data-href="https://tracker.example/s.js"/><image${PX} data-xlink:href="https://tracker.example/i.png"/>`
      + `<filter><feImage${PX} data-href="https://tracker.example/f.png"/></filter></svg>`);
    const cdata = '<svg><![CDATA[ <img src="https://tracker.example/c.gif"> ]]></svg>';
    expect(rewrite(cdata)).toBe(cdata);
    // Outside SVG "<![CDATA[" is a bogus comment, up to the first ">".
    expect(rewrite('<![CDATA[ a > <img src="https://tracker.example/c.gif"> ]]>')).toBe(`<![CDATA[ a > <img${PX} data-src="https://tracker.example/c.gif"> ]]>`);
  });

  it('leaves comments, <textarea>, <title>, <style> and <xmp> contents alone', () => {
    const same = [
      '<!-- <script src="https://tracker.example/t.js"></script> -->',
      '<textarea><img src="https://tracker.example/t.gif"></textarea>',
      '<title><script src="https://tracker.example/t.js"></script></title>',
      '<style>/* <img src="https://tracker.example/t.gif"> */</style>',
      '<xmp><iframe src="https://tracker.example/e"></iframe></xmp>',
      '<iframe srcdoc="x"><img src="https://tracker.example/t.gif"></iframe>',
    ];
    for (const html of same) expect(rewrite(html)).toBe(html);
  });

  it('blocks what <noscript> would load for a visitor without JavaScript, who cannot consent', () => {
    expect(rewrite('<noscript><img src="https://tracker.example/t.gif"></noscript><img src="/ok.gif">')).toBe(
      `<noscript><img${PX} data-src="https://tracker.example/t.gif"></noscript><img src="/ok.gif">`);
    // With scripting on, noscript is text up to </noscript>: what follows is markup again.
    expect(rewrite('<noscript><script></noscript><img src="https://tracker.example/t.gif">')).toBe(
      `<noscript><script></noscript><img${PX} data-src="https://tracker.example/t.gif">`);
  });

  it('resolves relative URLs against <base href> and the baseUrl option', () => {
    expect(rewrite('<base href="https://tracker.example/"><img src="p.gif">')).toBe(`<base href="https://tracker.example/"><img${PX} data-src="p.gif">`);
    expect(rewriteHtml('<img src="/p.gif">', manifest, { baseUrl: 'https://tracker.example/shop/' })).toBe(`<img${PX} data-src="/p.gif">`);
    expect(rewrite('<img src="/p.gif">')).toBe('<img src="/p.gif">');
  });
});

describe('rewriteHtml: byte for byte', () => {
  it('gives back HTML without vendor tags exactly as it came', () => {
    const odd = '\uFEFF<!DOCTYPE html>\r\n<html><head><title>Å ä ö 🍪</title></head>\r\n<body>\0<p class=a\tid="b">x &amp; &nosuch; <br/></p>'
      + '<img src="/a.jpg"><svg><![CDATA[x]]></svg><!-- c --><script>a<b</script><template><img src=x></template><p>unclosed';
    expect(rewrite(odd)).toBe(odd);
    for (const page of ['examples/iframes/index.html', 'examples/injected-scripts/index.html', 'README.md']) {
      const html = read(page);
      expect(rewriteHtml(html, { categories: ['necessary'] })).toBe(html);
    }
  });

  it('leaves an unfinished tag at the end, which the browser drops', () => {
    expect(rewrite('<p>x</p><img src="https://tracker.example/t.gif"')).toBe('<p>x</p><img src="https://tracker.example/t.gif"');
  });
});

describe('rewriteHtml fails closed', () => {
  it('throws one error naming every manifest problem', () => {
    const bad = { categories: ['analytics'], services: [{ id: 'x', name: 'X', category: 'nope' }] } as unknown as Manifest;
    expect(() => rewriteHtml('<p>', bad)).toThrow(
      /^rewriteHtml: the manifest is not valid, so nothing could be blocked: categories: expected exactly one required category .*; services\[0\]\.category: "nope" is not a declared category$/);
    expect(() => rewriteHtml('<p>', undefined as unknown as Manifest)).toThrow(/manifest: expected a JSON object/);
  });
});
