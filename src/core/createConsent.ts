// A consent instance: loads the manifest, restores the stored choice, saves new
// ones, and releases what they grant. All state lives in this closure (STYLE §3).
import type { Consent, ConsentOptions } from './api';
import { watchAdded } from './blocking/added';
import { MARKED, releaseAttributes } from './blocking/attributes';
import { createUrlTest } from './blocking/matchUrl';
import { BLOCKED_IFRAMES, releaseIframes } from './blocking/iframes';
import type { Interceptor } from './blocking/intercept';
import { guardRealm } from './blocking/realm';
import { createScriptReleaser } from './blocking/scripts';
import { createTrusted, type Trusted } from './blocking/trustedTypes';
import {
  applyChoice, grantAll, grantRequired, newlyGranted, toState,
  type Decision, type Granted,
} from './choice';
import { postConsentLog } from './consentLog';
import { deleteCookie, deleteServiceCookies, readCookies, type SeenCookies } from './cookies';
import { browserEnv } from './env';
import { createEmitter } from './events';
import { resolveLanguage } from './language';
import { loadManifest, type Loaded } from './manifest/load';
import { needsWindow } from './needsWindow';
import type { Problems } from './manifest/checks';
import { RECORD_COOKIE, type ManifestCheck } from './manifest/schema';
import { fullCheck } from './manifest/validate';
import { decodeRecords, encodeRecord } from './record';
import { grantedFromRecord, manifestFingerprint, recordGrants } from './recordGrants';
import { pushConsentDefault, pushConsentUpdate } from './signals/consentMode';
import type { ConsentSource, ConsentState, ResolvedManifest, View } from './types';

/** What an added tree may hold that the engine releases: marked scripts and markup, blocked iframes. */
const HELD = `${MARKED},${BLOCKED_IFRAMES}`;

/** What kakor's own entries get beyond the public API (CONTRACT §4 stays as it is). */
export interface Engine {
  consent: Consent;
  /**
   * Exempts exactly `url` (absolute) from kakor's own blocking, so kakor's dialog file
   * loads from a CDN before the manifest is known, and returns it as a script's
   * `src` accepts it (Trusted Types); null when kakor may not write scripts (said already).
   */
  ownScript(url: string): unknown;
  /**
   * Whether the visitor will be asked: no usable record. Before a fetched manifest
   * is there, whether no cookie of the record's usual name was seen.
   */
  mayAsk(): boolean;
  /** Every problem the check found in the manifest, for the dialog to name; undefined until it has loaded (or when it did not). */
  problems(): Problems | undefined;
}

export function createConsent(options: ConsentOptions = {}): Consent {
  return createEngine(options, fullCheck).consent;
}

/**
 * `beforeGuards` runs once the instance exists and an inline manifest is applied,
 * before kakor patches anything: kakor's entries start fetching the dialog there,
 * ahead of the patching's cost. No page code can run in between.
 *
 * `check`: the full check (kakor/core) or the lean one of the script and `init()` (issue 11).
 */
