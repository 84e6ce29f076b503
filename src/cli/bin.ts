#!/usr/bin/env node
// The `kakor` executable: dist/cli/kakor.js.
import { main } from './main';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
