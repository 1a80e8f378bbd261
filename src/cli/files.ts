// Expands the command line's paths: files as given, directories walked recursively for the
// formats crisislint reads, globs expanded. A path that matches nothing is a usage problem.

import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { lintableExtensions } from '../inputs/index.js';

export interface Expanded {
  files: string[];
  /** One line per path that matched nothing. */
  problems: string[];
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export function expandPaths(paths: string[], cwd: string): Expanded {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  const extensions = lintableExtensions().map((e) => e.slice(1));
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(resolve(cwd, path), { throwIfNoEntry: false });
    } catch (error) {
      problems.push(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    if (stat?.isDirectory()) {
      const found = globSync(`**/*.{${extensions.join(',')}}`, { cwd: resolve(cwd, path), ignore: ALWAYS_IGNORED, dot: false })
        .sort()
        .map((f) => join(path, f));
      if (found.length === 0) problems.push(`${path}: no statements found in the directory (looked for ${extensions.map((e) => `*.${e}`).join(', ')})`);
      found.forEach(add);
    } else if (stat) {
      add(path);
    } else if (isDynamicPattern(path)) {
      const found = globSync(path, { cwd, ignore: ALWAYS_IGNORED, onlyFiles: true }).sort();
      if (found.length === 0) problems.push(`${path}: no files match the pattern`);
      found.forEach(add);
    } else {
      problems.push(`${path}: no such file or directory`);
    }
  }
  return { files, problems };
}
