// Preloaded with `node --require` by bench/run.mjs into both linters: when the process exits,
// however it exits, writes its peak resident memory (KiB, all threads) and CPU time (ms, all
// threads) to the file named by BENCH_USAGE_FILE.
'use strict';
const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    require('node:fs').writeFileSync(file, JSON.stringify({ maxRSS: usage.maxRSS, cpuMs }));
  });
}
