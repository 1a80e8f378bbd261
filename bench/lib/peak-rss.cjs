// Preloaded with `node --require` by bench/run.mjs: writes the process's peak resident memory
// (all threads, in KiB) to the file named by BENCH_RSS_FILE when it exits, however it exits.
'use strict';
const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
