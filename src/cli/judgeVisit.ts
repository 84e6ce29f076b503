// What `kakor audit` makes of one visit (issue 9 item 4). Before consent and
// after "reject all" only the required category is granted: a request to any
// other service's host, a third-party request no necessary service declares,
// or a cookie no granted service declares fails. After "accept all" an
// undeclared cookie or host is a warning: it loaded with consent, but the
// visitor was never told of it.
import { matchService } from '../core/blocking/matchUrl';
import type { ResolvedManifest, Service } from '../core/types';
import type { VisitRecord } from './auditVisit';
import { isThirdParty } from './siteScope';
import type { SeenCookie } from './traffic';

export interface Verdict {
  failures: string[];
  warnings: string[];
}

const declares = (service: Service, name: string) =>
  service.cookies.some((c) => (c.pattern ? name.search(c.pattern) > -1 : c.name === name));

const setBy = (c: SeenCookie) =>
  c.origin ? `, set by ${c.origin.setBy === 'header' ? 'the response of' : 'the script'} ${c.origin.source}` : '';

/** Requests grouped by host and what they are: one line per host, however many requests. */
function group(lines: Map<string, { text: string; count: number; example: string }>, key: string, text: string, url: string) {
  const seen = lines.get(key);
  if (seen) seen.count++;
  else lines.set(key, { text, count: 1, example: url });
}

export function judgeVisit(visit: VisitRecord, manifest: ResolvedManifest | null, siteHost: string): Verdict {
  const verdict: Verdict = { failures: [], warnings: [] };
  const services = manifest?.services ?? [];
  const required = new Set((manifest?.categories ?? []).filter((c) => c.required).map((c) => c.id));
  const consented = visit.kind === 'accept';
  const granted = (s: Service) => consented || required.has(s.category);
  const problems = consented ? verdict.warnings : verdict.failures;
  if (visit.choiceProblem) verdict.failures.push(visit.choiceProblem);

  const requests = new Map<string, { text: string; count: number; example: string }>();
  for (const request of visit.requests) {
    const id = matchService(request.url, services);
    const service = services.find((s) => s.id === id);
    if (service && !granted(service)) {
      group(requests, `${request.host} ${service.id}`, `request to ${request.host} (${service.id}, ${service.category}, not granted)`, request.url);
    } else if (!service && isThirdParty(request.url, siteHost)) {
      group(requests, request.host, consented
        ? `request to ${request.host} that no service in the manifest declares`
        : `third-party request to ${request.host} that no necessary service declares`, request.url);
    }
  }
  for (const { text, count, example } of requests.values()) {
    problems.push(`${text}: ${count === 1 ? example : `${count} requests, the first ${example}`}`);
  }

  for (const cookie of visit.cookies) {
    if (manifest && cookie.name === manifest.cookie.name) continue;
    const owner = services.find((s) => declares(s, cookie.name));
    if (owner && granted(owner)) continue;
    const where = `${cookie.name} (${cookie.domain}${setBy(cookie)})`;
    if (owner) problems.push(`cookie ${where} belongs to ${owner.id} (${owner.category}), not granted`);
    else problems.push(`cookie ${where} that no ${consented ? '' : 'granted '}service declares`);
  }
  return verdict;
}
