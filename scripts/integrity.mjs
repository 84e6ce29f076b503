// Writes dist/integrity.json: the Subresource Integrity hash of each script a
// site owner loads by a tag (dist/*.js), for `<script integrity="…" crossorigin>`
// from a CDN or a copy; prints one line per file so a release note can quote it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const hashes = {};
for (const name of readdirSync(dist).filter((f) => f.endsWith('.js')).sort()) {
  hashes[name] = `sha384-${createHash('sha384').update(readFileSync(new URL(name, dist))).digest('base64')}`;
  console.log(`dist/${name} integrity="${hashes[name]}"`);
}
writeFileSync(new URL('integrity.json', dist), `${JSON.stringify(hashes, null, 2)}\n`);
