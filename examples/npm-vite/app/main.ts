// An app that installs kakor from npm: init() mounts the dialog and resolves
// once the manifest is applied; the app follows choices through on('change').
import { init, type Manifest } from 'kakor';

const manifest: Manifest = {
  revision: 1,
  policyUrl: '/integritetspolicy',
  categories: ['necessary', 'analytics'],
  services: [{
    id: 'google-analytics', name: 'Google Analytics', category: 'analytics',
    cookies: [{ name: '_ga' }, { name: '/^_ga_/' }, { name: '_gid' }],
    scripts: ['googletagmanager.com/gtag/js', 'google-analytics.com'],
  }],
};

const consent = await init({ manifest, lang: 'auto' });
const status = document.getElementById('status')!;
const show = () => {
  status.textContent = consent.hasConsent('analytics') ? 'på' : 'av';
};
consent.on('change', show);
if (consent.getConsent().decided) show();
Object.assign(window, { kakor: consent });
