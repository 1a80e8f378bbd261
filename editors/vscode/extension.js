// The VS Code client for crisislint's language server: it starts `crisislint --lsp` over stdio
// for Markdown and plain-text files. Diagnostics, quick fixes, the score lens and the hover all
// come from the server; this file only starts and stops it.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('crisislint').get('command', 'crisislint');
  // No transport option: stdio is the default for a command, and the client then adds no --stdio flag.
  const server = { command, args: ['--lsp'] };
  client = new LanguageClient(
    'crisislint',
    'crisislint',
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', language: 'plaintext' },
        { scheme: 'untitled', language: 'markdown' },
        { scheme: 'untitled', language: 'plaintext' },
      ],
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
