// Shows window.dataLayer live on the consent-mode example, one command a line.
(function () {
  'use strict';
  function show(entry) {
    var args = entry && typeof entry.length === 'number' && typeof entry !== 'string'
      ? Array.prototype.slice.call(entry) : [entry];
    return args.map(function (a) { return a instanceof Date ? 'new Date()' : JSON.stringify(a); }).join(', ');
  }
  function refresh() {
    var out = document.getElementById('datalayer');
    if (out) out.textContent = (window.dataLayer || []).map(show).join('\n');
  }
  document.addEventListener('DOMContentLoaded', refresh);
  ['kakor:ready', 'kakor:change', 'fakevendor:run'].forEach(function (t) { window.addEventListener(t, refresh); });
  setInterval(refresh, 1000);
})();
