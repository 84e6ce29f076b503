// The shape of a consent instance (CONTRACT §4) and what creates one. The
// implementation is createConsent.ts; this file only names things.
import type { Env } from './env';
import type {
  Choice, ConsentState, KakorEvents, Lang, Manifest, ResolvedManifest, View,
} from './types';

/** Where a choice came from when a UI saves it (`getConsent().source`). */
export type UiSource = 'banner' | 'preferences';

export interface ConsentOptions {
  /**
   * The manifest: an object, a URL to fetch it from, or omitted to read the inline
   * `<script type="application/json" id="kakor-manifest">`.
   * @default the inline manifest
   */
  manifest?: Manifest | string;
  /** UI language; `auto` picks from `<html lang>`, then the browser, then the manifest. @default "auto" */
  lang?: Lang | 'auto';
  /** Hold injected scripts, iframes and images of services without consent (CONTRACT §5.3). @default true */
  intercept?: boolean;
  /** The browser, as the core sees it; tests pass a fake one. @default browserEnv() */
  env?: Env;
}

export interface Consent {
  /** The current choice; `decided` is false until the visitor chose. */
  getConsent(): ConsentState;
  /** True when the category or service with that id is granted. */
  hasConsent(id: string): boolean;
  /** Grant everything, save, release what waited, hide the UI. `source` defaults to "api". */
  acceptAll(source?: UiSource): Promise<void>;
  /** Grant only the required category, save, hide the UI. */
  rejectAll(source?: UiSource): Promise<void>;
  /** Save a choice by category or service id; the required category stays granted. */
  setConsent(choice: Choice, source?: UiSource): Promise<void>;
  /** Forget the choice, delete non-essential cookies, show the banner. */
  reset(): void;
  /** Open the first layer (banner). */
  show(): void;
  /** Open the preferences dialog. */
  showPreferences(): void;
  /** Close whatever is open. */
  hide(): void;
  setLanguage(lang: Lang | 'auto'): void;
  getLanguage(): Lang;
  /** Subscribe to a `kakor:*` event by its name without the prefix; returns an unsubscribe. */
  on<K extends keyof KakorEvents>(event: K, fn: (detail: KakorEvents[K]) => void): () => void;
  /** Remove observers, patches and listeners. */
  destroy(): void;
  /** The validated manifest; null until loaded or when it was unusable. */
  getManifest(): ResolvedManifest | null;
  /** Which view a UI should show now. */
  getView(): View | null;
  /** Called after any change of consent, view or language; returns an unsubscribe. */
  subscribe(fn: () => void): () => void;
  /** Settles once the manifest is loaded and the stored choice applied (never rejects). */
  ready: Promise<void>;
}
