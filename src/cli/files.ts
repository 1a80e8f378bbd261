// Expands the command line's paths: files as given, directories walked recursively for the
// formats crisislint reads, globs expanded. Walks and globs skip what .gitignore and
// .crisislintignore exclude; a path that matches nothing is a usage problem.

import { closeSync, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
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
  /**
   * What a directory walk met but could not read (a folder without permission, a broken
   * symbolic link, a link loop): one line each, and the walk went on.
   */
  unreadable: { path: string; reason: string }[];
}

export interface ExpandOptions {
  /** False (--no-ignore): .crisislintignore does not apply; .gitignore still prunes walks and globs. */
  ignore?: boolean;
}

/** Files larger than this are skipped with one line unless --max-file-size raises it. */
export const DEFAULT_MAX_FILE_MB = 32;

/** A reason in a few words for a failed read or stat. */
export function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOENT':
      return 'no such file (a broken symbolic link?)';
    default:
      return `cannot be read (${code ?? String(error)})`;
  }
}

/**
 * Reads one input, refusing what is not a regular file or is bigger than `maxBytes` before
 * reading a byte of it (a named pipe or device would block or never end).
 */
export function readInputFile(path: string, maxBytes: number): { bytes: Buffer } | { problem: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { problem: 'is a directory' };
    if (!stat.isFile()) return { problem: 'not a regular file (a pipe, socket or device), skipped' };
    if (stat.size > maxBytes) {
      const mb = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;
      return { problem: `skipped: ${mb(stat.size)} is over the ${mb(maxBytes)} file size limit (raise it with --max-file-size ${Math.ceil(stat.size / 1048576)})` };
    }
    return { bytes: readFileSync(fd) };
  } catch (error) {
    return { problem: readProblem(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
  const unreadable: Expanded['unreadable'] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    // By real path too: a file reached through a symbolic link is linted once. The system's
    // realpath: one call, where Node's own lstat()s every folder on the way (8 of the 15 ms the
    // 819-file corpus took to expand).
    let real: string;
    try {
      real = realpathSync.native(resolve(cwd, file));
    } catch {
      real = resolve(cwd, file);
    }
    if (!seen.has(file) && !seen.has(real)) {
      seen.add(file);
      seen.add(real);
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
      const walked = walkDirectory(root, extensions, unreadable, path);
      const found = walked.map((f) => join(path, f)).filter((f) => keep(f, top));
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
      let link = false;
      try {
        link = lstatSync(resolve(cwd, path)).isSymbolicLink();
      } catch {
        // Not there at all.
      }
      problems.push(`${path}: ${link ? 'broken symbolic link (its target does not exist)' : 'no such file or directory'}`);
    }
  }
  return { files, problems, named, ignored, unreadable };
}

/** Names a walk never enters (ALWAYS_IGNORED for globs). */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/**
 * The files under `root` with one of `extensions`, as sorted paths relative to it. Hidden
 * entries and node_modules are skipped. Symbolic links are followed, but a folder is entered
 * once (by its real path), so a link loop ends the walk of that branch with one line. Folders
 * that cannot be listed and broken links are added to `unreadable`, and the walk goes on.
 */
function walkDirectory(root: string, extensions: string[], unreadable: Expanded['unreadable'], shownRoot: string): string[] {
  const wanted = new Set(extensions.map((e) => `.${e.toLowerCase()}`));
  const found: string[] = [];
  const entered = new Set<string>();
  const shown = (rel: string) => (rel ? join(shownRoot, rel) : shownRoot);
  const visit = (rel: string, ancestors: Set<string>) => {
    const dir = rel ? join(root, rel) : root;
    let real: string;
    let names: import('node:fs').Dirent[];
    try {
      real = realpathSync.native(dir);
      if (ancestors.has(real)) {
        unreadable.push({ path: shown(rel), reason: 'symbolic link loop (links to a folder that contains it), skipped' });
        return;
      }
      if (entered.has(real)) return; // reached before through another link
      entered.add(real);
      names = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: shown(rel), reason: `folder ${readProblem(error)}, skipped` });
      return;
    }
    const inside = new Set(ancestors).add(real);
    for (const entry of names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const childRel = rel ? join(rel, entry.name) : entry.name;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(join(root, childRel));
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // A broken link to something crisislint would not read anyway is not worth a line.
          if (code === 'ELOOP' || wanted.has(extname(entry.name))) {
            unreadable.push({ path: shown(childRel), reason: code === 'ELOOP' ? 'symbolic link loop, skipped' : 'broken symbolic link (its target does not exist), skipped' });
          }
          continue;
        }
      }
      if (isDirectory) visit(childRel, inside);
      else if (isFile && wanted.has(extname(entry.name))) found.push(childRel);
    }
  };
  visit('', new Set());
  return found.sort();
}

function extname(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : ''; // as the glob matched before: case-sensitive
}
