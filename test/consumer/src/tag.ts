// The self-starting script build, bundled: it sets window.kakor and exports nothing.
import 'kakor/kakor.js';

window.kakor.on('ready', ({ consent }) => console.log(consent.decided));
