// The README's per-vendor table, from what the proof test measured, and the
// place in README.md it lives (between two markers).
import type { Form, ProofVendor } from '../../../examples/vendor-proof/build.mjs';
import type { Recorded } from './measure';

export const START = '<!-- vendor-proof:start -->';
export const END = '<!-- vendor-proof:end -->';

export interface Row {
  vendor: ProofVendor;
  form: Form;
  /** Requests of a visit without a click. */
  before: Recorded[];
  /** Requests after clicking "reject all", on that page and the next one. */
  afterReject: Recorded[];
  /** Requests after clicking "accept all". */
  afterAccept: Recorded[];
  /** URLs written in the page's own tags: what the preload scanner and the parser fetch. */
  tagUrls: Set<string>;
  /** What of `vendor.works` was missing after accept (empty: it worked). */
  missing: string[];
}

const FORM_LABEL: Record<Form, string> = {
  raw: 'as the vendor says (raw)',
  blocked: 'blocked markup',
};

/** `0`, or the count and the hosts; requests for a tag written in the HTML say so. */
export function requestCell(requests: Recorded[], tagUrls: Set<string>): string {
  if (!requests.length) return '0';
  const groups = new Map<string, number>();
  for (const r of requests) {
    const fromTag = r.phase !== 'after-click' && tagUrls.has(r.url);
    const key = `${r.host}${fromTag ? ' (HTML tag)' : ''}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  // Sorted: the order requests start in varies from run to run, the table must not.
  const hosts = [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, n]) => (n > 1 ? `${key} ×${n}` : key));
  return `${requests.length}: ${hosts.join(', ')}`;
}

function workedCell(row: Row): string {
  if (row.missing.length) return `**no**, missing ${row.missing.join(', ')}`;
  const { cookies, note } = row.vendor.works;
  return `yes: ${[note, ...cookies.map((c) => `\`${c}\``)].filter(Boolean).join(', ')}`;
}

/** The Markdown table, one row per vendor and form. */
export function renderTable(rows: Row[]): string {
  const lines = [
    '| vendor | pasted | before any choice | after reject (and next page) | after accept | worked after accept |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    lines.push(`| ${row.vendor.name} | ${FORM_LABEL[row.form]} | ${requestCell(row.before, row.tagUrls)} | `
      + `${requestCell(row.afterReject, row.tagUrls)} | ${requestCell(row.afterAccept, row.tagUrls)} | ${workedCell(row)} |`);
  }
  return lines.join('\n');
}

/** The text between the markers, or null when README.md has none. */
export function readSection(readme: string): string | null {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  return a < 0 || b < a ? null : readme.slice(a + START.length, b).trim();
}

export function writeSection(readme: string, table: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} section`);
  return `${readme.slice(0, a + START.length)}\n${table}\n${readme.slice(b)}`;
}
