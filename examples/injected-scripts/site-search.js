// The site's own search widget, injected by tag-loader.js. It matches no
// service in the manifest, so kakor lets it run at once.
(window.__vendorRuns = window.__vendorRuns || []).push('site-search');
