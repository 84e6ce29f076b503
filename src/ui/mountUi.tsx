/** @jsxRuntime classic */
/** @jsx h */
// Mounts the dialog for one consent instance into the host the head script made
// (src/shell): re-rendered from the core's state on every change (the core owns
// which view is open), with the iframe placeholders and focus kept clear of the banner.
import { h, render } from 'preact';
import { localize, type Choice, type Consent, type View } from '../core/index';
import type { Problems } from '../core/manifest/checks';
import { withCategoryTexts } from '../core/manifest/wellKnown';
import type { Dialog, DialogParts, ShellOptions } from '../shell/shell';
import { banner } from './banner';
import { flip, initialDraft } from './draft';
import { diagnose } from './diagnose';
import { createFocusClear } from './focusClear';
import { createPlaceholders } from './placeholders';
import { preferences } from './preferences';
import { adopt, createSheet } from './styles';
import { textsFor } from './texts';
import type { Ui } from './ui';

export type MountOptions = ShellOptions;

/** What the engine of the head script and init() gives beyond the shell's parts: the manifest's problems. */
export interface UiParts extends DialogParts {
  problems?(): Problems | undefined;
}

export function mountUi(consent: Consent, options: MountOptions, { host, root, takeClicked, problems }: UiParts): Dialog {
  const doc = document;
  // The engine checked the manifest leanly and said only the first problem: name each, once it has loaded.
  if (problems) void consent.ready.then(() => diagnose(problems()));
  const sheet = createSheet();
  const placeholders = createPlaceholders(doc, sheet);
  const focusClear = createFocusClear(doc, host);
  adopt(root, sheet);
  // After the reopen button, which the shell keeps first in the root.
  const views = root.appendChild(doc.createElement('div'));

  // The UI's own state: only the unsaved switches, what is expanded, and where focus came from.
  let view: View | null = null;
  let draft: Choice = {};
  let open: { [id: string]: boolean } = {};
  let opener: Element | null = null;

  /** The focused element, looking into the shadow root; null when nothing (the body) has focus. */
  const focused = () => {
    const el = doc.activeElement;
    return el == host ? root.activeElement : el == doc.body ? null : el;
  };

  const update = () => {
    // Nothing to draw into before the host is in the page: render once, when it is.
    if (!host.isConnected) return;
    const m = consent.getManifest();
    if (!m) return render(null, views);
    // The lean check leaves the well-known categories' texts to the dialog.
    withCategoryTexts(m);
    const next = consent.getView();
    const lang = consent.getLanguage();
    const clicked = takeClicked();
    if (next == 'preferences' && view != next) {
      opener = clicked || focused();
      draft = initialDraft(consent, m);
      open = {};
    }
    const ui: Ui = {
      consent, m, lang, draft, open,
      t: textsFor(lang, m.texts),
      policy: localize(m.policyUrl, lang),
      flip: (id, on) => { flip(draft, m, id, on); update(); },
      toggle: (id) => { open[id] = !open[id]; update(); },
      close: () => (consent.getConsent().decided ? consent.hide() : consent.show()),
    };
    render(
      <div>
        {next == 'banner' && banner(ui, options.layout == 'box')}
        {next == 'preferences' && preferences(ui)}
      </div>,
      views,
    );
    placeholders.sync(ui);
    focusClear.sync(root.querySelector<HTMLElement>('[part=banner]'));
    if (next != view) {
      if (next == 'preferences') root.querySelector<HTMLElement>('.dl')!.focus();
      // What held focus went away with the view: give it back where the visitor was
      // (class f: the reopen button).
      else if (view && !focused()) {
        const back = view == 'preferences' && opener && opener.isConnected ? opener : root.querySelector('.f');
        if (back) (back as HTMLElement).focus();
      }
    }
    view = next;
  };

  // The shell calls update on every change of the core (it subscribes once for both).
  return {
    update,
    destroy() {
      render(null, views);
      views.remove();
      placeholders.clear();
      focusClear.destroy();
    },
  };
}
