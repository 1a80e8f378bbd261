#!/usr/bin/env node
// Thin entry into the built bundle, which `npm install` / `npm ci` build (the "prepare" script).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'crisislint.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('crisislint: the build is missing; run "npm run build" in the crisislint folder\n');
  process.exit(2);
}
require('./load-bundle.cjs').loadBundle(bundle);
