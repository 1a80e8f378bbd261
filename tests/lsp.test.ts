// The language server as an editor sees it: vitest spawns the built `crisislint --lsp` and
// speaks JSON-RPC to it over stdio (vscode-jsonrpc), from initialize to applying a code action.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, Diagnostic, Hover, PublishDiagnosticsParams, Range, TextEdit } from 'vscode-languageserver';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');

class Client {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly docs = new Map<string, TextDocument>();
  stderr = '';

  constructor(args: string[] = ['--lsp'], cwd = ROOT) {
    this.process = spawn(process.execPath, [BIN, ...args], { cwd, stdio: 'pipe' });
    this.process.stderr.on('data', (d) => (this.stderr += d));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, [...(this.published.get(params.uri) ?? []), params]);
      for (const w of [...this.waiters]) {
        if (w.uri === params.uri && (w.version === undefined || params.version === w.version)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.listen();
  }

  async initialize(options: Record<string, unknown> = {}) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      capabilities: { workspace: { codeLens: { refreshSupport: true } } },
      initializationOptions: options,
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
  }

  diagnosticsFor(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<Diagnostic[]> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    const published = this.diagnosticsFor(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return (await published).diagnostics;
  }

  /** Applies edits to the open document and sends them as an incremental change; resolves with the new diagnostics. */
  async edit(uri: string, edits: TextEdit[]): Promise<Diagnostic[]> {
    const before = this.docs.get(uri)!;
    const text = TextDocument.applyEdits(before, edits);
    const after = TextDocument.update(before, [{ text }], before.version + 1);
    this.docs.set(uri, after);
    const published = this.diagnosticsFor(uri, after.version);
    // Edits as the client sends them: from the end of the document backwards, each a range change.
    const changes = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character).map((e) => ({ range: e.range, text: e.newText }));
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: after.version }, contentChanges: changes });
    return (await published).diagnostics;
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  textAt(uri: string, range: Range): string {
    return this.docs.get(uri)!.getText(range);
  }

  codeActions(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const range = diagnostics[0].range;
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } }) as Promise<CodeAction[]>;
  }

  exited(): Promise<number | null> {
    return new Promise((resolve) => (this.process.exitCode !== null ? resolve(this.process.exitCode) : this.process.once('exit', (code) => resolve(code))));
  }

  async stop() {
    if (this.process.exitCode !== null) return;
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await this.exited();
    this.connection.dispose();
  }
}

const uriOf = (name: string) => pathToFileURL(join(ROOT, 'fixtures', name)).href;

// A statement with emoji (two UTF-16 units each) and non-Latin text before its findings on the same line.
const DRAFT = [
  '# Payments outage',
  '',
  '🔥🔥 Платежи не работали 40 minutes. The issue has now been identified and a fix has been implemented.',
  '',
  'We apologize for any inconvenience this may have caused.',
  '',
].join('\n');

