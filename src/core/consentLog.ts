// Proof of consent (CONTRACT §3): each saved choice is POSTed to the manifest's
// consentLog.endpoint. A failure is logged and never holds the visitor up.
import type { Env } from './env';
import type { ConsentState, Lang } from './types';

export function postConsentLog(env: Env, endpoint: string, state: ConsentState, lang: Lang): void {
  const loc = env.window.location;
  const granted: string[] = [];
  const denied: string[] = [];
  // Category and service ids never clash (the manifest check sees to it).
  const ids = { ...state.categories, ...state.services };
  for (const id in ids) (ids[id] ? granted : denied).push(id);
  const body = {
    consentId: state.id,
    decidedAt: state.decidedAt,
    revision: state.revision,
    source: state.source,
    granted,
    denied,
    language: lang,
    url: loc.origin + loc.pathname,
  };
  const failed = (why: string) => env.console.error(`kakor: consentLog.endpoint: POST to ${endpoint} failed (${why})`);
  try {
    env.fetch(endpoint, {
      method: 'POST', keepalive: true, body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }).then((res) => { if (!res.ok) failed(`HTTP ${res.status}`); }, (e: Error) => failed(e.message));
  } catch (e) {
    failed((e as Error).message);
  }
}
