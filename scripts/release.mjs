// `npm run release`: the archive a site owner downloads when npm is not for them
// (issue 13): release/kakor-<version>.zip with the browser files of this build,
// their SRI hashes, the themes, the JSON Schema, a starter manifest, LICENSE and a
// README that says what to copy where. Run after `npm run build` (the npm script does).
// The archive is reproducible: entries in a fixed order with a fixed time, so the
// same build gives the same bytes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'release') } } });
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const folder = `kakor-${pkg.version}`;
// The time DOS zip entries start at: no build time in the archive.
const mtime = new Date('1980-01-01T00:00:00Z');

const read = (path) => readFileSync(join(root, path));
/** Every script a page loads by a tag, as the build hashed them (scripts/integrity.mjs). */
const integrity = JSON.parse(read('dist/integrity.json').toString());
const scripts = Object.keys(integrity);
if (!scripts.includes('kakor.js')) throw new Error('dist/integrity.json names no kakor.js: run `npm run build` first');

const manifest = JSON.parse(read('examples/script-tag/cookies.json').toString());
const starter = { $schema: './manifest.schema.json', ...manifest };

const files = {
  ...Object.fromEntries(scripts.map((name) => [`kakor/${name}`, read(`dist/${name}`)])),
  'kakor/integrity.json': read('dist/integrity.json'),
  ...Object.fromEntries(readdirSync(join(root, 'themes')).sort().map((name) => [`themes/${name}`, read(`themes/${name}`)])),
  'manifest.schema.json': read('manifest.schema.json'),
  'cookies.example.json': Buffer.from(`${JSON.stringify(starter, null, 2)}\n`),
  LICENSE: read('LICENSE'),
};
files['README.md'] = Buffer.from(readme(Object.keys(files)));

/** The archive's README: how to install, in English and Swedish, with this build's hash. */
function readme(names) {
  const tag = `<script src="/kakor/kakor.js" integrity="${integrity['kakor.js']}" crossorigin="anonymous"\n        data-manifest="/cookies.json"></script>`;
  return `# kakor ${pkg.version}

Cookie consent for Swedish sites. Full documentation: the README of the kakor
package on npm.

## Install (English)

1. Copy the folder \`kakor/\` to your site, so that \`/kakor/kakor.js\` is served.
   Keep every file in it together: \`kakor.js\` loads the other files it needs from
   the folder it was loaded from.
2. Write your manifest: start from \`cookies.example.json\`, list the cookies your
   privacy policy lists, save it as \`/cookies.json\` (an editor that reads JSON
   Schema checks it against \`manifest.schema.json\` as you type).
3. Put this tag first in \`<head>\`, before every other script:

\`\`\`html
${tag}
\`\`\`

4. Write each non-essential vendor tag as blocked markup:
   \`<script type="text/plain" data-category="analytics" src="…"></script>\`.

The \`integrity\` value is the hash of this build's \`kakor.js\`
(\`kakor/integrity.json\` lists every file's). Replace it when you update kakor.
\`themes/\` holds ready themes: link one after your own stylesheet.

## Installera (svenska)

1. Kopiera mappen \`kakor/\` till din webbplats, så att \`/kakor/kakor.js\` går att
   hämta. Håll ihop filerna i mappen: \`kakor.js\` hämtar de andra filerna därifrån.
2. Skriv ditt manifest: utgå från \`cookies.example.json\`, ta med de cookies som
   din integritetspolicy listar och spara det som \`/cookies.json\`.
3. Lägg taggen ovan först i \`<head>\`, före alla andra skript.
4. Skriv om varje tagg som inte är nödvändig till blockerad kod:
   \`<script type="text/plain" data-category="analytics" src="…"></script>\`.

Värdet i \`integrity\` hör till just den här versionens \`kakor.js\`: byt det när du
uppdaterar kakor.

## Files

${names.map((f) => `- \`${f}\``).join('\n')}
`;
}

const entries = Object.fromEntries(Object.entries(files).map(([name, data]) => [`${folder}/${name}`, [new Uint8Array(data), { mtime }]]));
mkdirSync(values.out, { recursive: true });
const zip = join(values.out, `${folder}.zip`);
writeFileSync(zip, zipSync(entries, { level: 9 }));
console.log(`${zip}: ${Object.keys(files).length} files`);
