// Builds dist/compromise-precomputed.cjs: compromise bundled from its ES sources with its model
// already built. compromise spends most of its start-up building that model: unpacking and
// conjugating its lexicon, deep-merging each plugin's model key by key, deriving its tag set, and
// parsing its 570 post-tagger patterns on the first tagging call (bench/RESULTS.md, "A
// precomputed model"). Here that happens once, at build time:
//
// 1. capture: compromise's sources are bundled with two small patches that record the parsed
//    pattern networks of the post-tagger and the chunker; the bundle tags a few sentences (and
//    chunks and conjugates), and its whole model and both networks are written out as one
//    JavaScript literal (shared objects stay shared: the networks hold the model's own patterns);
// 2. emit: the sources are bundled again with the model-building modules left out, plugins'
//    model merges, words and tags skipped while compromise's own plugins install, the literal put
//    in place of the model, and the two networks started from the literal;
// 3. check: the emitted bundle, after the same calls, must hold a model identical (values, key
//    order, sharing) to the one captured, and tag the check sentences identically.
//
// Every patch is an exact text replacement; if compromise's sources change so that one no longer
// applies, or the check finds a difference, the build fails with a message saying which.
// tests/precomputed-model.test.ts compares the result with plain compromise on every sentence
// of the corpus, the labelled statements, the fixtures and the rules' examples.
//
// bin/load-bundle.cjs loads the result (with a V8 code cache) and falls back to plain compromise
// when it is missing or fails to load.

import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeNonAscii } from './ascii-source.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));

/** The sentences tagged before the model is captured, and compared after it is reloaded. */
const WARM_UP = [
  'This incident has been resolved.',
  'We were informed by our provider that a misconfigured router caused the outage, and we apologise.',
  "Customers couldn't log in for two hours on March 3rd; we'll publish a full post-mortem.",
  'The database was restored at 14:05 UTC and all 1,200 queued jobs have now been processed.',
];

class PatchError extends Error {}

