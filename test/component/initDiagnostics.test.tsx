// init() (npm `kakor`) checks the manifest leanly, as the script tag does (issue 11):
// the engine says where the first problem is, the dialog chunk names each one in
// full, and the well-known categories get their texts once the dialog is there.
import { afterEach, expect, it, vi } from 'vitest';
import bostad from '../fixtures/bostadsexperterna.cookies.json';
import type { Manifest } from '../../src/core/index';
import { start } from '../../src/init';
import { fakeEnv } from '../unit/fakeEnv';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((fn) => fn());
  cleanup = [];
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function begin(manifest: unknown) {
  const env = fakeEnv();
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  const consent = start({ manifest: manifest as Manifest, env, intercept: false });
  cleanup.push(() => consent.destroy());
  return { env, consent, consoleError };
}

it('a bad manifest: one line from the engine, then every problem from the dialog chunk; nothing decided', async () => {
  const m = structuredClone(bostad) as { categories: unknown[]; services: { category: string; cookies: unknown }[] };
  m.services[2].category = 'analitycs';
  m.services[0].cookies = 'none';
  const { env, consent, consoleError } = begin(m);
  await consent.ready;
  expect(env.errors).toEqual([
    'kakor: the manifest is invalid at services[0].cookies (array), so nothing non-essential will run; `npx kakor check` names every problem',
  ]);
  await vi.waitFor(() => expect(consoleError).toHaveBeenCalledTimes(2));
  expect(consoleError.mock.calls).toEqual([
    ['kakor: services[0].cookies: expected an array, got "none"'],
    ['kakor: services[2].category: "analitycs" is not a declared category'],
  ]);
  expect(consent.getManifest()).toBeNull();
  expect(consent.getConsent().decided).toBe(false);
});

it('a good manifest: the well-known categories have their titles once the dialog is there', async () => {
  const { env, consent, consoleError } = begin(bostad);
  await consent.ready;
  expect(env.errors).toEqual([]);
  await vi.waitFor(() => expect(document.querySelector('kakor-dialog')!.shadowRoot!.querySelector('[part=banner]')).not.toBeNull());
  expect(consent.getManifest()!.categories.map((c) => c.title)).toEqual([
    { sv: 'Nödvändiga', en: 'Necessary' }, { sv: 'Statistik', en: 'Analytics' }, { sv: 'Marknadsföring', en: 'Marketing' },
  ]);
  expect(consoleError).not.toHaveBeenCalled();
});
