import { consentReady } from './consent';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsentGate, ConsentProvider, useConsent, useHasConsent } from 'kakor/react';
import type { ConsentState } from 'kakor';

function Status() {
  const state: ConsentState = useConsent();
  const analytics: boolean = useHasConsent('analytics');
  return <p>{state.decided ? `Statistik: ${analytics ? 'på' : 'av'}` : 'Inget val ännu'}</p>;
}

function App() {
  return (
    <main>
      <Status />
      <ConsentGate service="youtube" fallback={<p>Filmen visas när du tillåter YouTube.</p>}>
        <iframe title="Film" src="https://www.youtube-nocookie.com/embed/x" />
      </ConsentGate>
      <ConsentGate category="analytics"><p>Statistik körs.</p></ConsentGate>
    </main>
  );
}

const consent = await consentReady;
window.addEventListener('kakor:change', (e) => console.log(e.detail.granted, e.detail.revoked));
createRoot(document.getElementById('root')!).render(
  <StrictMode><ConsentProvider consent={consent}><App /></ConsentProvider></StrictMode>,
);
