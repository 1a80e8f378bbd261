#!/usr/bin/env node
// crisislint's benchmark, side by side with write-good (the regex-only linter a user would
// otherwise pick), in one run: each case alternates the two tools run for run and reports medians,
// so both meet the same machine load. Both are run as a user runs them: their bin scripts, in a
// fresh process, with the same files (write-good takes files, not folders, so it gets the list).
//
//   npm run bench                      every case (several minutes on 2 cores)
//   npm run bench -- --quick           the targets only, 3 runs each (small, corpus, daemon,
//                                      cache, instructions): about two minutes on 2 quiet cores
//   npm run bench -- --runs 3          fewer runs per case (default: 15 small, 5 corpus)
//   npm run bench -- --only small,corpus   some cases: small, corpus, daemon, cache, instructions,
//                                      workers, scaling, phases
//   npm run bench -- --json out.json   also write the numbers as JSON
//
// Two environments: the one given, and the same without NODE_EXTRA_CA_CERTS when it is set (Node
// 20 parses that certificate file at every start, about 30 ms that both tools pay and that would
// flatter crisislint's ratios). Where valgrind is installed, instructions are counted too
// (callgrind, every thread): unlike wall time they do not depend on what else the machine runs.
// The daemon case runs crisislint through its warm server (CRISISLINT_DAEMON=1), started in a
// private temporary folder and stopped at the end.
//
// Needs `npm ci` (write-good is a dev dependency) and the built CLI (`npm run build`, run by
// `npm ci`). Reads ../shared/corpus/github-md unless --corpus DIR is given.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const quick = args.includes('--quick');
const runsFlag = flag('runs') ? Number(flag('runs')) : quick ? 3 : undefined;
const only = flag('only')?.split(',') ?? (quick ? ['small', 'corpus', 'daemon', 'cache', 'instructions'] : undefined);
const wanted = (name) => !only || only.includes(name);
const corpus = resolve(flag('corpus') ?? '../shared/corpus/github-md');
const smallFile = join(corpus, '10014951.md');

const CRISISLINT = join(root, 'bin/crisislint.cjs');
const WRITE_GOOD = join(root, 'node_modules/write-good/bin/write-good.js');
const USAGE = join(root, 'bench/lib/usage.cjs');
if (!existsSync(join(root, 'dist/crisislint.cjs'))) fail('dist/crisislint.cjs is missing: run "npm run build" first');
if (!existsSync(WRITE_GOOD)) fail('write-good is missing: run "npm ci" first (it is a dev dependency)');
if (!existsSync(smallFile)) fail(`no corpus at ${corpus} (give --corpus DIR)`);

const work = mkdtempSync(join(tmpdir(), 'crisislint-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const corpusFiles = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort().map((f) => join(corpus, f));
const corpusBytes = corpusFiles.reduce((n, f) => n + statSync(f).size, 0);

// "Every rule on": rules whose default severity is off are switched on for the run.
const ruleList = spawnSync(process.execPath, [CRISISLINT, '--no-config', '--list-rules'], { encoding: 'utf8' }).stdout;
const ruleIds = ruleList.split('\n').filter(Boolean).map((line) => line.split(/\s+/));
const everyRule = ruleIds.filter(([, , severity]) => severity === 'off').flatMap(([id]) => ['--rule', `${id}=warning`]);
const crisislintArgs = ['--no-config', '--format', 'json', ...everyRule];

const results = { date: new Date().toISOString(), machine: machine(), rules: ruleIds.length, cases: {} };
const load = [loadavg()[0]];
print(`crisislint benchmark, ${results.date.slice(0, 10)}`);
print(`machine: ${results.machine}`);
print(`crisislint ${pkgVersion('.')} (${ruleIds.length} rules, all on), write-good ${pkgVersion('node_modules/write-good')}, compromise ${pkgVersion('node_modules/compromise')}`);
print(`corpus: ${corpusFiles.length} files, ${(corpusBytes / 1e6).toFixed(1)} MB (${corpus})\n`);

// The environments: as given, and without the certificate file when one is set.
const ENVIRONMENTS = [{ name: 'as given', env: process.env }];
if (process.env.NODE_EXTRA_CA_CERTS) {
  ENVIRONMENTS[0].name = 'as given (with NODE_EXTRA_CA_CERTS)';
  const { NODE_EXTRA_CA_CERTS: _unused, ...without } = process.env;
  ENVIRONMENTS.push({ name: 'without NODE_EXTRA_CA_CERTS', env: without });
}
// The warm server's socket folder (src/daemon/client.cjs uses the temporary folder).
const DAEMON_ENV = { TMPDIR: join(work, 'daemon'), CRISISLINT_DAEMON_AUTOSTART: '0', CRISISLINT_DAEMON_IDLE_MINUTES: '10' };
mkdirSync(DAEMON_ENV.TMPDIR, { mode: 0o700 });

/** One run of a bin in a fresh process: wall time, and CPU time and peak memory from usage.cjs. */
function run(bin, binArgs, { expect = [0, 1], env = {}, base = process.env } = {}) {
  const usageFile = join(work, 'usage.json');
  rmSync(usageFile, { force: true });
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--require', USAGE, bin, ...binArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...base, ...env, BENCH_USAGE_FILE: usageFile, FORCE_COLOR: '0' },
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - started;
  if (expect && !expect.includes(child.status)) fail(`${bin} ${binArgs.slice(0, 6).join(' ')} … exited ${child.status}: ${String(child.stderr).slice(0, 500)}`);
  const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) : {};
  return { ms, cpuMs: usage.cpuMs, rssMB: usage.maxRSS / 1024 };
}

/** Alternates two commands run for run (ABBA…) and returns the medians of each. */
function sideBySide(a, b, runs, warmups = 1) {
  for (let i = 0; i < warmups; i++) (a(), b());
  const ra = [];
  const rb = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) (ra.push(a()), rb.push(b()));
    else (rb.push(b()), ra.push(a()));
  }
  return { a: summary(ra), b: summary(rb) };
}

