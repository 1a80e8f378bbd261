#!/usr/bin/env node
// Thin entry into the built bundle, which `npm install` / `npm ci` build (the "prepare" script).
//
// The bundle is compiled with V8's code cache when there is one: compiling the 1 MB bundle is a
// large part of start-up, and a cache written after a real run also holds the functions that run
// compiled (the build writes one; a run writes one when it is missing). V8 rejects a cache made by
// another Node, other V8 flags or another build, and then the bundle compiles as usual and the
// cache is rewritten. Where the cache cannot be used or written, this is a plain require.
'use strict';
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'crisislint.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('crisislint: the build is missing; run "npm run build" in the crisislint folder\n');
  process.exit(2);
}
if (process.env.CRISISLINT_CODE_CACHE === '0' || !runWithCodeCache(bundle, `${bundle}.v8-cache`)) require(bundle);

function runWithCodeCache(file, cacheFile) {
  const vm = require('node:vm');
  const Module = require('node:module');
  // Without this loader, a code-cached bundle could not import() ES-module plugins (Node < 20.18).
  const dynamicImport = vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (!dynamicImport) return false;
  let cachedData;
  try {
    if (process.env.CRISISLINT_CODE_CACHE !== 'write') cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: this run writes one.
  }
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData, importModuleDynamically: dynamicImport });
  if (!cachedData || script.cachedDataRejected) {
    // Written at exit, so that it holds the functions this run compiled, not only the top level.
    process.once('exit', () => {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        // A read-only install: every run compiles, as without a cache.
      }
    });
  }
  const bundleModule = new Module(file, module);
  bundleModule.filename = file;
  bundleModule.paths = Module._nodeModulePaths(join(__dirname, '..', 'dist'));
  require.cache[file] = bundleModule;
  script.runInThisContext()(bundleModule.exports, Module.createRequire(file), bundleModule, file, join(__dirname, '..', 'dist'));
  bundleModule.loaded = true;
  return true;
}
