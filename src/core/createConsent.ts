// A consent instance: loads the manifest, restores the stored choice, saves new
// ones, and releases what they grant. All state lives in this closure (STYLE §3).
import type { Consent, ConsentOptions } from './api';
import { createInterceptor } from './blocking/intercept';
import { matchService } from './blocking/matchUrl';
import { BLOCKED_IFRAMES, releaseIframes } from './blocking/iframes';
import { BLOCKED_SCRIPTS, createScriptReleaser } from './blocking/scripts';
import {
  applyChoice, grantAll, grantedFromRecord, grantRequired, newlyGranted, toState,
  type Decision, type Granted,
} from './choice';
import { postConsentLog } from './consentLog';
import { deleteServiceCookies } from './cookies';
import { browserEnv } from './env';
import { createEmitter } from './events';
import { resolveLanguage } from './language';
import { loadManifest, type Loaded } from './manifest/load';
import { validateManifest } from './manifest/validate';
import { decodeRecord, encodeRecord } from './record';
import { pushConsentDefault, pushConsentUpdate } from './signals/consentMode';
import type { ConsentSource, ResolvedManifest, View } from './types';

export function createConsent(options: ConsentOptions = {}): Consent {
  const env = options.env ?? browserEnv();
  const { window: win, document: doc, cookies: jar } = env;
  const error = (message: string) => env.console.error(`kakor: ${message}`);
  const events = createEmitter(win, (e) => error(`a kakor event listener threw: ${e}`));
  const subscribers = new Set<() => void>();
  const notify = () => subscribers.forEach((fn) => fn());
  let manifest: ResolvedManifest | null = null;
  let granted: Granted | null = null;
  let decision: Decision | null = null;
  let view: View | null = null;
  let lang = options.lang ?? 'auto';
  let destroyed = false;
  /** Consent Mode is on: by the manifest, or because defaults went out before it arrived. */
  let consentMode = false;
  const state = () => toState(manifest, granted, decision);

  // Fail closed: until the manifest is known, every cross-origin request is held.
  const interceptor = options.intercept === false ? null : createInterceptor(win, (url) => {
    if (!manifest) return new URL(url, doc.baseURI).origin !== win.location.origin;
    const id = matchService(url, manifest.services, doc.baseURI);
    return id !== undefined && !granted!.services.has(id);
  });

  const warned = new Set<string>();
  const allowed = (el: Element): boolean => {
    if (!manifest) return false;
    const now = state();
    const service = el.getAttribute('data-service');
    const category = el.getAttribute('data-category');
    const [kind, id] = service ? ['service', service] as const : ['category', category ?? ''] as const;
    const on = (kind === 'service' ? now.services : now.categories)[id];
    if (on === undefined && !warned.has(id)) {
      warned.add(id);
      error(`<${el.localName} data-${kind}="${id}">: "${id}" is not a ${kind} in the manifest, so it stays blocked`);
    }
    return on === true;
  };
  const releaseScripts = createScriptReleaser(doc, allowed);
  const release = (): Promise<void> => {
    if (!manifest || destroyed) return Promise.resolve();
    releaseIframes(doc, allowed);
    interceptor?.update();
    return releaseScripts();
  };
  const observer = new MutationObserver((records) => {
    const added = records.some((r) => Array.from(r.addedNodes).some((n) =>
      n instanceof Element && (n.matches(BLOCKED_SCRIPTS) || n.matches(BLOCKED_IFRAMES)
        || n.querySelector(`${BLOCKED_SCRIPTS},${BLOCKED_IFRAMES}`) !== null)));
    if (added) void release();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });

  const setView = (next: View | null) => {
    if (next === view) return;
    const before = view;
    view = next;
    if (before) events.emit('hide', { view: before });
    if (next) events.emit('show', { view: next });
    notify();
  };

  /** Deletes the cookies of every service not granted now. */
  const purge = (m: ResolvedManifest) =>
    deleteServiceCookies(jar, m.services.filter((s) => !granted!.services.has(s.id)), win.location);

  const restore = (m: ResolvedManifest) => {
    granted = grantRequired(m);
    decision = null;
    const required = m.categories.find((c) => c.required)!.id;
    if (m.services.every((s) => s.category === required)) {
      decision = { id: '', time: env.now(), source: 'none-needed' };
      return;
    }
    const record = decodeRecord(jar.get(m.cookie.name), m.revision, m.consentMaxAgeDays, env.now());
    if (typeof record === 'object') {
      decision = { id: record.id, time: record.time, source: record.source };
      granted = grantedFromRecord(m, record);
    } else if (record === 'tampered') {
      env.console.warn('kakor: the stored consent record is not one kakor wrote; asking again');
    }
  };

  const save = async (next: Granted | null, source: ConsentSource): Promise<void> => {
    const m = manifest;
    if (!m || !next || destroyed) {
      error('no choice can be saved: the manifest did not load');
      return;
    }
    const before = state();
    const firstTime = !before.decided || before.source === 'none-needed';
    granted = next;
    decision = { id: env.randomId(), time: env.now(), source };
    const after = state();
    jar.set(m.cookie.name, encodeRecord({
      revision: m.revision, id: decision.id, time: decision.time, source,
      categories: [...next.categories], services: [...next.services],
    }), {
      path: '/', domain: m.cookie.domain, sameSite: 'Lax', secure: win.location.protocol === 'https:',
      expires: new Date(decision.time + m.consentMaxAgeDays * 864e5),
    });
    if (consentMode) pushConsentUpdate(win, m, after);
    const revoked = newlyGranted(after, before);
    setView(null);
    events.emit('consent', { consent: after, firstTime });
    if (firstTime || revoked.length || newlyGranted(before, after).length) {
      events.emit('change', { consent: after, granted: newlyGranted(before, after), revoked });
    }
    notify();
    if (m.consentLog) postConsentLog(env, m.consentLog.endpoint, after, api.getLanguage());
    purge(m);
    // Code that already ran keeps running until the page is left (CONTRACT §5.4).
    if (revoked.length && m.reloadOnWithdraw) return env.reload();
    await release();
  };

  const start = (loaded: Loaded): Promise<void> => {
    try {
      return begin(loaded);
    } catch (e) {
      // A bug must not escape to the page nor release anything: stay closed, say why.
      manifest = null;
      error(`stopped by an internal error, nothing non-essential will run: ${(e as Error).stack ?? e}`);
      return Promise.resolve();
    }
  };

  const begin = (loaded: Loaded): Promise<void> => {
    if (destroyed) return Promise.resolve();
    if ('error' in loaded) error(loaded.error);
    else {
      const v = validateManifest(loaded.raw);
      v.warnings.forEach((w) => env.console.warn(`kakor: ${w}`));
      v.errors.forEach(error);
      manifest = v.manifest;
    }
    const m = manifest;
    if (m) {
      restore(m);
      if (m.googleConsentMode && !consentMode) pushConsentDefault(win);
      consentMode ||= m.googleConsentMode;
      if (consentMode && decision) pushConsentUpdate(win, m, state());
    }
    notify();
    // Events wait a microtask, so `window.kakor` is set before `kakor:ready` is heard.
    return Promise.resolve().then(async () => {
      if (destroyed) return;
      events.emit('ready', { consent: state() });
      if (!m) return;
      purge(m);
      const gpc = (win.navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
      if (!decision && m.honorGlobalPrivacyControl && gpc) return save(grantRequired(m), 'gpc');
      if (!decision) setView('banner');
      await release();
    });
  };

  const api: Consent = {
    getConsent: state,
    hasConsent: (id) => {
      const s = state();
      return s.categories[id] === true || s.services[id] === true;
    },
    acceptAll: (source: ConsentSource = 'api') => save(manifest && grantAll(manifest), source),
    rejectAll: (source: ConsentSource = 'api') => save(manifest && grantRequired(manifest), source),
    setConsent(choice, source: ConsentSource = 'api') {
      if (!manifest) return save(null, source);
      const { granted: next, unknown } = applyChoice(manifest, granted!, choice);
      unknown.forEach((id) => error(`setConsent: "${id}" is not a category or service id in the manifest`));
      return save(next, source);
    },
    reset() {
      const m = manifest;
      if (!m || destroyed) return;
      const before = state();
      jar.remove(m.cookie.name, { path: '/', domain: m.cookie.domain });
      restore(m);
      purge(m);
      if (consentMode) pushConsentUpdate(win, m, state());
      const revoked = newlyGranted(state(), before);
      if (revoked.length) events.emit('change', { consent: state(), granted: [], revoked });
      setView(decision ? null : 'banner');
      notify();
    },
    show: () => setView('banner'),
    showPreferences: () => setView('preferences'),
    hide: () => setView(null),
    setLanguage(next) {
      lang = next;
      notify();
    },
    getLanguage: () => resolveLanguage(lang, doc, win.navigator.languages ?? [], manifest?.defaultLanguage ?? 'sv'),
    on: events.on,
    destroy() {
      destroyed = true;
      interceptor?.destroy();
      observer.disconnect();
      events.clear();
      subscribers.clear();
      view = null;
    },
    getManifest: () => manifest,
    getView: () => view,
    subscribe(fn) {
      subscribers.add(fn);
      return () => { subscribers.delete(fn); };
    },
    ready: Promise.resolve(),
  };

  let loaded: Loaded | Promise<Loaded>;
  try {
    loaded = loadManifest(options.manifest, env);
  } catch (e) {
    loaded = { error: `manifest: ${(e as Error).message}` };
  }
  if (loaded instanceof Promise) {
    // A fetched manifest cannot say in time whether the site uses Consent Mode, and
    // tags must not see a page without a denied default (CONTRACT §6): push it now,
    // and keep it updated from then on.
    pushConsentDefault(win);
    consentMode = true;
  }
  api.ready = (loaded instanceof Promise ? loaded.then(start) : start(loaded))
    .catch((e) => error(`stopped by an internal error: ${(e as Error).stack ?? e}`));
  return api;
}
