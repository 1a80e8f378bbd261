// `crisislint --mcp`: a Model Context Protocol server over stdio, so an AI assistant drafting an
// incident update can check the draft and revise it before a person posts it. Tools:
// lint_statement, explain_rule, list_rules. It never writes to disk; a bad call gets an error
// result or a JSON-RPC error and the server goes on; it exits when the client disconnects.

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { PHASES, type Phase } from '../engine/model.js';
import { INPUT_FORMATS } from '../inputs/index.js';
import { version } from '../api.js';
import { ToolError, Tools, type LintStatementInput } from './tools.js';


const severity = z.enum(['error', 'warning', 'info']);
const principle = z.enum(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8']);
const span = { line: z.number().int(), column: z.number().int(), endLine: z.number().int(), endColumn: z.number().int() };
const checklist = z.array(z.object({ principle, name: z.string(), state: z.enum(['satisfied', 'failed', 'not-applicable']) }));

const lintOutput = {
  score: z.number().describe('0-100: 100 minus the findings\' penalties; the lowest statement\'s score'),
  grade: z.string().describe('A 90+, B 80+, C 70+, D 60+, F below'),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  infoCount: z.number().int(),
  checklist: checklist.describe('Each crisis-communication principle: satisfied, failed or not applicable'),
  incidents: z.array(
    z.object({
      title: z.string().optional(),
      score: z.number(),
      grade: z.string(),
      checklist,
      statements: z.array(z.object({ phase: z.string(), line: z.number().int(), score: z.number() })),
    }),
  ),
  findings: z.array(
    z.object({
      ruleId: z.string(),
      severity,
      principle: principle.optional(),
      message: z.string().describe('What is wrong and what to write instead'),
      ...span,
      excerpt: z.string(),
      suggestions: z.array(z.object({ desc: z.string(), text: z.string(), ...span })).describe('Replacements for a span of the text (1-based lines, UTF-16 columns, end exclusive)'),
    }),
  ),
  textWithSuggestions: z.string().optional().describe('The text with the first suggestion of each finding applied; still read it before using it'),
};

const ruleSummary = { id: z.string(), principle, principleName: z.string(), severity: z.enum(['error', 'warning', 'info', 'off']), description: z.string() };

type Result = { content: { type: 'text'; text: string }[]; structuredContent?: Record<string, unknown>; isError?: boolean };

/** A tool's answer, or its error as an error result the assistant can read and act on. */
async function answer(run: () => Promise<{ text: string; data: Record<string, unknown> }>): Promise<Result> {
  try {
    const { text, data } = await run();
    return { content: [{ type: 'text', text }], structuredContent: data };
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    return { content: [{ type: 'text', text: `crisislint: ${error.message}` }], isError: true };
  }
}

function lintSummary(data: Awaited<ReturnType<Tools['lintStatement']>>): string {
  const lines = [`Score ${data.score}/100 ${data.grade}: ${data.errorCount} errors, ${data.warningCount} warnings, ${data.infoCount} info.`];
  lines.push(data.checklist.map((c) => `${c.state === 'satisfied' ? '✓' : c.state === 'failed' ? '✗' : '–'} ${c.principle} ${c.name}`).join('  '));
  for (const f of data.findings) {
    lines.push(`${f.line}:${f.column} ${f.severity} ${f.message} [${f.ruleId}]`);
    for (const s of f.suggestions) lines.push(`  suggestion ${s.line}:${s.column}: ${s.desc}`);
  }
  if (data.findings.length === 0) lines.push('No findings.');
  return lines.join('\n');
}

export function createMcpServer(cwd = process.cwd()): McpServer {
  const tools = new Tools(cwd);
  const server = new McpServer({ name: 'crisislint', version });

  server.registerTool(
    'lint_statement',
    {
      title: 'Check a crisis statement',
      description:
        'Lint a draft incident update, outage apology, breach notice or post-mortem before it is posted. Returns the score (0-100), grade, the eight-principle checklist, and findings that each say what to write instead, with suggested replacements. Revise the draft and check it again until it has no errors.',
      inputSchema: {
        text: z.string().describe('The statement: Markdown or plain text (optionally with YAML front matter), or a timeline, Statuspage JSON, feed or cState file'),
        format: z
          .enum(INPUT_FORMATS.map((f) => f.name) as [string, ...string[]])
          .optional()
          .describe('The input format; detected from the content when left out'),
        phase: z
          .enum(PHASES as unknown as [Phase, ...Phase[]])
          .optional()
          .describe('The phase of a single statement (as front matter "status" would give it); inferred from the text when left out'),
        now: z.string().optional().describe('ISO 8601 time to judge promised updates and silence against (default: now)'),
      },
      outputSchema: lintOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      answer(async () => {
        const data = await tools.lintStatement(args as LintStatementInput);
        return { text: lintSummary(data), data };
      }),
  );

  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a crisislint rule',
      description: "A rule's docs: why it exists, how to fix a finding, and examples that fail and pass.",
      inputSchema: { rule_id: z.string().describe('The rule id, e.g. passive-voice (list_rules lists them)') },
      outputSchema: {
        ...ruleSummary,
        why: z.string(),
        fix: z.string(),
        failExamples: z.array(z.string()),
        passExamples: z.array(z.string()),
        docsUrl: z.string().optional(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ rule_id }) =>
      answer(async () => {
        const { text, rule } = await tools.explainRule(rule_id);
        return { text, data: rule };
      }),
  );

  server.registerTool(
    'list_rules',
    {
      title: 'List crisislint rules',
      description: 'Every rule with its principle, configured severity and what it catches.',
      outputSchema: { rules: z.array(z.object(ruleSummary)) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    () =>
      answer(async () => {
        const data = await tools.listRules();
        return { text: data.rules.map((r) => `${r.id}  ${r.principle} ${r.principleName}  ${r.severity}  ${r.description}`).join('\n'), data };
      }),
  );
  return server;
}

/** Runs the server on this process's stdin and stdout until the client disconnects, then exits. */
export async function startMcpServer(): Promise<number> {
  // stdout carries the protocol: anything a plugin rule logs goes to stderr instead.
  console.log = console.info = console.debug = console.error;
  const server = createMcpServer();
  const transport = new StdioServerTransport();
  await server.connect(transport);
  // A line that is not JSON gets JSON-RPC's parse error, JSON that is not a JSON-RPC message its
  // invalid-request error (id null, since none could be read), and the server goes on.
  server.server.onerror = (error) => {
    const code = error instanceof SyntaxError ? -32700 : error.name === 'ZodError' ? -32600 : undefined;
    if (code === undefined) return;
    const message = `${code === -32700 ? 'Parse error' : 'Invalid request'}: ${error.message.split('\n')[0]}`;
    void transport.send({ jsonrpc: '2.0', id: null, error: { code, message } } as never).catch(() => {});
  };
  return new Promise((resolve) => {
    const close = () => void server.close().finally(() => resolve(0));
    process.stdin.once('end', close);
    process.stdin.once('close', close);
  });
}
