/** @jsxImportSource react */
// The browser half: kakor first (init() before any vendor code), then React
// hydrates the server's markup with the choice the server rendered it with.
import { init, type ConsentState } from 'kakor';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { ConsentProvider } from 'kakor/react';
import manifest from '../cookies.json';
import { App } from './App';

const consent = await init({ manifest });
// The demo's live panel and the tests read it; an app needs no global.
Object.assign(window, { kakor: consent });

// The same value as on the server, so the first render matches its markup;
// from then on the tree follows the instance.
const serverConsent: ConsentState = JSON.parse(document.getElementById('server-consent')!.textContent!);
hydrateRoot(
  document.getElementById('root')!,
  <StrictMode>
    <ConsentProvider consent={consent} serverConsent={serverConsent} manifest={manifest}><App /></ConsentProvider>
  </StrictMode>,
);
