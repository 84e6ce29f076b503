// The dialog in jsdom, driven by a real core with a fake environment: every view
// found by role and accessible name in Swedish and English, and every button
// checked against the core action it must take.
import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import bostad from '../fixtures/bostadsexperterna.cookies.json';
import type { Manifest } from '../../src/core/index';
import { createEngine } from '../../src/core/createConsent';
import { fullCheck } from '../../src/core/manifest/validate';
import { startShell } from '../../src/shell/shell';
import { mountUi, type MountOptions } from '../../src/ui/mountUi';
import { fakeEnv } from '../unit/fakeEnv';

const manifest = bostad as Manifest;

const words = {
  sv: {
    title: 'Vi använder cookies', accept: 'Godkänn alla', reject: 'Neka alla', customise: 'Anpassa',
    settings: 'Cookieinställningar', save: 'Spara mina val', close: 'Stäng', policy: 'Läs vår integritetspolicy',
    necessary: 'Nödvändiga', analytics: 'Statistik', marketing: 'Marknadsföring',
    columns: ['Namn', 'Syfte', 'Lagringstid'], allow: 'Tillåt YouTube',
    purposes: 'för statistik och marknadsföring.', withdraw: 'Du kan ändra eller återkalla ditt val när som helst under Cookieinställningar.',
    session: 'Tills du stänger webbläsaren',
  },
  en: {
    title: 'We use cookies', accept: 'Accept all', reject: 'Reject all', customise: 'Customise',
    settings: 'Cookie settings', save: 'Save my choices', close: 'Close', policy: 'Read our privacy policy',
    necessary: 'Necessary', analytics: 'Analytics', marketing: 'Marketing',
    columns: ['Name', 'Purpose', 'Duration'], allow: 'Allow YouTube',
    purposes: 'for analytics and marketing.', withdraw: 'You can change or withdraw your choice at any time under Cookie settings.',
    session: 'Until you close your browser',
  },
};

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((fn) => fn());
  cleanup = [];
  document.body.innerHTML = '';
});

async function mount(lang: 'sv' | 'en', m: Manifest = manifest, options: MountOptions = {}) {
  const env = fakeEnv();
  const { consent } = createEngine({ manifest: m, lang, env, intercept: false }, fullCheck,
    (engine) => startShell(engine, options, (done) => done(mountUi)));
  cleanup.push(() => consent.destroy());
  await consent.ready;
  const root = document.querySelector('kakor-dialog')!.shadowRoot!;
  // Testing Library's queries walk a container; the shadow root is the UI's document.
  const screen = within(root as unknown as HTMLElement);
  return { consent, env, root, screen };
}

