#!/usr/bin/env node
// Thin entry into the built bundle, which `npm install` / `npm ci` build (the "install" script,
// scripts/install.mjs).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'crisislint.cjs');
if (!existsSync(bundle)) {
  // npm skips install scripts with --ignore-scripts (and may ask to allow them, allow-scripts).
  process.stderr.write(`crisislint: the build is missing; run "node scripts/install.mjs" in ${join(__dirname, '..')} (npm did not run crisislint's install script)\n`);
  process.exit(2);
}
const argv = process.argv.slice(2);
const cold = () => {
  const loader = require('./load-bundle.cjs');
  loader.prestartWorker(argv);
  loader.loadBundle(bundle);
};
// CRISISLINT_DAEMON=1: a warm server runs the command when one answers (src/daemon/client.cjs).
if (process.env.CRISISLINT_DAEMON === '1' && !argv.some((a) => a === '--daemon' || a.startsWith('--daemon='))) {
  require('../src/daemon/client.cjs')
    .runOnServer(argv, join(__dirname, '..'))
    .then((served) => served || cold(), cold);
} else cold();
