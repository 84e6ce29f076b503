/** @jsxRuntime classic */
/** @jsx h */
// Mounts the dialog for one consent instance: a host with an open shadow root,
// re-rendered from the core's state on every change (the core owns which view
// is open). Also the [data-kakor-open] links and the iframe placeholders.
import { h, render } from 'preact';
import { localize, type Choice, type Consent, type View } from '../core/index';
import { banner } from './banner';
import { pageScheme } from './colorScheme';
import { flip, initialDraft } from './draft';
import { createFocusClear } from './focusClear';
import { createPlaceholders } from './placeholders';
import { preferences } from './preferences';
import { adopt, createSheet } from './styles';
import { textsFor } from './texts';
import type { Ui } from './ui';

export interface MountOptions {
  /** First-layer layout: a bar along the bottom or a centred box. @default "bar" */
  layout?: 'bar' | 'box';
  /** Show the floating button that reopens the preferences after a decision. @default true */
  floatingButton?: boolean;
}

// The crumbs wind clockwise against the counter-clockwise outline, so the default
// nonzero fill leaves them as holes.
const cookieIcon = (
  <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden>
    <path d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5M8 10a2 2 0 1 1 0 4 2 2 0 1 1 0-4m7 4a2 2 0 1 1 0 4 2 2 0 1 1 0-4" />
  </svg>
);

export function mountUi(consent: Consent, options: MountOptions = {}): { destroy(): void } {
  const doc = document;
  const host = doc.createElement('kakor-dialog');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = createSheet();
  const placeholders = createPlaceholders(doc, sheet);
  const focusClear = createFocusClear(doc, host);
  adopt(root, sheet);

  // The UI's own state: only the unsaved switches, what is expanded, and where focus came from.
  let view: View | null = null;
  let draft: Choice = {};
  let open: { [id: string]: boolean } = {};
  let opener: Element | null = null;
  let clicked: Element | null = null;

  /** The focused element, looking into the shadow root; null when nothing (the body) has focus. */
  const focused = () => {
    const el = doc.activeElement;
    return el == host ? root.activeElement : el == doc.body ? null : el;
  };

  const update = () => {
    // Nothing to draw into before the host is in the page: render once, when it is.
    if (!host.isConnected) return;
    const m = consent.getManifest();
    if (!m) return render(null, root);
    const next = consent.getView();
    const lang = consent.getLanguage();
    if (next == 'preferences' && view != next) {
      opener = clicked || focused();
      draft = initialDraft(consent, m);
      open = {};
    }
    clicked = null;
    const ui: Ui = {
      consent, m, lang, draft, open, scheme: pageScheme(doc),
      t: textsFor(lang, m.texts),
      policy: localize(m.policyUrl, lang),
      flip: (id, on) => { flip(draft, m, id, on); update(); },
      toggle: (id) => { open[id] = !open[id]; update(); },
      close: () => (consent.getConsent().decided ? consent.hide() : consent.show()),
    };
    host.lang = lang;
    host.dataset.scheme = ui.scheme;
    render(
      <div>
        {/* class f: focus lands here when what held it closes */}
        {options.floatingButton !== false && next != 'banner' && consent.getConsent().decided && (
          <button class="fb f" part="reopen" aria-label={ui.t.settings} onClick={consent.showPreferences}>{cookieIcon}</button>
        )}
        {next == 'banner' && banner(ui, options.layout == 'box')}
        {next == 'preferences' && preferences(ui)}
      </div>,
      root,
    );
    placeholders.sync(ui);
    focusClear.sync(root.querySelector<HTMLElement>('[part=banner]'));
    if (next != view) {
      if (next == 'preferences') root.querySelector<HTMLElement>('.dl')!.focus();
      // What held focus went away with the view: give it back where the visitor was.
      else if (view && !focused()) {
        const back = view == 'preferences' && opener && opener.isConnected ? opener : root.querySelector('.f');
        if (back) (back as HTMLElement).focus();
      }
    }
    view = next;
  };

  // Delegated, so links a site renders later (or a framework re-renders) work too.
  const onClick = (e: MouseEvent) => {
    const link = (e.target as Element).closest('[data-kakor-open]');
    if (link) {
      e.preventDefault();
      clicked = link;
      consent.showPreferences();
    }
  };

  // Mounts as soon as <body> exists, so the banner can show in the first paint;
  // renders again once the whole document is there, for the iframe placeholders.
  const attach = () => {
    if (!doc.body) return;
    waitForBody.disconnect();
    // First in the body, so the banner comes first in the tab order; focusClear
    // keeps page elements that get focus after it clear of it (WCAG 2.4.11).
    doc.body.prepend(host);
    update();
  };
  const unsubscribe = consent.subscribe(update);
  doc.addEventListener('click', onClick);
  // A page that declares "light dark" follows the visitor's setting as it changes.
  // NOTE: jsdom has no matchMedia.
  const dark: EventTarget = typeof window.matchMedia == 'function' ? matchMedia('(prefers-color-scheme: dark)') : new EventTarget();
  dark.addEventListener('change', update);
  const waitForBody = new MutationObserver(attach);
  waitForBody.observe(doc.documentElement, { childList: true });
  attach();
  // Added even when the document is parsed already: then it just never fires.
  doc.addEventListener('DOMContentLoaded', update);

  return {
    destroy() {
      unsubscribe();
      doc.removeEventListener('click', onClick);
      dark.removeEventListener('change', update);
      waitForBody.disconnect();
      doc.removeEventListener('DOMContentLoaded', update);
      render(null, root);
      placeholders.clear();
      focusClear.destroy();
      host.remove();
    },
  };
}
