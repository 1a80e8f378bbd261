// Extra rule modules ("plugins" in a config). A plugin exports rules through the same interface
// as the built-in ones (src/api.ts): its default export or its `rules` export is a Rule, an
// array of Rules or an object whose values are Rules. Anything else is one clear error.

import { createHash } from './lazy-crypto.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Principle, Rule, RuleScope, Severity } from '../api.js';

export class PluginError extends Error {
  override name = 'PluginError';
}

export interface LoadedPlugin {
  /** As written in the config, e.g. "./rules/no-eta.mjs" or "crisislint-plugin-acme". */
  spec: string;
  /** The module file that was imported. */
  path: string;
  rules: Rule<object>[];
  /** sha256 of the module file, so a cache notices when a plugin changes. */
  contentHash: string;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const PRINCIPLES: Principle[] = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'];
const SCOPES: RuleScope[] = ['sentence', 'statement', 'timeline', 'statement-or-timeline'];
/** Rule ids are kebab-case so `--rule id=severity` and disable comments can name them. */
const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.split('\n')[0];
}

function isPathSpec(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..' || isAbsolute(spec);
}

/** Package name and subpath of a bare specifier: "@acme/rules/extra" -> ["@acme/rules", "./extra"]. */
function splitPackageSpec(spec: string): [string, string] {
  const parts = spec.split('/');
  const nameLength = spec.startsWith('@') ? 2 : 1;
  const subpath = parts.slice(nameLength).join('/');
  return [parts.slice(0, nameLength).join('/'), subpath ? `./${subpath}` : '.'];
}

/** The target of a package.json "exports" entry for an ES module import. */
function exportTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) {
    for (const item of entry) {
      const target = exportTarget(item);
      if (target) return target;
    }
    return undefined;
  }
  if (entry && typeof entry === 'object') {
    const conditions = entry as Record<string, unknown>;
    for (const condition of ['node', 'import', 'default']) {
      if (condition in conditions) {
        const target = exportTarget(conditions[condition]);
        if (target) return target;
      }
    }
  }
  return undefined;
}

/**
 * Finds an ES-module-only package (whose "exports" offer no "require" condition, so
 * require.resolve refuses it) by walking node_modules folders up from `baseDir`.
 */
