// What a data: URL in a frame, an <object> or an <embed> shows (dataUrl.ts), and
// that the interceptor holds one whose document would load a blocked URL.
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_URL, dataDocument } from '../../src/core/blocking/dataUrl';
import { createInterceptor, type Interceptor } from '../../src/core/blocking/intercept';

describe('dataDocument', () => {
  it('reads the markup of a data: document, plain, percent-encoded or base64', () => {
    expect(dataDocument('data:text/html,<img src="https://ads.test/p.gif">')).toBe('<img src="https://ads.test/p.gif">');
    expect(dataDocument('data:text/html;charset=utf-8,%3Cimg%20src%3D%22https%3A%2F%2Fads.test%2F%22%3E')).toBe('<img src="https://ads.test/">');
    expect(dataDocument(`data:text/html;base64,${btoa('<p>hej</p>')}`)).toBe('<p>hej</p>');
    expect(dataDocument(`DATA:Image/SVG+XML;BASE64,${btoa('<svg/>')}`)).toBe('<svg/>');
    expect(dataDocument('data:application/xhtml+xml,<html/>')).toBe('<html/>');
  });

  it('decodes UTF-8 in either encoding, and leaves a % that starts no valid escape as written', () => {
    expect(dataDocument('data:text/html,k%C3%A4kor')).toBe('käkor');
    expect(dataDocument(`data:text/html;base64,${btoa(String.fromCharCode(...new TextEncoder().encode('kakor åäö')))}`)).toBe('kakor åäö');
    expect(dataDocument('data:text/html,100%25 %E0%A4 %zz')).toBe('100% %E0%A4 %zz');
  });

  it('is null for what is not a document: other schemes, images, text, no type', () => {
    expect(dataDocument('https://ads.test/frame.html')).toBeNull();
    expect(dataDocument('data:image/png;base64,iVBORw0KGgo=')).toBeNull();
    expect(dataDocument('data:text/plain,<img src="https://ads.test/">')).toBeNull();
    expect(dataDocument('data:,<img src="https://ads.test/">')).toBeNull();
    expect(dataDocument('data:text/html')).toBeNull();
  });

  it('is empty for base64 that is not, which shows nothing', () => {
    expect(dataDocument('data:text/html;base64,***')).toBe('');
  });
});

describe('DOCUMENT_URL', () => {
  const showsDocument = (e: string, a: string) => DOCUMENT_URL[e] == a;
  it('is the src of a frame or an <embed>, and the data of an <object>', () => {
    expect([['iframe', 'src'], ['frame', 'src'], ['embed', 'src'], ['object', 'data']].every(([e, a]) => showsDocument(e!, a!))).toBe(true);
    expect([['img', 'src'], ['script', 'src'], ['object', 'src'], ['iframe', 'srcdoc'], ['constructor', 'src']].some(([e, a]) => showsDocument(e!, a!))).toBe(false);
  });
});

describe('the interceptor and data: URLs', () => {
  let ic: Interceptor | undefined;
  afterEach(() => {
    ic?.destroy();
    document.body.replaceChildren();
  });
  const blocked = (url: string) => /ads\.test/.test(url) && !url.startsWith('data:');

  it('holds a frame whose data: document loads a blocked URL, and lets others through', () => {
    ic = createInterceptor(window, blocked);
    const held = document.createElement('iframe');
    held.src = 'data:text/html,<script src="https://ads.test/t.js"></script>';
    const free = document.createElement('iframe');
    free.src = 'data:text/html,<p>hej</p>';
    const image = document.createElement('img');
    image.src = 'data:image/svg+xml,<svg/>';
    expect(held.hasAttribute('src')).toBe(false);
    expect(held.getAttribute('data-kakor-src')).toBe('data:text/html,<script src="https://ads.test/t.js"></script>');
    expect(free.getAttribute('src')).toBe('data:text/html,<p>hej</p>');
    expect(image.getAttribute('src')).toBe('data:image/svg+xml,<svg/>');
  });
});
