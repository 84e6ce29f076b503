// `npm run demo`: serves the examples on 127.0.0.1 (PORT, default 8080) after
// the build, and prints where. Ctrl-C stops it.
import { startServer } from './server.mjs';

const port = Number(process.env.PORT ?? 8080);
const server = await startServer({ port, host: '127.0.0.1' });
console.log(`kakor demo: ${server.origin}/`);
process.on('SIGINT', () => server.close().then(() => process.exit(0)));
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
