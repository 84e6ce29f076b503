/** @jsxImportSource react */
// The page, the same on the server and in the browser: what it shows depends
// only on the choice the provider hands down (readConsent() on the server,
// then the instance init() gave).
import { useEffect } from 'react';
import { ConsentGate, useConsent, useHasConsent } from 'kakor/react';

const GTAG = '/vendor/www.googletagmanager.com/gtag/js?id=G-TEST';

function Choice() {
  const { decided, source } = useConsent();
  return <p id="choice">{decided ? `Du har gjort ett val (${source}).` : 'Du har inte gjort något val ännu.'}</p>;
}

function StatsStatus() {
  return <p>Statistik: <output id="status">{useHasConsent('analytics') ? 'på' : 'av'}</output></p>;
}

/** Rendered only once analytics is granted, so gtag.js is never asked for before. */
function Analytics() {
  useEffect(() => {
    // StrictMode runs this twice in development: the second run finds the tag and adds no other.
    if (document.querySelector(`script[src="${GTAG}"]`)) return;
    const w = window as Window & { dataLayer?: unknown[] };
    w.dataLayer = w.dataLayer || [];
    w.dataLayer.push(['js', new Date()], ['config', 'G-TEST']);
    const tag = document.createElement('script');
    tag.async = true;
    tag.src = GTAG;
    document.head.append(tag);
  }, []);
  return <p id="analytics">Google Analytics mäter besöket.</p>;
}

export function App() {
  return (
    <main>
      <h1>Kurskatalogen</h1>
      <p>Sidan renderas på servern med React och läser ditt cookieval ur cookien med <code>readConsent()</code>,
        så att det som kräver samtycke aldrig skickas till en besökare som inte har sagt ja.</p>
      <Choice />
      <StatsStatus />
      <h2>Introduktion till kursen</h2>
      {/* No fallback: the gate draws kakor's own placeholder, with a button that allows YouTube. */}
      <ConsentGate service="youtube">
        <iframe className="video" title="Introduktion till kursen (YouTube)" src="/vendor/www.youtube-nocookie.com/embed/kakor-intro"
          allow="accelerometer; encrypted-media; picture-in-picture" allowFullScreen />
      </ConsentGate>
      <h2>Besöksstatistik</h2>
      <ConsentGate category="analytics" fallback={<p id="no-analytics">Vi mäter inga besök förrän du har godkänt statistik.</p>}>
        <Analytics />
      </ConsentGate>
      <p><button type="button" data-kakor-open="">Cookieinställningar</button></p>
    </main>
  );
}
