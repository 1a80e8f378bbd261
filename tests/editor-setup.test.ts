// The editor set-ups no test can run here (VS Code, Helix, Emacs, nvim-lspconfig): each must start
// `crisislint --lsp` for Markdown. The VS Code client is loaded with stand-ins for the VS Code API
// and its language-client library, to see what it starts; the README snippets are read as text.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readmeSnippet } from './readme-snippets.js';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };

describe('the VS Code extension (editors/vscode)', () => {
  const originalLoad = Module._load;
  afterEach(() => {
    Module._load = originalLoad;
  });

  it('starts `crisislint --lsp` over stdio for Markdown and plain text, and stops it on deactivate', async () => {
    const started: { id: string; server: unknown; client: { documentSelector: { language: string }[] } }[] = [];
    let stopped = 0;
    class LanguageClient {
      constructor(id: string, _name: string, server: unknown, client: { documentSelector: { language: string }[] }) {
        started.push({ id, server, client });
      }
      start = async () => undefined;
      stop = async () => void stopped++;
      dispose() {}
    }
    const vscode = { workspace: { getConfiguration: () => ({ get: (_key: string, fallback: string) => fallback }) } };
    Module._load = function (request: string, ...rest: unknown[]) {
      if (request === 'vscode') return vscode;
      if (request === 'vscode-languageclient/node') return { LanguageClient };
      return originalLoad.call(this, request, ...rest);
    };
    const path = join(ROOT, 'editors', 'vscode', 'extension.js');
    delete require.cache[path];
    const extension = require(path) as { activate: (c: { subscriptions: unknown[] }) => Promise<void>; deactivate: () => Promise<void> };
    await extension.activate({ subscriptions: [] });
    expect(started).toHaveLength(1);
    expect(started[0].server).toEqual({ run: { command: 'crisislint', args: ['--lsp'] }, debug: { command: 'crisislint', args: ['--lsp'] } });
    expect(new Set(started[0].client.documentSelector.map((s) => s.language))).toEqual(new Set(['markdown', 'plaintext']));
    await extension.deactivate();
    expect(stopped).toBe(1);

    const manifest = JSON.parse(readFileSync(join(ROOT, 'editors', 'vscode', 'package.json'), 'utf8'));
    expect(manifest.main).toBe('./extension.js');
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown', 'onLanguage:plaintext']);
    expect(Object.keys(manifest.dependencies)).toEqual(['vscode-languageclient']);
  });
});

describe('the built command', () => {
  it("leaves the servers' libraries to their own bundles, loaded only for --lsp and --mcp", () => {
    const cli = readFileSync(join(ROOT, 'dist', 'crisislint.cjs'), 'utf8');
    expect(cli).not.toMatch(/McpServer = class|class McpServer|StreamMessageReader/);
    expect(readFileSync(join(ROOT, 'dist', 'lsp.cjs'), 'utf8')).toContain('StreamMessageReader');
    expect(readFileSync(join(ROOT, 'dist', 'mcp.cjs'), 'utf8')).toMatch(/McpServer = class|class McpServer/);
  });
});

describe('the README editor snippets', () => {
  it('Helix runs crisislint --lsp for Markdown', () => {
    const toml = readmeSnippet('helix');
    expect(toml).toMatch(/^\[language-server\.crisislint\]\ncommand = "crisislint"\nargs = \["--lsp"\]$/m);
    expect(toml).toMatch(/name = "markdown"\nlanguage-servers = \[[^\]]*"crisislint"\]/);
  });

  it('Emacs (eglot) runs crisislint --lsp for Markdown and text modes', () => {
    const elisp = readmeSnippet('emacs');
    expect(elisp).toContain('(markdown-mode gfm-mode text-mode) . ("crisislint" "--lsp")');
    expect(elisp.split('(').length).toBe(elisp.split(')').length);
  });

  it('nvim-lspconfig runs crisislint --lsp for Markdown and text', () => {
    const lua = readmeSnippet('neovim-lspconfig');
    expect(lua).toContain("cmd = { 'crisislint', '--lsp' }");
    expect(lua).toContain("filetypes = { 'markdown', 'text' }");
  });
});
