// Nothing in a linted file can make crisislint load or run code, read other files or reach the
// network: front matter, inline comments and JSON or feed fields are data. Plugins load only
// from the config the user chose (found from the working folder, or --config), never from a
// config that sits beside a linted file. Each test plants a "trap" plugin that writes a marker
// file if it is ever imported, and a local TCP server that counts connections.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');

let dir: string;
let marker: string;
let connections = 0;
let port = 0;
const server = createServer((socket) => {
  connections++;
  socket.destroy();
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  dir = mkdtempSync(join(tmpdir(), 'crisislint-exec-'));
  marker = join(dir, 'TRAP-RAN');
  const trap = `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'ran'); export default [];`;
  writeFileSync(join(dir, 'trap.mjs'), trap);
  writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET-CONTENT');
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function lint(files: Record<string, string>, args: string[] = [], cwd?: string) {
  const work = mkdtempSync(join(dir, 'case-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(work, name, '..'), { recursive: true });
    writeFileSync(join(work, name), text);
  }
  const run = spawnSync(process.execPath, [BIN, '--no-config', '--format', 'json', ...args, ...Object.keys(files).filter((f) => !f.includes('crisislintrc'))], {
    cwd: cwd ?? work,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ...run, work };
}

const url = () => `http://127.0.0.1:${port}/x`;
const TRAP = () => join(dir, 'trap.mjs');

describe('a linted file cannot load or run code, read files or reach the network', () => {
  it('front matter: YAML tags, plugin and config keys, includes and URLs are data', () => {
    const { status, stdout } = lint({
      'draft.md': `---\ntitle: !!js/function "function () { require('fs').writeFileSync('${marker}', 'x') }"\nplugins: ["${TRAP()}"]\nrules: { passive-voice: off }\nextends: ${TRAP()}\nimport: ${url()}\npostmortem: ${url()}\ninclude: !include ${join(dir, 'secret.txt')}\n---\nThe issue has been identified. We are sorry. Details: ${url()}\n`,
    });
    expect(status).not.toBe(2);
    expect(stdout).not.toContain('TOP-SECRET-CONTENT');
    expect(JSON.parse(stdout)[0].messages.some((m: { ruleId: string }) => m.ruleId === 'passive-voice')).toBe(true); // "rules" in front matter changed nothing
  });

  it('inline comments: only crisislint-disable directives, never config or plugins', () => {
    const { stdout } = lint({
      'draft.md': `<!-- crisislint-config {"plugins": ["${TRAP()}"]} -->\n<!-- eslint-env node -->\n<!-- crisislint-disable ${TRAP()} -->\n<!-- #include file="${join(dir, 'secret.txt')}" -->\n<script src="${url()}"></script>\n<img src="${url()}">\n\nThe issue has been identified.\n`,
    });
    expect(stdout).not.toContain('TOP-SECRET-CONTENT');
  });

  it('Statuspage JSON fields and prototype keys are data', () => {
    const incident = { name: 'x', status: 'resolved', impact: 'major', created_at: '2024-03-01T14:00:00Z', shortlink: url(), postmortem_body: `import('${TRAP()}')`, incident_updates: [{ status: 'resolved', body: `See ${url()} and file://${join(dir, 'secret.txt')}`, created_at: '2024-03-01T15:00:00Z' }] };
    const { status, stdout } = lint({ 'incidents.json': `{"__proto__": {"polluted": true, "plugins": ["${TRAP()}"]}, "constructor": {"prototype": {"polluted": true}}, "page": {"url": "${url()}"}, "incidents": [${JSON.stringify(incident)}]}` });
    expect(status).not.toBe(2);
    expect(stdout).not.toContain('TOP-SECRET-CONTENT');
    expect(stdout).not.toContain('polluted');
  });

  it('feeds: external entities, XInclude and stylesheets are never fetched or read', () => {
    const { stdout } = lint({
      'history.atom': `<?xml version="1.0"?>\n<?xml-stylesheet href="${url()}"?>\n<!DOCTYPE feed [<!ENTITY secret SYSTEM "file://${join(dir, 'secret.txt')}"><!ENTITY net SYSTEM "${url()}">]>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="${join(dir, 'secret.txt')}" parse="text"/><entry><title>&secret;&net;</title><published>2024-03-01T14:00:00Z</published><content type="html">&lt;p&gt;&amp;secret; &lt;img src="${url()}"&gt; We are sorry the API failed.&lt;/p&gt;</content></entry></feed>`,
    });
    expect(stdout).not.toContain('TOP-SECRET-CONTENT');
  });

  it('a config beside the linted files is not the user\'s choice: its plugins do not load', () => {
    const repo = mkdtempSync(join(dir, 'repo-'));
    mkdirSync(join(repo, 'statements'));
    writeFileSync(join(repo, 'statements', '.crisislintrc.json'), JSON.stringify({ plugins: [TRAP()] }));
    writeFileSync(join(repo, 'statements', 'draft.md'), 'The issue has been identified.\n');
    const elsewhere = mkdtempSync(join(dir, 'cwd-'));
    const run = spawnSync(process.execPath, [BIN, '--format', 'json', join(repo, 'statements')], { cwd: elsewhere, encoding: 'utf8' });
    expect(run.status).toBe(0); // warnings only: the config's plugin did not fail to load, it was never read
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });

  it('ran none of the traps and opened no connection', () => {
    expect(existsSync(marker)).toBe(false);
    expect(connections).toBe(0);
    // The trap works when a config the user chose names it, so the checks above could fail.
    const chosen = join(dir, 'chosen.json');
    writeFileSync(chosen, JSON.stringify({ plugins: [TRAP()] }));
    writeFileSync(join(dir, 'ok.md'), 'We are sorry.\n');
    spawnSync(process.execPath, [BIN, '--config', chosen, join(dir, 'ok.md')], { cwd: dir, encoding: 'utf8' });
    expect(readFileSync(marker, 'utf8')).toBe('ran');
  });
});
