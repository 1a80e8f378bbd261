// The crisislint command: flags, inputs, output and exit codes (FORMATS.md).
//   0  no error-level finding
//   1  an error-level finding, or an input that could not be read
//   2  bad usage (unknown flag or rule, missing path), unreadable config, or a crash

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { SeveritySetting } from '../api.js';
import { defaultRules, fatalResult, lintBytes } from '../engine/index.js';
import type { FileResult } from '../engine/results.js';
import { RuleSettingError, SEVERITY_SETTINGS, type RuleSettingInput } from '../engine/ruleset.js';
import { FORMATTERS } from '../formatters/index.js';
import { expandPaths } from './files.js';
import { useColor } from './color.js';

declare const CRISISLINT_VERSION: string;
const VERSION = typeof CRISISLINT_VERSION === 'string' ? CRISISLINT_VERSION : '0.0.0-dev';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;


function parseRuleFlag(value: string, previous: Record<string, RuleSettingInput> = {}): Record<string, RuleSettingInput> {
  const m = /^([\w-]+)=(\w+)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`expected RULE-ID=${SEVERITY_SETTINGS.join('|')}, e.g. --rule passive-voice=off`);
  if (!SEVERITY_SETTINGS.includes(m[2] as SeveritySetting)) throw new InvalidArgumentError(`severity "${m[2]}" is not one of ${SEVERITY_SETTINGS.join(', ')}`);
  return { ...previous, [m[1]]: m[2] as SeveritySetting };
}

function parseNow(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new InvalidArgumentError('expected an ISO 8601 time, e.g. 2024-03-01T15:00:00Z');
  return date;
}

interface CliOptions {
  format: string;
  output?: string;
  rule?: Record<string, RuleSettingInput>;
  now?: Date;
  quiet?: boolean;
  stdinFilename?: string;
}

function readStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EOF') return Buffer.alloc(0);
    throw error;
  }
}

export function buildProgram(): Command {
  return new Command()
    .name('crisislint')
    .description('Lint crisis statements (outage apologies, status-page updates, breach notices, post-mortems) before you publish.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .argument('[paths...]', 'files, directories (searched recursively) or globs; "-" reads stdin')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATTERS)).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--rule <id=severity>', `set a rule's severity (${SEVERITY_SETTINGS.join('|')}); repeatable`, parseRuleFlag)
    .option('--now <iso-time>', 'the time to judge pending promises and silence against (default: now)', parseNow)
    .option('-q, --quiet', 'report errors only')
    .option('--stdin-filename <name>', 'the name to report for stdin input')
    .addHelpText(
      'after',
      `
Examples:
  crisislint draft.md                         lint one statement
  crisislint status/ --format json            lint a folder, JSON report
  crisislint 'incidents/**/*.md' --quiet      errors only, for a pre-commit hook
  pbpaste | crisislint --stdin-filename draft.md
  crisislint timeline.md --now 2024-03-01T15:00:00Z --rule passive-voice=off

Exit codes: 0 no error-level finding, 1 an error-level finding or an unreadable input,
2 bad usage or a crash.`,
    );
}

export async function main(argv: string[], io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }): Promise<number> {
  const program = buildProgram();
  let exitCode: number = EXIT.ok;
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
  });
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

  let rules;
  try {
    rules = defaultRules(options.rule ?? {});
  } catch (error) {
    if (error instanceof RuleSettingError) {
      warn(error.message);
      return EXIT.usage;
    }
    throw error;
  }

  const engine = { rules, now: options.now ?? new Date() };
  const results: FileResult[] = [];
  const stdinName = options.stdinFilename ?? '<stdin>';
  const readsStdin = paths.includes('-') || (paths.length === 0 && !process.stdin.isTTY);
  if (paths.length === 0 && !readsStdin) {
    warn('no input: give files, directories or globs, or pipe a statement on stdin (crisislint --help)');
    return EXIT.usage;
  }

  const { files, problems } = expandPaths(paths.filter((p) => p !== '-'), io.cwd);
  for (const problem of problems) warn(problem);
  if (problems.length) exitCode = EXIT.usage;

  if (readsStdin) results.push(lintBytes(stdinName, readStdin(), engine));
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolve(io.cwd, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      results.push(fatalResult(file, code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? String(error)})`));
      continue;
    }
    results.push(lintBytes(file, bytes, engine));
  }

  for (const r of results) if (r.fatal) warn(`${r.filePath}: ${r.fatal}`);
  const shown = options.quiet ? results.map(quietResult) : results;
  const report = FORMATTERS[options.format](shown, {
    color: !options.output && useColor(io.stdout),
    cwd: io.cwd,
    rules: new Map(rules.map((r) => [r.rule.meta.id, r.rule.meta])),
  });
  if (options.output) {
    try {
      writeFileSync(resolve(io.cwd, options.output), report);
    } catch (error) {
      warn(`cannot write the report to ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return EXIT.usage;
    }
  } else io.stdout.write(report);

  if (exitCode !== EXIT.ok) return exitCode;
  return results.some((r) => r.fatal || r.errorCount > 0) ? EXIT.findings : EXIT.ok;
}

/** --quiet: only error-level findings are shown (scores still count every finding). */
function quietResult(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((f) => f.severity === 'error'), warningCount: 0, infoCount: 0 };
}

