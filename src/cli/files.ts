// Expands the command line's paths: files as given, directories walked recursively for the
// formats crisislint reads, globs expanded. Walks and globs skip what .gitignore and
// .crisislintignore exclude; a path that matches nothing is a usage problem.

import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { lintableExtensions, walkTakes } from '../inputs/index.js';

export interface Expanded {
  files: string[];
  /** One line per path that matched nothing. */
  problems: string[];
  /** Files named on the command line (not found by a walk or a glob). */
  named: Set<string>;
  /** Files named on the command line that .crisislintignore excludes (skipped). */
  ignored: string[];
}

export interface ExpandOptions {
  /** False (--no-ignore): .crisislintignore does not apply; .gitignore still prunes walks and globs. */
  ignore?: boolean;
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
/** Read in every folder that governs a walk, with git's semantics (patterns relative to the file's folder). */
const IGNORE_FILES = ['.gitignore', '.crisislintignore'] as const;

const toPosix = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));
const isInside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The first 64 KB of a file, enough to tell a Statuspage JSON or a feed from other JSON and XML. */
function head(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(65_536);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } catch {
    return ''; // unreadable: let the linter report it if it is named
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The ignore rules of every folder from a file up to the top of its walk: the repository root
 * (a folder holding .git), else the current directory when the walk is inside it, else the
 * walked folder itself. Deeper files override shallower ones, as in git.
 */
class IgnoreFiles {
  private readonly byDir = new Map<string, Partial<Record<(typeof IGNORE_FILES)[number], Ignore>>>();

  constructor(private readonly cwd: string) {}

  /** Where the ignore files stop applying for a walk that starts at `start`. */
  top(start: string): string {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, '.git'))) return dir;
      if (dirname(dir) === dir) break;
    }
    return isInside(this.cwd, start) ? this.cwd : start;
  }

  ignored(file: string, top: string, which: readonly (typeof IGNORE_FILES)[number][] = IGNORE_FILES): boolean {
    const dirs: string[] = [];
    for (let dir = dirname(file); isInside(top, dir); dir = dirname(dir)) {
      dirs.unshift(dir);
      if (dir === top) break;
    }
    let ignored = false;
    for (const dir of dirs) {
      const rules = this.rulesOf(dir);
      for (const name of which) {
        const result = rules[name]?.test(toPosix(relative(dir, file)));
        if (result?.ignored) ignored = true;
        else if (result?.unignored) ignored = false;
      }
    }
    return ignored;
  }

  private rulesOf(dir: string) {
    let rules = this.byDir.get(dir);
    if (!rules) {
      rules = {};
      for (const name of IGNORE_FILES) {
        let text: string;
        try {
          text = readFileSync(join(dir, name), 'utf8');
        } catch {
          continue; // no such file here
        }
        rules[name] = ignore().add(text);
      }
      this.byDir.set(dir, rules);
    }
    return rules;
  }
}

export function expandPaths(paths: string[], cwd: string, { ignore: useIgnoreFiles = true }: ExpandOptions = {}): Expanded {
  const files: string[] = [];
  const problems: string[] = [];
  const named = new Set<string>();
  const ignored: string[] = [];
  const governing: readonly (typeof IGNORE_FILES)[number][] = useIgnoreFiles ? IGNORE_FILES : ['.gitignore'];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  const ignoreFiles = new IgnoreFiles(resolve(cwd));
  const extensions = lintableExtensions().map((e) => e.slice(1));
  /** Walk results: not ignored, and (for .json, .xml) holding what crisislint reads. */
  const keep = (file: string, top: string) => {
    const absolute = resolve(cwd, file);
    return !ignoreFiles.ignored(absolute, top, governing) && walkTakes(file, () => head(absolute));
  };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(resolve(cwd, path), { throwIfNoEntry: false });
    } catch (error) {
      problems.push(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    if (stat?.isDirectory()) {
      const root = resolve(cwd, path);
      const top = ignoreFiles.top(root);
      const found = globSync(`**/*.{${extensions.join(',')}}`, { cwd: root, ignore: ALWAYS_IGNORED, dot: false })
        .sort()
        .map((f) => join(path, f))
        .filter((f) => keep(f, top));
      if (found.length === 0) problems.push(`${path}: no statements found in the directory (looked for ${extensions.map((e) => `*.${e}`).join(', ')} not excluded by .gitignore or .crisislintignore)`);
      found.forEach(add);
    } else if (stat) {
      // A file named on the command line is linted unless crisislint's own ignore file excludes
      // it (pre-commit hooks name files one by one); .gitignore does not hide a file asked for.
      const absolute = resolve(cwd, path);
      if (useIgnoreFiles && ignoreFiles.ignored(absolute, ignoreFiles.top(dirname(absolute)), ['.crisislintignore'])) ignored.push(path);
      else {
        named.add(path);
        add(path);
      }
    } else if (isDynamicPattern(path)) {
      // A glob names its file types itself, so only the ignore files filter it.
      const top = ignoreFiles.top(resolve(cwd));
      const found = globSync(path, { cwd, ignore: ALWAYS_IGNORED, onlyFiles: true })
        .sort()
        .filter((f) => {
          const absolute = resolve(cwd, f);
          return !ignoreFiles.ignored(absolute, isInside(top, absolute) ? top : ignoreFiles.top(dirname(absolute)), governing);
        });
      if (found.length === 0) problems.push(`${path}: no files match the pattern`);
      found.forEach(add);
    } else {
      problems.push(`${path}: no such file or directory`);
    }
  }
  return { files, problems, named, ignored };
}
