// `npm run demo`: serves the examples on 127.0.0.1 (PORT, default 8080) after
// the build, with the proof-of-consent log server (kakor/log-server, PGlite in
// ./kakor-log or KAKOR_LOG_DATA) behind the shop's /consent-log; the fake vendors
// also answer https on TLS_PORT (default 8443) for `kakor scan`/`kakor audit` of
// examples/scan-site/. Ctrl-C stops all of it.
import { createLogHandler, openLogStore, startLogServer } from '../dist/server/log-server.js';
import { startServer } from './server.mjs';
import { hostRules, startTlsFront } from './scan-site/tlsFront.mjs';

const port = Number(process.env.PORT ?? 8080);
const logPort = Number(process.env.LOG_PORT ?? 8787);
const data = process.env.KAKOR_LOG_DATA ?? 'kakor-log';

console.log(`kakor demo: opening the consent log in ${data} …`);
const store = await openLogStore({ data });
const log = await startLogServer(createLogHandler({
  store, origins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
}), { port: logPort, host: '127.0.0.1' });
const server = await startServer({ port, host: '127.0.0.1', consentLog: log.url });
console.log(`kakor demo: ${server.origin}/`);
console.log(`kakor log-server: ${log.url} (PGlite in ${data}) receives ${server.origin}/consent-log;`
  + ` after Ctrl-C: npx kakor log stats --data ${data}`);

const front = await startTlsFront(server.origin, { port: Number(process.env.TLS_PORT ?? 8443) });
console.log(`fake vendors over https for kakor scan/audit: --insecure --chromium-arg="${hostRules(front.port)}"`);

const stop = () => Promise.all([server.close(), log.close(), front.close()]).then(() => store.close()).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
