// The crisislint command: flags, inputs, output and exit codes (FORMATS.md).
//   0  no error-level finding (and the --max-warnings / --min-score gates pass)
//   1  an error-level finding, an input that could not be read, or a failed gate
//   2  bad usage (unknown flag or rule, missing path), an invalid config, or a crash

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { SeveritySetting } from '../api.js';
import { defaultRules, fatalResult } from '../engine/index.js';
import { applyCliRules, ConfigError, ignoreFilter, loadConfig, pluginRules, type LoadedConfig } from './config.js';
import { initConfig, InitError, INIT_FILE_NAME } from './init.js';
import type { FileResult } from '../engine/results.js';
import { RuleSettingError, SEVERITY_SETTINGS, type RuleSettingInput } from '../engine/ruleset.js';
import { FILE_BY_FILE_FORMATTERS, FORMATTERS, type FormatterContext } from '../formatters/index.js';
import { FileByFileReport } from './file-by-file.js';
import { INPUT_FORMATS } from '../inputs/index.js';
import { DEFAULT_MAX_FILE_MB, expandPaths } from './files.js';
import { sameFile, writeFileAtomic } from './atomic-write.js';
import { lintFiles } from './lint-files.js';
import { configHash } from './config.js';
import { DEFAULT_CACHE_LOCATION } from '../engine/cache.js';
import { useColor } from './color.js';
import { Chalk } from 'chalk';
import { builtinRules } from '../../rules/index.js';
import { ruleDocText, ruleListText } from './rule-docs.js';
import { VERSION } from '../version.js';
import { didYouMean } from '../engine/did-you-mean.js';
import { CrisisLint } from '../api/node.js';


export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;


function parseRuleFlag(value: string, previous: Record<string, RuleSettingInput> = {}): Record<string, RuleSettingInput> {
  const m = /^([\w-]+)=(\w+)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`expected RULE-ID=${SEVERITY_SETTINGS.join('|')}, e.g. --rule passive-voice=off`);
  if (!SEVERITY_SETTINGS.includes(m[2] as SeveritySetting)) {
    throw new InvalidArgumentError(`severity "${m[2]}" is not one of ${SEVERITY_SETTINGS.join(', ')}${didYouMean(m[2], SEVERITY_SETTINGS)}`);
  }
  return { ...previous, [m[1]]: m[2] as SeveritySetting };
}

