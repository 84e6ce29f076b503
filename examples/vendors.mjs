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
  // Served at its real host (the vendor proof maps vendor hosts here): some
  // fakes then make second hops the /vendor/ examples do not pin in their tests.
  var atHost = !!self && self.pathname.indexOf('/vendor/') !== 0;
  function hop(hostPath) {
    return atHost ? self.protocol + '//' + hostPath : '/vendor/' + hostPath;
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
  // Vendors post their events with sendBeacon (TikTok, Hotjar, Clarity, Stripe).
  function beacon(url, data) { navigator.sendBeacon(url, JSON.stringify(data)); }
  function frame(src) {
    var f = d.createElement('iframe');
    f.src = src;
    f.title = 'vendor frame';
    f.setAttribute('aria-hidden', 'true');
    f.style.cssText = 'position:absolute;width:1px;height:1px;border:0;left:-9999px';
    (d.body || d.documentElement).appendChild(f);
  }
`;

const script = (body) => ({ type: JS, body: `(function () {${PRELUDE}${body}\n})();\n` });

/** gtag.js: honours Consent Mode the way Google's does, so the consent-mode example shows it. */
function gtag(params) {
  const id = params.get('id') ?? 'G-TEST';
  return script(`
  ran('gtag');
  var dl = w.dataLayer = w.dataLayer || [];
  var consent = {}, consentCommands = [], ids = [${JSON.stringify(id)}], sent = false, sentAds = false;
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
      if (!sent && ids[0].indexOf('G-') === 0) {
        sent = true;
        pixel(hop('www.google-analytics.com/g/collect?v=2&tid=') + encodeURIComponent(ids[0]) + '&en=page_view');
      }
    }
    for (var j = 0; j < ids.length; j++) {
      if (ids[j].indexOf('AW-') !== 0 || !granted('ad_storage')) continue;
      keep('_gcl_au', '1.1.' + rand() + '.' + now(), 90);
      if (atHost && !sentAds) {
        sentAds = true;
        pixel(hop('googleads.g.doubleclick.net/pagead/viewthroughconversion/') + ids[j].slice(3) + '/?random=' + rand());
      }
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
  // Stripe.js's fraud signals: a hidden frame on m.stripe.network and telemetry to r.stripe.com.
  if (atHost) {
    frame(hop('m.stripe.network/inner.html') + '#url=' + encodeURIComponent(location.href));
    beacon(hop('r.stripe.com/b'), { event: 'stripe.js.loaded' });
  }
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
  w.__mailchimpForms = (w.__mailchimpForms || 0) + 1;
  // The connected-site script: site tracking (_mcid) and its pop-up form's settings.
  if (atHost) {
    keep('_mcid', '1.' + rand() + '.' + now(), 365);
    inject(hop('mc.us21.list-manage.com/signup-forms/settings?u=kakor&id=proof&c=mcPopup'));
  }`);
}

/**
 * A fake embedded video player (YouTube, Vimeo): a small page that records
 * that it ran, in its own window and in its parent's when it may. At its real
 * host it also sets its own cookies and loads what the real player loads
 * (`follow`: scripts, an image, a beacon); same-origin under /vendor/ it
 * would put them on the site, so there it does not.
 */
function player(name, title, videoId, follow) {
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
(window.__vendorRuns = window.__vendorRuns || []).push(${JSON.stringify(name)});
try { var p = window.parent; if (p !== window) { (p.__vendorRuns = p.__vendorRuns || []).push(${JSON.stringify(name)});
  p.dispatchEvent(new p.CustomEvent('fakevendor:run', { detail: ${JSON.stringify(name)} })); } } catch (e) {}
if (location.pathname.indexOf('/vendor/') !== 0) (function (f) {
  var tail = '; path=/; SameSite=None; Secure';
  f.cookies.forEach(function (c) {
    document.cookie = c[0] + '=' + Math.floor(Math.random() * 1e9) + tail + '; domain=' + c[1] + (c[2] ? '; max-age=' + c[2] * 86400 : '');
  });
  f.scripts.forEach(function (src) { var s = document.createElement('script'); s.src = src; document.head.appendChild(s); });
  f.images.forEach(function (src) { new Image().src = src; });
  f.beacons.forEach(function (url) { navigator.sendBeacon(url, JSON.stringify({ video: ${JSON.stringify(safeId)} })); });
})(${JSON.stringify(follow(safeId))});
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
// What the real players load and set besides their page.
const youtubeFollow = (id) => ({
  cookies: [['YSC', '.youtube.com'], ['VISITOR_INFO1_LIVE', '.youtube.com', 180]],
  scripts: ['https://www.youtube.com/s/player/kakor/player_ias.vflset/sv_SE/base.js',
    'https://static.doubleclick.net/instream/ad_status.js'],
  images: [`https://i.ytimg.com/vi/${id}/hqdefault.jpg`],
  beacons: [],
});
const vimeoFollow = (id) => ({
  cookies: [['vuid', '.vimeo.com', 730]],
  scripts: ['https://f.vimeocdn.com/p/4.36.0/js/player.js'],
  images: [`https://i.vimeocdn.com/video/${id}-d_640`],
  beacons: ['https://fresnel.vimeocdn.com/add/player-stats'],
});

