/** @jsxImportSource react */
// The server half: the visitor's choice from the Cookie header, then the page
// rendered with it, so gated content is in the HTML only for a visitor who said yes.
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import type { ConsentState } from 'kakor';
import { ConsentProvider } from 'kakor/react';
import { readConsent } from 'kakor/server';
import manifest from '../cookies.json';
import { App } from './App';

/** The page's HTML for one request, and the choice it was rendered with (the browser hydrates with the same). */
export function render(cookieHeader: string | undefined): { html: string; serverConsent: ConsentState } {
  const serverConsent = readConsent(cookieHeader, manifest);
  const html = renderToString(
    <StrictMode>
      <ConsentProvider consent={null} serverConsent={serverConsent} manifest={manifest}><App /></ConsentProvider>
    </StrictMode>,
  );
  return { html, serverConsent };
}
