// `kakor scan`'s report, in Markdown (--report) and as JSON (--json): what was
// found and named, and what the owner must still decide before publishing.
import type { CrawlResult } from './crawl';
import type { Draft, NamedCookie } from './draftManifest';

export interface ScanSummary {
  url: string;
  pages: string[];
  skipped: CrawlResult['skipped'];
  services: { id: string; name: string; category: string; from: 'catalogue' | 'open-cookie-database' | 'session' }[];
  cookies: {
    name: string; domain: string; path: string; expires: number; setBy?: 'header' | 'script'; source?: string;
    service?: string; namedBy: NamedCookie['by'];
  }[];
  hosts: Draft['hosts'];
  /** What the owner must decide, one sentence each. */
  decide: string[];
  out?: string;
}

export function summarise(crawl: CrawlResult, draft: Draft, out?: string): ScanSummary {
  const services = (draft.manifest.services ?? []).map((s) => ({
    id: s.id, name: s.name, category: s.category,
    from: draft.guessed.includes(s.id) ? 'open-cookie-database' as const : s.id === 'site' ? 'session' as const : 'catalogue' as const,
  }));
  const cookies = draft.cookies.map(({ cookie, service, by }) => ({
    name: cookie.name, domain: cookie.domain, path: cookie.path, expires: cookie.expires,
    setBy: cookie.origin?.setBy, source: cookie.origin?.source, service, namedBy: by,
  }));
  const decide: string[] = [];
  for (const c of cookies.filter((x) => x.namedBy === 'unnamed')) {
    decide.push(`cookie ${c.name} (${c.domain}, ${c.setBy ? `set by ${c.setBy === 'header' ? 'the response of' : 'the script'} ${c.source}` : 'set by unknown means'}): find which service sets it and add it to that service's "cookies"`);
  }
  for (const h of draft.hosts.filter((x) => x.unnamed)) {
    decide.push(`third-party requests to ${h.host} (${h.types.join(', ')}, e.g. ${h.unnamed}) that no catalogue service names: add a service whose "scripts" match them, or remove them from the site`);
  }
  for (const id of draft.guessed) {
    decide.push(`service ${id} comes from the Open Cookie Database: check its category and give its cookies a Swedish purpose and duration`);
  }
  if (services.some((s) => s.from === 'session')) {
    decide.push('service site holds the site\'s session cookies as necessary: check that none of them is used for anything but the visit itself');
  }
  decide.push('add "policyUrl" (your privacy policy) and write the texts the visitor reads in Swedish and English');
  return { url: crawl.start, pages: crawl.visited, skipped: crawl.skipped, services, cookies, hosts: draft.hosts, decide, out };
}

const cell = (s: string) => s.replace(/\|/g, '\\|');
const expiry = (seconds: number) => (seconds < 0 ? 'session' : new Date(seconds * 1000).toISOString().slice(0, 10));

export function markdownReport(s: ScanSummary): string {
  const lines = [`# kakor scan of ${s.url}`, '',
    `${s.pages.length} pages visited, ${s.cookies.length} cookies, ${s.hosts.length} third-party hosts.`
      + (s.out ? ` Draft manifest: \`${s.out}\`.` : ''), ''];
  lines.push('## What the owner must decide', '', ...s.decide.map((d) => `- ${d}`), '');
  lines.push('## Services in the draft', '', '| service | name | category | named from |', '| --- | --- | --- | --- |',
    ...s.services.map((x) => `| \`${x.id}\` | ${cell(x.name)} | ${x.category} | ${x.from} |`), '');
  lines.push('## Cookies', '', '| cookie | domain | expires | set by | source | service |', '| --- | --- | --- | --- | --- | --- |',
    ...s.cookies.map((c) => `| \`${cell(c.name)}\` | ${c.domain} | ${expiry(c.expires)} | ${c.setBy ?? '?'} | ${cell(c.source ?? '')} | ${
      c.namedBy === 'kakor' ? "kakor's own consent record" : c.service ? `\`${c.service}\`` : '**not named**'} |`), '');
  lines.push('## Third-party hosts', '', '| host | resource types | first request | service |', '| --- | --- | --- | --- |',
    ...s.hosts.map((h) => `| ${h.host} | ${h.types.join(', ')} | ${cell(h.example)} | ${[h.service && `\`${h.service}\``, h.unnamed && `**not named**: ${cell(h.unnamed)}`].filter(Boolean).join(', ')} |`), '');
  lines.push('## Pages', '', ...s.pages.map((p) => `- ${p}`), ...s.skipped.map((p) => `- ${p.url}: skipped, ${p.reason}`), '');
  return lines.join('\n');
}
