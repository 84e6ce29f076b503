// The interceptor in jsdom: what it sets aside, what it lets through, the order
// it releases in, and that destroy() gives the page its own DOM back. Whether
// Chromium then really makes no request is test/browser/intercept.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { createInterceptor, type Interceptor } from '../../src/core/blocking/intercept';

const blockedHosts = new Set(['ads.test', 'tracker.test']);
const seen: string[] = [];
// The interceptor asks with the value as written; resolving it is the URL test's (matchUrl.ts).
const isBlocked = (url: string) => {
  seen.push(url);
  try {
    const u = new URL(url, document.baseURI);
    return /^https?:$/.test(u.protocol) && blockedHosts.has(u.hostname);
  } catch {
    return false;
  }
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
    expect(seen).toEqual(['https://ads.test/p.gif', '//tracker.test/t.js', 'https://ads.test/f.html']);
  });

  it('asks with the value as written and the element, each srcset candidate apart, and lets other URLs through untouched', () => {
    const calls: [string, Element][] = [];
    ic = createInterceptor(window, (url, el) => (calls.push([url, el]), false));
    const img = document.createElement('img');
    img.src = '/logo.png';
    img.srcset = '../a.png 1x, https://cdn.test/b.png 2x';
    expect(attrs(img)).toEqual({ src: '/logo.png', srcset: '../a.png 1x, https://cdn.test/b.png 2x' });
    expect(calls.map(([u]) => u)).toEqual(['/logo.png', '../a.png', 'https://cdn.test/b.png']);
    expect(calls.every(([, el]) => el === img)).toBe(true);
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

  it('parses markup rather than matching tags: what the browser reads as a blocked URL is set aside, the rest untouched', () => {
    start();
    const box = document.createElement('div');
    box.innerHTML = '<p title="a>b">x</p><img alt=\'1\' src="https://ads.test/p.gif?a=1&amp;b=2"><img src="/ok.png">'
      + '<iframe src=https://tracker.test/f></iframe>';
    expect(box.innerHTML).toBe('<p title="a>b">x</p><img alt="1" data-kakor-src="https://ads.test/p.gif?a=1&amp;b=2">'
      + '<img src="/ok.png"><iframe data-kakor-src="https://tracker.test/f"></iframe>');
    // Strings a tag-matching expression misread (issue 10).
    for (const html of ['<img src=https://ads.test/p.gif alt=a"b>', '<img src="https://ads.test/p.gif" alt="x><b title="y">',
      '<img alt=""src="https://ads.test/p.gif">']) {
      box.replaceChildren();
      box.insertAdjacentHTML('beforeend', html);
      expect(box.querySelector('img')!.getAttribute('src')).toBeNull();
      expect(box.querySelector('img')!.getAttribute('data-kakor-src')).toBe('https://ads.test/p.gif');
    }
    box.replaceChildren();
    box.insertAdjacentHTML('beforeend', '<IMAGE SRC="https://ads.test/q.gif">');
    expect(box.lastElementChild!.outerHTML).toBe('<img data-kakor-src="https://ads.test/q.gif">');
  });

  it('hands the sink the markup itself when nothing in it is blocked, and the parsed, set-aside markup when something is', () => {
    const own = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
    const given: unknown[] = [];
    Object.defineProperty(Element.prototype, 'innerHTML', { ...own, set(v) { given.push(v); own.set!.call(this, v); } });
    try {
      start();
      const box = document.createElement('div');
      const free = '<p>a</p><img src="/ok.png"><b>';
      box.innerHTML = free;
      box.innerHTML = '<b><img src="https://ads.test/p.gif"></b>';
      // The first value is the page's own string; the second is the serialization of the inert parse.
      expect(given.filter((v) => typeof v == 'string' && !v.includes('<!--kakor'))).toContain(free);
      expect(given.at(-1)).toBe('<b><img data-kakor-src="https://ads.test/p.gif"></b>');
    } finally {
      ic?.destroy();
      ic = undefined;
      Object.defineProperty(Element.prototype, 'innerHTML', own);
    }
  });

  it('parses in the sink\'s context: table rows, SVG children, a form inside a form', () => {
    start();
    const table = document.createElement('table');
    table.innerHTML = '<tr><td><img src="https://ads.test/p.gif"></td></tr>';
    expect(table.innerHTML).toBe('<tbody><tr><td><img data-kakor-src="https://ads.test/p.gif"></td></tr></tbody>');
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.innerHTML = '<image href="https://ads.test/p.gif"/>';
    expect(svg.firstElementChild!.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.firstElementChild!.getAttribute('data-kakor-href')).toBe('https://ads.test/p.gif');
    const form = document.body.appendChild(document.createElement('form'));
    form.innerHTML = '<form id="inner"><img src="https://ads.test/p.gif"></form>';
    expect(form.innerHTML).toBe('<img data-kakor-src="https://ads.test/p.gif">');
  });

  it('holds an iframe whose srcdoc would load a blocked URL, and loading elements of HTML, SVG and media', () => {
    start();
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>hi</p><script src="https://tracker.test/t.js"></script>';
    const free = document.createElement('iframe');
    free.srcdoc = '<p>hi</p><noscript><img src="https://tracker.test/p.gif"></noscript>';
    const link = document.createElement('link');
    link.setAttribute('href', 'https://ads.test/s.css');
    const video = document.createElement('video');
    video.poster = 'https://ads.test/p.gif';
    const script = document.createElementNS('http://www.w3.org/2000/svg', 'script');
    script.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', 'https://ads.test/s.js');
    expect([frame, free, link, video, script].map(attrs)).toEqual([
      { 'data-kakor-srcdoc': '<p>hi</p><script src="https://tracker.test/t.js"></script>' },
      { srcdoc: '<p>hi</p><noscript><img src="https://tracker.test/p.gif"></noscript>' },
      { 'data-kakor-href': 'https://ads.test/s.css' },
      { 'data-kakor-poster': 'https://ads.test/p.gif' },
      { 'data-kakor-xlink:href': 'https://ads.test/s.js' },
    ]);
  });

  it('asks nothing for elements and attributes that cannot load', () => {
    start();
    const div = document.createElement('div');
    div.setAttribute('src', 'https://ads.test/p.gif');
    div.setAttribute('class', 'x');
    const img = document.createElement('img');
    img.setAttribute('alt', 'https://ads.test/p.gif');
    document.body.append(div, img);
    div.innerHTML = 'just text, https://ads.test/p.gif';
    expect(seen).toEqual([]);
  });

  it('catches URLs that arrive without its setters, when a node of another document enters this one', () => {
    start();
    const doc = new DOMParser().parseFromString('<img src="https://ads.test/p.gif"><img src="/ok.png">', 'text/html');
    const frag = document.createDocumentFragment();
    frag.append(...doc.body.children);
    document.body.appendChild(frag);
    expect([...document.body.children].map(attrs)).toEqual([
      { 'data-kakor-src': 'https://ads.test/p.gif' },
      { src: '/ok.png' },
    ]);
    const tpl = document.createElement('template');
    tpl.innerHTML = '<img src="https://ads.test/t.gif">';
    const imported = document.importNode(tpl.content, true);
    expect(attrs(imported.firstChild as Element)).toEqual({ 'data-kakor-src': 'https://ads.test/t.gif' });
    const other = new DOMParser().parseFromString('<img src="https://ads.test/a.gif">', 'text/html');
    expect(attrs(document.adoptNode(other.body.firstChild as Element))).toEqual({ 'data-kakor-src': 'https://ads.test/a.gif' });
  });

  it('holds a copy of a held element, and releases both', () => {
    const ic = start();
    const s = document.createElement('script');
    s.src = 'https://ads.test/1.js';
    const copy = s.cloneNode() as Element;
    blockedHosts.clear();
    ic.update();
    expect([s, copy].map((e) => e.getAttribute('src'))).toEqual(['https://ads.test/1.js', 'https://ads.test/1.js']);
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

describe('new Audio(url) under the interceptor', () => {
  it('sets a blocked URL aside and is otherwise the browser\'s Audio', () => {
    const native = window.Audio;
    start();
    expect(window.Audio).not.toBe(native);
    const held = new Audio('https://ads.test/a.mp3');
    expect(held.getAttribute('data-kakor-src')).toBe('https://ads.test/a.mp3');
    expect(held.hasAttribute('src')).toBe(false);
    const free = new Audio('/a.mp3');
    expect([free.getAttribute('src'), free.preload, free instanceof HTMLAudioElement, free instanceof Audio]).toEqual(['/a.mp3', 'auto', true, true]);
    expect(new Audio().hasAttribute('src')).toBe(false);
    expect(Audio.prototype).toBe(HTMLAudioElement.prototype);
    ic!.destroy();
    ic = undefined;
    expect(window.Audio).toBe(native);
  });
});

describe('a <base> that points at a blocked service', () => {
  it('is set aside, so relative URLs after it do not load from there', () => {
    start();
    const base = document.createElement('base');
    base.href = 'https://ads.test/';
    expect([base.hasAttribute('href'), base.getAttribute('data-kakor-href')]).toEqual([false, 'https://ads.test/']);
    const own = document.createElement('base');
    own.setAttribute('href', '/kurser/');
    expect(own.getAttribute('href')).toBe('/kurser/');
  });
});
