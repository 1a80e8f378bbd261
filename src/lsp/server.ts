// `crisislint --lsp`: a language server over stdio. It lints Markdown and plain-text documents
// on open, on change (debounced) and on save, and offers suggestions and inline disable comments
// as code actions, and the score and principle checklist as a code lens and a hover on the first
// line. It is one long-lived process: compromise is loaded once (warmed up at start), so a change
// is re-linted in milliseconds. It reads config files and never writes to disk.

import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeLensRefreshRequest,
  createConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinRuleMeta, version } from '../api.js';
import type { FileResult } from '../engine/results.js';
import { codeActionsFor, codeLensesFor, diagnosticOf, findingsFor, problemDiagnostic, summaryHover } from './convert.js';
import { CONFIG_NAMES, DocumentLinter } from './linter.js';

/** Editors' names for the languages crisislint reads (VS Code, Neovim and Helix, Emacs). */
const LANGUAGES = new Set(['markdown', 'plaintext', 'text', 'gfm']);
/** Extensions linted whatever language the editor gives them. */
const EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.txt', '.text']);
const DEFAULT_DEBOUNCE_MS = 150;

interface DocumentState {
  /** The version the diagnostics were computed for. */
  version: number;
  result?: FileResult;
  text: string;
}

/** Runs the server on this process's stdin and stdout until the client disconnects, then exits the process. */
export function startLanguageServer(): Promise<number> {
  // stdout carries the protocol: anything a plugin rule logs goes to stderr instead.
  console.log = console.info = console.debug = console.error;
  // A long-running server outlives a bad message or a bug in one request: log it and go on.
  process.on('uncaughtException', (error) => process.stderr.write(`crisislint: internal error: ${error.stack ?? error.message}\n`));
  process.on('unhandledRejection', (error) => process.stderr.write(`crisislint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  // A message that is not JSON gets JSON-RPC's parse error (id null), and the server goes on.
  reader.onError((error) => {
    void writer.write({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${error.message.split('\n')[0]}` } } as never).catch(() => {});
  });
  const connection = createConnection(reader, writer);
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Documents just opened: the content event that follows the open is the open itself. */
  const opening = new Set<string>();
  let linter = new DocumentLinter(process.cwd());
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let refreshLenses = false;

  connection.onInitialize((params) => {
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (root?.startsWith('file:')) linter = new DocumentLinter(fileURLToPath(root));
    const requested = (params.initializationOptions as { debounceMs?: unknown } | undefined)?.debounceMs;
    if (typeof requested === 'number' && Number.isFinite(requested) && requested >= 0) debounceMs = requested;
    refreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        hoverProvider: true,
      },
      serverInfo: { name: 'crisislint', version },
    };
  });

  // Load compromise and compile the rules now, not on the first keystroke: lint every rule's failing examples once.
  connection.onInitialized(() => {
    setImmediate(() => {
      const warm = new DocumentLinter(process.cwd());
      for (const meta of builtinRuleMeta()) for (const example of meta.docs.fail.slice(0, 1)) void warm.lint(example.text, undefined, 'warm-up.md').catch(() => {});
    });
  });

  const linted = (document: TextDocument) => {
    if (typeof document.uri !== 'string' || typeof document.getText() !== 'string') return false;
    const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : undefined;
    return LANGUAGES.has(document.languageId) || EXTENSIONS.has(extname(path ?? '').toLowerCase());
  };

  async function lint(document: TextDocument): Promise<void> {
    if (!linted(document)) return;
    const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : undefined;
    const text = document.getText();
    const name = document.languageId === 'markdown' ? 'untitled.md' : 'untitled.txt';
    let diagnostics: Diagnostic[] = [];
    let result: FileResult | undefined;
    try {
      const outcome = await linter.lint(text, path, name);
      if (outcome.kind === 'linted') {
        result = outcome.result;
        diagnostics = result.fatal ? [problemDiagnostic(`crisislint: ${result.fatal}`)] : result.findings.map(diagnosticOf);
      } else if (outcome.kind === 'config-error') {
        diagnostics = [problemDiagnostic(`crisislint: invalid config: ${outcome.message}`)];
      }
    } catch (error) {
      diagnostics = [problemDiagnostic(`crisislint: internal error: ${error instanceof Error ? error.message : String(error)}`)];
    }
    // The document may have changed or closed while its config loaded: publish only the latest.
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version) return;
    states.set(document.uri, { version: document.version, result: result?.fatal ? undefined : result, text });
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    if (refreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => {});
  }

  const lintNow = (document: TextDocument) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    lint(document).catch((error) => connection.console.error(`crisislint: ${error instanceof Error ? error.message : String(error)}`));
  };

  documents.onDidOpen(({ document }) => {
    opening.add(document.uri);
    lintNow(document);
  });
  documents.onDidSave(({ document }) => {
    // A saved config file changes the findings of every open document it may govern.
    if (CONFIG_NAMES.has(basename(document.uri))) for (const open of documents.all()) if (open.uri !== document.uri) lintNow(open);
    lintNow(document);
  });
  documents.onDidChangeContent(({ document }) => {
    if (opening.delete(document.uri)) return;
    clearTimeout(timers.get(document.uri));
    if (debounceMs === 0) return lintNow(document);
    timers.set(document.uri, setTimeout(() => lintNow(document), debounceMs));
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    states.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  /** The latest results of an open document, if they are for its current text. */
  const current = (uri: string) => {
    const state = states.get(uri);
    const document = documents.get(uri);
    return state?.result && document && state.version === document.version ? { ...state, result: state.result } : undefined;
  };

  connection.onCodeAction((params) => {
    const { textDocument, range, context } = params;
    requireParams(params, ['textDocument', 'range']);
    const state = current(textDocument.uri);
    if (!state) return [];
    const selected = findingsFor(state.result.findings, range, context?.diagnostics ?? []);
    return codeActionsFor(textDocument.uri, state.text, state.result.findings, selected);
  });
  connection.onCodeLens((params) => {
    requireParams(params, ['textDocument']);
    const state = current(params.textDocument.uri);
    return state ? codeLensesFor(state.result) : [];
  });
  connection.onHover((params) => {
    const { textDocument, position } = params;
    requireParams(params, ['textDocument', 'position']);
    const state = current(textDocument.uri);
    return state && position.line === 0 ? summaryHover(state.result) : null;
  });

  documents.listen(connection);
  connection.listen();
  // The client went away (stdin ended) without an exit notification: stop cleanly. Exiting here
  // also stops the library's parent-process watchdog timer, which would keep the process alive.
  return new Promise(() => {
    reader.onClose(() => {
      for (const timer of timers.values()) clearTimeout(timer);
      process.exit(0);
    });
  });
}


const isPosition = (p: unknown) => typeof (p as { line?: unknown })?.line === 'number' && typeof (p as { character?: unknown })?.character === 'number';
const CHECKS: Record<string, (value: unknown) => boolean> = {
  textDocument: (d) => typeof (d as { uri?: unknown })?.uri === 'string',
  range: (r) => isPosition((r as { start?: unknown })?.start) && isPosition((r as { end?: unknown })?.end),
  position: isPosition,
};

/** A request missing what it needs gets JSON-RPC's invalid-params error, not a guess. */
function requireParams(params: unknown, keys: (keyof typeof CHECKS)[]): void {
  for (const key of keys) {
    if (!CHECKS[key]((params as Record<string, unknown> | undefined)?.[key])) throw new ResponseError(ErrorCodes.InvalidParams, `${key}: missing or malformed`);
  }
}
