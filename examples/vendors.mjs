// Local fakes of the third parties the example manifests name, served under
// /vendor/<real-host>/<path> so the manifests' URL patterns match them while
// nothing leaves the machine, and at the real host itself when the browser maps
// that host to this server (--host-resolver-rules; the CLI's scan and audit tests). Each script records its name in
// window.__vendorRuns when it runs and sets the cookies the real one sets.

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const JS = 'text/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

// Shared by every fake: the run log, and a cookie writer that, like gtag's
// `cookie_domain: auto`, puts the cookie on the widest domain the browser
// accepts (`.kakor.test` when visited as www.kakor.test; host-only on an IP).
const PRELUDE = `
  var w = window, d = document;
  var runs = w.__vendorRuns = w.__vendorRuns || [];
  // Follow-up requests go where this script came from: /vendor/<host>/… on the
  // site, or the real host when the browser maps vendor hosts to this server.
  var self = d.currentScript && d.currentScript.src ? new URL(d.currentScript.src) : null;
  function hop(hostPath) {
    return self && self.pathname.indexOf('/vendor/') !== 0 ? self.protocol + '//' + hostPath : '/vendor/' + hostPath;
  }
  function ran(name) {
    runs.push(name);
    w.dispatchEvent(new CustomEvent('fakevendor:run', { detail: name }));
  }
  function readCookie(name) {
    var all = d.cookie ? d.cookie.split('; ') : [];
    for (var i = 0; i < all.length; i++) {
      var eq = all[i].indexOf('=');
      if (all[i].slice(0, eq) === name) return all[i].slice(eq + 1);
    }
    return undefined;
  }
  function setCookie(name, value, days) {
    var tail = '; path=/; SameSite=Lax' + (days ? '; max-age=' + Math.round(days * 86400) : '');
    var host = location.hostname, labels = host.split('.');
    if (!/^[\\d.]+$/.test(host) && labels.length > 1) {
      for (var i = labels.length - 2; i >= 0; i--) {
        var domain = labels.slice(i).join('.');
        d.cookie = name + '=' + value + tail + '; domain=' + domain;
        if (readCookie(name) === value) return;
      }
    }
    d.cookie = name + '=' + value + tail;
  }
  function keep(name, value, days) { if (readCookie(name) === undefined) setCookie(name, value, days); }
  function rand() { return String(Math.floor(Math.random() * 1e9)); }
  function now() { return String(Math.floor(Date.now() / 1000)); }
  function pixel(src) { var i = new Image(1, 1); i.src = src; }
  function inject(src) {
    var s = d.createElement('script');
    s.async = true;
    s.src = src;
    d.head.appendChild(s);
  }
`;

const script = (body) => ({ type: JS, body: `(function () {${PRELUDE}${body}\n})();\n` });

/** gtag.js: honours Consent Mode the way Google's does, so the consent-mode example shows it. */
function gtag(params) {
  const id = params.get('id') ?? 'G-TEST';
  return script(`
  ran('gtag');
  var dl = w.dataLayer = w.dataLayer || [];
  var consent = {}, consentCommands = [], ids = [${JSON.stringify(id)}], sent = false;
  function handle(args) {
    if (!args || typeof args.length !== 'number') return;
    if (args[0] === 'consent' && args[2]) {
      consentCommands.push({ command: args[1], params: JSON.parse(JSON.stringify(args[2])) });
      for (var k in args[2]) consent[k] = args[2][k];
    }
    if (args[0] === 'config' && ids.indexOf(args[1]) < 0) ids.push(args[1]);
  }
  function granted(type) { return consentCommands.length === 0 || consent[type] === 'granted'; }
  function store() {
    if (granted('analytics_storage')) {
      var client = rand() + '.' + now();
      keep('_ga', 'GA1.1.' + client, 730);
      keep('_gid', 'GA1.1.' + rand() + '.' + now(), 1);
      for (var i = 0; i < ids.length; i++) {
        if (ids[i].indexOf('G-') === 0) keep('_ga_' + ids[i].slice(2), 'GS1.1.' + now() + '.1.0', 730);
      }
      if (!sent) {
        sent = true;
        pixel(hop('www.google-analytics.com/g/collect?v=2&tid=') + encodeURIComponent(ids[0]) + '&en=page_view');
      }
    }
    for (var j = 0; j < ids.length; j++) {
      if (ids[j].indexOf('AW-') === 0 && granted('ad_storage')) keep('_gcl_au', '1.1.' + rand() + '.' + now(), 90);
    }
  }
  for (var n = 0; n < dl.length; n++) handle(dl[n]);
  // What Consent Mode said when the tag first ran: the tests check that the
  // default (and a stored choice's update) arrived before any tag.
  w.__gtagConsentAtLoad = consentCommands.slice();
  var push = dl.push;
  dl.push = function () {
    var r = push.apply(dl, arguments);
    for (var a = 0; a < arguments.length; a++) handle(arguments[a]);
    store();
    return r;
  };
  store();`);
}

/** fbevents.js: processes the fbq queue, sets _fbp and loads its config script (a chain). */
function fbevents() {
  return script(`
  ran('fbevents');
  keep('_fbp', 'fb.1.' + Date.now() + '.' + rand(), 90);
  var fbq = w.fbq, pixelId = 'TEST';
  function call(args) {
    if (args[0] === 'init') {
      pixelId = String(args[1]);
      inject(hop('connect.facebook.net/signals/config/') + encodeURIComponent(pixelId) + '?v=2.9.170');
    }
    if (args[0] === 'track') {
      pixel(hop('www.facebook.com/tr?id=') + encodeURIComponent(pixelId) + '&ev=' + encodeURIComponent(args[1]));
    }
  }
  if (fbq) {
    var queue = fbq.queue || [];
    fbq.callMethod = function () { call(arguments); };
    for (var i = 0; i < queue.length; i++) call(queue[i]);
    queue.length = 0;
  }`);
}

