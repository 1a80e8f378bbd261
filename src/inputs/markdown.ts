// Markdown and plain-text drafts and timelines (FORMATS.md items 1 and 2). mdast gives exact
// source offsets for every text node, so prose keeps its positions; code, HTML and link URLs
// never become prose.

import type { Nodes, Paragraph, Parent, PhrasingContent } from 'mdast';
import { assembleIncident, type RawStatement } from '../engine/document.js';
import type { IncidentMeta, InlineDirective, ParsedFile, SourceFile } from '../engine/model.js';
import type { DateParts } from '../nlp/time.js';
import { InputError } from './errors.js';
import { metaFromFrontMatter, parseFrontMatter } from './frontmatter.js';
import { parseMarkdownTree } from './markdown-fast.js';
import { ProseBuilder } from './prose.js';
import { parseTimelineLabel, resolveLabelTimes, type TimelineLabel } from './timeline-labels.js';
import type { InputFormat } from './types.js';

type Event =
  | { kind: 'text'; value: string; start: number; exact: boolean }
  | { kind: 'sep'; value: string }
  | { kind: 'break' }
  | { kind: 'link'; url: string }
  | { kind: 'label'; label: TimelineLabel; text: string }
  | { kind: 'stamp'; parts: DateParts };

/** What a Markdown dialect (cState) reads differently from a plain draft or timeline. */
export interface MarkdownDialect {
  /** Reads the front matter into metadata (default: FORMATS.md item 1 keys). */
  meta?(data: Record<string, unknown>): IncidentMeta;
  /**
   * Reads a paragraph: `label` opens a statement before its text; `stamp` dates the statement
   * the paragraph ends and closes it (the next text opens a new one); `skip` lists source ranges
   * that are not prose (the label, template shortcodes).
   */
  paragraph?(node: Paragraph, source: string): { label?: TimelineLabel & { text: string }; stamp?: DateParts; skip: [number, number][] } | undefined;
  /** Statements are listed newest first, also when they carry no times. */
  newestFirst?: boolean;
}

function headingText(node: Parent, source: string): string {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  if (!first?.position || !last?.position) return '';
  return source.slice(first.position.start.offset!, last.position.end.offset!);
}