describe('crisislint --lsp', () => {
  const client = new Client();
  let capabilities: Record<string, unknown>;

  beforeAll(async () => {
    ({ capabilities } = await client.initialize({ debounceMs: 0 }));
  });
  afterAll(() => client.stop());

  it('initializes with diagnostics, code actions, code lenses and hovers in UTF-16 positions', () => {
    expect(capabilities).toMatchObject({ positionEncoding: 'utf-16', codeActionProvider: expect.anything(), codeLensProvider: expect.anything(), hoverProvider: true });
  });

  it('publishes diagnostics on open, with rule id, severity, docs link and UTF-16 ranges past emoji and Cyrillic', async () => {
    const uri = uriOf('lsp-draft.md');
    const diagnostics = await client.open(uri, DRAFT);
    const passive = diagnostics.filter((d) => d.code === 'passive-voice');
    expect(passive.map((d) => client.textAt(uri, d.range))).toEqual(['has now been identified', 'has been implemented']);
    expect(passive[0]).toMatchObject({ source: 'crisislint', severity: 2, range: { start: { line: 2 } } });
    expect(passive[0].codeDescription?.href).toMatch(/docs\/rules\/passive-voice\.md$/);
    const apology = diagnostics.find((d) => d.code === 'emotion-apology')!;
    expect(apology.severity).toBe(1);
    expect(client.textAt(uri, apology.range)).toContain('any inconvenience this may have caused');
  });

  it('offers each suggestion as a quick fix whose edit replaces its span', async () => {
    const uri = uriOf('lsp-fix.md');
    const diagnostics = await client.open(uri, DRAFT);
    const passive = diagnostics.find((d) => d.code === 'passive-voice')!;
    const actions = await client.codeActions(uri, [passive]);
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.kind).toBe('quickfix');
    const after = await client.edit(uri, fix.edit!.changes![uri]);
    expect(client.text(uri)).toContain('🔥🔥 Платежи не работали 40 minutes. We have now identified the issue and');
    expect(after.filter((d) => d.code === 'passive-voice').map((d) => client.textAt(uri, d.range))).toEqual(['has been implemented']);
  });

  it('fixes all suggestions of a rule in the file at once', async () => {
    const uri = uriOf('lsp-fix-all.md');
    const diagnostics = await client.open(uri, DRAFT);
    const actions = await client.codeActions(uri, [diagnostics.find((d) => d.code === 'passive-voice')!]);
    const fixAll = actions.find((a) => a.title === 'Fix all passive-voice suggestions in this file')!;
    expect(fixAll.edit!.changes![uri]).toHaveLength(2);
    const after = await client.edit(uri, fixAll.edit!.changes![uri]);
    expect(client.text(uri)).toMatch(/We have (?:now )?identified the issue and we have implemented a fix\./i);
    expect(after.filter((d) => d.code === 'passive-voice')).toEqual([]);
  });

  it('disables a rule for one line with an inline comment, which the next lint honours', async () => {
    const uri = uriOf('lsp-disable.md');
    const diagnostics = await client.open(uri, DRAFT);
    const apology = diagnostics.find((d) => d.code === 'emotion-apology')!;
    const actions = await client.codeActions(uri, [apology]);
    const disable = actions.find((a) => a.title === 'Disable emotion-apology for this line')!;
    const after = await client.edit(uri, disable.edit!.changes![uri]);
    expect(client.text(uri).split('\n')[4]).toBe('We apologize for any inconvenience this may have caused. <!-- crisislint-disable-line emotion-apology -->');
    expect(after.map((d) => d.code)).not.toContain('emotion-apology');
    expect(after.map((d) => d.code)).toContain('passive-voice');
  });

  it('shows the score, grade and principle checklist in a code lens and a hover on the first line', async () => {
    const uri = uriOf('lsp-lens.md');
    await client.open(uri, DRAFT);
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    expect(lenses).toHaveLength(1);
    expect(lenses[0].range.start.line).toBe(0);
    expect(lenses[0].command!.title).toMatch(/^crisislint: \d+\/100 [A-F] {2}[✓✗–] Be prompt {2}[✓✗–] Own it/);
    expect(lenses[0].command!.title).toContain('✗ Own it');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } })) as Hover;
    expect((hover.contents as { value: string }).value).toMatch(/score \*\*\d+\/100 [A-F]\*\*[\s\S]*✗ \*\*P2 Own it\*\*/);
    expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 0 } })).toBeNull();
  });

  it('re-lints on change and clears the diagnostics of a closed document', async () => {
    const uri = uriOf('lsp-change.md');
    const first = await client.open(uri, 'We are investigating.\n');
    expect(first.length).toBeGreaterThan(0);
    const end = { line: 1, character: 0 };
    const after = await client.edit(uri, [{ range: { start: end, end }, newText: '\nThe issue has been identified.\n' }]);
    expect(after.map((d) => d.code)).toContain('passive-voice');
    const cleared = client.diagnosticsFor(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect((await cleared).diagnostics).toEqual([]);
  });

  it('publishes for the latest version when a change follows the open at once', async () => {
    const uri = uriOf('lsp-race.md');
    const latest = client.diagnosticsFor(uri, 2);
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'We are investigating.\n' } });
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'The issue has been identified.\n' }] });
    expect((await latest).diagnostics.map((d) => d.code)).toContain('passive-voice');
  });

  it('lints plain text and leaves other languages alone', async () => {
    const other = uriOf('notes.js');
    let otherPublished = false;
    void client.diagnosticsFor(other).then(() => (otherPublished = true));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'javascript', version: 1, text: '// The issue has been identified.\n' } });
    const text = await client.open(uriOf('lsp-plain.txt'), 'The issue has been identified.\n', 'plaintext');
    expect(text.map((d) => d.code)).toContain('passive-voice');
    expect(otherPublished).toBe(false);
  });

  it('answers a request with bad parameters with a JSON-RPC error and goes on', async () => {
    await expect(client.connection.sendRequest('textDocument/codeAction', { textDocument: {} })).rejects.toMatchObject({ code: -32602 });
    await expect(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.md' } })).rejects.toMatchObject({ code: -32602 });
    // A notification cannot be answered: a malformed one is dropped, and the server goes on.
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 42 } });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf('never-opened.md'), version: 2 }, contentChanges: [{ text: 'x' }] });
    await expect(client.connection.sendRequest('crisislint/no-such-method', {})).rejects.toMatchObject({ code: -32601 });
    expect(await client.open(uriOf('lsp-after-error.md'), 'The issue has been identified.\n')).not.toEqual([]);
  });
});

