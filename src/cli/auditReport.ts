// `kakor audit`'s results three ways: a table per page and visit for a person,
// JSON for a script (--json), JUnit XML for a CI's test report (--junit).
import { pc } from './colours';
import { VISIT_NAMES, type VisitKind } from './auditVisit';
import type { Verdict } from './judgeVisit';

export interface PageAudit {
  url: string;
  visits: ({ visit: VisitKind } & Verdict)[];
}

export interface AuditResult {
  url: string;
  /** Where the manifest came from: the file given, the page's inline manifest or data-manifest URL, or none. */
  manifest: string;
  pages: PageAudit[];
  failures: number;
  warnings: number;
  passed: boolean;
}

export function tally(url: string, manifest: string, pages: PageAudit[]): AuditResult {
  const visits = pages.flatMap((p) => p.visits);
  const failures = visits.reduce((n, v) => n + v.failures.length, 0);
  return { url, manifest, pages, failures, warnings: visits.reduce((n, v) => n + v.warnings.length, 0), passed: failures === 0 };
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function table(result: AuditResult): string {
  const lines = [`${pc.bold('kakor audit')} ${result.url} (manifest: ${result.manifest})`, ''];
  for (const page of result.pages) {
    lines.push(pc.bold(page.url));
    for (const v of page.visits) {
      const state = v.failures.length > 0 ? pc.red('FAIL') : v.warnings.length > 0 ? pc.yellow('warn') : pc.green('ok');
      lines.push(`  ${VISIT_NAMES[v.visit].padEnd(11)} ${state}`);
      lines.push(...v.failures.map((f) => `      ${pc.red('✗')} ${f}`), ...v.warnings.map((w) => `      ${pc.yellow('!')} ${w}`));
    }
  }
  const pages = count(result.pages.length, 'page');
  const visits = count(result.pages.length * 3, 'visit');
  lines.push('', result.passed
    ? pc.green(`passed: ${pages}, ${visits}, ${count(result.warnings, 'warning')}`)
    : pc.red(`failed: ${count(result.failures, 'failure')} and ${count(result.warnings, 'warning')} in ${pages}, ${visits}`), '');
  return lines.join('\n');
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
  // XML 1.0 has no place for most control characters, even escaped.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** One test suite per page, one test case per visit; warnings go to the case's system-out. */
export function junit(result: AuditResult): string {
  const cases = result.pages.length * 3;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kakor audit" tests="${cases}" failures="${result.pages.flatMap((p) => p.visits).filter((v) => v.failures.length).length}">`];
  for (const page of result.pages) {
    const failed = page.visits.filter((v) => v.failures.length > 0).length;
    out.push(`  <testsuite name="${xml(page.url)}" tests="${page.visits.length}" failures="${failed}">`);
    for (const v of page.visits) {
      out.push(`    <testcase classname="${xml(`kakor audit ${new URL(page.url).pathname}`)}" name="${xml(VISIT_NAMES[v.visit])}">`);
      if (v.failures.length > 0) {
        out.push(`      <failure message="${xml(v.failures[0])}">${xml(v.failures.join('\n'))}</failure>`);
      }
      if (v.warnings.length > 0) out.push(`      <system-out>${xml(v.warnings.map((w) => `warning: ${w}`).join('\n'))}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}
