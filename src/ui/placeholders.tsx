/** @jsxRuntime classic */
/** @jsx h */
// Stand-ins for blocked `<iframe data-src>` embeds (CONTRACT §5.2): a box of the
// same size naming the service, saying why, with a button granting just it.
import { h, render } from 'preact';
import { localize } from '../core/index';
import { adopt } from './styles';
import { fill } from './texts';
import type { Ui } from './ui';

/** Keeps one placeholder before each blocked iframe; `sync` after every change, `clear` to remove all. */
export function createPlaceholders(doc: Document, sheet: CSSStyleSheet | null) {
  // Each frame's placeholder and the display it had before we hid it.
  const shown = new Map<HTMLIFrameElement, [HTMLElement, string]>();
  const remove = ([box, display]: [HTMLElement, string], frame: HTMLIFrameElement) => {
    // Focus was on its button ("Tillåt YouTube"): it moves to what the button released (WCAG 2.4.3).
    const focused = doc.activeElement == box;
    render(null, box.shadowRoot!);
    box.remove();
    frame.style.display = display;
    shown.delete(frame);
    if (focused) frame.focus();
  };

  const sync = ({ consent, m, t, lang }: Ui) => {
    const blocked = new Set<HTMLIFrameElement>();
    // The core drops data-src when it loads a frame, so a frame still carrying it is blocked.
    for (const frame of doc.querySelectorAll<HTMLIFrameElement>('iframe[data-src]')) {
      const id = frame.getAttribute('data-service') || frame.getAttribute('data-category') || '';
      if (consent.hasConsent(id)) continue;
      blocked.add(frame);
      let s = shown.get(frame);
      if (!s) {
        const box = doc.createElement('kakor-placeholder');
        adopt(box.attachShadow({ mode: 'open' }), sheet);
        // The frame's size, growing taller only when a narrow frame cannot hold the text.
        const width = frame.offsetWidth || +frame.width || 300;
        const height = frame.offsetHeight || +frame.height || 150;
        // NOTE: a CSSOM write, not a style attribute, so `style-src 'self'` allows it.
        box.style.cssText = `display:inline-flex;vertical-align:bottom;max-width:100%;width:${width}px;min-height:${height}px`;
        shown.set(frame, (s = [box, frame.style.display]));
        frame.style.display = 'none';
        frame.before(box);
      }
      const service = m.services.find((x) => x.id == id);
      const category = m.categories.find((c) => c.id == id);
      const name = service ? service.name : category ? localize(category.title, lang) : id;
      s[0].lang = lang;
      render(
        <div class="ph" part="placeholder">
          <strong>{name}</strong>
          <p>{fill(t.placeholderText, 'name', name)}</p>
          <button class="b" part="button" onClick={() => consent.setConsent({ [id]: true }, 'preferences')}>
            {fill(t.placeholderButton, 'name', name)}
          </button>
        </div>,
        s[0].shadowRoot!,
      );
    }
    shown.forEach((s, frame) => blocked.has(frame) || remove(s, frame));
  };
  return { sync, clear: () => shown.forEach(remove) };
}
