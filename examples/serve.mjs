// `npm run demo`: serves the examples on 127.0.0.1 (PORT, default 8080) after
// the build, and prints where; the fake vendors also answer https on TLS_PORT
// (default 8443) for `kakor scan`/`kakor audit` of examples/scan-site/. Ctrl-C stops it.
import { startServer } from './server.mjs';
import { hostRules, startTlsFront } from './scan-site/tlsFront.mjs';

const port = Number(process.env.PORT ?? 8080);
const server = await startServer({ port, host: '127.0.0.1' });
const front = await startTlsFront(server.origin, { port: Number(process.env.TLS_PORT ?? 8443) });
console.log(`kakor demo: ${server.origin}/`);
console.log(`fake vendors over https for kakor scan/audit: --insecure --chromium-arg="${hostRules(front.port)}"`);
const stop = () => Promise.all([server.close(), front.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
