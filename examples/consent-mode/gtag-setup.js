// The site's own gtag set-up, as Google's snippet writes it: it only queues
// commands in dataLayer. kakor has already queued the consent default ahead of them.
window.dataLayer = window.dataLayer || [];
function gtag() { window.dataLayer.push(arguments); }
gtag('js', new Date());
gtag('config', 'G-TEST');
gtag('config', 'AW-TEST');
