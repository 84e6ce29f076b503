// Differential test: markup made of the pieces that steer the HTML tokenizer
// (foreign content, raw text, script data, comments, CDATA, noscript, tables,
// misnested end tags), rewritten by kakor/rewrite, then judged by parse5's full
// tree builder: no element may still load the vendor, and nothing but the
// rewrite's insertions may change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRewriter } from '../../src/server/createRewriter';
import { rewriteHtml } from '../../src/server/rewrite';
import type { Manifest } from '../../src/core/types';
import { leaks, onlyInserts } from './oracle';

const manifest: Manifest = {
  categories: ['necessary', 'marketing'],
  services: [{ id: 'px', name: 'Tracker', category: 'marketing', scripts: ['tracker.example'] }],
};

const V = 'https://tracker.example/x';
const PIECES = [
  '<svg>', '</svg>', '<math>', '</math>', '<foreignObject>', '</foreignObject>', '<desc>', '</desc>', '<title>', '</title>',
  '<mi>', '</mi>', '<annotation-xml encoding="text/html">', '</annotation-xml>', '<g>', '</g>', '<svg/>',
  '<div>', '</div>', '<p>', '</p>', '<span>', '</span>', '<b>', '</b>', '<table>', '</table>', '<tr>', '<td>', '<select>', '</select>',
  '<template>', '</template>', '<noscript>', '</noscript>', '<textarea>', '</textarea>', '<style>', '</style>',
  '<script>', '</script>', '<xmp>', '</xmp>', '<iframe>', '</iframe>', '<noembed>', '</noembed>', '<font color=red>', '<br>', '</br>',
  '<!--', '-->', '<![CDATA[', ']]>', '<!-- c -->', '<', '>', '"', "'", 'text ', '\n', '<head>', '</head>', '<body>', '<frameset>',
  `<script src="${V}"></script>`, `<img src="${V}">`, `<iframe src="${V}"></iframe>`, `<image href="${V}"/>`, `<image src="${V}">`,
  `<script href="${V}"></script>`, `<link rel=stylesheet href="${V}">`, `<video poster="${V}"></video>`, `<img alt=""src=${V}>`,
  `<input type=image src="${V}">`, `<embed src="${V}">`, `<object data="${V}"></object>`, `<source srcset="${V} 2x">`,
];

describe('rewriteHtml against the tree builder', () => {
  it('leaves no element that loads the vendor, in any mix of tokenizer-steering markup', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
      const html = pieces.join('');
      const out = rewriteHtml(html, manifest);
      expect(leaks(out, ['tracker.example'], { noscriptOnly: true })).toEqual([]);
      expect(onlyInserts(html, out)).toBe(true);
    }), { numRuns: 3000 });
  }, 120_000);
});

describe('the rewriter over chunks, against the tree builder', () => {
  it('gives the one-shot output wherever the chunks split, in any mix of markup', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, cuts) => {
      const html = pieces.join('');
      const points = [...new Set(cuts.map((c) => c % (html.length + 1)))].sort((a, b) => a - b);
      const rewriter = createRewriter(manifest);
      let out = '';
      let from = 0;
      for (const p of [...points, html.length]) {
        out += rewriter.write(html.slice(from, p));
        from = p;
      }
      expect(out + rewriter.end()).toBe(rewriteHtml(html, manifest));
    }), { numRuns: 1500 });
  }, 120_000);
});
