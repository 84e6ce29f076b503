// What the head script draws itself (issue 11): the <kakor-dialog> host and its open
// shadow root, the floating reopen button, the [data-kakor-open] links, and when
// the dialog (views, styles, texts, placeholders) is fetched and mounted into that root.
import type { Consent, Lang } from '../core/index';
import type { Engine } from '../core/createConsent';
import { createReopenButton, stepAside } from './reopenButton';

export interface ShellOptions {
  /** First-layer layout: a bar along the bottom or a centred box. @default "bar" */
  layout?: 'bar' | 'box';
  /** Show the floating button that reopens the preferences after a decision. @default true */
  floatingButton?: boolean;
}

/** What the dialog draws into: the host, its shadow root, and which link opened the preferences. */
export interface DialogParts {
  host: HTMLElement;
  root: ShadowRoot;
  /** The [data-kakor-open] element the visitor clicked last, once; null after. */
  takeClicked(): Element | null;
}

/** The mounted dialog: `update` draws the core's state again. */
export interface Dialog {
  update(): void;
  destroy(): void;
}

export type MountDialog = (consent: Consent, options: ShellOptions, parts: DialogParts) => Dialog;

/**
 * Fetches the dialog and calls `mount` with it, or `fail` with what went wrong
 * (undefined when that was said already); called again after a failure to retry.
 */
export type LoadDialog = (mount: (dialog: MountDialog) => void, fail: (why?: string) => void) => void;

const SETTINGS: { [lang in Lang]: string } = { sv: 'Cookieinställningar', en: 'Cookie settings' };

/**
 * Starts the shell of `engine` (from createEngine's `beforeGuards`, so a visitor
 * who will be asked gets the dialog fetched first); the instance's destroy() removes it too.
 */
export function startShell(engine: Engine, options: ShellOptions, load: LoadDialog): void {
  const shell = createShell(engine.consent, options, load, engine.mayAsk);
  const destroy = engine.consent.destroy;
  engine.consent.destroy = () => {
    shell.destroy();
    destroy();
  };
}

/** `mayAsk`: whether the visitor has no usable record, so the banner will be drawn. */
function createShell(consent: Consent, options: ShellOptions, load: LoadDialog, mayAsk: () => boolean): { destroy(): void } {
  const doc = document;
  const host = doc.createElement('kakor-dialog');
  const root = host.attachShadow({ mode: 'open' });
  let dialog: Dialog | null = null;
  let loading = false;
  let failed = false;
  let destroyed = false;
  let clicked: Element | null = null;

  const fetchDialog = () => {
    if (dialog || loading || destroyed) return;
    loading = true;
    load((mount) => {
      loading = false;
      if (destroyed) return;
      try {
        dialog = mount(consent, options, { host, root, takeClicked });
        failed = false;
        sync();
      } catch (e) {
        fail(`the dialog failed to start: ${(e as Error).message}`);
      }
    }, fail);
  };
  const fail = (why?: string) => {
    loading = false;
    failed = true;
    // Everything stays blocked: without the dialog no choice can be made but through the API.
    if (why) console.error(`kakor: ${why}; nothing non-essential will run, and the Cookie settings button tries again`);
    sync();
  };
  const takeClicked = () => {
    const link = clicked;
    clicked = null;
    return link;
  };
  const open = (link: Element | null) => {
    clicked = link;
    consent.showPreferences();
    fetchDialog();
  };
  // Made when first shown: a visitor who has not decided may never need it.
  let button: HTMLButtonElement | null = null;

  /** A blocked `<iframe data-src>` gets a placeholder, which only the dialog draws. */
  const blockedFrame = () => !!consent.getManifest() && [...doc.querySelectorAll('iframe[data-src]')]
    .some((f) => !consent.hasConsent(f.getAttribute('data-service') || f.getAttribute('data-category') || ''));

  const sync = () => {
    if (destroyed) return;
    const view = consent.getView();
    const lang = consent.getLanguage();
    // After a failure only the visitor tries again (open), not every change: one error per attempt.
    if (!failed && (view || blockedFrame())) fetchDialog();
    host.lang = lang;
    const m = consent.getManifest();
    const texts = m && m.texts[lang];
    // Also for an undecided visitor whose dialog did not load: the button is how to try again.
    const shown = options.floatingButton !== false && (consent.getConsent().decided || failed)
      && !(dialog && view == 'banner');
    if (shown && !button) button = createReopenButton(doc, root, () => open(null));
    if (button) {
      button.setAttribute('aria-label', (texts && texts.settings) || SETTINGS[lang]);
      if (!shown) button.remove();
      else if (!button.isConnected) root.prepend(button);
    }
    if (dialog) dialog.update();
  };

  // Delegated, so links a site renders later (or a framework re-renders) work too.
  const onClick = (e: MouseEvent) => {
    const link = (e.target as Element).closest('[data-kakor-open]');
    if (link) {
      e.preventDefault();
      open(link);
    }
  };

  // Attached as soon as <body> exists, so the banner can show in the first paint.
  const attach = () => {
    if (!doc.body) return;
    waitForBody.disconnect();
    // First in the body, so the banner comes first in the tab order.
    doc.body.prepend(host);
    sync();
  };
  // Focus in the dialog or on the button itself comes from the host.
  const onFocus = (e: FocusEvent) => {
    if (button && button.isConnected && e.target !== host) stepAside(button, e.target as Element);
  };
  const unsubscribe = consent.subscribe(sync);
  doc.addEventListener('click', onClick);
  doc.addEventListener('focusin', onFocus);
  const waitForBody = new MutationObserver(attach);
  waitForBody.observe(doc.documentElement, { childList: true });
  // Renders again once the whole document is there, for the iframe placeholders.
  doc.addEventListener('DOMContentLoaded', sync);

  // A visitor with no usable record sees the banner: fetch the dialog now, in
  // parallel with the rest of the page, so it is not later than with one file.
  if (mayAsk()) fetchDialog();
  attach();

  return {
    destroy() {
      destroyed = true;
      unsubscribe();
      doc.removeEventListener('click', onClick);
      doc.removeEventListener('focusin', onFocus);
      waitForBody.disconnect();
      doc.removeEventListener('DOMContentLoaded', sync);
      if (dialog) dialog.destroy();
      host.remove();
    },
  };
}