function summary(list) {
  // Peak memory is each run's own peak, median over runs like the times (one run slowed by a
  // busy machine or a rebuild elsewhere does not decide it).
  return { ms: median(list.map((r) => r.ms)), cpuMs: median(list.map((r) => r.cpuMs)), rssMB: median(list.map((r) => r.rssMB)), runs: list.length };
}

const targets = [];
function target(name, value, limit, unit) {
  const met = value <= limit;
  targets.push({ name, value, limit, unit, met });
  return met ? 'met' : 'NOT MET';
}

/** Side by side in each environment; the first (the bench environment) decides the targets. */
function pairCase(key, title, runs, crisislintRun, writeGoodRun, warmups, limit) {
  results.cases[key] = {};
  ENVIRONMENTS.forEach(({ name, env }, i) => {
    const { a, b } = sideBySide(() => crisislintRun(env), () => writeGoodRun(env), runs, warmups);
    results.cases[key][name] = { crisislint: a, writeGood: b, ratio: a.ms / b.ms };
    print(`${title}, median of ${runs} alternating runs, environment ${name}`);
    table([
      ['', 'wall', 'CPU', 'peak memory'],
      ['crisislint', s(a.ms), s(a.cpuMs), mb(a.rssMB)],
      ['write-good', s(b.ms), s(b.cpuMs), mb(b.rssMB)],
      ['ratio', x(a.ms / b.ms), x(a.cpuMs / b.cpuMs), ''],
    ]);
    if (i === 0) print(`target: crisislint <= ${limit.toFixed(2)} x write-good: ${target(title.replace(/ \(.*\)$/, ''), a.ms / b.ms, limit, 'x')}`);
    if (i === 0 && key === 'corpus') print(`target: peak memory <= 250 MB: ${target('corpus peak memory', a.rssMB, 250, 'MB')}`);
    print('');
  });
}

if (wanted('small')) {
  pairCase('small', `one small file, cold (${smallFile.split('/').pop()})`, runsFlag ?? 15, (base) => run(CRISISLINT, [...crisislintArgs, smallFile], { base }), (base) => run(WRITE_GOOD, [smallFile], { expect: null, base }), 2, 2.0);
}

if (wanted('corpus')) {
  pairCase('corpus', `corpus, cold, every rule on (${corpusFiles.length} files)`, runsFlag ?? 5, (base) => run(CRISISLINT, [...crisislintArgs, corpus], { base }), (base) => run(WRITE_GOOD, corpusFiles, { expect: null, base }), 1, 1.4);
}

if (wanted('daemon')) {
  // The warm server, started once (in the given environment); each client run is a fresh process.
  const daemonEnv = { ...DAEMON_ENV, CRISISLINT_DAEMON: '1' };
  const control = (action) => spawnSync(process.execPath, [CRISISLINT, '--daemon', action], { env: { ...process.env, ...DAEMON_ENV }, encoding: 'utf8' });
  control('start');
  const served = () => Number(/(\d+) requests?/.exec(control('status').stdout)?.[1] ?? -1);
  const before = served();
  pairCase('daemonSmall', 'one small file, warm server (CRISISLINT_DAEMON=1)', runsFlag ?? 15, (base) => run(CRISISLINT, [...crisislintArgs, smallFile], { base, env: daemonEnv }), (base) => run(WRITE_GOOD, [smallFile], { expect: null, base }), 2, 0.7);
  pairCase('daemonCorpus', 'corpus, repeated on the warm server', runsFlag ?? 5, (base) => run(CRISISLINT, [...crisislintArgs, corpus], { base, env: daemonEnv }), (base) => run(WRITE_GOOD, corpusFiles, { expect: null, base }), 1, 0.35);
  const after = served();
  print(`the server answered ${after - before} requests (a cold fallback would not count); memory above is the client's\n`);
  if (after < 0 || after - before < 2) fail('the warm server did not answer: the daemon figures above are cold runs');
  control('stop');
}