/** compromise's package folder, its version and its ES sources. */
function compromisePackage() {
  const main = require.resolve('compromise');
  let dir = dirname(main);
  while (!readSafe(join(dir, 'package.json'))?.includes('"name": "compromise"')) {
    const up = dirname(dir);
    if (up === dir) throw new PatchError('cannot find compromise\'s package folder');
    dir = up;
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { dir, version: pkg.version, entry: join(dir, 'src', 'three.js') };
}

function readSafe(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Exact replacements in compromise's sources, by path relative to its src/ folder. Each must
 * match exactly once; `mode` says in which bundle it applies.
 */
const NETS = "(globalThis[Symbol.for('crisislint.compromiseNets')] || {})";
const SPANS = "// The words' forms (machine, else normal) from term i to each later term up to end, joined by\n// spaces: the strings terms.slice(i, k + 1).map(...).join(' ') gives, built once for all k.\nconst crisislintSpans = function (terms, i, end) {\n  const spans = []\n  const last = Math.min(end, terms.length - 1)\n  let str = ''\n  for (let k = i; k <= last; k += 1) {\n    const form = terms[k].machine || terms[k].normal\n    const part = form === undefined || form === null ? '' : String(form)\n    str = k === i ? part : str + ' ' + part\n    spans.push(str)\n  }\n  return spans\n}\n";
const PATCHES = [
  // Both networks: recorded at capture, started from the literal in the emitted bundle.
  {
    file: '2-two/postTagger/compute/index.js',
    capture: [["net = net || methods.one.buildNet(model.two.matches, world)", `net = net || methods.one.buildNet(model.two.matches, world);\n  ${NETS}.postTagger = net`]],
    emit: [
      ['let net = null', "import { precomputed } from 'crisislint:precomputed'\nlet net = precomputed.nets.postTagger"],
      // The post-tagger reads nothing of the sweep's result (a View per match): see the sweep's patch.
      ['  m.sweep(net)\n', '  m.sweep(net, { tagOnly: true })\n'],
    ],
  },
  // Speed, not model: after tagging, sweep() builds a result View for every match and one for them
  // all; the post-tagger drops it unread. Asked with tagOnly (only by the patched post-tagger
  // above), it stops once the tags are set. Other callers get the result as before.
  {
    file: '1-one/sweep/api.js',
    emit: [["      methods.one.bulkTagger(found, docs, this.world)\n    }\n", "      methods.one.bulkTagger(found, docs, this.world)\n    }\n    if (opts.tagOnly === true) {\n      return undefined\n    }\n"]],
  },
  {
    file: '3-three/chunker/compute/03-matcher.js',
    capture: [['net = net || methods.one.buildNet(rules, world)', `net = net || methods.one.buildNet(rules, world);\n  ${NETS}.chunker = net`]],
    emit: [['let net = null', "import { precomputed } from 'crisislint:precomputed'\nlet net = precomputed.nets.chunker"]],
  },
  // Speed, not model: the matcher tries a pattern from every term of a sentence, copying the rest
  // of the sentence for each start. When the pattern's first token is a plain term test (not
  // optional, negative, greedy-to-end, a wildcard or a multi-word choice), tryHere's first step is
  // exactly that test and fails the start when it fails; running it first skips the copy and the
  // state object. Same matches, same order (the precomputed-model test compares every term).
  {
    file: '1-one/match/methods/match/index.js',
    emit: [
      ["import fromHere from './02-from-here.js'", "import fromHere from './02-from-here.js'\nimport matchTerm from './term/doesMatch.js'"],
      [
        '  const minLength = regs.filter(r => r.optional !== true && r.negative !== true).length\n',
        '  const minLength = regs.filter(r => r.optional !== true && r.negative !== true).length\n' +
          '  const first = regs[0]\n' +
          '  const quickFirst = first.optional !== true && first.negative !== true && first.anything !== true && first.choices === undefined &&\n' +
          '    !(first.end === true && first.greedy === true) && !(first.regex !== undefined && (first.regex.global || first.regex.sticky))\n' +
          // A first token that is only a tag ("#Noun", with or without a group) is, in doesMatch,
          // exactly term.tags.has(tag): tested here without the two calls (half of all patterns).
          '  const firstTag = quickFirst && first.tag !== undefined && first.word === undefined && first.id === undefined && first.end !== true ? first.tag : undefined\n',
      ],
      [
        '      const slice = terms.slice(i)\n      // ensure it\'s long-enough\n      if (slice.length < minLength) {\n        break\n      }\n',
        '      if (terms.length - i < minLength) {\n        break\n      }\n      if (firstTag !== undefined) {\n        if (terms[i].tags.has(firstTag) !== true) {\n          continue\n        }\n      } else if (quickFirst && matchTerm(terms[i], first, i, terms.length) !== true) {\n        continue\n      }\n      const slice = terms.slice(i)\n',
      ],
    ],
  },
  // Speed, not model: every term's normal form goes through killUnicode, which splits it into
  // characters and joins them again; nearly all have no character to replace. The same function,
  // returning the string as it is when no character is in the table.
  {
    file: '1-one/tokenize/methods/unicode.js',
    emit: [["  str = str || ''\n  const chars = str.split('')\n", "  str = str || ''\n  let replace = false\n  for (let i = 0; i < str.length; i += 1) {\n    if (unicode[str[i]]) {\n      replace = true\n      break\n    }\n  }\n  if (replace === false) {\n    return str\n  }\n  const chars = str.split('')\n"]],
  },
  // Speed, not model: most words are plain letters or digits followed by spaces. For those the
  // punctuation splitter's character loops (over Array.from of the word) find no punctuation
  // before, the spaces after (unless a space were declared post-punctuation), and stop at the
  // first letter or digit; and the cleanup's ten replacements change nothing but the case.
  // Both return at once with what the loops and replacements would give.
  {
    file: '1-one/tokenize/methods/03-whitespace/tokenize.js',
    emit: [
      ['const normalizePunctuation = function (str, model) {', 'const plainWordSpaces = /^[A-Za-z0-9]+ *$/\nconst normalizePunctuation = function (str, model) {'],
      [
        "  const chars = Array.from(str)\n\n  // punctuation-only words, like '<3'\n  if (emoticons.hasOwnProperty(str.trim())) {\n    return { str: str.trim(), pre, post: ' ' } //not great\n  }\n",
        "  // punctuation-only words, like '<3'\n  if (emoticons.hasOwnProperty(str.trim())) {\n    return { str: str.trim(), pre, post: ' ' } //not great\n  }\n" +
          "  if (plainWordSpaces.test(str) === true) {\n    const end = str.indexOf(' ')\n    if (end === -1) {\n      return { str, pre, post }\n    }\n    if (postPunctuation[' '] !== true) {\n      return { str: str.slice(0, end), pre, post: str.slice(end) }\n    }\n  }\n  const chars = Array.from(str)\n",
      ],
    ],
  },
  // A word with no dash has nothing to split: split() on the dash pattern would return it whole.
  {
    file: '1-one/tokenize/methods/02-terms/01-hyphens.js',
    emit: [['const hasHyphen = function (str, model) {\n', "const hasHyphen = function (str, model) {\n  if (str.indexOf('-') === -1 && str.indexOf('\u2013') === -1 && str.indexOf('\u2014') === -1) {\n    return false\n  }\n"]],
  },
  // Speed, not model: a word that may open a multi-word entry (a quarter of all words: "the",
  // "was", "of") made the freeze and lexicon steps slice the terms and join their forms for every
  // length tried; the joined strings are now built once per word, and the terms sliced only for
  // an entry found. Same strings, same order, same tagging.
  {
    file: '1-one/freeze/compute.js',
    emit: [
      ['const freeze = function (view) {', `${SPANS}const freeze = function (view) {`],
      [
        "        const end = i + multi[word] - 1\n        for (let k = end; k > i; k -= 1) {\n          const words = terms.slice(i, k + 1)\n          const str = words.map(term => term.machine || term.normal).join(' ')\n          // lookup frozen lexicon\n          if (frozenLex.hasOwnProperty(str) === true) {\n",
        "        const end = i + multi[word] - 1\n        const spans = crisislintSpans(terms, i, end)\n        for (let k = end; k > i; k -= 1) {\n          const str = spans[Math.min(k, terms.length - 1) - i]\n          // lookup frozen lexicon\n          if (frozenLex.hasOwnProperty(str) === true) {\n            const words = terms.slice(i, k + 1)\n",
      ],
    ],
  },
  {
    file: '1-one/lexicon/compute/multi-word.js',
    emit: [
      ['const multiWord = function (terms, start_i, world) {', `${SPANS}const multiWord = function (terms, start_i, world) {`],
      [
        "    const end = start_i + multi[word] - 1\n    for (let i = end; i > start_i; i -= 1) {\n      const words = terms.slice(start_i, i + 1)\n      if (words.length <= 1) {\n        return false\n      }\n      const str = words.map(term => term.machine || term.normal).join(' ')\n      // lookup regular lexicon\n      if (lexicon.hasOwnProperty(str) === true) {\n",
        "    const end = start_i + multi[word] - 1\n    const spans = crisislintSpans(terms, start_i, end)\n    for (let i = end; i > start_i; i -= 1) {\n      if (Math.min(i + 1, terms.length) - start_i <= 1) {\n        return false\n      }\n      const str = spans[Math.min(i, terms.length - 1) - start_i]\n      // lookup regular lexicon\n      if (lexicon.hasOwnProperty(str) === true) {\n        const words = terms.slice(start_i, i + 1)\n",
      ],
    ],
  },
  {
    file: '1-one/tokenize/compute/normal/01-cleanup.js',
    emit: [["const clean = function (str) {\n  str = str || ''\n", "const plainWord = /^[A-Za-z0-9]+$/\nconst clean = function (str) {\n  str = str || ''\n  if (plainWord.test(str) === true) {\n    return str.toLowerCase()\n  }\n"]],
  },
  // The modules that build the model at import time are left out of the emitted bundle.
  { file: '2-two/preTagger/plugin.js', emit: [["import model from './model/index.js'", 'const model = {}'], ["import tags from './tagSet/index.js'", 'const tags = {}']] },
  { file: '2-two/postTagger/plugin.js', emit: [["import model from './model/index.js'", 'const model = {}']] },
  { file: '1-one/tokenize/plugin.js', emit: [["import model from './model/index.js'", 'const model = {}']] },
  { file: '1-one/contraction-one/plugin.js', emit: [["import model from './model/index.js'", 'const model = {}']] },
  // While compromise's own plugins install, their model parts are not merged (the literal holds
  // the result); plugins added later (by crisislint or a user) extend the model as usual.
  {
    file: 'API/extend.js',
    emit: [
      ['const extend = function (plugin, world, View, nlp) {', 'export let installingOwnPlugins = true\nexport const ownPluginsInstalled = () => { installingOwnPlugins = false }\nconst extend = function (plugin, world, View, nlp) {'],
      ['  if (plugin.model) {\n    mergeDeep(model, plugin.model)\n  }', '  if (plugin.model && !installingOwnPlugins) {\n    mergeDeep(model, plugin.model)\n  }'],
      ['  if (plugin.irregulars) {', '  if (plugin.irregulars && !installingOwnPlugins) {'],
      ['  if (plugin.tags) {', '  if (plugin.tags && !installingOwnPlugins) {'],
      ['  if (plugin.words) {', '  if (plugin.words && !installingOwnPlugins) {'],
      ['  if (plugin.frozen) {', '  if (plugin.frozen && !installingOwnPlugins) {'],
    ],
  },
];

function patchPlugin(srcDir, mode) {
  const applied = new Set();
  return {
    name: `compromise-${mode}`,
    setup(b) {
      b.onResolve({ filter: /^crisislint:precomputed$/ }, () => ({ path: 'precomputed', namespace: 'crisislint' }));
      b.onLoad({ filter: /.*/, namespace: 'crisislint' }, () => ({ contents: 'export const precomputed = globalThis[Symbol.for("crisislint.precomputedModel")]', loader: 'js' }));
      b.onLoad({ filter: /\.js$/ }, (args) => {
        const rel = args.path.slice(srcDir.length + 1).split('\\').join('/');
        const patch = PATCHES.find((p) => p.file === rel);
        if (!patch?.[mode]) return undefined;
        let source = readFileSync(args.path, 'utf8');
        for (const [from, to] of patch[mode]) {
          const count = source.split(from).length - 1;
          if (count !== 1) throw new PatchError(`compromise's src/${rel} no longer holds ${JSON.stringify(from)} exactly once (found ${count}): update scripts/precompute-model.mjs for compromise's new version`);
          source = source.replace(from, () => to);
        }
        applied.add(rel);
        return { contents: source, loader: 'js' };
      });
      b.onEnd(() => {
        for (const p of PATCHES) if (p[mode] && !applied.has(p.file)) throw new PatchError(`compromise's src/${p.file} was not part of the ${mode} bundle: update scripts/precompute-model.mjs`);
      });
    },
  };
}

async function bundle(pkg, mode, entrySource, outfile) {
  const result = await build({
    stdin: { contents: entrySource, resolveDir: join(pkg.dir, 'src'), sourcefile: `crisislint-${mode}.js`, loader: 'js' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [patchPlugin(join(pkg.dir, 'src'), mode)],
    logLevel: 'silent',
  });
  return result;
}

/** Loads a CommonJS bundle from a file, fresh. */
function loadFresh(file) {
  delete require.cache[require.resolve(file)];
  return require(file);
}

function warmUp(nlp) {
  for (const sentence of WARM_UP) nlp(sentence).compute('chunks').verbs().conjugate();
  nlp('resolve').compute('chunks').verbs().conjugate();
}

// ---- The literal ----

const KNOWN = new Set([Object.prototype, Array.prototype, Set.prototype, Map.prototype, RegExp.prototype]);

/** Writes a value as JavaScript: objects met more than once are written once and shared. */
export function toLiteral(value) {
  const seen = new Map(); // object -> times met
  const onPath = new Set();
  const count = (v, path) => {
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') throw new PatchError(`the model holds a ${typeof v} at ${path}`);
      return;
    }
    if (onPath.has(v)) throw new PatchError(`the model holds a cycle at ${path}`);
    const times = (seen.get(v) ?? 0) + 1;
    seen.set(v, times);
    if (times > 1) return;
    if (!KNOWN.has(Object.getPrototypeOf(v))) throw new PatchError(`the model holds an object of an unknown kind at ${path}`);
    if (Object.getOwnPropertySymbols(v).length) throw new PatchError(`the model holds symbol keys at ${path}`);
    onPath.add(v);
    if (v instanceof RegExp) {
      if (v.lastIndex !== 0 || Object.keys(v).length) throw new PatchError(`the model holds a RegExp with state at ${path}`);
    } else if (v instanceof Set) {
      for (const item of v) count(item, `${path}[set]`);
    } else if (v instanceof Map) {
      for (const [k, item] of v) { count(k, `${path}[map key]`); count(item, `${path}[map]`); }
    } else {
      if (Array.isArray(v) && Object.keys(v).length !== v.length) throw new PatchError(`the model holds a sparse or decorated array at ${path}`);
      for (const key of Object.keys(v)) count(v[key], `${path}.${key}`);
    }
    onPath.delete(v);
  };
  count(value, 'model');

  const names = new Map();
  const declarations = [];
  const write = (v) => {
    if (v === undefined) return 'void 0';
    if (v === null || typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    if (typeof v === 'string') return JSON.stringify(v);
    if (names.has(v)) return names.get(v);
    let text;
    if (v instanceof RegExp) text = `new RegExp(${JSON.stringify(v.source)}, ${JSON.stringify(v.flags)})`;
    else if (v instanceof Set) text = `new Set([${Array.from(v, write).join(',')}])`;
    else if (v instanceof Map) text = `new Map([${Array.from(v, ([k, item]) => `[${write(k)},${write(item)}]`).join(',')}])`;
    else if (Array.isArray(v)) text = `[${v.map(write).join(',')}]`;
    else text = `{${Object.keys(v).map((k) => `${k === '__proto__' ? '["__proto__"]' : JSON.stringify(k)}:${write(v[k])}`).join(',')}}`;
    if (seen.get(v) > 1) {
      const name = `$${names.size}`;
      names.set(v, name);
      declarations.push(`const ${name} = ${text};`);
      return name;
    }
    return text;
  };
  const top = write(value);
  return `${declarations.join('\n')}\nreturn ${top};`;
}

// ---- The check ----

/** Differences between two values: kinds, values, key order and which objects are shared. */
export function modelDifference(a, b, path = 'model', pairs = new Map()) {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return Object.is(a, b) ? undefined : `${path}: ${String(a)} against ${String(b)}`;
  }
  if (pairs.has(a)) return pairs.get(a) === b ? undefined : `${path}: shared differently`;
  pairs.set(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: different kinds`;
  if (a instanceof RegExp) return a.source === b.source && a.flags === b.flags ? undefined : `${path}: ${a} against ${b}`;
  if (a instanceof Set || a instanceof Map) {
    const x = [...a];
    const y = [...b];
    if (x.length !== y.length) return `${path}: ${x.length} against ${y.length} entries`;
    for (let i = 0; i < x.length; i++) {
      const d = modelDifference(x[i], y[i], `${path}[${i}]`, pairs);
      if (d) return d;
    }
    return undefined;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys differ (${ka.length} against ${kb.length})`;
  for (const key of ka) {
    const d = modelDifference(a[key], b[key], `${path}.${key}`, pairs);
    if (d) return d;
  }
  return undefined;
}

/** Every field of every term, for comparing two taggers' output. */
export function termFields(doc) {
  return doc.docs.map((terms) => terms.map((t) => ({ text: t.text, pre: t.pre, post: t.post, normal: t.normal, machine: t.machine, implicit: t.implicit, switch: t.switch, alias: t.alias, tags: [...t.tags].sort(), index: t.index, chunk: t.chunk })));
}

// ---- The phrase fragments' analyses ----

/**
 * Records src/nlp/prefilter.ts's analysis of every fragment the built CLI analyses while it
 * lints the examples with every rule on, into dist/fragment-analyses.json (read by the bundle).
 */
export function precomputeFragmentAnalyses(outdir = join(root, 'dist')) {
  const table = resolve(outdir, 'fragment-analyses.json');
  rmSync(table, { force: true });
  const temp = `${table}.${process.pid}.tmp`;
  const bin = join(root, 'bin', 'crisislint.cjs');
  const env = { ...process.env, CRISISLINT_FRAGMENT_ANALYSES: temp, CRISISLINT_CODE_CACHE: '0', CRISISLINT_TIMING: '', CRISISLINT_DAEMON: '' };
  const list = spawnSync(process.execPath, [bin, '--no-config', '--list-rules'], { env: { ...env, CRISISLINT_FRAGMENT_ANALYSES: '' }, encoding: 'utf8' });
  const everyRule = list.stdout.split('\n').filter(Boolean).map((line) => line.split(/\s+/)[0]).flatMap((id) => ['--rule', `${id}=warning`]);
  // Named files, not a folder: an installed package sits under node_modules, which walks skip.
  // The fixtures the package ships (package.json "files") are enough to reach every list.
  const examples = ['fixtures/poor-statement.md', 'fixtures/timeline.md', 'fixtures/good-statement.md', 'fixtures/pasted-timeline.txt', 'fixtures/inputs/incidents.json'].filter((f) => existsSync(join(root, f)));
  const run = spawnSync(process.execPath, [bin, '--no-config', '--format', 'json', '--workers', '0', ...everyRule, ...examples], { cwd: root, env, stdio: 'ignore' });
  if (run.status !== 0 && run.status !== 1) throw new PatchError(`recording the phrase fragments' analyses failed (exit ${run.status})`);
  const entries = JSON.parse(readFileSync(temp, 'utf8'));
  rmSync(temp, { force: true });
  if (entries.length < 100) throw new PatchError(`only ${entries.length} phrase fragments were analysed while linting the examples`);
  writeFileSync(table, JSON.stringify(entries));
  return { table, fragments: entries.length };
}

// ---- The build ----

export async function precomputeModel(outdir = join(root, 'dist')) {
  const pkg = compromisePackage();
  const work = join(root, 'node_modules', '.cache', 'crisislint-model');
  mkdirSync(work, { recursive: true });

  // 1. capture
  const captureFile = join(work, 'capture.cjs');
  await bundle(pkg, 'capture', "import nlp from './three.js'\nmodule.exports = nlp\n", captureFile);
  globalThis[Symbol.for('crisislint.compromiseNets')] = {};
  const captured = loadFresh(captureFile);
  warmUp(captured);
  const nets = globalThis[Symbol.for('crisislint.compromiseNets')];
  delete globalThis[Symbol.for('crisislint.compromiseNets')];
  if (!nets.postTagger || !nets.chunker) throw new PatchError('capturing compromise\'s pattern networks failed');
  const state = { model: captured.world().model, nets };
  const literal = toLiteral(state);

  // 2. emit
  const outfile = resolve(outdir, 'compromise-precomputed.cjs');
  const entry = [
    `globalThis[Symbol.for("crisislint.precomputedModel")] = (function () {\n${literal}\n})();`,
  ].join('\n');
  // The literal is set before compromise's modules run (they read it at import), so it is a
  // separate first module; esbuild keeps import order.
  writeFileSync(join(work, 'literal.js'), entry);
  const main = [
    `import ${JSON.stringify(join(work, 'literal.js'))}`,
    "import nlp from './three.js'",
    "import { ownPluginsInstalled } from './API/extend.js'",
    'const world = nlp.world()',
    'const { model } = globalThis[Symbol.for("crisislint.precomputedModel")]',
    'for (const key of Object.keys(world.model)) delete world.model[key]',
    'Object.assign(world.model, model)',
    'ownPluginsInstalled()',
    'delete globalThis[Symbol.for("crisislint.precomputedModel")]',
    `nlp.precomputed = ${JSON.stringify(pkg.version)}`,
    'module.exports = nlp',
  ].join('\n');
  await bundle(pkg, 'emit', main, outfile);
  writeFileSync(outfile, escapeNonAscii(readFileSync(outfile, 'utf8'), outfile));

  // 3. check
  const emitted = loadFresh(outfile);
  const fresh = loadFresh(captureFile); // a second, plain instance for tagging side by side
  globalThis[Symbol.for('crisislint.compromiseNets')] = {};
  warmUp(emitted);
  warmUp(fresh);
  delete globalThis[Symbol.for('crisislint.compromiseNets')];
  const difference = modelDifference(captured.world().model, emitted.world().model);
  if (difference) throw new PatchError(`the precomputed model differs from compromise's own after the same calls: ${difference}`);
  for (const sentence of WARM_UP) {
    const a = JSON.stringify(termFields(fresh(sentence).compute('chunks')));
    const b = JSON.stringify(termFields(emitted(sentence).compute('chunks')));
    if (a !== b) throw new PatchError(`the precomputed model tags ${JSON.stringify(sentence)} differently`);
  }
  rmSync(`${outfile}.v8-cache`, { force: true });
  const fragments = precomputeFragmentAnalyses(outdir);
  return { outfile, version: pkg.version, bytes: readFileSync(outfile).length, fragments: fragments.fragments };
}

// `node scripts/precompute-model.mjs [outdir]`, or from scripts/build.mjs.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  precomputeModel(process.argv[2]).then(
    (r) => process.stdout.write(`precomputed compromise ${r.version}: ${r.outfile} (${(r.bytes / 1e6).toFixed(1)} MB); ${r.fragments} phrase fragments analysed\n`),
    (error) => {
      process.stderr.write(`precompute-model: ${error instanceof PatchError ? error.message : error.stack}\n`);
      process.exit(1);
    },
  );
}