function insight() {
  return script(`
  ran('linkedin-insight');
  keep('li_fat_id', 'li-' + rand(), 30);
  var partner = w._linkedin_partner_id || '0';
  pixel(hop('px.ads.linkedin.com/collect?pid=') + encodeURIComponent(partner) + '&fmt=gif');
  w.lintrk = function (action, data) {
    ran('lintrk:' + action);
    pixel(hop('px.ads.linkedin.com/collect?pid=') + encodeURIComponent(partner) + '&conversionId='
      + encodeURIComponent(data && data.conversion_id));
  };`);
}

function stripe() {
  return script(`
  ran('stripe');
  keep('__stripe_mid', rand() + '-' + rand(), 365);
  keep('__stripe_sid', rand() + '-' + rand(), 1 / 48);
  w.Stripe = function (key) {
    return { key: key, elements: function () { return { create: function () { return { mount: function () {} }; } }; } };
  };`);
}

function kajabiAffiliate() {
  return script(`
  ran('kajabi-affiliate');
  var m = /[?&]aff=([\\w-]+)/.exec(location.search);
  keep('kjba', m ? m[1] : 'partner-42', 30);`);
}

function mailchimp() {
  return script(`
  ran('mailchimp');
  w.__mailchimpForms = (w.__mailchimpForms || 0) + 1;`);
}

/** A fake embedded video player (YouTube, Vimeo): a small page that reports to its parent. */
function player(name, title, videoId) {
  const safeId = videoId.replace(/[^\w-]/g, '');
  return {
    type: HTML,
    body: `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>${title}: ${safeId}</title>
<style>body{margin:0;font:16px system-ui,sans-serif;background:#111;color:#fff;display:grid;place-items:center;height:100vh}</style>
</head>
<body><main><p>▶ ${title}-spelare (attrapp), video <code>${safeId}</code></p></main>
<script>
try { var p = window.parent; (p.__vendorRuns = p.__vendorRuns || []).push(${JSON.stringify(name)});
  p.dispatchEvent(new p.CustomEvent('fakevendor:run', { detail: ${JSON.stringify(name)} })); } catch (e) {}
</script>
</body>
</html>
`,
  };
}

/**
 * gtm.js: a container as Google serves it. GTM-XXXX holds a GA4 tag (G-XXXX) and
 * a Google Ads conversion linker (AW- and digits from the id); like a real
 * container it reads dataLayer, pushes the tags' config and injects gtag.js
 * for each id, a second hop from www.googletagmanager.com.
 */
function gtm(params) {
  const id = (params.get('id') ?? 'GTM-TEST').replace(/[^\w-]/g, '');
  const suffix = id.replace(/^GTM-/, '');
  const ads = 'AW-' + [...suffix].map((c) => c.charCodeAt(0) % 10).join('').padEnd(10, '0').slice(0, 10);
  return script(`
  ran('gtm');
  var dl = w.dataLayer = w.dataLayer || [];
  w.google_tag_manager = w.google_tag_manager || {};
  w.google_tag_manager[${JSON.stringify(id)}] = { dataLayer: dl };
  function gtag() { dl.push(arguments); }
  var tags = [${JSON.stringify('G-' + suffix)}, ${JSON.stringify(ads)}];
  gtag('js', new Date());
  for (var i = 0; i < tags.length; i++) {
    gtag('config', tags[i]);
    inject(hop('www.googletagmanager.com/gtag/js?id=') + encodeURIComponent(tags[i]) + '&l=dataLayer&cx=c');
  }
  dl.push({ event: 'gtm.load' });`);
}

const gif = () => ({ type: 'image/gif', body: GIF });

// host/path prefix → response. The first match wins.
const ROUTES = [
  // kakor scan/audit fixture (examples/scan-site/)
  ['www.googletagmanager.com/gtm.js', (q) => gtm(q)],
  ['www.googletagmanager.com/gtag/js', (q) => gtag(q)],
  ['www.google-analytics.com/g/collect', gif],
  ['connect.facebook.net/en_US/fbevents.js', fbevents],
  ['connect.facebook.net/signals/config/', () => script(`ran('fbevents-config');`)],
  ['www.facebook.com/tr', gif],
  ['snap.licdn.com/li.lms-analytics/insight.min.js', insight],
  ['px.ads.linkedin.com/collect', gif],
  ['js.stripe.com/v3', stripe],
  ['checkout.kajabi.com/affiliate.js', kajabiAffiliate],
  ['chimpstatic.com/mcjs-connected/js/users/', mailchimp],
  ['www.youtube-nocookie.com/embed/', (_q, rest) => player('youtube', 'YouTube', rest)],
  ['www.youtube.com/embed/', (_q, rest) => player('youtube', 'YouTube', rest)],
  ['player.vimeo.com/video/', (_q, rest) => player('vimeo', 'Vimeo', rest)],
];

/** The fake for `host/path` (without `/vendor/`), or null when there is none. */
export function vendorResponse(hostPath, params) {
  for (const [prefix, make] of ROUTES) {
    if (hostPath.startsWith(prefix)) return make(params, hostPath.slice(prefix.length));
  }
  return null;
}

/** Every fake, for the demo's documentation and the tests. */
export const vendorPaths = ROUTES.map(([prefix]) => prefix);

/** The real hosts the fakes stand in for. */
export const vendorHosts = new Set(vendorPaths.map((p) => p.split('/')[0]));
