// `crisislint init`: writes a commented starting config (.crisislintrc.yaml) in the current
// folder. Every setting is commented out at its default, so the new file changes nothing until
// you edit it. Never overwrites a config that is already there.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { builtinRules } from '../../rules/index.js';
import type { Rule } from '../api.js';
import { DEFAULT_GRADES, DEFAULT_WEIGHTS } from '../engine/score.js';
import { CONFIG_FILE_NAMES, findConfig } from './config.js';

export const INIT_FILE_NAME = '.crisislintrc.yaml';

export class InitError extends Error {
  override name = 'InitError';
}

function optionSummary(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value && typeof value === 'object') return 'object';
  return JSON.stringify(value);
}

/** The starting config's text, listing the given rules with their default severities. */
export function starterConfig(rules: Rule<object>[] = builtinRules): string {
  const width = Math.max(...rules.map((r) => r.meta.id.length + r.meta.severity.length)) + 4;
  const ruleLines = rules.flatMap((r) => {
    const setting = `${r.meta.id}: ${r.meta.severity}`;
    const lines = [`  # ${setting.padEnd(width)}# ${r.meta.principle} ${r.meta.description}`];
    const options = Object.entries(r.meta.options ?? {});
    if (options.length) lines.push(`  #   options: ${options.map(([k, v]) => `${k} (${optionSummary(v)})`).join(', ')}`);
    return lines;
  });
  return [
    '# crisislint configuration. crisislint reads the nearest config file at or above the folder',
    '# it runs in (or the one given with --config). Every setting below is commented out at its',
    '# default: remove the "#" in front of a line to change it. `crisislint --help` lists the flags.',
    '',
    '# Rule severities: off, info, warning or error. A rule with options takes a list, e.g.',
    '#   jargon: [info, { terms: ["pod eviction", "shard"] }]',
    '# Lists you give extend the built-in ones. --rule ID=SEVERITY on the command line wins.',
    'rules:',
    ...ruleLines,
    '',
    "# Points a finding takes from its statement's score (100), by severity.",
    'weights:',
    ...Object.entries(DEFAULT_WEIGHTS).map(([k, v]) => `  # ${k}: ${v}`),
    '',
    '# The lowest score for each grade; below D is F.',
    'grades:',
    ...Object.entries(DEFAULT_GRADES).map(([k, v]) => `  # ${k}: ${v}`),
    '',
    '# Files not to lint: .gitignore-style patterns, relative to this file.',
    'ignores:',
    '  # - drafts/**',
    '  # - content/issues/_index.md',
    '',
    '# Extra rule modules: a path relative to this file, or an installed npm package. A module',
    '# exports rules written with `import { defineRule } from "crisislint"`.',
    'plugins:',
    '  # - ./crisislint-rules/no-eta.mjs',
    '',
  ].join('\n');
}

/** Writes the starting config into `cwd`; returns its path. Throws InitError if one exists. */
export function initConfig(cwd: string): { path: string; shadows?: string } {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(cwd, name);
    if (!existsSync(path)) continue;
    if (name === 'package.json') {
      let pkg: unknown;
      try {
        pkg = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        continue;
      }
      if (!pkg || typeof pkg !== 'object' || !('crisislint' in pkg)) continue;
      throw new InitError(`package.json already has a "crisislint" config here; not writing ${INIT_FILE_NAME} (edit that config instead)`);
    }
    throw new InitError(`${name} already exists here; not overwriting it (edit it, or delete it and run crisislint init again)`);
  }
  const path = join(cwd, INIT_FILE_NAME);
  const parent = findConfig(dirname(cwd));
  try {
    writeFileSync(path, starterConfig(), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InitError(`${INIT_FILE_NAME} already exists here; not overwriting it`);
    throw new InitError(`cannot write ${INIT_FILE_NAME}: ${code === 'EACCES' ? 'permission denied' : (code ?? String(error))}`);
  }
  return { path, ...(parent && dirname(cwd) !== cwd ? { shadows: relative(cwd, parent) || parent } : {}) };
}
