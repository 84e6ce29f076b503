import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsent, type Consent, type KakorEvents, type Manifest } from '../../src/core/index';
import { fakeEnv, type FakeEnv } from './fakeEnv';
import { storedRecord } from './storedRecord';

const seeds = (name: string): Manifest =>
  JSON.parse(readFileSync(join(__dirname, `../fixtures/${name}.cookies.json`), 'utf8'));
const kajabi = seeds('bostadsexperterna');
const nesk = seeds('nesk');

let env: FakeEnv;
let consent: Consent | undefined;
const make = (manifest: Manifest | string | undefined, extra: Partial<Parameters<typeof createConsent>[0]> = {}) =>
  (consent = createConsent({ manifest, env, intercept: false, ...extra }));

/** Records every kakor:* event dispatched on window, in order. */
function listen() {
  const seen: [string, unknown][] = [];
  for (const name of ['ready', 'consent', 'change', 'show', 'hide'] as const) {
    window.addEventListener(`kakor:${name}`, (e) => seen.push([name, (e as CustomEvent).detail]));
  }
  return seen;
}

beforeEach(() => {
  env = fakeEnv();
  document.documentElement.lang = 'sv';
  document.body.innerHTML = '';
  delete (window as { dataLayer?: unknown }).dataLayer;
  delete (window as { gtag?: unknown }).gtag;
});
afterEach(() => consent?.destroy());

describe('first visit', () => {
  it('is undecided, grants only the required category, and asks with the banner', async () => {
    const seen = listen();
    const c = make(kajabi);
    await c.ready;
    expect(c.getConsent()).toMatchObject({
      decided: false, id: null, decidedAt: null, source: null, revision: 1,
      categories: { necessary: true, analytics: false, marketing: false },
      services: { kajabi: true, 'google-analytics': false, youtube: false },
    });
    expect(c.hasConsent('necessary')).toBe(true);
    expect(c.hasConsent('kajabi')).toBe(true);
    expect(c.hasConsent('analytics')).toBe(false);
    expect(c.getView()).toBe('banner');
    expect(seen.map(([n]) => n)).toEqual(['ready', 'show']);
    expect(seen[1][1]).toEqual({ view: 'banner' });
  });

  it('saves accept-all in a Lax cookie and tells the page in order', async () => {
    const c = make(kajabi);
    await c.ready;
    const seen = listen();
    const onChange: KakorEvents['change'][] = [];
    c.on('change', (d) => onChange.push(d));
    await c.acceptAll('banner');
    const state = c.getConsent();
    expect(state).toMatchObject({ decided: true, source: 'banner', id: expect.any(String) });
    expect(Object.values(state.services).every(Boolean)).toBe(true);
    expect(seen.map(([n]) => n)).toEqual(['hide', 'consent', 'change']);
    expect(seen[1][1]).toEqual({ consent: state, firstTime: true });
    expect(onChange[0].granted).toEqual(expect.arrayContaining(['analytics', 'marketing', 'google-analytics', 'youtube']));
    expect(onChange[0].revoked).toEqual([]);
    const stored = env.jar.get('kakor_consent')!;
    expect(stored.attributes).toMatchObject({ path: '/', sameSite: 'Lax', secure: false });
    expect(stored.attributes.expires!.getTime() - env.clock.now).toBe(365 * 864e5);
  });

  it('fires change on a first reject too, with nothing granted', async () => {
    const c = make(kajabi);
    await c.ready;
    const changes: KakorEvents['change'][] = [];
    c.on('change', (d) => changes.push(d));
    await c.rejectAll();
    expect(changes).toEqual([{ consent: c.getConsent(), granted: [], revoked: [] }]);
    expect(c.getConsent().source).toBe('api');
  });
});