const gif = () => ({ type: 'image/gif', body: GIF });

// ---- Vendor proof (examples/vendor-proof/): the rest of the common install
// snippets, each fake making the requests and setting the cookies of the real one.

/** TikTok's events.js: loads the SDK for the pixel id the base code asked for. */
function tiktokEvents(params) {
  const sdkid = params.get('sdkid') ?? 'TEST';
  return script(`
  ran('tiktok');
  inject(hop('analytics.tiktok.com/i18n/pixel/static/main.MTc2NjA3NTQ2NA.js') + '?sdkid=' + ${JSON.stringify(encodeURIComponent(sdkid))});`);
}

/** TikTok's SDK: sets _ttp, drains the ttq queue and posts each page view and event. */
function tiktokSdk(params) {
  const sdkid = params.get('sdkid') ?? 'TEST';
  return script(`
  ran('tiktok-sdk');
  keep('_ttp', rand() + rand(), 390);
  var ttq = w.ttq || [];
  function send(call) {
    beacon(hop('analytics.tiktok.com/api/v2/pixel'), { pixel_code: ${JSON.stringify(sdkid)}, event: call[0] === 'page' ? 'Pageview' : call[1] });
  }
  for (var i = 0; i < ttq.length; i++) if (ttq[i][0] === 'page' || ttq[i][0] === 'track') send(ttq[i]);
  ttq.length = 0;
  ttq.page = function () { send(['page']); };
  ttq.track = function (event) { send(['track', event]); };`);
}

/** hotjar-<id>.js: the site's settings, then Hotjar's modules. */
function hotjar(_q, rest) {
  const id = (/^(\d+)\.js/.exec(rest) ?? [])[1] ?? '0';
  return script(`
  ran('hotjar');
  w.hjSiteSettings = { site_id: ${id}, rec_value: 0, state_change_listen_mode: 'manual' };
  inject(hop('script.hotjar.com/modules.7d9b8e1c2f0a3b4c5d6e.js'));`);
}

/** Hotjar's modules: the session cookies and the visit posted to in.hotjar.com. */
function hotjarModules() {
  return script(`
  ran('hotjar-modules');
  var id = (w._hjSettings && w._hjSettings.hjid) || 0;
  keep('_hjSessionUser_' + id, rand(), 365);
  keep('_hjSession_' + id, rand(), 1 / 48);
  beacon(hop('in.hotjar.com/api/v2/client/sites/') + id + '/visit-data', { page: location.pathname });`);
}

/** Clarity's tag for a project id: loads clarity.js. */
function clarityTag(_q, rest) {
  const id = rest.replace(/[^\w-]/g, '');
  return script(`
  ran('clarity');
  inject(hop('scripts.clarity.ms/0.8.9/clarity.js') + '#' + ${JSON.stringify(id)});`);
}

