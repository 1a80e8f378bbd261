// The MCP server as an assistant sees it: the official SDK's client starts `crisislint --mcp`
// exactly as the README's client config says, over stdio, and calls its tools.

import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { crisislintOnPath, readmeSnippet } from './readme-snippets.js';

const ROOT = resolve(import.meta.dirname, '..');

const DRAFT = `The platform became unstable. The issue has now been identified and a fix has been implemented.

We apologize for any inconvenience this may have caused.
`;

interface LintData {
  score: number;
  grade: string;
  checklist: { principle: string; name: string; state: string }[];
  incidents: { statements: { phase: string; line: number }[] }[];
  findings: { ruleId: string; severity: string; line: number; column: number; message: string; suggestions: { desc: string; text: string; line: number }[] }[];
  textWithSuggestions?: string;
}

describe('crisislint --mcp', () => {
  const onPath = crisislintOnPath();
  const client = new Client({ name: 'crisislint-test', version: '1.0.0' });
  let transport: StdioClientTransport;

  beforeAll(async () => {
    const { command, args } = JSON.parse(readmeSnippet('mcp-servers')).mcpServers.crisislint;
    transport = new StdioClientTransport({ command, args, cwd: ROOT, env: onPath.env as Record<string, string>, stderr: 'pipe' });
    await client.connect(transport);
  });
  afterAll(async () => {
    await client.close();
    onPath.cleanup();
  });

  const call = async (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args });

  it('lists its three tools, each with input and output schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['explain_rule', 'lint_statement', 'list_rules']);
    const lint = tools.find((t) => t.name === 'lint_statement')!;
    expect(Object.keys(lint.inputSchema.properties ?? {}).sort()).toEqual(['format', 'now', 'phase', 'text']);
    expect(lint.inputSchema.required).toEqual(['text']);
    expect(Object.keys(lint.outputSchema?.properties ?? {})).toEqual(expect.arrayContaining(['score', 'grade', 'checklist', 'findings']));
  });

  it('lints a draft: findings with suggestions, score, grade, checklist, and the text with the suggestions applied', async () => {
    const result = await call('lint_statement', { text: DRAFT });
    expect(result.isError).toBeFalsy();
    const data = result.structuredContent as unknown as LintData;
    expect(data.grade).toMatch(/^[A-F]$/);
    expect(data.score).toBeLessThan(70);
    const passive = data.findings.filter((f) => f.ruleId === 'passive-voice');
    expect(passive.map((f) => f.line)).toEqual([1, 1]);
    expect(passive[0].suggestions[0].text).toMatch(/^we have now identified the issue$/i);
    expect(data.findings.find((f) => f.ruleId === 'emotion-apology')).toMatchObject({ severity: 'error', line: 3 });
    expect(data.checklist.find((c) => c.principle === 'P2')).toEqual({ principle: 'P2', name: 'Own it', state: 'failed' });
    expect(data.textWithSuggestions).toMatch(/We have (?:now )?identified the issue and we have implemented a fix\./i);
    // The text content says the same for clients that show only text.
    const text = (result.content as { type: string; text: string }[])[0].text;
    expect(text).toContain(`Score ${data.score}/100 ${data.grade}`);
    expect(text).toMatch(/\[passive-voice\]/);
  });

  it('takes the phase as front matter would give it, with lines still counted in the caller\'s text', async () => {
    // Without a phase the words read as work under way, so only the given phase closes it.
    const text = 'We are looking into the checkout errors.\nThe issue has been identified.\n';
    const resolved = (await call('lint_statement', { text, phase: 'resolved' })).structuredContent as unknown as LintData;
    expect(resolved.incidents[0].statements[0]).toMatchObject({ phase: 'resolved', line: 1 });
    expect(resolved.findings.find((f) => f.ruleId === 'passive-voice')?.line).toBe(2);
    const inferred = (await call('lint_statement', { text })).structuredContent as unknown as LintData;
    expect(inferred.findings.map((f) => f.ruleId)).not.toContain('missing-prevention');
    expect(resolved.findings.map((f) => f.ruleId)).toContain('missing-prevention');
  });

  it('takes an input format', async () => {
    const incidents = JSON.stringify({ incidents: [{ name: 'API errors', status: 'resolved', impact: 'major', created_at: '2024-03-01T14:00:00Z', incident_updates: [{ status: 'resolved', body: 'This incident has been resolved.', created_at: '2024-03-01T15:00:00Z' }] }] });
    const data = (await call('lint_statement', { text: incidents, format: 'statuspage-json', now: '2024-03-02T00:00:00Z' })).structuredContent as unknown as LintData;
    expect(data.findings.map((f) => f.ruleId)).toContain('hollow-resolution');
    const broken = await call('lint_statement', { text: '{"incidents": [', format: 'statuspage-json' });
    expect(broken.isError).toBe(true);
    expect((broken.content as { text: string }[])[0].text).toMatch(/^crisislint: could not read the text: /);
  });

  it('explains a rule, and names the nearest rule for a mistyped one', async () => {
    const result = await call('explain_rule', { rule_id: 'passive-voice' });
    expect(result.structuredContent).toMatchObject({ id: 'passive-voice', principle: 'P2', principleName: 'Own it', severity: 'warning' });
    expect((result.structuredContent as { failExamples: string[] }).failExamples.length).toBeGreaterThan(0);
    expect((result.structuredContent as { docsUrl: string }).docsUrl).toMatch(/docs\/rules\/passive-voice\.md$/);
    const typo = await call('explain_rule', { rule_id: 'pasive-voice' });
    expect(typo.isError).toBe(true);
    expect((typo.content as { text: string }[])[0].text).toContain('did you mean "passive-voice"');
  });

  it('lists every rule', async () => {
    const { rules } = (await call('list_rules', {})).structuredContent as { rules: { id: string; severity: string }[] };
    expect(rules.map((r) => r.id)).toEqual(builtinRules.map((r) => r.meta.id));
  });

  it('answers bad arguments with an error and goes on', async () => {
    const missing = await call('lint_statement', { format: 'markdown' }).then(
      (r) => r.isError === true,
      (e: { code?: number }) => e.code === -32602,
    );
    expect(missing).toBe(true);
    expect((await call('lint_statement', { text: 'x', now: 'yesterday' })).isError).toBe(true);
    expect((await call('lint_statement', { text: '---\nstatus: resolved\n---\nFixed.', phase: 'monitoring' })).isError).toBe(true);
    expect((await call('lint_statement', { text: 'The issue has been identified.' })).isError).toBeFalsy();
  });

  it('is the same server in the VS Code snippet', () => {
    const { command, args, type } = JSON.parse(readmeSnippet('mcp-vscode')).servers.crisislint;
    expect({ command, args, type }).toEqual({ command: 'crisislint', args: ['--mcp'], type: 'stdio' });
  });
});

describe('crisislint --mcp on bad input and disconnects', () => {
  it('answers a line that is not JSON or not JSON-RPC with an error, goes on, and exits with 0 when stdin closes', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'crisislint.cjs'), '--mcp'], { cwd: ROOT, stdio: 'pipe' });
    const lines: Record<string, unknown>[] = [];
    let pending = '';
    let wake: (() => void) | undefined;
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      for (let i = pending.indexOf('\n'); i !== -1; i = pending.indexOf('\n')) {
        lines.push(JSON.parse(pending.slice(0, i)));
        pending = pending.slice(i + 1);
      }
      wake?.();
    });
    const next = async () => {
      while (lines.length === 0) await new Promise<void>((r) => (wake = r));
      return lines.shift()!;
    };
    child.stdin.write('{"jsonrpc": "2.0", "id": 1, "method": \n');
    expect(await next()).toMatchObject({ id: null, error: { code: -32700 } });
    child.stdin.write('{"hello": "world"}\n');
    expect(await next()).toMatchObject({ id: null, error: { code: -32600 } });
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } })}\n`);
    expect(await next()).toMatchObject({ id: 2, result: { serverInfo: { name: 'crisislint' } } });
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    child.stdin.end();
    expect(await exited).toBe(0);
  });
});
