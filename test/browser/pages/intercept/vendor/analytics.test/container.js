(window.runs = window.runs || []).push(document.currentScript.src.split('/vendor/')[1]);
(function () {
  var s = document.createElement('script');
  s.src = '/test/browser/pages/intercept/vendor/social.test/a.js?by=container';
  document.head.appendChild(s);
})();
