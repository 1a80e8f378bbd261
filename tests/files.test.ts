// Path expansion: directory walks pick up every input format, skip what .gitignore and
// .crisislintignore exclude (in the walked folder, nested folders and the folders above up to
// the repository root or the current directory), and skip JSON/XML that is not a status page.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../src/cli/files.js';

const STATEMENT = 'We are sorry: logins failed for an hour because of our certificate change.\n';
const INCIDENTS = '{"incidents": [{"name": "x", "incident_updates": [{"status": "resolved", "body": "Fixed.", "display_at": "2024-01-01T10:00:00Z"}]}]}';
const FEED = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'crisislint-files-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const walk = (paths: string[], cwd: string) => expandPaths(paths, cwd);

describe('directory walks', () => {
  it('pick up Markdown, text, Statuspage JSON and feeds, in a stable order', () => {
    const root = tree({ 'b.md': STATEMENT, 'a.txt': STATEMENT, 'api/incidents.json': INCIDENTS, 'history.atom': FEED, 'feed.rss': '<rss/>', 'notes.xml': FEED, 'image.png': 'x' });
    expect(walk(['.'], root)).toMatchObject({ files: ['a.txt', 'api/incidents.json', 'b.md', 'feed.rss', 'history.atom', 'notes.xml'], problems: [], unreadable: [] });
  });

  it('skip JSON and XML files that hold something else (package.json, pom.xml)', () => {
    const root = tree({ 'incidents.json': INCIDENTS, 'package.json': '{"name": "site", "version": "1.0.0"}', 'pom.xml': '<project></project>', 'history.xml': FEED });
    expect(walk(['.'], root).files).toEqual(['history.xml', 'incidents.json']);
    // Named on the command line, a file is read whatever it holds (and gets a clear error).
    expect(walk(['package.json'], root).files).toEqual(['package.json']);
  });

  it('honour .gitignore and .crisislintignore in the walked folder and nested folders, with negation', () => {
    const root = tree({
      '.gitignore': 'drafts/\n*.tmp.md\n',
      '.crisislintignore': 'content/issues/_index.md\narchive/**\n!archive/keep.md\n',
      'drafts/new.md': STATEMENT,
      'x.tmp.md': STATEMENT,
      'content/issues/_index.md': STATEMENT,
      'content/issues/2024-01-01-outage.md': STATEMENT,
      'content/issues/.gitignore': 'private-*.md\n',
      'content/issues/private-notes.md': STATEMENT,
      'archive/old.md': STATEMENT,
      'archive/keep.md': STATEMENT,
      'top.md': STATEMENT,
    });
    expect(walk(['.'], root).files).toEqual(['archive/keep.md', 'content/issues/2024-01-01-outage.md', 'top.md']);
    expect(walk(['content'], root).files).toEqual(['content/issues/2024-01-01-outage.md']);
  });

  it('read the ignore files of the folders above the walked one, up to the current directory', () => {
    const root = tree({ '.crisislintignore': 'site/content/issues/old-*.md\n', 'site/content/issues/old-1.md': STATEMENT, 'site/content/issues/new.md': STATEMENT });
    expect(walk(['site/content/issues'], root).files).toEqual(['site/content/issues/new.md']);
    // From a folder inside, up to the repository root (the folder that holds .git).
    mkdirSync(join(root, '.git'));
    expect(walk(['issues'], join(root, 'site', 'content')).files).toEqual(['issues/new.md']);
  });

  it('do not read ignore files above the walk when it is outside the current directory and any repository', () => {
    const outer = tree({ '.gitignore': '*.md\n', 'corpus/a.md': STATEMENT });
    const cwd = tree({});
    expect(walk([resolve(outer, 'corpus')], cwd).files).toEqual([join(resolve(outer, 'corpus'), 'a.md')]);
  });

  it('report a folder whose every statement is ignored', () => {
    const root = tree({ '.gitignore': 'drafts/\n', 'drafts/a.md': STATEMENT });
    const { files, problems } = walk(['drafts'], root);
    expect(files).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^drafts: no statements found in the directory \(looked for (?=.*\*\.md,)(?=.*\*\.json,).* not excluded by \.gitignore or \.crisislintignore\)$/)]);
  });
});

describe('files and globs', () => {
  const root = tree({ '.gitignore': 'drafts/\n', '.crisislintignore': 'notes.md\n', 'drafts/a.md': STATEMENT, 'notes.md': STATEMENT, 'b.md': STATEMENT });

  it('a glob honours the ignore files', () => {
    expect(walk(['**/*.md'], root).files).toEqual(['b.md']);
  });

  it('a named file is linted unless .crisislintignore excludes it; .gitignore does not hide a file asked for', () => {
    expect(walk(['drafts/a.md', 'notes.md', 'b.md'], root).files).toEqual(['drafts/a.md', 'b.md']);
  });
});

describe('crisislint --input-format', () => {
  const BIN = resolve(import.meta.dirname, '..', 'bin', 'crisislint.cjs');
  const run = (args: string[], cwd: string, input = '') => spawnSync(process.execPath, [BIN, '--now', '2025-01-01T00:00:00Z', ...args], { cwd, input, encoding: 'utf8' });

  it('reads every input as the named format', () => {
    const dir = tree({ 'incidents.txt': INCIDENTS });
    const r = run(['incidents.txt', '--input-format', 'statuspage-json', '-f', 'json'], dir);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ filePath: 'incidents.txt', incidents: [{ title: 'x' }] });
  });

  it('rejects an unknown name with one line listing the formats, exit 2', () => {
    const r = run(['x.md', '--input-format', 'yaml'], tree({ 'x.md': STATEMENT }));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    for (const name of ['statuspage-json', 'statuspage-feed', 'cstate', 'markdown']) expect(lines[0]).toContain(name);
  });
});