if (wanted('workers')) {
  const runs = runsFlag ?? 5;
  const { a, b } = sideBySide(() => run(CRISISLINT, [...crisislintArgs, '--workers', '1', corpus]), () => run(CRISISLINT, [...crisislintArgs, '--workers', '0', corpus]), runs);
  results.cases.workers = { oneWorker: a, none: b, ratio: a.ms / b.ms };
  print(`corpus with one worker thread against none (--workers auto starts one per idle core beyond the first: ${availableParallelism()} cores here), median of ${runs}`);
  table([
    ['', 'wall', 'CPU', 'peak memory'],
    ['--workers 1', s(a.ms), s(a.cpuMs), mb(a.rssMB)],
    ['--workers 0', s(b.ms), s(b.cpuMs), mb(b.rssMB)],
    ['ratio', x(a.ms / b.ms), x(a.cpuMs / b.cpuMs), ''],
  ]);
  print('');
}

if (wanted('instructions')) {
  // Instructions (every thread) are the same on a busy or a quiet machine, unlike wall time.
  const valgrind = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  if (valgrind.status !== 0) print('instructions: valgrind is not installed; skipped\n');
  else {
    // V8 draws a random hash seed at every start and searches primes from it
    // (HashSeed::InitializeRoots -> detail::sprp): 4-19 M instructions that differ from run to
    // run, as much as the daemon client's whole margin. The counts leave that search out, from
    // callgrind's own profile (callgrind_annotate comes with valgrind); the rest repeats to ±0.3 M.
    const profile = join(work, 'callgrind.out');
    const seedSearch = () => {
      const annotated = spawnSync('callgrind_annotate', ['--inclusive=yes', '--threshold=100', profile], { encoding: 'utf8', maxBuffer: 256 << 20 });
      const m = /^\s*([\d,]+) .*detail::sprp\(/m.exec(annotated.stdout ?? '');
      return m ? Number(m[1].replaceAll(',', '')) : 0;
    };
    const count = (bin, binArgs, env) => {
      const out = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${profile}`, process.execPath, bin, ...binArgs], { env: { ...env, FORCE_COLOR: '0' }, encoding: 'utf8', maxBuffer: 64 << 20 });
      const m = /Collected : (\d+)/.exec(out.stderr);
      if (!m) fail(`valgrind gave no count for ${bin}: ${out.stderr.slice(-300)}`);
      return Number(m[1]) - seedSearch();
    };
    const daemonEnv = { ...DAEMON_ENV, CRISISLINT_DAEMON: '1' };
    const control = (action) => spawnSync(process.execPath, [CRISISLINT, '--daemon', action], { env: { ...process.env, ...DAEMON_ENV }, encoding: 'utf8' });
    control('start');
    count(CRISISLINT, [...crisislintArgs, smallFile], { ...process.env, ...daemonEnv }); // warm the server
    const rows = [['one small file', 'environment', 'crisislint', 'write-good', 'ratio']];
    results.cases.instructions = {};
    ENVIRONMENTS.forEach(({ name, env }, i) => {
      const wg = count(WRITE_GOOD, [smallFile], env);
      const cold = count(CRISISLINT, [...crisislintArgs, smallFile], env);
      const plain = count(CRISISLINT, [...crisislintArgs, smallFile], { ...env, CRISISLINT_PRECOMPUTED: '0' });
      const warm = count(CRISISLINT, [...crisislintArgs, smallFile], { ...env, ...daemonEnv });
      const bare = count('-e', ['0'], env);
      results.cases.instructions[name] = { writeGood: wg, cold, plainCompromise: plain, daemonClient: warm, bareNode: bare };
      rows.push(['cold', name, g(cold), g(wg), x(cold / wg)]);
      rows.push(['cold, plain compromise', name, g(plain), g(wg), x(plain / wg)]);
      rows.push(['warm server (client only)', name, g(warm), g(wg), x(warm / wg)]);
      rows.push(['bare node -e 0', name, g(bare), g(wg), x(bare / wg)]);
      if (i === 0) targets.push({ name: 'small file, cold, instructions', value: cold / wg, limit: 1.6, unit: 'x', met: cold / wg <= 1.6 });
    });
    control('stop');
    print('instructions (valgrind --tool=callgrind, every thread; load-independent), one run each, without V8\'s random hash-seed prime search');
    table(rows);
    print('');
  }
}

if (wanted('cache')) {
  const runs = runsFlag ?? 10;
  const cacheFile = join(work, 'cache');
  const cached = () => run(CRISISLINT, [...crisislintArgs, '--cache', '--cache-location', cacheFile, corpus]);
  const first = cached();
  const repeated = [];
  for (let i = 0; i < runs; i++) repeated.push(cached());
  const r = summary(repeated);
  results.cases.cache = { first, repeated: r };
  print(`repeated run over the unchanged corpus with --cache, median of ${runs} (the first run, filling the cache: ${s(first.ms)})`);
  table([
    ['', 'wall', 'CPU', 'peak memory'],
    ['crisislint --cache', s(r.ms), s(r.cpuMs), mb(r.rssMB)],
  ]);
  print(`target: <= 0.3 s: ${target('repeated run with --cache', r.ms / 1000, 0.3, 's')}\n`);
}

if (wanted('scaling')) {
  const runs = runsFlag ? Math.min(runsFlag, 3) : 1;
  print(`growth with input size: the corpus copied 1, 2, 4 and 8 times into one folder (median of ${runs}).`);
  print('Every copy is parsed and linted again; the per-sentence memo tags each distinct sentence once,');
  print('as it does for a status page that repeats itself, so copies add little tagging (each thread has its own memo).');
  const rows = [['size', 'files', 'MB', 'wall', 'CPU', 'peak memory', 'wall / 1x', 'memory / 1x', 'tagged words']];
  let base;
  results.cases.scaling = [];
  for (const times of [1, 2, 4, 8]) {
    const dir = join(work, `scale-${times}`);
    for (let k = 0; k < times; k++) cpSync(corpus, join(dir, `copy-${k}`), { recursive: true });
    const list = [];
    const timingFile = join(work, 'timing.json');
    let tagged = 0;
    for (let i = 0; i < runs; i++) {
      list.push(run(CRISISLINT, [...crisislintArgs, dir], { env: { CRISISLINT_TIMING: timingFile } }));
      tagged = JSON.parse(readFileSync(timingFile, 'utf8')).tagged.words;
    }
    const r = summary(list);
    base ??= r;
    results.cases.scaling.push({ times, ...r });
    rows.push([`${times}x`, String(corpusFiles.length * times), ((corpusBytes * times) / 1e6).toFixed(1), s(r.ms), s(r.cpuMs), mb(r.rssMB), x(r.ms / base.ms), x(r.rssMB / base.rssMB), String(tagged)]);
    rmSync(dir, { recursive: true, force: true });
  }
  table(rows);
  print('');
}

if (wanted('phases')) {
  print('where crisislint spends its time (CRISISLINT_TIMING), one run each; worker threads\' times and words are summed');
  const rows = [['case', 'start-up', 'read', 'parse', 'NLP', 'rules', 'output', 'total', 'threads', 'tagged words']];
  results.cases.phases = {};
  for (const [name, input] of [['small file', smallFile], ['corpus', corpus]]) {
    const timingFile = join(work, 'timing.json');
    run(CRISISLINT, [...crisislintArgs, input], { env: { CRISISLINT_TIMING: timingFile } });
    const t = JSON.parse(readFileSync(timingFile, 'utf8'));
    results.cases.phases[name] = t;
    rows.push([name, s(t.startup), s(t.read), s(t.parse), s(t.nlp), s(t.rules), s(t.output), s(t.total), String(t.threads), String(t.tagged.words)]);
  }
  table(rows);
  print('');
}

load.push(loadavg()[0]);
results.load = load;
print('targets');
for (const t of targets) print(`  ${t.met ? 'met    ' : 'NOT MET'}  ${t.name}: ${t.unit === 'x' ? x(t.value) : t.unit === 's' ? `${t.value.toFixed(2)} s` : `${Math.round(t.value)} MB`} (limit ${t.unit === 'x' ? x(t.limit) : `${t.limit} ${t.unit}`})`);
if (Math.max(...load) > availableParallelism() * 0.75) {
  print(`\nnote: the machine was busy (load average ${load.map((l) => l.toFixed(1)).join(' → ')} on ${availableParallelism()} cores): both tools met the same load, run for run, but absolute times are inflated.`);
}
if (flag('json')) writeFileSync(flag('json'), JSON.stringify(results, null, 2));

// ---------------------------------------------------------------------------------------------

function machine() {
  const cpu = cpus()[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${process.platform} ${process.arch}, ${availableParallelism()} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

function pkgVersion(dir) {
  return JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).version;
}

function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((p, q) => p - q);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function s(ms) {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 3 : 2)} s`;
}
function g(count) {
  return `${(count / 1e6).toFixed(0)} M`;
}
function mb(value) {
  return `${Math.round(value)} MB`;
}
function x(ratio) {
  return `${ratio.toFixed(2)} x`;
}
function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const r of rows) print(`  ${r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ')}`);
}
function print(line) {
  process.stdout.write(`${line}\n`);
}
function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}