/** Every file under a folder with its size and modification time. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const s = statSync(join(dir, name));
      return `${name} ${s.size} ${s.mtimeMs}`;
    });
}

describe('crisislint --lsp with config files', () => {
  let dir: string;
  let before: string[];
  let client: Client;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crisislint-lsp-'));
    mkdirSync(join(dir, 'quiet'));
    writeFileSync(join(dir, 'quiet', '.crisislintrc.json'), JSON.stringify({ rules: { 'passive-voice': 'off' }, ignores: ['drafts/**'] }));
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', '.crisislintrc.json'), JSON.stringify({ rules: { 'passive-voyce': 'off' } }));
    mkdirSync(join(dir, 'team'));
    writeFileSync(join(dir, 'team', '.crisislintrc.json'), JSON.stringify({ plugins: [join(ROOT, 'fixtures', 'plugins', 'acme-rules.mjs')] }));
    writeFileSync(join(dir, 'saved.md'), 'The issue has been identified.\n');
    before = snapshot(dir);
    client = new Client(['--lsp'], dir);
    await client.initialize({ debounceMs: 0 });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("uses the config found from the document's folder, as the CLI does", async () => {
    const text = 'The issue has been identified.\n';
    expect((await client.open(pathToFileURL(join(dir, 'draft.md')).href, text)).map((d) => d.code)).toContain('passive-voice');
    expect((await client.open(pathToFileURL(join(dir, 'quiet', 'draft.md')).href, text)).map((d) => d.code)).not.toContain('passive-voice');
    expect(await client.open(pathToFileURL(join(dir, 'quiet', 'drafts', 'x.md')).href, text)).toEqual([]);
  });

  it("runs the config's plugin rules", async () => {
    const diagnostics = await client.open(pathToFileURL(join(dir, 'team', 'draft.md')).href, 'The ETA for a fix is 30 minutes.\n');
    expect(diagnostics.find((d) => d.code === 'no-eta')).toMatchObject({ severity: 2, range: { start: { line: 0, character: 4 }, end: { line: 0, character: 7 } } });
  });

  it('reports an invalid config as one diagnostic naming the problem', async () => {
    const diagnostics = await client.open(pathToFileURL(join(dir, 'broken', 'draft.md')).href, 'The issue has been identified.\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].message).toMatch(/invalid config: .*rules\.passive-voyce: unknown rule \(did you mean "passive-voice"\?\)/);
  });

  it('re-lints on save and writes nothing in the folders it reads (its working folder among them)', async () => {
    const uri = pathToFileURL(join(dir, 'saved.md')).href;
    await client.open(uri, 'The issue has been identified.\n');
    const resaved = client.diagnosticsFor(uri, 1);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    expect((await resaved).diagnostics.map((d) => d.code)).toContain('passive-voice');
    expect(snapshot(dir)).toEqual(before);
  });

  it('re-lints the open documents when a config file is saved', async () => {
    const draft = pathToFileURL(join(dir, 'quiet', 'draft.md')).href;
    const configPath = join(dir, 'quiet', '.crisislintrc.json');
    const config = pathToFileURL(configPath).href;
    const text = JSON.stringify({ rules: { 'passive-voice': 'error' } });
    writeFileSync(configPath, text);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: config, languageId: 'json', version: 1, text } });
    const relinted = client.diagnosticsFor(draft, 1);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: config } });
    expect((await relinted).diagnostics.find((d) => d.code === 'passive-voice')?.severity).toBe(1);
  });
});

/** Raw LSP framing, for input no JSON-RPC library would send. */
function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

function readFrames(child: ChildProcessWithoutNullStreams): () => Promise<Record<string, unknown>> {
  let buffer = Buffer.alloc(0);
  const queue: Record<string, unknown>[] = [];
  let wake: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const head = buffer.indexOf('\r\n\r\n');
      if (head === -1) break;
      const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, head).toString())![1]);
      if (buffer.length < head + 4 + length) break;
      queue.push(JSON.parse(buffer.subarray(head + 4, head + 4 + length).toString()));
      buffer = buffer.subarray(head + 4 + length);
    }
    wake?.();
  });
  return async () => {
    while (queue.length === 0) await new Promise<void>((r) => (wake = r));
    return queue.shift()!;
  };
}

describe('crisislint --lsp on bad input and disconnects', () => {
  let child: ChildProcessWithoutNullStreams;
  afterAll(() => child?.kill());

  it('answers a message that is not JSON with a parse error, then goes on serving', async () => {
    child = spawn(process.execPath, [BIN, '--lsp'], { cwd: ROOT, stdio: 'pipe' });
    const next = readFrames(child);
    child.stdin.write(frame('{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {'));
    expect(await next()).toMatchObject({ id: null, error: { code: -32700 } });
    child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })));
    expect(await next()).toMatchObject({ id: 2, result: { serverInfo: { name: 'crisislint' } } });
  });

  it('exits cleanly (code 0) when the client closes its stdin', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    child.stdin.end();
    expect(await exited).toBe(0);
  });

  it('exits with 0 after shutdown and exit', async () => {
    const client = new Client();
    await client.initialize();
    await client.stop();
    expect(client.process.exitCode).toBe(0);
  });
});
