// SARIF 2.1.0, as GitHub code scanning accepts it (upload with github/codeql-action/upload-sarif):
// one run, the rules that ran with their docs links, one result per finding with a location
// relative to the repository root. Files that could not be read are tool notifications.
// Also holds the helpers the other CI formatters share: repository-relative paths and rule links.

import { createHash } from '../engine/lazy-crypto.js';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };
import { builtinRules } from '../../rules/index.js';
import type { RuleMeta, Severity } from '../api.js';
import type { FileResult, Finding } from '../engine/results.js';
import { UNUSED_DISABLE_ID } from '../engine/suppressions.js';
import type { Formatter, FormatterContext } from './types.js';

export const TOOL_NAME = 'crisislint';
export const TOOL_VERSION: string = pkg.version;

/** The repository's web address from package.json "repository" (or "homepage"), without ".git". */
export function repositoryUrl(): string | undefined {
  const repo = (pkg as { repository?: string | { url?: string } }).repository;
  const raw = typeof repo === 'string' ? repo : repo?.url;
  if (raw) {
    const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
    if (shorthand) return `https://github.com/${shorthand[1]}`;
    return raw.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/^ssh:\/\/git@/, 'https://').replace(/\.git$/, '');
  }
  const homepage = (pkg as { homepage?: string }).homepage;
  return homepage?.replace(/#.*$/, '');
}

export function informationUri(): string {
  return (pkg as { homepage?: string }).homepage ?? repositoryUrl() ?? 'https://www.npmjs.com/package/crisislint';
}

const BUILTIN_IDS = new Set(builtinRules.map((r) => r.meta.id));

/** The docs page of a built-in rule (docs/rules/<id>.md in the repository); none for plugin rules. */
export function ruleHelpUri(ruleId: string): string | undefined {
  const repo = repositoryUrl();
  if (!repo) return undefined;
  if (ruleId === UNUSED_DISABLE_ID) return `${repo}/blob/main/docs/integrations.md#inline-suppressions`;
  return BUILTIN_IDS.has(ruleId) ? `${repo}/blob/main/docs/rules/${ruleId}.md` : undefined;
}

const rootCache = new Map<string, string>();

/** The git top-level above `cwd` (where .git is), else `cwd` itself. */
export function repositoryRoot(cwd: string): string {
  let root = rootCache.get(cwd);
  if (root) return root;
  root = cwd;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git'))) {
      root = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  rootCache.set(cwd, root);
  return root;
}

/** A reported path relative to the repository root, with forward slashes (stdin names as given). */
export function repositoryPath(filePath: string, context: Pick<FormatterContext, 'cwd'>): string {
  if (filePath.startsWith('<') && filePath.endsWith('>')) return filePath;
  const absolute = resolve(context.cwd, filePath);
  const rel = relative(repositoryRoot(context.cwd), absolute);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function sarifRule(id: string, meta: RuleMeta<object> | undefined) {
  const helpUri = ruleHelpUri(id);
  if (!meta) {
    return {
      id,
      shortDescription: { text: 'A crisislint-disable comment that suppressed nothing.' },
      fullDescription: { text: 'Reported with --report-unused-disables: the comment names no rule that had a finding where it applies.' },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: 'warning' },
    };
  }
  const fix = meta.docs?.fix ? ` How to fix: ${meta.docs.fix}` : '';
  return {
    id,
    name: id.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.docs?.why || meta.description },
    ...(helpUri ? { helpUri } : {}),
    help: { text: `${meta.description}${fix}${helpUri ? ` Docs: ${helpUri}` : ''}`, markdown: `${meta.description}${fix}${helpUri ? `\n\n[Rule docs](${helpUri})` : ''}` },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: ['crisis-communication', meta.principle], principle: meta.principle },
  };
}

/** Stable across line moves: rule, file, the flagged text and its occurrence number. */
function fingerprint(path: string, f: Finding, occurrence: number): string {
  return createHash('sha256').update(`${f.ruleId}\u0000${path}\u0000${f.excerpt}\u0000${occurrence}`).digest('hex').slice(0, 32);
}

export function toSarif(results: FileResult[], context: FormatterContext) {
  const ids = new Set(context.rules.keys());
  for (const r of results) for (const f of r.findings) ids.add(f.ruleId);
  const ruleIds = [...ids];
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const sarifResults = [];
  const notifications = [];
  for (const r of results) {
    const path = repositoryPath(r.filePath, context);
    const uri = artifactUri(path);
    const artifactLocation = uri.startsWith('file:') ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
    if (r.fatal) {
      notifications.push({
        level: 'error',
        message: { text: `${path}: ${r.fatal}` },
        locations: [{ physicalLocation: { artifactLocation } }],
        descriptor: { id: 'unreadable-input' },
      });
      continue;
    }
    const seen = new Map<string, number>();
    for (const f of r.findings) {
      const key = `${f.ruleId}\u0000${f.excerpt}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      sarifResults.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId)!,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, snippet: { text: f.excerpt } },
            },
          },
        ],
        partialFingerprints: { 'crisislintFinding/v1': fingerprint(uri, f, occurrence) },
        properties: { principle: f.principle, penalty: f.penalty, statement: f.statement, incident: f.incident, score: r.score },
        ...(f.suggestions.length
          ? {
              fixes: f.suggestions.map((s) => ({
                description: { text: s.desc },
                artifactChanges: [
                  {
                    artifactLocation,
                    replacements: [
                      { deletedRegion: { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn }, insertedContent: { text: s.text } },
                    ],
                  },
                ],
              })),
            }
          : {}),
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: informationUri(),
            rules: ruleIds.map((id) => sarifRule(id, context.rules.get(id))),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${repositoryRoot(context.cwd)}${sep}`).href } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}

/** A relative path as a URI reference (each segment percent-encoded); an absolute one as file://. */
function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split('/').map(encodeURIComponent).join('/');
}

export const sarif: Formatter = (results, context) => `${JSON.stringify(toSarif(results, context), null, 2)}\n`;
