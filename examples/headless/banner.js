// A consent banner in plain DOM on the headless core: one checkbox per
// category, rendered from getManifest() and redrawn on every change.
import { createConsent, localize } from 'kakor/core';

const consent = createConsent({ manifest: '/examples/headless/cookies.json' });
window.kakor = consent;

const box = document.createElement('section');
box.className = 'my-banner';
box.setAttribute('aria-label', 'Cookies');
document.body.append(box);

function el(tag, props, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function render() {
  const manifest = consent.getManifest();
  const view = consent.getView();
  box.hidden = !manifest || !view;
  if (box.hidden) return box.replaceChildren();
  const lang = consent.getLanguage();
  const state = consent.getConsent();
  const boxes = manifest.categories.map((c) => el('label', {},
    el('input', { type: 'checkbox', name: c.id, checked: state.categories[c.id], disabled: c.required }),
    ` ${localize(c.title, lang)}`));
  const save = el('button', { type: 'button', textContent: 'Spara' });
  save.addEventListener('click', () => consent.setConsent(
    Object.fromEntries(boxes.map((l) => [l.firstChild.name, l.firstChild.checked])), 'preferences'));
  const all = el('button', { type: 'button', textContent: 'Godkänn alla' });
  all.addEventListener('click', () => consent.acceptAll('banner'));
  const none = el('button', { type: 'button', textContent: 'Neka alla' });
  none.addEventListener('click', () => consent.rejectAll('banner'));
  box.replaceChildren(el('h2', { textContent: 'Vi använder cookies' }), ...boxes, el('p', {}, all, none, save));
}

consent.subscribe(render);
render();
document.addEventListener('click', (e) => {
  if (e.target.closest('[data-kakor-open]')) consent.showPreferences();
});
