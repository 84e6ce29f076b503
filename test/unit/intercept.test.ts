// The interceptor in jsdom: what it sets aside, what it lets through, the order
// it releases in, and that destroy() gives the page its own DOM back. Whether
// Chromium then really makes no request is test/browser/intercept.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { createInterceptor, type Interceptor } from '../../src/core/blocking/intercept';

const blockedHosts = new Set(['ads.test', 'tracker.test']);
const seen: string[] = [];
const isBlocked = (url: string) => {
  seen.push(url);
  return blockedHosts.has(new URL(url).hostname);
};
let ic: Interceptor | undefined;
const start = () => (ic = createInterceptor(window, isBlocked));

afterEach(() => {
  ic?.destroy();
  ic = undefined;
  blockedHosts.clear();
  blockedHosts.add('ads.test').add('tracker.test');
  seen.length = 0;
  document.body.replaceChildren();
});

const attrs = (el: Element) => Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)]));

describe('createInterceptor', () => {
  it('sets a blocked src aside, by property or setAttribute, before the element is inserted', () => {
    start();
    const img = new Image();
    img.src = 'https://ads.test/p.gif';
    const script = document.createElement('script');
    script.setAttribute('SRC', '//tracker.test/t.js');
    const frame = document.createElement('iframe');
    frame.setAttribute('src', 'https://ads.test/f.html');
    expect([img, script, frame].map(attrs)).toEqual([
      { 'data-kakor-src': 'https://ads.test/p.gif' },
      { 'data-kakor-src': '//tracker.test/t.js' },
      { 'data-kakor-src': 'https://ads.test/f.html' },
    ]);
    expect(seen).toEqual(['https://ads.test/p.gif', new URL('//tracker.test/t.js', document.baseURI).href, 'https://ads.test/f.html']);
  });

  it('asks with the absolute URL and the element, and lets other URLs through untouched', () => {
    const calls: [string, Element][] = [];
    ic = createInterceptor(window, (url, el) => (calls.push([url, el]), false));
    const img = document.createElement('img');
    img.src = '/logo.png';
    img.srcset = '../a.png 1x, https://cdn.test/b.png 2x';
    expect(attrs(img)).toEqual({ src: '/logo.png', srcset: '../a.png 1x, https://cdn.test/b.png 2x' });
    expect(calls.map(([u]) => u)).toEqual([
      new URL('/logo.png', document.baseURI).href,
      new URL('../a.png', document.baseURI).href,
      'https://cdn.test/b.png',
    ]);
    expect(calls.every(([, el]) => el === img)).toBe(true);
  });

  it('never asks about data:, blob:, about: or unparseable URLs, whatever they contain', () => {
    start();
    const img = document.createElement('img');
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    const frame = document.createElement('iframe');
    frame.src = 'about:blank';
    const scripts = ['DATA:text/javascript,fetch("https://ads.test/")', 'blob:https://ads.test/6b1c2f0e', 'http://[::1']
      .map((u) => {
        const s = document.createElement('script');
        s.src = u;
        return s.getAttribute('src');
      });
    expect(seen).toEqual([]);
    expect(img.getAttribute('src')).toMatch(/^data:/);
    expect(scripts).toEqual(['DATA:text/javascript,fetch("https://ads.test/")', 'blob:https://ads.test/6b1c2f0e', 'http://[::1']);
  });

  it('holds an image when any srcset candidate is blocked', () => {
    start();
    const img = document.createElement('img');
    img.srcset = '/a.png 1x, https://tracker.test/b.png 2x';
    expect(attrs(img)).toEqual({ 'data-kakor-srcset': '/a.png 1x, https://tracker.test/b.png 2x' });
  });

  it('leaves scripts of a type that never runs (type="text/plain") alone', () => {
    start();
    const s = document.createElement('script');
    s.type = 'text/plain';
    s.src = 'https://ads.test/t.js';
    expect(s.getAttribute('src')).toBe('https://ads.test/t.js');
    const m = document.createElement('script');
    m.type = 'module';
    m.src = 'https://ads.test/m.js';
    expect(m.hasAttribute('src')).toBe(false);
  });

  it('rewrites only the blocked tags of markup, so the rest parses as written', () => {
    start();
    const box = document.createElement('div');
    box.innerHTML = '<p title="a>b">x</p><img alt=\'1\' src="https://ads.test/p.gif?a=1&amp;b=2"><img src="/ok.png">'
      + '<iframe src=https://tracker.test/f></iframe>';
    expect(box.innerHTML).toBe('<p title="a>b">x</p><img alt="1" data-kakor-src="https://ads.test/p.gif?a=1&amp;b=2">'
      + '<img src="/ok.png"><iframe data-kakor-src="https://tracker.test/f"></iframe>');
    box.insertAdjacentHTML('beforeend', '<IMAGE SRC="https://ads.test/q.gif">');
    expect(box.lastElementChild!.outerHTML).toBe('<img data-kakor-src="https://ads.test/q.gif">');
  });

  it('catches URLs that arrive without its setters, when the element is inserted', () => {
    start();
    const doc = new DOMParser().parseFromString('<img src="https://ads.test/p.gif"><img src="/ok.png">', 'text/html');
    const frag = document.createDocumentFragment();
    frag.append(...doc.body.children);
    document.body.appendChild(frag);
    expect([...document.body.children].map(attrs)).toEqual([
      { 'data-kakor-src': 'https://ads.test/p.gif' },
      { src: '/ok.png' },
    ]);
  });

  it('releases, on update, what is no longer blocked, in the order it was caught, once', async () => {
    const ic = start();
    const order: string[] = [];
    const watch = new MutationObserver((rs) => rs.forEach((r) => order.push((r.target as Element).getAttribute('src')!)));
    watch.observe(document.body, { subtree: true, attributeFilter: ['src'] });
    const urls = ['https://ads.test/1.js', 'https://tracker.test/2.js', 'https://ads.test/3.js'];
    const els = urls.map((u) => {
      const s = document.createElement('script');
      s.src = u;
      return s;
    });
    document.body.append(els[2]!, els[0]!);
    document.body.prepend(els[1]!);

    blockedHosts.delete('ads.test');
    ic.update();
    ic.update();
    await Promise.resolve();
    expect(order).toEqual([urls[0], urls[2]]);
    expect(els.map((e) => e.getAttribute('src'))).toEqual([urls[0], null, urls[2]]);

    blockedHosts.clear();
    blockedHosts.add('ads.test');
    ic.update();
    expect(els[0]!.getAttribute('src')).toBe(urls[0]);
    blockedHosts.clear();
    ic.update();
    await Promise.resolve();
    expect(order).toEqual([urls[0], urls[2], urls[1]]);
    expect(document.querySelectorAll('[data-kakor-src]').length).toBe(0);
  });

  it('forgets a held URL when the page sets an allowed one instead', () => {
    const ic = start();
    const img = document.createElement('img');
    img.src = 'https://ads.test/p.gif';
    img.src = '/ok.png';
    blockedHosts.clear();
    ic.update();
    expect(attrs(img)).toEqual({ src: '/ok.png' });
  });

  it('destroy() restores every descriptor exactly and keeps held elements held', () => {
    const protos = [Element.prototype, Node.prototype, CharacterData.prototype, DocumentFragment.prototype,
      Document.prototype, HTMLScriptElement.prototype, HTMLIFrameElement.prototype, HTMLImageElement.prototype];
    const before = protos.map((p) => Object.getOwnPropertyDescriptors(p));
    const ic = start();
    expect(protos.map((p) => Object.getOwnPropertyDescriptors(p))).not.toEqual(before);
    const img = document.createElement('img');
    img.src = 'https://ads.test/p.gif';
    ic.destroy();
    expect(protos.map((p) => Object.getOwnPropertyDescriptors(p))).toEqual(before);
    blockedHosts.clear();
    ic.update();
    expect(attrs(img)).toEqual({ 'data-kakor-src': 'https://ads.test/p.gif' });
    const after = new Image();
    after.src = 'https://ads.test/p.gif';
    expect(attrs(after)).toEqual({ src: 'https://ads.test/p.gif' });
  });

  it('destroy() leaves a patch the page put over its own, and its own then passes through', () => {
    const ic = start();
    const ours = Element.prototype.setAttribute;
    const theirs = function (this: Element, n: string, v: string) { ours.call(this, n, v); };
    Element.prototype.setAttribute = theirs;
    ic.destroy();
    expect(Element.prototype.setAttribute).toBe(theirs);
    const img = document.createElement('img');
    img.setAttribute('src', 'https://ads.test/p.gif');
    expect(img.getAttribute('src')).toBe('https://ads.test/p.gif');
    Element.prototype.setAttribute = Object.getOwnPropertyDescriptor(Element.prototype, 'setAttribute')!.value;
  });
});