/** --report FORMAT=FILE: another report of the same run, so CI lints once for two outputs. */
function parseReportFlag(value: string, previous: { format: string; file: string }[] = []): { format: string; file: string }[] {
  const m = /^([\w-]+)=(.+)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected FORMAT=FILE, e.g. --report sarif=crisislint.sarif');
  if (!(m[1] in FORMATTERS)) throw new InvalidArgumentError(`format "${m[1]}" is not one of ${Object.keys(FORMATTERS).join(', ')}${didYouMean(m[1], Object.keys(FORMATTERS))}`);
  return [...previous, { format: m[1], file: m[2] }];
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseWorkers(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a number of worker threads (0 for none) or auto');
  return Number(value);
}

function parseNow(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new InvalidArgumentError('expected an ISO 8601 time, e.g. 2024-03-01T15:00:00Z');
  return date;
}

/** A whole number of warnings; -1, as in ESLint, means no limit (to undo a limit set in a script). */
function parseMaxWarnings(value: string): number {
  if (!/^(\d+|-1)$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number of warnings, or -1 for no limit, e.g. --max-warnings 0');
  return Number(value);
}

function parseMaxFileSize(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a size in megabytes, e.g. --max-file-size 64 (default ${DEFAULT_MAX_FILE_MB})`);
  return n;
}

function parseMinScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected a score from 0 to 100, e.g. --min-score 80');
  return n;
}

interface CliOptions {
  format: string;
  /** --config PATH, or false for --no-config. */
  config?: string | false;
  reportUnusedDisables?: boolean;
  maxWarnings?: number;
  minScore?: number;
  output?: string;
  report?: { format: string; file: string }[];
  rule?: Record<string, RuleSettingInput>;
  now?: Date;
  quiet?: boolean;
  stdinFilename?: string;
  inputFormat?: string;
  listRules?: boolean;
  cache?: boolean;
  cacheLocation: string;
  workers: number | 'auto';
  /** --color / --no-color; undefined: colour on a terminal (NO_COLOR, FORCE_COLOR). */
  color?: boolean;
  /** False for --no-ignore. */
  ignore: boolean;
  ignorePattern?: string[];
  printConfig?: string;
  lsp?: boolean;
  mcp?: boolean;
  maxFileSize: number;
  daemon?: string;
}

/**
 * All of standard input, however slowly it is written. A synchronous read of fd 0 gets EAGAIN
 * from a non-blocking pipe whose writer has not written yet (`(sleep 1; cat x.md) | crisislint`),
 * which would read as an empty file; the stream waits for the end instead.
 */
async function readStdin(): Promise<Buffer> {
  // Bytes the daemon client already read for a server that then could not answer (src/daemon/client.cjs).
  const lent = (globalThis as Record<symbol, unknown>)[Symbol.for('crisislint.stdinBytes')];
  if (Buffer.isBuffer(lent)) return lent;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** `handlers.init` runs for the `init` subcommand. */
export function buildProgram(handlers: { init?: () => void; explain?: (ruleId: string) => void } = {}): Command {
  const program = new Command()
    .name('crisislint')
    .description('Lint crisis statements (outage apologies, status-page updates, breach notices, post-mortems) before you publish.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .argument('[paths...]', 'files, directories (searched recursively) or globs; "-" reads stdin')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATTERS)).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--report <format=file>', 'also write a report in another format to a file, from the same run (repeatable)', parseReportFlag)
    .option('--rule <id=severity>', `set a rule's severity (${SEVERITY_SETTINGS.join('|')}); repeatable`, parseRuleFlag)
    .option('--now <iso-time>', 'the time to judge pending promises and silence against (default: now)', parseNow)
    .option('-q, --quiet', 'report errors only')
    .option('--stdin-filename <name>', 'the name to report for stdin input')
    .addOption(new Option('--input-format <name>', 'read every input as this format instead of detecting it').choices(INPUT_FORMATS.map((f) => f.name)))
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .option('--no-config', 'ignore config files; use the defaults (and any --rule)')
    .option('--report-unused-disables', 'warn about crisislint-disable comments that suppress nothing')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings (-1: no limit)', parseMaxWarnings)
    .option('--min-score <n>', 'exit 1 when a file scores below n (0-100)', parseMinScore)
    .option('--no-ignore', 'also lint files that .crisislintignore, the config\'s ignores or --ignore-pattern exclude')
    .option('--ignore-pattern <pattern>', 'skip files matching this .gitignore-style pattern, relative to the current folder (repeatable)', collect)
    .option('--color', 'colour the stylish report even when it does not go to a terminal')
    .option('--no-color', 'never colour the report')
    .option('--list-rules', 'list every rule (id, principle, severity, description) and exit')
    .option('--print-config <file>', 'print the settings that apply to a file (config file, rules with options, weights, grades) and exit')
    .option('--cache', 'reuse results for files unchanged since the last --cache run')
    .option('--cache-location <path>', 'the cache file, or a folder to keep it in', DEFAULT_CACHE_LOCATION)
    .option('--workers <n>', 'worker threads for big runs: a number, 0 for none, or auto', parseWorkers, 'auto')
    .option('--lsp', 'run as a language server over stdio (for editors)')
    .option('--mcp', 'run as a Model Context Protocol server over stdio (for AI assistants)')
    // Some language clients add --stdio to a server's command; stdio is what --lsp speaks anyway.
    .addOption(new Option('--stdio').hideHelp())
    .option('--max-file-size <mb>', 'skip files bigger than this many megabytes, with one line each', parseMaxFileSize, DEFAULT_MAX_FILE_MB)
    .addOption(new Option('--daemon <action>', 'a warm background server that CRISISLINT_DAEMON=1 runs commands on').choices(['start', 'stop', 'status']))
    .addHelpText(
      'after',
      `
Examples:
  crisislint draft.md                         lint one statement
  crisislint status/ --format json            lint a folder, JSON report
  crisislint 'incidents/**/*.md' --quiet      errors only, for a pre-commit hook
  pbpaste | crisislint --stdin-filename draft.md
  crisislint timeline.md --now 2024-03-01T15:00:00Z --rule passive-voice=off
  crisislint init                             write a commented ${INIT_FILE_NAME} here
  crisislint --list-rules                     every rule with its principle and severity
  crisislint explain passive-voice            a rule's docs: why, how to fix, examples
  crisislint content/issues --min-score 80 --max-warnings 0
                                              CI gate: every file B or better, no warnings
  crisislint content/issues -f github         annotations in a GitHub Actions run
  crisislint content/issues -f sarif -o crisislint.sarif
                                              for GitHub code scanning (upload-sarif)
  crisislint content/issues -f github --report sarif=crisislint.sarif
                                              both from one run
  crisislint --print-config content/issues/x.md
                                              the config and rule settings for a file

Formats: stylish (default), json, sarif (SARIF 2.1.0), github (workflow annotations),
compact (path:line:col: level message [rule]), rdjsonl (reviewdog, with suggestions),
html (a self-contained report page: -f html -o report.html).

Config: the nearest crisislint.config.json, .crisislintrc.json, .crisislintrc.yaml/.yml or
package.json "crisislint" key at or above the current folder sets rules, weights, grades,
ignores and plugins. Disable a rule inline with <!-- crisislint-disable RULE-ID -->,
<!-- crisislint-enable -->, or <!-- crisislint-disable-next-line RULE-ID -->.

Exit codes: 0 no error-level finding, 1 an error-level finding, an unreadable input,
more warnings than --max-warnings or a score below --min-score, 2 bad usage, an invalid
config or a crash.`,
    );
  program
    .command('init')
    .description(`write a commented starting config (${INIT_FILE_NAME}) in the current folder`)
    .action(() => handlers.init?.());
  program
    .command('explain')
    .argument('<rule-id>', 'the rule to explain (crisislint --list-rules shows them)')
    .description("show a rule's docs: why it exists, how to fix a finding, failing and passing examples")
    .action((ruleId: string) => handlers.explain?.(ruleId));
  // The root command lints; without an action commander would treat paths as unknown commands.
  program.helpCommand(false).action(() => {});
  return program;
}

/** Where a run reads and writes; the daemon (src/daemon/server.ts) gives a client's. */
export interface MainIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  stdin?: { isTTY?: boolean; read(): Buffer };
}

export async function main(argv: string[], io: MainIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }): Promise<number> {
  let initRequested = false;
  let explainRuleId: string | undefined;
  const program = buildProgram({ init: () => (initRequested = true), explain: (id) => (explainRuleId = id) });
  let exitCode: number = EXIT.ok;
  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  }
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    const code = (error as { exitCode?: number; code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  const options = program.opts<CliOptions>();
  const paths = program.args;
  const warn = (line: string) => io.stderr.write(`crisislint: ${line}\n`);
  // The long-running front ends, each its own bundle (scripts/build.mjs), loaded only when asked for.
  if (options.lsp) return (await import('../lsp/server.js')).startLanguageServer();
  if (options.mcp) return (await import('../mcp/server.js')).startMcpServer();
  if (options.daemon) return (await import('../daemon/server.js')).daemonCommand(options.daemon, io);

  if (initRequested) {
    try {
      const { path, shadows } = initConfig(io.cwd);
      io.stdout.write(`Wrote ${path}: every setting is commented out at its default; edit it to change one.\n`);
      if (shadows) io.stdout.write(`It takes precedence over ${shadows} in this folder (configs do not merge).\n`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof InitError) {
        warn(error.message);
        return EXIT.usage;
      }
      throw error;
    }
  }

  let config: LoadedConfig;
  try {
    config = applyCliRules(await loadConfig({ cwd: io.cwd, configPath: options.config }), options.rule);
  } catch (error) {
    if (error instanceof ConfigError) {
      warn(error.message);
      return EXIT.usage;
    }
    throw error;
  }

  let rules;
  try {
    rules = defaultRules(config.rules, pluginRules(config));
  } catch (error) {
    if (error instanceof RuleSettingError) {
      warn(error.message);
      return EXIT.usage;
    }
    throw error;
  }

  if (options.listRules || explainRuleId !== undefined) return describeRules(config, rules, explainRuleId, io, options.color);
  if (options.printConfig !== undefined) {
    const resolved = await new CrisisLint({ cwd: io.cwd, config: options.config, rules: options.rule }).calculateConfigForFile(options.printConfig);
    io.stdout.write(`${JSON.stringify(resolved, null, 2)}\n`);
    return EXIT.ok;
  }

  const engine = {
    rules,
    now: options.now ?? new Date(),
    weights: config.weights,
    grades: config.grades,
    reportUnusedDisables: options.reportUnusedDisables,
    inputFormat: options.inputFormat,
    // The HTML page shows each statement's text and its timeline, so it needs the source and facts.
    detail: options.format === 'html' || (options.report ?? []).some((r) => r.format === 'html'),
  };
  const results: FileResult[] = [];
  const stdinName = options.stdinFilename ?? '<stdin>';
  const readsStdin = paths.includes('-') || (paths.length === 0 && !(io.stdin ?? process.stdin).isTTY);
  if (paths.length === 0 && !readsStdin) {
    warn('no input: give files, directories or globs, or pipe a statement on stdin (crisislint --help)');
    return EXIT.usage;
  }

  const expanded = expandPaths(paths.filter((p) => p !== '-'), io.cwd, { ignore: options.ignore });
  const { problems } = expanded;
  const ignored = options.ignore ? ignoreFilter(config, io.cwd, options.ignorePattern) : () => false;
  const files = expanded.files.filter((file) => !ignored(file));
  for (const problem of problems) warn(problem);
  if (problems.length) exitCode = EXIT.usage;
  // A file asked for by name and skipped is worth a line (ESLint does the same): the user may
  // not know an ignore file covers it.
  for (const file of [...expanded.ignored, ...expanded.files.filter((f) => expanded.named.has(f) && ignored(f))]) {
    warn(`${file}: ignored (by .crisislintignore, the config's ignores or --ignore-pattern); use --no-ignore to lint it`);
  }

  // --quiet: errors only; the human report also leaves out files with nothing to show.
  const shownOf = (result: FileResult) => (options.quiet ? quietResult(result) : result);
  const contextFor = (color: boolean): FormatterContext => ({ color, cwd: io.cwd, rules: new Map(rules.map((r) => [r.rule.meta.id, r.rule.meta])), unmatched: problems.length });
  const mainColor = options.color ?? (!options.output && useColor(io.stdout));
  // A report made file by file is formatted during the run, not all after it.
  const byFile = FILE_BY_FILE_FORMATTERS[options.format];
  const early = byFile ? new FileByFileReport(byFile, contextFor(mainColor), shownOf) : undefined;

  results.push(
    ...(await lintFiles(files, {
      cwd: io.cwd,
      engine,
      stdin: readsStdin ? { name: stdinName, read: io.stdin?.read ?? readStdin } : undefined,
      cache: options.cache ? { location: options.cacheLocation, version: VERSION, configHash: configHash(config) } : undefined,
      workers: options.workers,
      stderr: io.stderr,
      maxFileBytes: options.maxFileSize * 1048576,
      onResult: early && ((result) => early.add(result)),
    })),
    ...expanded.unreadable.map((u) => fatalResult(u.path, u.reason)),
  );

  for (const r of results) {
    if (r.fatal) warn(`${r.filePath}: ${r.fatal}`);
    for (const w of r.warnings ?? []) warn(`${r.filePath}: warning: ${w}`);
  }
  const format = (name: string, color: boolean) => {
    const shown = options.quiet ? results.map(quietResult).filter((r) => name !== 'stylish' || r.fatal || r.findings.length > 0) : results;
    if (options.quiet && name === 'stylish' && shown.length === 0 && !problems.length) return '';
    return FORMATTERS[name](shown, contextFor(color));
  };
  for (const extra of options.report ?? []) {
    try {
      writeFileSync(resolve(io.cwd, extra.file), format(extra.format, false));
    } catch (error) {
      warn(`cannot write the ${extra.format} report to ${extra.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return EXIT.usage;
    }
  }
  const report = early ? early.bytes(results) : format(options.format, mainColor);
  if (options.output) {
    const outputPath = resolve(io.cwd, options.output);
    if (files.some((file) => sameFile(resolve(io.cwd, file), outputPath))) {
      warn(`not writing the report to ${options.output}: it is one of the files being linted`);
      return EXIT.usage;
    }
    try {
      writeFileAtomic(outputPath, report);
    } catch (error) {
      warn(`cannot write the report to ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return EXIT.usage;
    }
  } else io.stdout.write(report);

  // Gates count every finding, also those --quiet hides.
  const gateFailures: string[] = [];
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0) {
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    if (warnings > options.maxWarnings) gateFailures.push(`${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}`);
  }
  if (options.minScore !== undefined) {
    const low = results.filter((r) => r.score !== null && r.score < options.minScore!);
    if (low.length) {
      const shownLow = low.slice(0, 5).map((r) => `${r.filePath} (${r.score})`).join(', ');
      gateFailures.push(`${low.length} file${low.length === 1 ? '' : 's'} below --min-score ${options.minScore}: ${shownLow}${low.length > 5 ? `, and ${low.length - 5} more` : ''}`);
    }
  }
  for (const failure of gateFailures) warn(failure);

  if (exitCode !== EXIT.ok) return exitCode;
  return results.some((r) => r.fatal || r.errorCount > 0) || gateFailures.length ? EXIT.findings : EXIT.ok;
}

/** --quiet: only error-level findings are shown (scores still count every finding). */
function quietResult(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((f) => f.severity === 'error'), warningCount: 0, infoCount: 0 };
}


/** --list-rules and `explain`: every available rule (built-in and plugins), with its configured severity. */
function describeRules(
  config: LoadedConfig,
  active: { rule: { meta: { id: string } }; severity: string }[],
  explainRuleId: string | undefined,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  color?: boolean,
): number {
  const available = [...builtinRules, ...pluginRules(config)].map((r) => r.meta);
  if (explainRuleId === undefined) {
    const severity = new Map(active.map((a) => [a.rule.meta.id, a.severity]));
    io.stdout.write(ruleListText(available.map((m) => ({ ...m, severity: (severity.get(m.id) ?? 'off') as typeof m.severity }))));
    return EXIT.ok;
  }
  const meta = available.find((m) => m.id === explainRuleId);
  if (!meta) {
    io.stderr.write(`crisislint: unknown rule "${explainRuleId}"; crisislint --list-rules shows them all\n`);
    return EXIT.usage;
  }
  const c = new Chalk({ level: (color ?? useColor(io.stdout as { isTTY?: boolean })) ? 1 : 0 });
  io.stdout.write(ruleDocText(meta, { bold: c.bold, dim: c.dim, red: c.red, green: c.green }));
  return EXIT.ok;
}
