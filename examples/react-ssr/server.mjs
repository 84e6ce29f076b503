// Serves the page: render() from the server build, with the visitor's Cookie
// header, put into index.html with the choice it was rendered with.
import { readFile } from 'node:fs/promises';

const built = new URL('./dist/server/entry-server.js', import.meta.url);

/** The page for a request with this Cookie header; throws when the example is not built. */
export async function renderPage(cookieHeader) {
  const [{ render }, template] = await Promise.all([
    import(built.href).catch(() => {
      throw new Error('examples/react-ssr is not built: run `npm run build`');
    }),
    readFile(new URL('./index.html', import.meta.url), 'utf8'),
  ]);
  const { html, serverConsent } = render(cookieHeader);
  // `<` escaped so no value can close the script element it sits in.
  const json = JSON.stringify(serverConsent).replace(/</g, '\\u003c');
  return template.replace('<!--ssr-html-->', () => html).replace('<!--ssr-consent-->', () => json);
}
