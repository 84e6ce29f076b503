/** @jsxImportSource react */
// kakor/react in jsdom: the gate and hooks follow the core's subscribe(),
// stay closed until a choice grants, and subscribe cleanly under StrictMode.
import { act, cleanup, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsent, type Consent, type Manifest } from '../../src/core/index';
import { storedRecord } from '../unit/storedRecord';
import { ConsentGate, ConsentProvider, useConsent, useHasConsent } from '../../src/react/index';
import { readConsent } from '../../src/server/index';
import { fakeEnv, type FakeEnv } from '../unit/fakeEnv';

const manifest: Manifest = {
  categories: ['necessary', 'analytics', 'marketing'],
  reloadOnWithdraw: false,
  services: [
    { id: 'google-analytics', name: 'Google Analytics', category: 'analytics' },
    { id: 'youtube', name: 'YouTube', category: 'marketing' },
  ],
};

let env: FakeEnv;
let consent: Consent;
beforeEach(async () => {
  env = fakeEnv();
  consent = createConsent({ manifest, env, intercept: false });
  await consent.ready;
});
afterEach(() => {
  cleanup();
  consent.destroy();
});

function Status() {
  const state = useConsent();
  const analytics = useHasConsent('analytics');
  return <p>{state.decided ? `decided by ${state.source}` : 'not decided'}, analytics {analytics ? 'on' : 'off'}</p>;
}

function Page() {
  return (
    <>
      <Status />
      <ConsentGate category="analytics" fallback={<p>Statistik är av</p>}><p>Statistik körs</p></ConsentGate>
      <ConsentGate service="youtube" fallback={<button type="button">Visa YouTube</button>}>
        <iframe title="Filmen" />
      </ConsentGate>
    </>
  );
}

describe('ConsentGate and useConsent', () => {
  it('show the fallback until a choice grants, then the children', async () => {
    render(<ConsentProvider consent={consent}><Page /></ConsentProvider>);
    expect(screen.getByText('not decided, analytics off')).toBeTruthy();
    expect(screen.getByText('Statistik är av')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Visa YouTube' })).toBeTruthy();

    await act(() => consent.setConsent({ analytics: true }));
    expect(screen.getByText('decided by api, analytics on')).toBeTruthy();
    expect(screen.getByText('Statistik körs')).toBeTruthy();
    expect(screen.queryByTitle('Filmen')).toBeNull();

    await act(() => consent.setConsent({ youtube: true }));
    expect(screen.getByTitle('Filmen')).toBeTruthy();

    await act(() => consent.rejectAll());
    expect(screen.getByText('Statistik är av')).toBeTruthy();
    expect(screen.queryByTitle('Filmen')).toBeNull();
  });

  it('subscribe once per hook under StrictMode and leave no subscriber behind', async () => {
    const active = new Set<() => void>();
    const subscribe = consent.subscribe;
    consent.subscribe = (fn) => {
      active.add(fn);
      const off = subscribe(fn);
      return () => { active.delete(fn); off(); };
    };
    const view = render(<StrictMode><ConsentProvider consent={consent}><Page /></ConsentProvider></StrictMode>);
    // Status's useConsent and useHasConsent, and one gate each for analytics and youtube.
    expect(active.size).toBe(4);
    await act(() => consent.acceptAll());
    expect(screen.getByText('decided by api, analytics on')).toBeTruthy();
    view.unmount();
    expect(active.size).toBe(0);
  });

  it('render no more often than the choice changes (getConsent() is a new object each call)', async () => {
    let renders = 0;
    function Counter() {
      renders++;
      useConsent();
      return null;
    }
    render(<ConsentProvider consent={consent}><Counter /></ConsentProvider>);
    const before = renders;
    act(() => consent.show());
    act(() => consent.setLanguage('en'));
    expect(renders).toBe(before);
    await act(() => consent.acceptAll());
    expect(renders).toBe(before + 1);
  });

  it('stay closed while the manifest is still loading', () => {
    const pending = createConsent({ manifest: '/cookies.json', env: fakeEnv(), intercept: false });
    render(<ConsentProvider consent={pending}><Page /></ConsentProvider>);
    expect(screen.getByText('Statistik är av')).toBeTruthy();
    pending.destroy();
  });

  it('name the missing provider in one clear error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Status />)).toThrow('kakor: useConsent() and <ConsentGate> need a <ConsentProvider consent={…}> above them');
    vi.restoreAllMocks();
  });
});

