// The site's tag loader, like a tag-manager container: it is necessary and
// unmarked, and injects third-party tags at run time in the usual ways. kakor
// must hold those whose URL matches a non-granted service (CONTRACT §5.3).
(function () {
  'use strict';
  var d = document;

  // Google Analytics: createElement + appendChild, then its queued config.
  window.dataLayer = window.dataLayer || [];
  window.gtag = window.gtag || function () { window.dataLayer.push(arguments); };
  window.gtag('js', new Date());
  window.gtag('config', 'G-TEST');
  var ga = d.createElement('script');
  ga.async = true;
  ga.src = '/vendor/www.googletagmanager.com/gtag/js?id=G-TEST';
  d.head.appendChild(ga);

  // Meta Pixel: queue stub, then fbevents.js by insertBefore (which loads its config: a chain).
  var fbq = window.fbq = function () {
    fbq.callMethod ? fbq.callMethod.apply(fbq, arguments) : fbq.queue.push(arguments);
  };
  fbq.queue = [];
  fbq('init', '123456789012345');
  fbq('track', 'PageView');
  var fb = d.createElement('script');
  fb.src = '/vendor/connect.facebook.net/en_US/fbevents.js';
  var first = d.getElementsByTagName('script')[0];
  first.parentNode.insertBefore(fb, first);

  // The site's own search widget: matches no service, so it runs at once.
  var search = d.createElement('script');
  search.src = '/examples/injected-scripts/site-search.js';
  d.head.appendChild(search);

  d.addEventListener('DOMContentLoaded', function () {
    // LinkedIn: the tag by appendChild, a conversion pixel by innerHTML.
    window._linkedin_partner_id = '5551234';
    var li = d.createElement('script');
    li.src = '/vendor/snap.licdn.com/li.lms-analytics/insight.min.js';
    d.body.appendChild(li);
    d.getElementById('pixel-slot').innerHTML =
      '<img src="/vendor/px.ads.linkedin.com/collect?pid=5551234&amp;fmt=gif" alt="" width="1" height="1">';

    // YouTube: an iframe created and appended like an embed widget does.
    var video = d.createElement('iframe');
    video.className = 'video';
    video.title = 'Fem saker att kolla på visningen (YouTube)';
    video.src = '/vendor/www.youtube-nocookie.com/embed/bx-visning01';
    d.getElementById('video-slot').appendChild(video);
  });
})();
