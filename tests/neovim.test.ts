// A real editor's LSP client: Neovim (Debian's package, 0.7) runs headless with the README's
// snippet as its init file, opens a statement, prints the diagnostics crisislint sent it and
// applies a quick fix.
// Skipped, saying so, where nvim is not installed (.ci/run installs it).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/index.js';
import { crisislintOnPath, readmeSnippet } from './readme-snippets.js';

const ROOT = resolve(import.meta.dirname, '..');
const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

// Emoji (4 bytes, 2 UTF-16 units) and Cyrillic (2 bytes, 1 unit) before findings on the same
// line: Neovim converts crisislint's UTF-16 columns to byte columns, so a wrong unit shows.
const STATEMENT = [
  '# Payments outage',
  '',
  '🔥 Платежи не работали 40 minutes. The issue has now been identified and a fix has been implemented.',
  '',
  'We apologize for any inconvenience this may have caused.',
  '',
].join('\n');

describe.skipIf(!hasNvim)('Neovim (headless) with the README snippet', () => {
  const work = mkdtempSync(join(tmpdir(), 'crisislint-nvim-'));
  const onPath = crisislintOnPath();
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    onPath.cleanup();
  });

  it('attaches crisislint with vim.lsp.start_client, receives its diagnostics and applies a quick fix', () => {
    const init = join(work, 'init.lua');
    writeFileSync(init, readmeSnippet('neovim'));
    const file = join(work, 'statement.md');
    writeFileSync(file, STATEMENT);
    const run = spawnSync('nvim', ['--headless', '-i', 'NONE', '-u', init, file, '-c', `luafile ${join(ROOT, 'tests', 'editors', 'nvim-report.lua')}`], {
      cwd: work,
      // Neovim's own state and LSP log go to the scratch folder.
      env: { ...onPath.env, XDG_STATE_HOME: work, XDG_CACHE_HOME: work, XDG_DATA_HOME: work, XDG_CONFIG_HOME: work },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const lines = run.stdout.trim().split('\n');
    expect(lines[0], `nvim said:\n${run.stdout}${run.stderr}`).toBe('clients: crisislint');

    const severity = { error: 1, warning: 2, info: 3 } as const;
    const sourceLines = STATEMENT.split('\n');
    const expected = lintText(STATEMENT, { path: file }).findings.map(
      (f) => `${f.line - 1}:${Buffer.byteLength(sourceLines[f.line - 1].slice(0, f.column - 1))} ${severity[f.severity]} ${f.ruleId}`,
    );
    expect(expected).toContain(`2:${Buffer.byteLength('🔥 Платежи не работали 40 minutes. The issue ')} 2 passive-voice`);
    const edited = lines.filter((l) => l.startsWith('edited: '));
    expect(lines.slice(1).filter((l) => !l.startsWith('edited: ')).sort()).toEqual(expected.sort());
    // The quick fix, applied by Neovim's own edit code from UTF-16 positions.
    expect(edited).toEqual(['edited: 🔥 Платежи не работали 40 minutes. We have now identified the issue and a fix has been implemented.']);
  });
});
