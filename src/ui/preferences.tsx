/** @jsxRuntime classic */
/** @jsx h */
// The preferences dialog (CONTRACT §8): modal, labelled, focus kept inside,
// Escape closes. Its switches edit a draft that only "Spara mina val" saves.
import { h } from 'preact';
import { choices, withPolicy } from './banner';
import { category } from './category';
import type { Ui } from './ui';

/** Tab and Shift+Tab wrap around inside the dialog instead of leaving it. */
function trapTab(e: KeyboardEvent, box: HTMLElement) {
  const all = box.querySelectorAll<HTMLElement>('button,a[href]');
  const first = all[0];
  const last = all[all.length - 1];
  const at = (box.getRootNode() as ShadowRoot).activeElement;
  if (e.shiftKey ? at == first || at == box : at == last) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}

export function preferences(ui: Ui) {
  const { consent, m, t, close } = ui;
  return (
    // Pressing on the backdrop must not move focus out of the dialog to the page.
    <div class="ov" onMouseDown={(e) => e.target == e.currentTarget && e.preventDefault()}>
      <div
        class="dl" part="dialog" role="dialog" aria-modal aria-labelledby="kt" tabIndex={-1}
        onKeyDown={(e) => (e.key == 'Escape' ? close() : e.key == 'Tab' && trapTab(e, e.currentTarget))}
      >
        {/* kt, as the banner's heading: only one of the two views is ever shown. */}
        <div class="hd rw">
          <h2 id="kt">{t.settings}</h2>
          <button class="x" aria-label={t.close} onClick={close}>×</button>
        </div>
        <div class="bd">
          {withPolicy(ui, t.preferencesText)}
          {m.categories.map((c, i) => category(ui, c, i))}
        </div>
        {/* Nothing to choose when the one required category is all there is (CONTRACT §8, none-needed). */}
        {m.categories.length > 1 &&
          choices(ui, 'preferences', <button class="b" part="button save" onClick={() => consent.setConsent(ui.draft, 'preferences')}>{t.save}</button>)}
      </div>
    </div>
  );
}
