// The live panel on every example page: which cookies exist, which fake
// vendors ran and what kakor has recorded, so a person sees blocking work.
// Same-origin and matching no manifest pattern, so kakor never holds it back;
// builds its DOM without innerHTML or inline styles (the strict-CSP page loads it too).
(function () {
  'use strict';
  var list = function (el, items, empty) {
    el.textContent = '';
    if (!items.length) {
      var none = document.createElement('li');
      none.className = 'empty';
      none.textContent = empty;
      el.appendChild(none);
      return;
    }
    items.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      el.appendChild(li);
    });
  };

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === 'text') node.textContent = props[k];
      else node.setAttribute(k, props[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  // An npm app sets window.kakor only when init() resolves, after kakor:ready:
  // until then the choice comes from the last kakor:* event's detail.
  function describe(kakor, heard) {
    var c = kakor && typeof kakor.getConsent === 'function' ? kakor.getConsent() : heard;
    if (!c) return 'kakor har inte laddats.';
    if (!c.decided) return 'Inget val gjort ännu: bara nödvändiga skript får köras.';
    var on = Object.keys(c.categories).filter(function (id) { return c.categories[id]; });
    return 'Val gjort (' + c.source + '): ' + (on.length ? on.join(', ') : 'inget') + '.';
  }

  function build() {
    var status = el('p', { 'class': 'status', 'aria-live': 'polite' });
    var cookies = el('ul', { 'class': 'cookies' });
    var runs = el('ol', { 'class': 'runs' });
    var button = function (label, action) {
      var b = el('button', { type: 'button', text: label });
      b.addEventListener('click', function () {
        var k = window.kakor;
        if (k && typeof k[action] === 'function') k[action]();
      });
      return b;
    };
    var panel = el('aside', { 'class': 'kakor-panel', 'aria-labelledby': 'kakor-panel-title' }, [
      el('h2', { id: 'kakor-panel-title', text: 'Livepanel (demo)' }),
      status,
      el('h3', { text: 'Cookies som finns nu' }),
      cookies,
      el('h3', { text: 'Tredjepartsskript som har körts' }),
      runs,
      el('div', { 'class': 'actions' }, [
        button('Godkänn alla', 'acceptAll'),
        button('Neka alla', 'rejectAll'),
        button('Inställningar', 'showPreferences'),
        button('Glöm mitt val', 'reset'),
      ]),
    ]);
    document.body.appendChild(panel);

    var heard = null;
    function refresh(e) {
      if (e && e.detail && e.detail.consent) heard = e.detail.consent;
      status.textContent = describe(window.kakor, heard);
      var names = document.cookie ? document.cookie.split('; ').map(function (c) { return c.split('=')[0]; }) : [];
      list(cookies, names.sort(), 'Inga kakor.');
      list(runs, (window.__vendorRuns || []).slice(), 'Inga.');
    }
    refresh();
    ['kakor:ready', 'kakor:consent', 'kakor:change', 'fakevendor:run'].forEach(function (type) {
      window.addEventListener(type, refresh);
    });
    // NOTE: cookies set by HTTP responses or expiring raise no event, so poll too.
    setInterval(refresh, 1000);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', build);
  else build();
})();
