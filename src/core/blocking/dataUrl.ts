// A `data:` URL in a frame, an <object> or an <embed> is a whole document, like
// an iframe's srcdoc: what it loads is read from its markup (CONTRACT §5.3). Its
// origin is opaque, so once it shows, nothing in it can be reached from the page.

/** The attribute by which each element shows a URL as a document of its own. */
export const DOCUMENT_URL: { [localName: string]: string | undefined } = Object.assign(Object.create(null), {
  iframe: 'src', frame: 'src', embed: 'src', object: 'data',
});

/**
 * The markup of the document a `data:` URL holds, or null when it is not a `data:`
 * URL of a document type (HTML, or any XML such as SVG; a data: image loads nothing
 * else). Decoded as the browser would, leniently: a `%` that starts no valid UTF-8
 * escape stays as written; base64 that is not shows nothing.
 */
export function dataDocument(url: string): string | null {
  const m = /^\s*data:\s*(text\/html|[^,;]*xml)\s*((?:;[^,]*)?),/i.exec(url);
  if (!m) return null;
  const payload = url.slice(m[0].length);
  if (/;\s*base64\s*$/i.test(m[2]!)) {
    try {
      return new TextDecoder().decode(Uint8Array.from(atob(decodeURIComponent(payload)), (c) => c.charCodeAt(0)));
    } catch {
      return '';
    }
  }
  return payload.replace(/(%[\da-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