function resolveImportOnlyPackage(spec: string, baseDir: string): string | undefined {
  const [name, subpath] = splitPackageSpec(spec);
  for (let dir = baseDir; ; dir = dirname(dir)) {
    const pkgDir = join(dir, 'node_modules', name);
    const pkgFile = join(pkgDir, 'package.json');
    if (existsSync(pkgFile)) {
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports?: unknown };
      const exportsField = pkg.exports;
      const entry =
        exportsField && typeof exportsField === 'object' && !Array.isArray(exportsField) && Object.keys(exportsField).some((k) => k.startsWith('.'))
          ? (exportsField as Record<string, unknown>)[subpath]
          : subpath === '.'
            ? exportsField
            : undefined;
      const target = exportTarget(entry);
      return target ? resolve(pkgDir, target) : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Resolves a plugin spec to a file: a path relative to `baseDir`, or a package installed there. */
export function resolvePlugin(spec: string, baseDir: string): string {
  if (isPathSpec(spec)) {
    const path = resolve(baseDir, spec);
    if (!existsSync(path)) throw new PluginError(`plugin "${spec}" not found (no file ${path})`);
    if (statSync(path).isFile()) return path;
  }
  const require = createRequire(join(baseDir, 'noop.js'));
  try {
    return require.resolve(isPathSpec(spec) ? resolve(baseDir, spec) : spec);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || code === 'MODULE_NOT_FOUND') {
      const found = isPathSpec(spec) ? undefined : resolveImportOnlyPackage(spec, baseDir);
      if (found && existsSync(found)) return found;
    }
    if (code === 'MODULE_NOT_FOUND') {
      throw new PluginError(
        isPathSpec(spec)
          ? `plugin "${spec}" not found (${resolve(baseDir, spec)} has no package.json "main" or index file)`
          : `plugin "${spec}" not found: install it (npm install --save-dev ${spec}) or give a path starting with "./"`,
      );
    }
    throw new PluginError(`plugin "${spec}" cannot be resolved: ${firstLine(error)}`);
  }
}

function isRuleLike(value: unknown): value is { meta: unknown; check: unknown } {
  return !!value && typeof value === 'object' && 'meta' in value && 'check' in value;
}

/** The rules a plugin module exports, in export order, with where each came from. */
function exportedRules(mod: Record<string, unknown>): { where: string; value: unknown }[] | undefined {
  const fromDefault = mod.default as Record<string, unknown> | undefined;
  const candidates: [string, unknown][] = [
    ['rules', mod.rules],
    ['default.rules', fromDefault && typeof fromDefault === 'object' ? fromDefault.rules : undefined],
    ['default', fromDefault],
  ];
  for (const [name, value] of candidates) {
    if (value === undefined || value === null) continue;
    if (isRuleLike(value)) return [{ where: name, value }];
    if (Array.isArray(value)) return value.map((v, i) => ({ where: `${name}[${i}]`, value: v }));
    if (typeof value === 'object') return Object.entries(value).map(([k, v]) => ({ where: `${name}.${k}`, value: v }));
  }
  return undefined;
}

/** Checks one exported value against the Rule interface; returns it with optional meta filled in. */
export function validateRule(value: unknown, label: string): Rule<object> {
  const fail = (problem: string): never => {
    throw new PluginError(`${label}: ${problem}`);
  };
  if (!isRuleLike(value)) fail('is not a rule (expected { meta: { id, principle, scope, severity, description }, check(context) })');
  const rule = value as { meta: Record<string, unknown>; check: unknown };
  const meta = rule.meta;
  if (!meta || typeof meta !== 'object') fail('meta must be an object');
  const id = meta.id;
  if (typeof id !== 'string' || !RULE_ID.test(id)) fail(`meta.id must be a kebab-case string such as "no-eta" (got ${JSON.stringify(id)})`);
  const where = `${label} (rule "${String(id)}")`;
  const bad = (field: string, allowed: readonly string[]) => {
    throw new PluginError(`${where}: meta.${field} must be one of ${allowed.join(', ')} (got ${JSON.stringify(meta[field])})`);
  };
  if (typeof rule.check !== 'function') throw new PluginError(`${where}: check must be a function`);
  if (!PRINCIPLES.includes(meta.principle as Principle)) bad('principle', PRINCIPLES);
  if (!SCOPES.includes(meta.scope as RuleScope)) bad('scope', SCOPES);
  if (!SEVERITIES.includes(meta.severity as Severity)) bad('severity', SEVERITIES);
  if (typeof meta.description !== 'string' || !meta.description.trim()) throw new PluginError(`${where}: meta.description must be a one-line description`);
  if (meta.options !== undefined && (typeof meta.options !== 'object' || meta.options === null || Array.isArray(meta.options))) {
    throw new PluginError(`${where}: meta.options must be an object of default options`);
  }
  if (meta.maintenance !== undefined && typeof meta.maintenance !== 'boolean') throw new PluginError(`${where}: meta.maintenance must be true or false`);
  const check = rule.check as Rule<object>['check'];
  return {
    meta: {
      ...(meta as unknown as Rule<object>['meta']),
      // Optional for plugins: a rule without docs describes itself; one that does not say
      // otherwise applies to planned maintenance too.
      docs: (meta.docs as Rule<object>['meta']['docs'] | undefined) ?? { why: meta.description as string, fix: '', fail: [], pass: [] },
      maintenance: (meta.maintenance as boolean | undefined) ?? true,
    },
    check: (context) => check.call(rule, context),
  };
}

/**
 * import() the module. The bundle may run from a V8 code cache, which on Node 20 has no import()
 * of its own: bin/load-bundle.cjs then lends one. Without either, require() loads the module,
 * which takes CommonJS and, from Node 20.19, ES modules without top-level await.
 */
async function importModule(path: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(path).href;
  const lent = (globalThis as Record<symbol, unknown>)[Symbol.for('crisislint.import')] as ((specifier: string) => Promise<unknown>) | undefined;
  try {
    return (await (lent ? lent(url) : import(url))) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING') throw error;
    return createRequire(path)(path) as Record<string, unknown>;
  }
}

/** Imports a plugin module and returns its validated rules. */
export async function loadPlugin(spec: string, baseDir: string): Promise<LoadedPlugin> {
  const path = resolvePlugin(spec, baseDir);
  let mod: Record<string, unknown>;
  try {
    mod = await importModule(path);
  } catch (error) {
    throw new PluginError(`plugin "${spec}" could not be loaded: ${firstLine(error)}`);
  }
  const exported = exportedRules(mod);
  if (!exported || exported.length === 0) {
    throw new PluginError(`plugin "${spec}" exports no rules (export default a rule, an array or an object of rules, or export const rules = [...])`);
  }
  const rules = exported.map(({ where, value }) => validateRule(value, `plugin "${spec}" export ${where}`));
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.meta.id)) throw new PluginError(`plugin "${spec}" exports two rules with the id "${rule.meta.id}"`);
    seen.add(rule.meta.id);
  }
  return { spec, path, rules, contentHash: createHash('sha256').update(readFileSync(path)).digest('hex') };
}