describe.each(['sv', 'en'] as const)('the dialog in %s', (lang) => {
  const w = words[lang];

  it('shows the banner with three buttons and the policy link, nothing decided', async () => {
    const { screen, consent } = await mount(lang);
    const banner = screen.getByRole('region', { name: w.title });
    const buttons = within(banner).getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual([w.accept, w.reject, w.customise]);
    expect(within(banner).getByRole('link', { name: w.policy }).getAttribute('href'))
      .toBe(lang == 'sv' ? '/integritetspolicy' : '/en/privacy-policy');
    expect(consent.getConsent().decided).toBe(false);
    expect(screen.queryByRole('button', { name: w.settings })).toBeNull();
  });

  it('names in the banner every purpose it asks about, and how to withdraw (CONTRACT §8)', async () => {
    const { screen } = await mount(lang);
    const text = screen.getByRole('region', { name: w.title }).textContent!;
    expect(text).toContain(w.purposes);
    expect(text).toContain(w.withdraw);
  });

  it('names a custom category in the banner by its title', async () => {
    const chat = { id: 'chat', title: { sv: 'Chatt', en: 'Chat' }, description: 'x' };
    const { screen } = await mount(lang, { ...manifest, categories: ['necessary', 'analytics', chat],
      services: [{ id: 'crisp', name: 'Crisp', category: 'chat' }] });
    expect(screen.getByRole('region', { name: w.title }).textContent).toContain(lang == 'sv' ? 'för statistik och chatt.' : 'for analytics and chat.');
  });

  it('shows a "session" duration in words', async () => {
    const { screen } = await mount(lang);
    fireEvent.click(screen.getByRole('button', { name: w.customise }));
    fireEvent.click(screen.getByRole('button', { name: w.necessary }));
    expect(screen.getAllByRole('cell', { name: w.session }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('cell', { name: 'session' })).toBeNull();
  });

  it('accept all grants everything from the banner and leaves the reopen button', async () => {
    const { screen, consent } = await mount(lang);
    fireEvent.click(screen.getByRole('button', { name: w.accept }));
    await Promise.resolve();
    const state = consent.getConsent();
    expect(state).toMatchObject({ decided: true, source: 'banner' });
    expect(Object.values(state.categories).every(Boolean)).toBe(true);
    expect(Object.values(state.services).every(Boolean)).toBe(true);
    expect(screen.queryByRole('region', { name: w.title })).toBeNull();
    expect(screen.getByRole('button', { name: w.settings })).toBeTruthy();
  });

  it('reject all grants only the necessary category', async () => {
    const { screen, consent } = await mount(lang);
    fireEvent.click(screen.getByRole('button', { name: w.reject }));
    const state = consent.getConsent();
    expect(state).toMatchObject({ decided: true, source: 'banner' });
    expect(state.categories).toEqual({ necessary: true, analytics: false, marketing: false });
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('customise opens the labelled modal with nothing pre-ticked and the required category locked on', async () => {
    const { screen, consent } = await mount(lang);
    fireEvent.click(screen.getByRole('button', { name: w.customise }));
    expect(consent.getView()).toBe('preferences');
    const dialog = screen.getByRole('dialog', { name: w.settings });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const d = within(dialog);
    const necessary = d.getByRole('switch', { name: w.necessary });
    expect(necessary.getAttribute('aria-checked')).toBe('true');
    expect(necessary.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(necessary);
    expect(necessary.getAttribute('aria-checked')).toBe('true');
    expect(d.getByRole('switch', { name: w.analytics }).getAttribute('aria-checked')).toBe('false');
    expect(d.getByRole('switch', { name: w.marketing }).getAttribute('aria-checked')).toBe('false');
    expect(d.getAllByRole('button').map((b) => b.textContent).slice(-3)).toEqual([w.save, w.accept, w.reject]);
  });

  it('saves a custom choice made with the switches', async () => {
    const { screen, consent } = await mount(lang);
    fireEvent.click(screen.getByRole('button', { name: w.customise }));
    const analytics = screen.getByRole('switch', { name: w.analytics });
    fireEvent.click(analytics);
    expect(screen.getByRole('switch', { name: w.analytics }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: w.save }));
    const state = consent.getConsent();
    expect(state).toMatchObject({ decided: true, source: 'preferences' });
    expect(state.categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(state.services['google-analytics']).toBe(true);
    expect(state.services.youtube).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('accept all and reject all in the dialog save with source "preferences"', async () => {
    const { screen, consent } = await mount(lang);
    fireEvent.click(screen.getByRole('button', { name: w.customise }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: w.accept }));
    expect(consent.getConsent()).toMatchObject({ source: 'preferences', categories: { marketing: true } });
    fireEvent.click(screen.getByRole('button', { name: w.settings }));
    expect(within(screen.getByRole('dialog')).getByRole('switch', { name: w.marketing }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: w.reject }));
    expect(consent.getConsent()).toMatchObject({ source: 'preferences', categories: { marketing: false, analytics: false } });
  });

  it('expands a category to its services, their switches and the cookie table', async () => {
    const { screen, consent } = await mount(lang);
    fireEvent.click(screen.getByRole('button', { name: w.customise }));
    const expand = screen.getByRole('button', { name: w.marketing });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(expand);
    expect(screen.getByRole('button', { name: w.marketing }).getAttribute('aria-expanded')).toBe('true');
    const region = within(screen.getByRole('dialog'));
    expect(region.getByRole('heading', { name: 'YouTube' })).toBeTruthy();
    const youtube = region.getByRole('switch', { name: 'YouTube' });
    const tables = region.getAllByRole('table');
    expect(within(tables[0]).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(w.columns);
    // A third-party cookie names its domain; a regex name reads as a prefix.
    expect(region.getAllByRole('cell', { name: /\.youtube\.com/ }).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: w.analytics }));
    expect(region.getByRole('cell', { name: '_ga_*' })).toBeTruthy();
    // One service on: the category stays off until all of its services are.
    fireEvent.click(youtube);
    expect(region.getByRole('switch', { name: 'YouTube' }).getAttribute('aria-checked')).toBe('true');
    expect(region.getByRole('switch', { name: w.marketing }).getAttribute('aria-checked')).toBe('false');
    fireEvent.click(region.getByRole('button', { name: w.save }));
    expect(consent.hasConsent('youtube')).toBe(true);
    expect(consent.hasConsent('google-ads')).toBe(false);
    expect(consent.hasConsent('marketing')).toBe(false);
  });

  it('turning a category on turns on each of its services', async () => {
    const { screen, consent } = await mount(lang);
    fireEvent.click(screen.getByRole('button', { name: w.customise }));
    fireEvent.click(screen.getByRole('button', { name: w.marketing }));
    fireEvent.click(screen.getByRole('switch', { name: w.marketing }));
    for (const name of ['Google Ads', 'YouTube', 'Kajabi affiliate']) {
      expect(screen.getByRole('switch', { name }).getAttribute('aria-checked')).toBe('true');
    }
    fireEvent.click(screen.getByRole('button', { name: w.save }));
    expect(consent.getConsent().categories.marketing).toBe(true);
  });

  it('Escape and the close button go back to the banner while undecided, focus on Customise', async () => {
    const { screen, consent, root } = await mount(lang);
    fireEvent.click(screen.getByRole('button', { name: w.customise }));
    const dialog = screen.getByRole('dialog');
    expect(root.activeElement).toBe(dialog);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(consent.getView()).toBe('banner');
    expect(root.activeElement).toBe(screen.getByRole('button', { name: w.customise }));
    fireEvent.click(screen.getByRole('button', { name: w.customise }));
    fireEvent.click(screen.getByRole('button', { name: w.close }));
    expect(consent.getView()).toBe('banner');
    expect(consent.getConsent().decided).toBe(false);
  });

  it('closes to nothing once decided and gives focus back to the reopen button', async () => {
    const { screen, consent, root } = await mount(lang);
    fireEvent.click(screen.getByRole('button', { name: w.reject }));
    const reopen = screen.getByRole('button', { name: w.settings });
    reopen.focus();
    fireEvent.click(reopen);
    expect(screen.getByRole('dialog', { name: w.settings })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(consent.getView()).toBe(null);
    expect(root.activeElement).toBe(reopen);
  });

  it('keeps Tab inside the dialog', async () => {
    const { screen, root } = await mount(lang);
    fireEvent.click(screen.getByRole('button', { name: w.customise }));
    const dialog = screen.getByRole('dialog');
    const close = screen.getByRole('button', { name: w.close });
    const last = screen.getByRole('button', { name: w.reject });
    last.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(root.activeElement).toBe(close);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(root.activeElement).toBe(last);
  });

  it('opens the preferences from any [data-kakor-open] element, focus back to it after', async () => {
    document.body.insertAdjacentHTML('beforeend', '<footer><a href="#" data-kakor-open><span>cookies</span></a></footer>');
    const { screen, consent } = await mount(lang);
    fireEvent.click(screen.getByRole('button', { name: w.accept }));
    const link = document.querySelector('a')!;
    link.focus();
    fireEvent.click(link.firstChild!);
    expect(consent.getView()).toBe('preferences');
    fireEvent.click(screen.getByRole('button', { name: w.close }));
    expect(document.activeElement).toBe(link);
  });

  it('switches language live', async () => {
    const { screen, consent } = await mount(lang);
    const other = lang == 'sv' ? 'en' : 'sv';
    consent.setLanguage(other);
    expect(screen.getByRole('region', { name: words[other].title })).toBeTruthy();
    expect(document.querySelector('kakor-dialog')!.getAttribute('lang')).toBe(other);
  });

  it('puts a placeholder before a blocked iframe that grants just its service', async () => {
    document.body.innerHTML = '<iframe data-src="/vendor/www.youtube-nocookie.com/embed/x" data-service="youtube" width="560" height="315"></iframe>';
    const { consent } = await mount(lang);
    const frame = document.querySelector('iframe')!;
    const box = document.querySelector('kakor-placeholder') as HTMLElement;
    expect(box.nextElementSibling).toBe(frame);
    expect([box.style.width, box.style.minHeight]).toEqual(['560px', '315px']);
    expect(frame.style.display).toBe('none');
    const ph = within(box.shadowRoot as unknown as HTMLElement);
    expect(ph.getByText('YouTube')).toBeTruthy();
    fireEvent.click(ph.getByRole('button', { name: w.allow }));
    expect(consent.hasConsent('youtube')).toBe(true);
    expect(consent.hasConsent('google-ads')).toBe(false);
    await consent.ready;
    await new Promise((r) => setTimeout(r));
    expect(frame.getAttribute('src')).toBe('/vendor/www.youtube-nocookie.com/embed/x');
    expect(document.querySelector('kakor-placeholder')).toBeNull();
    expect(frame.style.display).toBe('');
  });
});

describe('iframes added later', () => {
  it('get their placeholder as soon as they are in the page', async () => {
    await mount('sv');
    expect(document.querySelector('kakor-placeholder')).toBeNull();
    document.body.insertAdjacentHTML('beforeend',
      '<iframe data-src="/vendor/www.youtube-nocookie.com/embed/y" data-service="youtube"></iframe>');
    await new Promise((r) => setTimeout(r));
    expect(document.querySelector('kakor-placeholder')!.nextElementSibling).toBe(document.querySelector('iframe'));
  });
});

describe('options and manifests', () => {
  it('leaves out the floating button with floatingButton: false', async () => {
    const { screen } = await mount('sv', manifest, { floatingButton: false });
    fireEvent.click(screen.getByRole('button', { name: 'Godkänn alla' }));
    expect(screen.queryByRole('button', { name: 'Cookieinställningar' })).toBeNull();
  });

  it('takes text overrides from the manifest, per language', async () => {
    const m = { ...manifest, texts: { sv: { bannerTitle: 'Kakor på Bostadsexperterna', acceptAll: 'Ja tack' } } };
    const { screen } = await mount('sv', m);
    expect(screen.getByRole('region', { name: 'Kakor på Bostadsexperterna' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ja tack' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Neka alla' })).toBeTruthy();
  });

  it('renders markup in manifest text as text and links no javascript: URL', async () => {
    const evil = '<img src=x onerror="window.__xss=1"><b>fet</b>';
    const m: Manifest = {
      policyUrl: 'javascript:window.__xss=1',
      categories: ['necessary', { id: 'chat', title: evil, description: evil }],
      services: [{
        id: 'chat-widget', name: evil, category: 'chat', provider: evil, privacyPolicyUrl: ' java\tscript:alert(1)',
        cookies: [{ name: evil, purpose: evil, duration: evil }],
      }],
      texts: { sv: { bannerTitle: evil, bannerText: evil } },
    };
    const { screen, root } = await mount('sv', m);
    expect(screen.getByRole('region', { name: evil })).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Anpassa' }));
    fireEvent.click(screen.getByRole('button', { name: evil }));
    expect(screen.getAllByText(evil).length).toBeGreaterThan(4);
    expect(root.querySelector('img, b')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('shows no banner when every service is necessary; the dialog still lists the cookies', async () => {
    const m: Manifest = { ...manifest, categories: ['necessary'], services: [manifest.services![0]] };
    const { screen, consent } = await mount('en', m);
    expect(consent.getConsent()).toMatchObject({ decided: true, source: 'none-needed' });
    expect(screen.queryByRole('region')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cookie settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Necessary' }));
    expect(screen.getByRole('cell', { name: '_kjb_session' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save my choices' })).toBeNull();
  });

  it('renders nothing until the manifest is there, and nothing after destroy', async () => {
    const env = fakeEnv();
    const { consent } = createEngine({ manifest: '/cookies.json', env, intercept: false }, fullCheck,
      (engine) => startShell(engine, {}, (done) => done(mountUi)));
    const root = document.querySelector('kakor-dialog')!.shadowRoot!;
    expect(root.querySelector('button')).toBeNull();
    await consent.ready;
    consent.destroy();
    expect(document.querySelector('kakor-dialog')).toBeNull();
  });
});