/** clarity.js: _clck and _clsk, the MUID pixel and the first upload. */
function clarityScript() {
  return script(`
  ran('clarity-script');
  var user = rand().slice(0, 6);
  keep('_clck', user + '%7C2%7Cfr1%7C0%7C1', 365);
  keep('_clsk', rand().slice(0, 6) + '%7C' + Date.now() + '%7C1%7C1%7Ck.clarity.ms%2Fcollect', 1);
  pixel(hop('c.clarity.ms/c.gif'));
  beacon(hop('k.clarity.ms/collect'), { envelope: { sessionId: user } });`);
}

/** Vimeo's player API (player.js), which the embed code loads beside its iframe. */
function vimeoApi() {
  return script(`
  ran('vimeo-api');
  w.Vimeo = w.Vimeo || { Player: function (el) { this.element = el; } };`);
}

/** A script a vendor's frame loads (YouTube's base.js, Vimeo's player.js): records it in that frame. */
const frameScript = (name) => () => script(`ran(${JSON.stringify(name)});`);

/** A vendor's hidden frame (Stripe's m.stripe.network). */
const hiddenFrame = (name) => () => ({
  type: HTML,
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body>
<script>(window.__vendorRuns = window.__vendorRuns || []).push(${JSON.stringify(name)});</script></body></html>\n`,
});

/** Mailchimp's pop-up form settings: JSONP calling the callback the script named. */
const mailchimpSettings = (q) => ({
  type: JS,
  body: `typeof ${(q.get('c') ?? 'cb').replace(/\W/g, '')} === 'function' && ${(q.get('c') ?? 'cb').replace(/\W/g, '')}({ popup: false });\n`,
});

const json = () => ({ type: 'application/json; charset=utf-8', body: '{"code":0}' });

// Kept together so the routes they add stay one block (see ROUTES).
const PROOF_ROUTES = [
  ['www.googletagmanager.com/ns.html', hiddenFrame('gtm-noscript')],
  ['googleads.g.doubleclick.net/pagead/viewthroughconversion/', gif],
  ['analytics.tiktok.com/i18n/pixel/events.js', (q) => tiktokEvents(q)],
  ['analytics.tiktok.com/i18n/pixel/static/', (q) => tiktokSdk(q)],
  ['analytics.tiktok.com/api/v2/pixel', json],
  ['static.hotjar.com/c/hotjar-', hotjar],
  ['script.hotjar.com/modules', hotjarModules],
  ['in.hotjar.com/api/v2/client/sites/', json],
  ['www.clarity.ms/tag/', clarityTag],
  ['scripts.clarity.ms/', clarityScript],
  ['c.clarity.ms/c.gif', gif],
  ['k.clarity.ms/collect', json],
  ['player.vimeo.com/api/player.js', vimeoApi],
  ['www.youtube.com/s/player/', frameScript('youtube-player')],
  ['static.doubleclick.net/instream/ad_status.js', frameScript('youtube-ad-status')],
  ['i.ytimg.com/vi/', gif],
  ['f.vimeocdn.com/p/', frameScript('vimeo-player')],
  ['i.vimeocdn.com/video/', gif],
  ['fresnel.vimeocdn.com/add/player-stats', json],
  ['m.stripe.network/inner.html', hiddenFrame('stripe-m')],
  ['r.stripe.com/b', json],
  ['mc.us21.list-manage.com/signup-forms/settings', mailchimpSettings],
];

// host/path prefix → response. The first match wins.
const ROUTES = [
  // kakor scan/audit fixture (examples/scan-site/)
  ['www.googletagmanager.com/gtm.js', (q) => gtm(q)],
  ...PROOF_ROUTES,
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
  ['www.youtube-nocookie.com/embed/', (_q, rest) => player('youtube', 'YouTube', rest, youtubeFollow)],
  ['www.youtube.com/embed/', (_q, rest) => player('youtube', 'YouTube', rest, youtubeFollow)],
  ['player.vimeo.com/video/', (_q, rest) => player('vimeo', 'Vimeo', rest, vimeoFollow)],
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
