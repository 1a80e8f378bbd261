#!/usr/bin/env node
// Thin entry into the built bundle, which `npm install` / `npm ci` build (the "prepare" script).
'use strict';
try {
  require.resolve('../dist/crisislint.cjs');
} catch {
  process.stderr.write('crisislint: the build is missing; run "npm run build" in the crisislint folder\n');
  process.exit(2);
}
require('../dist/crisislint.cjs');