describe('a returning visitor', () => {
  /** A record of analytics and `services` granted (the analytics services not named denied). */
  const stored = (revision: number, services: string[], time = Date.UTC(2026, 10, 1), manifest = kajabi) =>
    storedRecord(manifest, ['analytics', ...services], { revision, id: 'aaaaaaaaaaaaaaaa', time, source: 'banner' });

  it('gets the stored choice back without a banner', async () => {
    env = fakeEnv({ cookies: { kakor_consent: stored(1, ['google-analytics']) } });
    const c = make(kajabi);
    expect(c.hasConsent('google-analytics')).toBe(true); // applied during evaluation
    await c.ready;
    expect(c.getConsent()).toMatchObject({ decided: true, id: 'aaaaaaaaaaaaaaaa', source: 'banner' });
    expect(c.hasConsent('marketing')).toBe(false);
    expect(c.getView()).toBeNull();
  });

  it('is asked again after a revision bump', async () => {
    env = fakeEnv({ cookies: { kakor_consent: stored(1, ['google-analytics']) } });
    const c = make({ ...kajabi, revision: 2 });
    await c.ready;
    expect(c.getConsent().decided).toBe(false);
    expect(c.hasConsent('google-analytics')).toBe(false);
    expect(c.getView()).toBe('banner');
  });

  it('is asked again with a warning when the record was tampered with', async () => {
    env = fakeEnv({ cookies: { kakor_consent: stored(1, ['google-analytics']).replace('necessary~analytics', 'necessary~analytics~marketing') } });
    const c = make(kajabi);
    await c.ready;
    expect(c.getConsent().decided).toBe(false);
    expect(env.warnings).toEqual(['kakor: the stored consent record is not one kakor wrote; asking again']);
  });

  it('is asked again with a warning when the manifest\'s services changed without a revision bump', async () => {
    const before = { ...kajabi, services: kajabi.services!.slice(1) };
    env = fakeEnv({ cookies: { kakor_consent: stored(1, ['google-analytics'], undefined, before) } });
    const c = make(kajabi);
    await c.ready;
    expect(c.getConsent().decided).toBe(false);
    expect(c.hasConsent('google-analytics')).toBe(false);
    expect(env.warnings).toEqual([expect.stringMatching(/^kakor: the manifest's categories or services changed without a new "revision"; asking again$/)]);
  });

  it('is asked again, without a warning, for a record of kakor 0.1 (version 1)', async () => {
    const v1 = '[1,1,"aaaaaaaaaaaaaaaa",1761955200000,["necessary","analytics"],["google-analytics"],"banner","x"]';
    env = fakeEnv({ cookies: { kakor_consent: v1 } });
    const c = make(kajabi);
    await c.ready;
    expect(c.getConsent().decided).toBe(false);
    expect(c.getView()).toBe('banner');
    expect(env.warnings).toEqual([]);
  });

  it('reads the page\'s cookies once per start, for the record and the purge', async () => {
    env = fakeEnv({ cookies: { kakor_consent: stored(1, []), _ga: 'x' } });
    const entries = vi.fn(() => [...env.jar].map(([name, { value }]): [string, string] => [name, value]));
    const names = vi.spyOn(env.cookies, 'names');
    env.cookies.entries = entries;
    const c = make(kajabi);
    await c.ready;
    expect(c.getConsent().decided).toBe(true);
    expect(env.jar.has('_ga')).toBe(false);
    expect(entries).toHaveBeenCalledTimes(1);
    expect(names).not.toHaveBeenCalled();
  });

  it('deletes the cookies of what it does not grant, on every domain level', async () => {
    env = fakeEnv({ cookies: { kakor_consent: stored(1, []), _ga: 'x', _ga_ABC: 'y', _kjb_session: 's', kjba: 'a' } });
    const c = make(kajabi);
    await c.ready;
    expect([...env.jar.keys()].sort()).toEqual(['_kjb_session', 'kakor_consent']);
    expect(env.removed.filter((r) => r.name === '_ga_ABC').map((r) => r.domain)).toContain(undefined);
    // YouTube's cookies live on .youtube.com: out of reach, never attempted.
    expect(env.removed.some((r) => r.name === 'YSC')).toBe(false);
  });
});

describe('withdrawal', () => {
  it('deletes the withdrawn cookies and reloads', async () => {
    const c = make(kajabi);
    await c.ready;
    await c.acceptAll();
    env.jar.set('_ga', { value: '1', attributes: {} });
    env.jar.set('_gid', { value: '1', attributes: {} });
    env.jar.set('_kjb_session', { value: '1', attributes: {} });
    const changes: KakorEvents['change'][] = [];
    c.on('change', (d) => changes.push(d));
    await c.setConsent({ analytics: false });
    expect(changes[0].revoked).toEqual(['analytics', 'google-analytics']);
    expect(env.jar.has('_ga')).toBe(false);
    expect(env.jar.has('_gid')).toBe(false);
    expect(env.jar.has('_kjb_session')).toBe(true);
    expect(env.reloads).toBe(1);
  });

  it('does not reload with reloadOnWithdraw: false', async () => {
    const c = make({ ...kajabi, reloadOnWithdraw: false });
    await c.ready;
    await c.acceptAll();
    await c.rejectAll();
    expect(env.reloads).toBe(0);
    expect(c.hasConsent('marketing')).toBe(false);
  });
});

describe('setConsent', () => {
  it('switches a category with its services unless a service is named', async () => {
    const c = make(nesk);
    await c.ready;
    await c.setConsent({ analytics: true, marketing: true, 'facebook-pixel': false, necessary: false });
    const s = c.getConsent();
    expect(s.categories).toMatchObject({ necessary: true, analytics: true, marketing: true, newsletter: false });
    expect(s.services).toMatchObject({ 'google-analytics': true, 'facebook-pixel': false, woocommerce: true });
    expect(s.source).toBe('api');
  });

  it('grants one service alone (an iframe placeholder) and names unknown ids', async () => {
    const c = make(kajabi);
    await c.ready;
    await c.setConsent({ youtube: true, yotube: true }, 'preferences');
    expect(c.hasConsent('youtube')).toBe(true);
    expect(c.hasConsent('marketing')).toBe(false);
    expect(c.hasConsent('facebook-pixel')).toBe(false);
    expect(env.errors).toEqual(['kakor: setConsent: "yotube" is not a category or service id in the manifest']);
  });
});

describe('signals', () => {
  it('honours Global Privacy Control with a saved reject and no banner', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const c = make(kajabi);
      await c.ready;
      expect(c.getConsent()).toMatchObject({ decided: true, source: 'gpc' });
      expect(c.hasConsent('analytics')).toBe(false);
      expect(c.getView()).toBeNull();
      expect(env.jar.has('kakor_consent')).toBe(true);
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('pushes Consent Mode defaults during evaluation, then an update per choice', async () => {
    const c = make(kajabi);
    const layer = (window as unknown as { dataLayer: IArguments[] }).dataLayer;
    expect(Array.from(layer[0])).toEqual(['consent', 'default', {
      ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied',
      functionality_storage: 'denied', personalization_storage: 'denied', security_storage: 'granted', wait_for_update: 500,
    }]);
    await c.ready;
    await c.setConsent({ analytics: true });
    expect(Array.from(layer[1])).toEqual(['consent', 'update', {
      ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'granted',
      functionality_storage: 'denied', personalization_storage: 'denied',
    }]);
  });

  it('lets a service claim consent mode types', async () => {
    const m: Manifest = { ...kajabi, services: kajabi.services!.map((s) =>
      s.id === 'google-ads' ? { ...s, consentMode: ['ad_storage', 'ad_user_data'] } : s) };
    const c = make(m);
    await c.ready;
    await c.setConsent({ marketing: true, 'google-ads': false });
    const layer = (window as unknown as { dataLayer: IArguments[] }).dataLayer;
    expect(Array.from(layer[1])[2]).toMatchObject({ ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'granted' });
  });

  it('posts proof of consent with the consent id', async () => {
    const c = make({ ...nesk, consentLog: { endpoint: '/consent-log' } });
    await c.ready;
    await c.rejectAll('banner');
    const [url, init] = env.fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/consent-log');
    expect(init).toMatchObject({ method: 'POST', keepalive: true });
    expect(JSON.parse(init.body as string)).toMatchObject({
      consentId: c.getConsent().id, revision: 3, source: 'banner', language: 'sv',
      granted: expect.arrayContaining(['necessary', 'woocommerce']), denied: expect.arrayContaining(['analytics']),
    });
  });
});

describe('manifest sources and failure', () => {
  it('reads the inline manifest', async () => {
    document.body.innerHTML = `<script type="application/json" id="kakor-manifest">${JSON.stringify(nesk)}</script>`;
    const c = make(undefined);
    await c.ready;
    expect(c.getManifest()!.revision).toBe(3);
  });

  it('fails closed on a failed fetch, with one error and no banner', async () => {
    env.fetchMock.mockResolvedValueOnce(new Response('nope', { status: 404 }));
    const seen = listen();
    const c = make('/cookies.json');
    await c.ready;
    expect(env.errors).toEqual(['kakor: manifest: fetching /cookies.json failed: HTTP 404']);
    expect(c.getView()).toBeNull();
    expect(c.hasConsent('necessary')).toBe(false);
    expect(seen.map(([n]) => n)).toEqual(['ready']);
    await c.acceptAll();
    expect(c.getConsent().decided).toBe(false);
  });

  it('fails closed on unreadable JSON', async () => {
    env.fetchMock.mockResolvedValueOnce(new Response('{ "categories": [', { status: 200 }));
    const c = make('/cookies.json');
    await c.ready;
    expect(env.errors).toHaveLength(1);
    expect(env.errors[0]).toMatch(/^kakor: manifest: \/cookies\.json is not valid JSON/);
  });

  it('says no consent is needed when every service is required', async () => {
    const c = make({ categories: ['necessary', 'analytics'], services: [kajabi.services![0]] });
    await c.ready;
    expect(c.getConsent()).toMatchObject({ decided: true, source: 'none-needed', id: null });
    expect(c.getView()).toBeNull();
  });
});

describe('language', () => {
  it('takes the option, then <html lang>, then the browser, then the manifest', async () => {
    document.documentElement.lang = 'en-GB';
    expect(make(kajabi, { lang: 'sv' }).getLanguage()).toBe('sv');
    expect(make(kajabi).getLanguage()).toBe('en');
    document.documentElement.lang = 'de';
    expect(make(kajabi).getLanguage()).toBe(navigator.languages.some((l) => l.startsWith('en')) ? 'en' : 'sv');
    document.documentElement.removeAttribute('lang');
    const c = make({ ...kajabi, defaultLanguage: 'en' }, { lang: 'auto' });
    c.setLanguage('sv');
    expect(c.getLanguage()).toBe('sv');
  });
});

describe('static blocking in the page', () => {
  it('releases granted blocked scripts in document order, each once, nonce and attributes kept', async () => {
    document.body.innerHTML = `
      <script type="text/plain" data-category="analytics" id="a">window.a = 1</script>
      <script type="text/plain" data-category="marketing" id="m">window.m = 1</script>
      <script type="text/plain" data-category="analytics" data-type="module" id="b" nonce="n0nce">window.b = 1</script>
      <iframe data-src="https://www.youtube-nocookie.com/embed/x" data-service="youtube" title="Video"></iframe>`;
    const c = make(kajabi);
    await c.ready;
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(3);
    await c.setConsent({ analytics: true });
    const scripts = Array.from(document.querySelectorAll('script'));
    expect(scripts.map((s) => [s.id, s.type])).toEqual([['a', ''], ['m', 'text/plain'], ['b', 'module']]);
    expect(scripts[2].nonce).toBe('n0nce');
    expect(document.querySelector('iframe')!.getAttribute('src')).toBeNull();
    await c.setConsent({ youtube: true });
    expect(document.querySelectorAll('script')[0]).toBe(scripts[0]);
    expect(document.querySelector('iframe')!.src).toBe('https://www.youtube-nocookie.com/embed/x');
  });

  it('finds what one batch of additions holds at any depth, and tells subscribers of new iframes only', async () => {
    // As the parser does while the document loads: a parent, then its children,
    // none through kakor's patched methods.
    const add = Node.prototype.appendChild;
    const set = Element.prototype.setAttribute;
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    const c = make(kajabi, { intercept: true });
    delete (document as { readyState?: string }).readyState;
    await c.ready;
    await c.setConsent({ analytics: true });
    let told = 0;
    c.subscribe(() => told++);
    const el = (parent: Node, tag: string, attrs: Record<string, string> = {}) => {
      const e = add.call(parent, document.createElement(tag)) as Element;
      for (const [k, v] of Object.entries(attrs)) set.call(e, k, v);
      return e;
    };
    const p = el(el(document.body, 'div'), 'p');
    el(p, 'script', { type: 'text/plain', 'data-category': 'analytics' }).textContent = 'window.x = 1';
    const frame = el(el(p, 'span'), 'iframe', { src: 'https://connect.facebook.net/f' });
    await new Promise((r) => setTimeout(r));
    expect(frame.getAttribute('src')).toBeNull();
    expect(frame.getAttribute('data-kakor-src')).toBe('https://connect.facebook.net/f');
    expect([...document.querySelectorAll('script')].map((s) => [s.type, s.text])).toEqual([['', 'window.x = 1']]);
    expect(told).toBe(0);

    el(el(p, 'span'), 'iframe', { 'data-src': 'https://www.youtube-nocookie.com/embed/x', 'data-service': 'youtube' });
    await new Promise((r) => setTimeout(r));
    expect(told).toBe(1);
  });

  it('once the document is parsed, finds what script adds through the insertion methods and HTML sinks, with no observer', async () => {
    const add = Node.prototype.appendChild;
    const c = make(kajabi, { intercept: true });
    await c.ready;
    await c.setConsent({ analytics: true, youtube: true });
    let told = 0;
    c.subscribe(() => told++);
    const blocked = (text: string) => {
      const s = document.createElement('script');
      s.type = 'text/plain';
      s.setAttribute('data-category', 'analytics');
      s.text = text;
      return s;
    };
    const ran = () => [...document.querySelectorAll('script')].filter((s) => !s.type).map((s) => s.text);
    // The observer is gone: an insertion kakor did not patch goes unseen.
    add.call(document.body, blocked('window.unseen = 1'));
    await new Promise((r) => setTimeout(r));
    expect(ran()).toEqual([]);
    const frag = document.createDocumentFragment();
    frag.append(document.createElement('p'), blocked('window.a = 1'));
    const box = document.body.appendChild(document.createElement('div'));
    box.appendChild(frag);
    box.insertAdjacentHTML('beforeend', '<div><script type="text/plain" data-category="analytics">window.b = 1</script></div>');
    // A tree built apart is looked at when it is attached.
    const apart = document.createElement('section');
    apart.append(document.createElement('span'), blocked('window.c = 1'));
    box.append(apart);
    await new Promise((r) => setTimeout(r));
    expect(ran()).toEqual(['window.unseen = 1', 'window.a = 1', 'window.b = 1', 'window.c = 1']);
    expect(told).toBe(0);
    const frame = document.createElement('iframe');
    frame.setAttribute('data-src', 'https://www.youtube-nocookie.com/embed/x');
    frame.setAttribute('data-service', 'youtube');
    box.prepend(frame);
    await new Promise((r) => setTimeout(r));
    expect(told).toBe(1);
    expect(frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/x');
  });

  it('keeps a script of an undeclared category blocked and says so once', async () => {
    document.body.innerHTML = '<script type="text/plain" data-category="analitycs">1</script>';
    const c = make(kajabi);
    await c.ready;
    await c.acceptAll();
    expect(document.querySelector('script')!.type).toBe('text/plain');
    expect(env.errors).toEqual(['kakor: <script data-category="analitycs">: "analitycs" is not a category in the manifest, so it stays blocked']);
  });
});

describe('Consent Mode with a fetched manifest', () => {
  const layer = () => (window as unknown as { dataLayer?: IArguments[] }).dataLayer ?? [];

  it('pushes the denied default before the manifest arrives, then keeps it updated', async () => {
    env.fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ ...kajabi, googleConsentMode: false })));
    const c = make('/cookies.json');
    expect(Array.from(layer()[0]).slice(0, 2)).toEqual(['consent', 'default']);
    await c.ready;
    await c.setConsent({ analytics: true });
    expect(Array.from(layer()[1])[2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' });
    expect(layer()).toHaveLength(2);
  });

  it('pushes nothing for an object manifest that does not ask for it', async () => {
    const c = make({ ...kajabi, googleConsentMode: false });
    await c.ready;
    await c.acceptAll();
    expect(layer()).toEqual([]);
  });
});

describe('cookie clean-up cost', () => {
  it('writes no cookie at load when no unwanted cookie exists', async () => {
    const c = make(kajabi);
    await c.ready;
    expect(env.removed).toEqual([]);
  });
});
