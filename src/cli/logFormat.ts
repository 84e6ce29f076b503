// How `kakor log` prints choices and stats: CSV (RFC 4180), JSON, a text table.
import type { LoggedChoice } from '../server/logServer/choice';
import type { StatsRow } from '../server/logServer/logStore';

export const CSV_HEADER = 'consent_id,decided_at,revision,source,granted,denied,language,page_url,received_at,user_agent\r\n';

// RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading quote (OWASP "CSV injection").
const cell = (v: string | number): string => {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csvLine(c: LoggedChoice): string {
  return [c.consentId, c.decidedAt, c.revision, c.source, c.granted.join(' '), c.denied.join(' '),
    c.language, c.url, c.receivedAt, c.userAgent].map(cell).join(',') + '\r\n';
}

/** A stats row with its total and the share of each kind, in per cent with one decimal. */
export function withShares(r: StatsRow) {
  const total = r.acceptAll + r.rejectAll + r.custom;
  const share = (n: number) => (total ? Math.round((n / total) * 1000) / 10 : 0);
  return { ...r, total, acceptAllShare: share(r.acceptAll), rejectAllShare: share(r.rejectAll), customShare: share(r.custom) };
}

export function statsTable(rows: StatsRow[]): string {
  const head = ['day', 'revision', 'accept all', 'reject all', 'custom', 'total'];
  const body = rows.map(withShares).map((r) => [r.day, String(r.revision),
    `${r.acceptAll} (${r.acceptAllShare}%)`, `${r.rejectAll} (${r.rejectAllShare}%)`, `${r.custom} (${r.customShare}%)`, String(r.total)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), ...body.map(line)].join('\n') + '\n';
}

export function choiceText(c: LoggedChoice): string {
  return [
    `${c.decidedAt}  revision ${c.revision}  via ${c.source}  (${c.language}, ${c.userAgent})`,
    `  page:    ${c.url}`,
    `  granted: ${c.granted.join(', ') || '(none)'}`,
    `  denied:  ${c.denied.join(', ') || '(none)'}`,
    `  received ${c.receivedAt}`,
  ].join('\n') + '\n';
}
