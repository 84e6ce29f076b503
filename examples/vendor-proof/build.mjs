// Builds the vendor proof's pages from the snippets: for each vendor in
// vendors.json, <id>/raw.html (its install code as the vendor gives it) and
// <id>/blocked.html (the same as kakor's blocked markup), each with an inline
// manifest declaring that vendor's services, plus index.html linking them.
// `node examples/vendor-proof/build.mjs` writes them; the proof test checks
// that the files on disk are what this builds.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

export const FORMS = /** @type {const} */ (['raw', 'blocked']);

const FORM_TEXT = {
  raw: {
    title: 'som leverantören skriver det',
    lead: 'Installationskoden är inklistrad precis som leverantören anger den. kakor hindrar skripten från att köra '
      + 'före samtycke, men taggar som står i HTML:en hämtas av webbläsarens förladdare innan något skript hinner agera.',
  },
  blocked: {
    title: 'som blockerad märkning',
    lead: 'Samma installationskod skriven som kakors blockerade märkning (<code>type="text/plain"</code> och '
      + '<code>data-src</code>), så som <code>kakor/rewrite</code> skriver den på servern: inget hämtas före samtycke.',
  },
};

/** vendors.json's list. */
export function readVendors() {
  return JSON.parse(readFileSync(join(HERE, 'vendors.json'), 'utf8')).vendors;
}

/** The snippet of one vendor in one form, split where it goes: `<head>` and just after `<body>`. */
export function readSnippet(id, form) {
  const text = readFileSync(join(HERE, 'snippets', `${id}.${form}.html`), 'utf8');
  const [head, body = ''] = text.split('<!-- body -->\n');
  return { head: head.trimEnd(), body: body.trimEnd() };
}

/** The manifest of a vendor's pages: its services, and only the categories they use. */
export function manifestFor(vendor) {
  const used = [...new Set(vendor.services.map((s) => s.category))];
  const categories = ['necessary', ...used.map((id) => (vendor.category?.id === id ? vendor.category : id))];
  return { revision: 1, defaultLanguage: 'sv', policyUrl: '/integritetspolicy', categories, services: vendor.services };
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page({ title, description, manifest, head = '', body = '', main, source }) {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<!-- Built by examples/vendor-proof/build.mjs${source ? ` from ${source}` : ''}: edit that, not this file. -->
<script type="application/json" id="kakor-manifest">
${JSON.stringify(manifest, null, 2)}
</script>
<script src="/dist/kakor.js"></script>
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<meta name="description" content="${escape(description)}">
<link rel="stylesheet" href="/examples/examples.css">
<script src="/examples/panel.js" defer></script>
${head ? `<!-- The vendor's snippet -->\n${head}\n` : ''}</head>
<body>
${body ? `${body}\n` : ''}<header class="site">
  <a class="brand" href="/examples/vendor-proof/">Leverantörsbeviset</a>
</header>
<main>
${main}
</main>
<footer class="site">
  <p><a href="/integritetspolicy">Integritetspolicy</a></p>
  <button type="button" class="secondary" data-kakor-open>Cookieinställningar</button>
</footer>
</body>
</html>
`;
}

function vendorPage(vendor, form) {
  const { head, body } = readSnippet(vendor.id, form);
  const text = FORM_TEXT[form];
  const other = form === 'raw' ? 'blocked' : 'raw';
  return page({
    title: `${vendor.name}, ${text.title} – kakor`,
    description: `${vendor.name}: ${text.title}.`,
    manifest: manifestFor(vendor),
    head,
    body,
    source: `snippets/${vendor.id}.${form}.html`,
    main: `  <h1>${escape(vendor.name)}, ${text.title}</h1>
  <p class="lead">${text.lead}</p>
  <p><a href="${other}.html">Samma leverantör ${FORM_TEXT[other].title}</a></p>`,
  });
}

function indexPage(vendors) {
  const rows = vendors.map((v) => `    <li>${escape(v.name)}: <a href="${v.id}/raw.html">som leverantören skriver det</a>`
    + ` · <a href="${v.id}/blocked.html">som blockerad märkning</a></li>`).join('\n');
  return page({
    title: 'Leverantörsbeviset – kakor',
    description: 'Vanliga leverantörers installationskod, inklistrad som leverantören anger den och som blockerad märkning: det README:s tabell är mätt på.',
    manifest: { revision: 1, defaultLanguage: 'sv', policyUrl: '/integritetspolicy', categories: ['necessary'], services: [] },
    main: `  <h1>Leverantörsbeviset</h1>
  <p class="lead">Varje leverantör har två sidor: installationskoden som leverantören anger den, och samma kod som
    kakors blockerade märkning. Testet <code>test/browser/vendor-proof.test.ts</code> besöker dem med leverantörernas
    värdnamn omdirigerade till attrapperna i <code>examples/vendors.mjs</code> och skriver tabellen i README.</p>
  <p>Öppnar du en sida här i en vanlig webbläsare går dess förfrågningar till de riktiga leverantörerna (med test-id:n).</p>
  <ul>
${rows}
  </ul>`,
  });
}

/** Every page, as path under examples/vendor-proof/ → HTML. */
export function buildPages() {
  const vendors = readVendors();
  const pages = new Map([['index.html', indexPage(vendors)]]);
  for (const vendor of vendors) {
    for (const form of FORMS) pages.set(`${vendor.id}/${form}.html`, vendorPage(vendor, form));
  }
  return pages;
}

/** Writes every page; returns their paths. */
export function writePages() {
  const pages = buildPages();
  for (const [path, html] of pages) {
    mkdirSync(dirname(join(HERE, path)), { recursive: true });
    writeFileSync(join(HERE, path), html);
  }
  return [...pages.keys()];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`wrote ${writePages().length} pages under examples/vendor-proof/`);
}