export function createEngine(options: ConsentOptions, check: ManifestCheck, beforeGuards?: (engine: Engine) => void): Engine {
  if (!options.env) needsWindow('createConsent()');
  const env = options.env || browserEnv();
  const { window: win, document: doc, cookies: jar } = env;
  const error = (message: string) => env.console.error(`kakor: ${message}`);
  const warn = (message: string) => env.console.warn(`kakor: ${message}`);
  const events = createEmitter(win, (e) => error(`a kakor event listener threw: ${e}`));
  const subscribers = new Set<() => void>();
  const notify = () => {
    guard();
    subscribers.forEach((fn) => fn());
  };
  let manifest: ResolvedManifest | null = null;
  let problems: Problems | undefined;
  /** Ids of the granted categories and services; meaningful only with a manifest. */
  let granted: Granted = new Set();
  let decision: Decision | null = null;
  let view: View | null = null;
  let lang = options.lang || 'auto';
  let destroyed = false;
  /** Consent Mode is on: by the manifest, or because defaults went out before it arrived. */
  let consentMode = false;
  const state = () => toState(manifest, granted, decision);
  /** Global Privacy Control decides for a visitor who has not (CONTRACT §6): a reject-all, no banner. */
  const gpcSignal = () => (win.navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const byGpc = (m: ResolvedManifest) => m.honorGlobalPrivacyControl && gpcSignal();

  // Fail closed where kakor may not write scripts (Trusted Types): nothing is released.
  const trusted = createTrusted(win);
  // The one test of a URL, for elements, requests and frames alike. Fail closed:
  // until the manifest is known, every cross-origin URL is held (or fails, for a request).
  const urlTest = createUrlTest(doc, () => manifest && manifest.services, () => granted);
  const own = new Set<string>();
  const isBlocked = (url: string) => !own.has(url) && urlTest(url);
  // The page's cookies, read once per load (issue 11): for the record and the purge.
  const seen = readCookies(jar, win.navigator);
  // What the page adds: the interceptor holds what loads a blocked URL, and new
  // blocked scripts and iframes are released if granted.
  const added = watchAdded(doc, (nodes) => {
    let scripts: unknown, frames: unknown, root: Node | undefined;
    for (const n of nodes as Element[]) {
      // The parser adds a parent before its children, and by now they are in its
      // subtree, each also in this batch: scanning the parent covers them all.
      if (!n.matches || (root && root.contains(n))) continue;
      root = n;
      if (interceptor) interceptor.parsed(n);
      // Blocked scripts and markup are marked with a service or category. Most added
      // trees hold neither: one look for both, then which it was.
      if (!(n.matches(HELD) || n.querySelector(HELD))) continue;
      scripts ||= n.matches(MARKED) || n.querySelector(MARKED);
      frames ||= n.matches(BLOCKED_IFRAMES) || n.querySelector(BLOCKED_IFRAMES);
    }
    if (scripts || frames) void release();
    if (frames) notify(); // a UI puts placeholders before the new iframes
  });
  let interceptor: Interceptor | null = null;
  /** The interceptor only reports what is inserted: nothing could be blocked when it went in. */
  let reporting = false;
  let starting = true;
  /**
   * Patches the page (realm.ts): all of it at once when a URL can be blocked (before
   * the manifest is known or without one, when a service that lists `scripts` is not
   * granted, or when a choice makes it so). A visitor who granted everything has
   * nothing held, so nothing is patched until the head script and the parser are
   * done (issue 11), and then only the insertion methods and HTML sinks, which tell
   * of added elements far more cheaply than a MutationObserver (README, Interception
   * overhead); a choice that blocks something puts the rest in.
   */
  const guard = (parsed?: boolean) => {
    if (starting || destroyed || options.intercept === false) return;
    const blocks = !manifest || manifest.services.some((s) => s.scripts.length > 0 && !granted.has(s.id));
    if (interceptor ? !reporting || !blocks : !blocks && !parsed) return;
    if (interceptor) interceptor.destroy();
    reporting = !blocks;
    interceptor = guardRealm(win, isBlocked, typeof trusted == 'string' ? undefined : trusted, added.inserted, reporting);
    added.hook();
  };
  const guardParsed = () => guard(true);

  const warned = new Set<string>();
  const allowed = (el: Element): boolean => {
    if (!manifest) return false;
    const service = el.getAttribute('data-service');
    const kind = service ? 'service' : 'category';
    const id = service || el.getAttribute('data-category') || '';
    // Looked up, not read off state(): this runs for every marked element.
    const known = (manifest[service ? 'services' : 'categories'] as { id: string }[]).some((x) => x.id === id);
    const on = known ? granted.has(id) : undefined;
    if (on === undefined && !warned.has(id)) {
      warned.add(id);
      error(`<${el.localName} data-${kind}="${id}">: "${id}" is not a ${kind} in the manifest, so it stays blocked`);
    }
    return on === true;
  };
  if (typeof trusted == 'string') error(trusted);
  const releaseScripts = typeof trusted == 'string' ? null : createScriptReleaser(doc, allowed, trusted);
  const release = (): Promise<void> => {
    if (!manifest || destroyed || !releaseScripts) return Promise.resolve();
    releaseIframes(doc, allowed);
    releaseAttributes(doc, allowed, trusted as Trusted);
    if (interceptor) interceptor.update();
    return releaseScripts();
  };
  const setView = (next: View | null) => {
    if (next === view) return;
    const before = view;
    view = next;
    if (before) events.emit('hide', { view: before });
    if (next) events.emit('show', { view: next });
    notify();
  };

  /** Deletes the cookies of every service not granted now (of `names`, the page's cookies, if read). */
  const purge = (m: ResolvedManifest, names?: string[]) =>
    deleteServiceCookies(jar, m.services.filter((s) => !granted.has(s.id)), win.location, names);

  const restore = (m: ResolvedManifest, seen: SeenCookies) => {
    granted = grantRequired(m);
    decision = null;
    // Every service is in the required category: there is nothing to ask (CONTRACT §8).
    if (m.services.every((s) => granted.has(s.id))) {
      decision = { id: null, time: env.now(), source: 'none-needed' };
      return;
    }
    const name = m.cookie.name;
    const record = decodeRecords(seen.values(name), {
      revision: m.revision, fingerprint: manifestFingerprint(m), maxAgeDays: m.consentMaxAgeDays, now: env.now(),
    });
    if (typeof record === 'object') {
      decision = record;
      granted = grantedFromRecord(m, record);
    } else if (record === 'tampered') {
      warn('the stored consent record is not one kakor wrote; asking again');
    } else if (record === 'changed') {
      warn('the manifest\'s categories or services changed without a new "revision"; asking again');
    } else if (record === 'duplicate') {
      warn(`two or more "${name}" cookies are visible to this page (one set for another path or a parent domain); deleting those kakor can reach and asking again`);
      deleteCookie(jar, name, win.location);
    }
  };

  /**
   * After the choice changed from `before`: tells Consent Mode, the page (a `consent`
   * event when `firstTime` is given, then `change` if anything did) and the UI, and
   * deletes the cookies of what is not granted now. Returns the new state and what was revoked.
   */
  const changed = (m: ResolvedManifest, before: ConsentState, firstTime?: boolean): [ConsentState, string[]] => {
    const after = state();
    if (consentMode) pushConsentUpdate(win, m, after);
    const revoked = newlyGranted(after, before);
    const added = newlyGranted(before, after);
    if (firstTime !== undefined) events.emit('consent', { consent: after, firstTime });
    if (firstTime || revoked.length || added.length) {
      events.emit('change', { consent: after, granted: added, revoked });
    }
    notify();
    purge(m);
    return [after, revoked];
  };

  /** Saves what `pick` grants under the manifest, tells the page, releases or reloads. */
  const save = async (pick: (m: ResolvedManifest) => Granted, source: ConsentSource): Promise<void> => {
    const m = manifest;
    if (!m || destroyed) return error('no choice can be saved: the manifest did not load');
    const next = pick(m);
    const before = state();
    const record = { revision: m.revision, id: env.randomId(), time: env.now(), source, ...recordGrants(m, next) };
    granted = next;
    decision = record;
    jar.set(m.cookie.name, encodeRecord(record), {
      path: '/', domain: m.cookie.domain, sameSite: 'Lax', secure: win.location.protocol === 'https:',
      expires: new Date(record.time + m.consentMaxAgeDays * 864e5),
    });
    setView(null);
    const [after, revoked] = changed(m, before, !before.decided || before.source === 'none-needed');
    if (m.consentLog) postConsentLog(env, m.consentLog.endpoint, after, api.getLanguage());
    // Code that already ran keeps running until the page is left (CONTRACT §5.4).
    if (revoked.length && m.reloadOnWithdraw) return env.reload();
    return release();
  };

  const start = (loaded: Loaded): Promise<void> | undefined => {
    try {
      if (destroyed) return;
      if ('error' in loaded) error(loaded.error);
      else {
        const checked = check(loaded.raw, error, warn);
        problems = checked.problems;
        manifest = checked.manifest;
      }
      if (manifest && !seen) {
        error('cookies are not available to this page (a sandboxed frame without allow-same-origin, or cookies turned off), so no choice can be kept: nothing non-essential will run');
        manifest = null;
      }
      const m = manifest;
      if (m && seen) {
        restore(m, seen);
        if (m.googleConsentMode && !consentMode) {
          pushConsentDefault(win);
          consentMode = true;
        }
        if (consentMode && decision) pushConsentUpdate(win, m, state());
      }
      notify();
      // Events wait a microtask, so `window.kakor` is set before `kakor:ready` is heard.
      return Promise.resolve().then(() => {
        if (destroyed) return;
        events.emit('ready', { consent: state() });
        if (!m || !seen) return;
        purge(m, seen.names);
        if (!decision && byGpc(m)) return save(grantRequired, 'gpc');
        if (!decision) setView('banner');
        return release();
      });
    } catch (e) {
      // A bug must not escape to the page nor release anything: stay closed, say why.
      manifest = null;
      guard();
      error(`stopped by an internal error, nothing non-essential will run: ${(e as Error).stack || e}`);
    }
  };

  const api: Consent = {
    getConsent: state,
    hasConsent: (id) => !!manifest && granted.has(id),
    acceptAll: (source: ConsentSource = 'api') => save(grantAll, source),
    rejectAll: (source: ConsentSource = 'api') => save(grantRequired, source),
    setConsent: (choice, source: ConsentSource = 'api') => save((m) => applyChoice(m, granted, choice,
      (id) => error(`setConsent: "${id}" is not a category or service id in the manifest`)), source),
    reset() {
      const m = manifest;
      if (!m || destroyed) return;
      const before = state();
      jar.remove(m.cookie.name, { path: '/', domain: m.cookie.domain });
      restore(m, readCookies(jar, win.navigator) || { names: [], values: () => [] });
      changed(m, before);
      setView(decision ? null : 'banner');
    },
    show: () => setView('banner'),
    showPreferences: () => setView('preferences'),
    hide: () => setView(null),
    setLanguage(next) {
      lang = next;
      notify();
    },
    getLanguage: () => resolveLanguage(lang, doc, win.navigator.languages || [], manifest ? manifest.defaultLanguage : 'sv'),
    on: events.on,
    destroy() {
      destroyed = true;
      doc.removeEventListener('DOMContentLoaded', guardParsed);
      if (interceptor) interceptor.destroy();
      added.disconnect();
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
  api.ready = (loaded instanceof Promise ? loaded.then(start) : Promise.resolve(start(loaded)))
    .catch((e) => error(`stopped by an internal error: ${(e as Error).stack || e}`));
  const engine: Engine = {
    consent: api,
    ownScript(url) {
      if (typeof trusted == 'string') return null;
      own.add(url);
      return trusted.scriptUrl(url);
    },
    // Where no cookie can be read no choice can be kept, so nothing is asked (the error said why).
    // Before a fetched manifest, GPC is taken as honoured (the default); a manifest that
    // turns it off gets the dialog fetched once its banner is to be shown.
    mayAsk: () => !!seen && (manifest ? !decision && !byGpc(manifest) : !seen.names.includes(RECORD_COOKIE) && !gpcSignal()),
    problems: () => problems,
  };
  try {
    if (beforeGuards) beforeGuards(engine);
  } finally {
    starting = false;
    guard();
    if (doc.readyState != 'loading') guardParsed();
    else doc.addEventListener('DOMContentLoaded', guardParsed, { once: true });
  }
  return engine;
}
