// Writes cookies.json, the trimmed copy of the Open Cookie Database that kakor
// ships, from the CSV snapshot: node catalogue/open-cookie-database/trim.mjs <csv>
// Only the columns lookupCookie() reads are kept; NOTICE says what changed.
import { readFileSync, writeFileSync } from 'node:fs';

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const [header, ...rows] = parseCsv(readFileSync(process.argv[2], 'utf8'));
const col = (name) => header.indexOf(name);
const pick = {
  name: col('Cookie / Data Key name'), platform: col('Platform'), category: col('Category'),
  domain: col('Domain'), description: col('Description'), retention: col('Retention period'), wildcard: col('Wildcard match'),
};
if (Object.values(pick).includes(-1)) throw new Error(`unexpected columns: ${header.join(', ')}`);

const cookies = rows
  .filter((r) => r.length === header.length && r[pick.name].trim())
  .map((r) => [
    r[pick.name].trim(), r[pick.platform].trim(), r[pick.category].trim(), r[pick.domain].trim(),
    r[pick.description].trim(), r[pick.retention].trim(), r[pick.wildcard].trim() === '1' ? 1 : 0,
  ]);

const out = {
  source: 'Open Cookie Database, https://github.com/jkwakman/Open-Cookie-Database, commit 0ee5a17fe1cb (2026-01-21), Apache License 2.0',
  columns: ['name', 'platform', 'category', 'domain', 'description', 'retention', 'wildcard'],
  cookies,
};
writeFileSync(new URL('cookies.json', import.meta.url), JSON.stringify(out).replace(/\],\[/g, '],\n[') + '\n');
console.log(`${cookies.length} cookies of ${rows.length} rows`);