export function parseMarkdown(source: SourceFile, dialect: MarkdownDialect = {}): Omit<ParsedFile, 'source' | 'format'> {
  const text = source.text;
  const tree = parseMarkdownTree(text);
  let data: Record<string, unknown> = {};
  let h1: string | undefined;
  const events: Event[] = [];
  const directives: InlineDirective[] = [];

  const html = (value: string, line: number) => {
    const m = /^<!--([\s\S]*?)-->$/.exec(value.trim());
    if (m) directives.push({ text: m[1].trim(), line });
  };

  const inline = (nodes: PhrasingContent[], skip: [number, number][]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          const start = node.position!.start.offset!;
          const end = node.position!.end.offset!;
          const exact = text.slice(start, end) === node.value;
          if (!exact) {
            // A node with escapes or entities has no offsets inside: drop skipped text it holds verbatim.
            let value = node.value;
            for (const [s, e] of skip) if (s < end && e > start) value = value.replace(text.slice(Math.max(s, start), Math.min(e, end)), ' ');
            events.push({ kind: 'text', value, start, exact });
            break;
          }
          // Cut out any timeline label lines inside this text node.
          let from = start;
          for (const [s, e] of skip) {
            if (e <= from || s >= end) continue;
            if (s > from) events.push({ kind: 'text', value: text.slice(from, s), start: from, exact });
            from = Math.max(from, e);
          }
          if (from < end) events.push({ kind: 'text', value: text.slice(from, end), start: from, exact });
          break;
        }
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'linkReference':
          inline(node.children as PhrasingContent[], skip);
          break;
        case 'link':
          events.push({ kind: 'link', url: node.url });
          inline(node.children, skip);
          break;
        case 'inlineCode':
          events.push({ kind: 'sep', value: ' ' });
          break;
        case 'break':
          events.push({ kind: 'sep', value: '\n' });
          break;
        case 'html':
          html(node.value, node.position!.start.line);
          break;
        default:
          break; // images, footnote references: not prose
      }
    }
  };

  // Containers are walked with a stack of our own, not by recursion: a file of thousands of
  // nested quotes or list items would otherwise overflow the call stack.
  const blocks = (root: Nodes) => {
    const open: { node: Parent; next: number }[] = [];
    const visit = (node: Nodes) => {
      if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') open.push({ node, next: 0 });
      else block(node);
    };
    visit(root);
    while (open.length) {
      const top = open[open.length - 1];
      if (top.next < top.node.children.length) visit(top.node.children[top.next++] as Nodes);
      else {
        open.pop();
        if (top.node.type === 'listItem' || top.node.type === 'blockquote') events.push({ kind: 'break' });
      }
    }
  };

  const block = (node: Nodes) => {
    switch (node.type) {
      case 'yaml':
        data = parseFrontMatter(node.value, node.position!.start.line + 1);
        break;
      case 'heading': {
        const title = headingText(node, text);
        const label = node.depth >= 2 ? parseTimelineLabel(title, 'heading') : undefined;
        if (label) events.push({ kind: 'label', label, text: title.trim() });
        else if (node.depth === 1 && h1 === undefined) h1 = title.trim();
        events.push({ kind: 'break' });
        break;
      }
      case 'paragraph': {
        const read = dialect.paragraph?.(node, text);
        if (read) {
          if (read.label) events.push({ kind: 'label', label: read.label, text: read.label.text });
          inline(node.children, read.skip);
          if (read.stamp) events.push({ kind: 'stamp', parts: read.stamp });
          events.push({ kind: 'break' });
          break;
        }
        // A pasted timeline has time lines inside paragraphs ("5:26 PM PST" then the update).
        const start = node.position!.start.offset!;
        const raw = text.slice(start, node.position!.end.offset!);
        const skip: [number, number][] = [];
        let lineStart = 0;
        for (const line of raw.split('\n')) {
          const label = parseTimelineLabel(line, 'line');
          if (label) {
            // The span takes the line's newline too, so the next statement starts clean.
            skip.push([start + lineStart, start + lineStart + line.length + 1]);
            events.push({ kind: 'label', label, text: line.trim() });
            // The label's text nodes come after it in this paragraph; inline() skips them.
          }
          lineStart += line.length + 1;
        }
        if (skip.length === 0) inline(node.children, skip);
        else splitParagraph(node.children, skip);
        events.push({ kind: 'break' });
        break;
      }
      case 'html':
        html(node.value, node.position!.start.line);
        break;
      default:
        break; // code, thematic breaks, definitions: not prose
    }
  };

  // With label lines inside a paragraph, each label must come before the text that follows it:
  // move the label events that block() pushed into their places among the text events.
  const splitParagraph = (children: PhrasingContent[], skip: [number, number][]) => {
    const labels = events.splice(events.length - skip.length, skip.length);
    const before = events.length;
    inline(children, skip);
    const texts = events.splice(before);
    let l = 0;
    for (const ev of texts) {
      while (l < skip.length && ev.kind === 'text' && ev.start >= skip[l][1]) {
        events.push({ kind: 'break' }, labels[l]);
        l++;
      }
      events.push(ev);
    }
    while (l < skip.length) events.push({ kind: 'break' }, labels[l++]);
  };

  blocks(tree as Nodes);
  const meta = (dialect.meta ?? metaFromFrontMatter)(data);
  meta.title ??= h1;

  // Group events into statements: text before the first label is a statement of its own.
  const raws: RawStatement[] = [{ prose: new ProseBuilder() }];
  const labelParts: (DateParts | undefined)[] = [undefined];
  let stamped = false; // a time stamp ended the current statement: the next text opens another
  for (const ev of events) {
    if (stamped && (ev.kind === 'text' || ev.kind === 'sep' || ev.kind === 'link')) {
      raws.push({ prose: new ProseBuilder() });
      labelParts.push(undefined);
      stamped = false;
    }
    const current = raws[raws.length - 1];
    if (ev.kind === 'label') {
      raws.push({ prose: new ProseBuilder(), label: ev.text, phase: ev.label.phase });
      labelParts.push(ev.label.parts);
      stamped = false;
    } else if (ev.kind === 'stamp') {
      labelParts[raws.length - 1] ??= ev.parts;
      stamped = true;
    } else if (ev.kind === 'text') current.prose.add(ev.value, ev.start, ev.exact);
    else if (ev.kind === 'sep') current.prose.addSeparator(ev.value);
    else if (ev.kind === 'break') current.prose.endBlock();
    else current.prose.addLink(ev.url);
  }
  const isTimeline = raws.length > 1 || labelParts[0] !== undefined;
  const times = resolveLabelTimes(labelParts, meta.published ?? meta.started);
  raws.forEach((r, i) => (r.time = times[i]));
  const statements = isTimeline && raws[0].prose.text.trim() === '' ? raws.slice(1) : raws;
  if (!isTimeline && raws[0].prose.text.trim() === '') {
    throw new InputError(Object.keys(data).length ? 'no statement text after the front matter' : 'file is empty');
  }
  return { incidents: [assembleIncident(0, meta, statements, { isTimeline, newestFirst: dialect.newestFirst })], directives };
}

export const markdownFormat: InputFormat = {
  name: 'markdown',
  extensions: ['.md', '.markdown', '.mdown', '.txt', '.text'],
  detect: () => true, // the fallback: any text is a draft
  parse: parseMarkdown,
};
