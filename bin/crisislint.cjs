#!/usr/bin/env node
// Thin entry into the built bundle, which `npm install` / `npm ci` build (the "prepare" script).
// (A V8 code cache for the bundle saved about 30 ms of start-up, but on Node 20 a script compiled
// from a code cache loses its dynamic-import callback, so ES-module plugins could not load: see
// bench/RESULTS.md.)
'use strict';
try {
  require.resolve('../dist/crisislint.cjs');
} catch {
  process.stderr.write('crisislint: the build is missing; run "npm run build" in the crisislint folder\n');
  process.exit(2);
}
require('../dist/crisislint.cjs');
