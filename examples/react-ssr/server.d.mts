// Types for server.mjs, so the TypeScript browser test can render the page in Node.
export function renderPage(cookieHeader: string | undefined): Promise<string>;