describe('ConsentGate\'s default placeholder', () => {
  // The fake browser's languages are English; the server renders in the manifest's default, sv.
  beforeEach(() => consent.setLanguage('sv'));

  it('names the service, says why, and grants just it', async () => {
    render(<ConsentProvider consent={consent}><ConsentGate service="youtube"><iframe title="Filmen" /></ConsentGate></ConsentProvider>);
    expect(screen.getByText('YouTube', { selector: 'strong' })).toBeTruthy();
    expect(screen.getByText('YouTube kan spara cookies i din webbläsare. Därför visar vi innehållet först när du har godkänt det.')).toBeTruthy();
    await act(async () => screen.getByRole('button', { name: 'Tillåt YouTube' }).click());
    expect(screen.getByTitle('Filmen')).toBeTruthy();
    expect(consent.getConsent()).toMatchObject({ source: 'preferences', services: { youtube: true, 'google-analytics': false } });
  });

  it('names a well-known category by its title and follows the language; fallback={null} shows nothing', async () => {
    const view = render(
      <ConsentProvider consent={consent}>
        <ConsentGate category="analytics"><p>Statistik körs</p></ConsentGate>
        <ConsentGate service="youtube" fallback={null}><iframe title="Filmen" /></ConsentGate>
      </ConsentProvider>,
    );
    expect(screen.getByRole('button', { name: 'Tillåt Statistik' })).toBeTruthy();
    expect(view.container.querySelectorAll('[data-kakor-placeholder]')).toHaveLength(1);
    act(() => consent.setLanguage('en'));
    expect(screen.getByRole('button', { name: 'Allow Analytics' })).toBeTruthy();
  });

  it('renders on the server from the provider\'s manifest and hydrates unchanged', async () => {
    const page = (c: Consent | null) => (
      <StrictMode><ConsentProvider consent={c} serverConsent={readConsent('', manifest)} manifest={manifest}>
        <ConsentGate service="youtube"><iframe title="Filmen" /></ConsentGate>
      </ConsentProvider></StrictMode>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(page(null));
    expect(container.querySelector('button')?.textContent).toBe('Tillåt YouTube');
    const serverHtml = container.innerHTML;
    document.body.append(container);
    const logged = vi.spyOn(console, 'error');
    const errors: unknown[] = [];
    const root = await act(async () => hydrateRoot(container, page(consent), { onRecoverableError: (e) => errors.push(e) }));
    expect(errors).toEqual([]);
    expect(logged).not.toHaveBeenCalled();
    expect(container.innerHTML).toBe(serverHtml);
    act(() => consent.setLanguage('en'));
    expect(container.querySelector('button')?.textContent).toBe('Allow YouTube');
    act(() => root.unmount());
    container.remove();
    vi.restoreAllMocks();
  });
});

describe('server rendering and hydration', () => {
  const record = () => storedRecord(manifest, ['analytics', 'google-analytics'], {
    revision: 1, id: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', time: Date.now(), source: 'banner',
  });
  const cookieHeader = () => `kakor_consent=${encodeURIComponent(record())}`;

  it('render on the server from readConsent(), with no instance', () => {
    const html = renderToString(
      <ConsentProvider consent={null} serverConsent={readConsent(cookieHeader(), manifest)}><Page /></ConsentProvider>,
    );
    expect(html).toContain('Statistik körs');
    expect(html).toContain('Visa YouTube');
  });

  it('hydrate the server markup without a mismatch, then follow the instance', async () => {
    const serverConsent = readConsent(cookieHeader(), manifest);
    const container = document.createElement('div');
    container.innerHTML = renderToString(<ConsentProvider consent={null} serverConsent={serverConsent}><Page /></ConsentProvider>);
    document.body.append(container);
    const errors: unknown[] = [];
    // The browser holds the same record the server read.
    const client = createConsent({ manifest, env: fakeEnv({ cookies: { kakor_consent: record() }, now: Date.now() }), intercept: false });
    await client.ready;
    const root = await act(async () => hydrateRoot(container,
      <ConsentProvider consent={client} serverConsent={serverConsent}><Page /></ConsentProvider>,
      { onRecoverableError: (e) => errors.push(e) }));
    expect(errors).toEqual([]);
    expect(container.textContent).toContain('Statistik körs');
    await act(() => client.rejectAll());
    expect(container.textContent).toContain('Statistik är av');
    act(() => root.unmount());
    client.destroy();
    container.remove();
  });
});
