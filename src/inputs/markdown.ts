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
import { alignText, ProseBuilder } from './prose.js';
import { parseTimelineLabel, resolveLabelTimes, type TimelineLabel } from './timeline-labels.js';
import type { InputFormat } from './types.js';

type Event =
  | { kind: 'text'; value: string; start: number; exact: boolean }
  | { kind: 'sep'; value: string }
  | { kind: 'break' }
  | { kind: 'link'; url: string }
  | { kind: 'label'; label: TimelineLabel; text: string; start?: number }
  | { kind: 'stamp'; parts: DateParts }
  | { kind: 'boundary' };

/** A label found inside a paragraph: source range [start, end) is its markup, not prose. */
export interface ParagraphLabel {
  start: number;
  end: number;
  label: TimelineLabel;
  text: string;
}

/** What a dialect reads in a paragraph. */
export interface ParagraphReading {
  /** Labels that open a statement where they stand, in source order. */
  labels: ParagraphLabel[];
  /** Dates the statement the paragraph ends and closes it (the next text opens a new one). */
  stamp?: DateParts;
  /** Source ranges that are not prose (template shortcodes). */
  skip: [number, number][];
  /** The paragraph is not an update at all (the page's title repeated above the updates). */
  drop?: boolean;
}

/** What a Markdown dialect (cState) reads differently from a plain draft or timeline. */
export interface MarkdownDialect {
  /** Reads the front matter into metadata (default: FORMATS.md item 1 keys). */
  meta?(data: Record<string, unknown>, warn: (message: string) => void): IncidentMeta;
  /** Reads a paragraph's labels, time stamps and non-prose ranges (default: whole-line time labels). */
  paragraph?(node: Paragraph, source: string, page: { title?: string }): ParagraphReading | undefined;
  /** Statements are listed newest first when neither times nor phases say otherwise. */
  newestFirst?: boolean;
  /**
   * The file is a published status-page incident: a timeline even with one update, and a
   * thematic break (`---`, `- - -`) ends an update, also when it underlines a paragraph.
   */
  published?: boolean;
}

/** A setext heading: its last source line is only `===` or `---`. */
function isSetext(node: Parent & { position?: Nodes['position'] }, source: string): boolean {
  const raw = source.slice(node.position!.start.offset!, node.position!.end.offset!);
  return /\n[ \t]*(?:=+|-+)[ \t]*$/.test(raw);
}

/** Labels written at line starts ("12:10 pm PT:" alone on its line), as pasted timelines have them. */
function lineLabels(node: Paragraph, source: string): ParagraphReading | undefined {
  const start = node.position!.start.offset!;
  const raw = source.slice(start, node.position!.end.offset!);
  const labels: ParagraphLabel[] = [];
  let lineStart = 0;
  for (const line of raw.split('\n')) {
    const label = parseTimelineLabel(line, 'line');
    // The span takes the line's newline too, so the next statement starts clean.
    if (label) labels.push({ start: start + lineStart, end: start + lineStart + line.length + 1, label, text: line.trim() });
    lineStart += line.length + 1;
  }
  return labels.length ? { labels, skip: [] } : undefined;
}

/** A heading that reads as running text: a sentence, or more than a short title. */
function looksLikeProse(title: string): boolean {
  return /[.!?]["')]?$/.test(title.trim()) || title.includes('\n') || title.length > 80;
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

  const hidden: string[] = [];
  const html = (value: string, line: number) => {
    const m = /^<!--([\s\S]*?)-->$/.exec(value.trim());
    if (!m) return;
    directives.push({ text: m[1].trim(), line });
    // Words kept out of the published page (a closing note in a comment): not an update.
    const words = m[1].trim();
    if (!/^crisislint-/i.test(words) && (words.match(/\p{L}+/gu)?.length ?? 0) >= 3) hidden.push(words);
  };

  // Adds a piece of text, leaving out the skipped source ranges (labels, shortcodes) it holds.
  const textPiece = (value: string, start: number, exact: boolean, skip: [number, number][]) => {
    const end = start + value.length;
    if (!exact) {
      // A piece with no offsets inside: drop skipped text it holds verbatim.
      for (const [s, e] of skip) if (s < end && e > start) value = value.replace(text.slice(Math.max(s, start), Math.min(e, end)), ' ');
      events.push({ kind: 'text', value, start, exact });
      return;
    }
    let from = start;
    for (const [s, e] of skip) {
      if (e <= from || s >= end) continue;
      if (s > from) events.push({ kind: 'text', value: text.slice(from, s), start: from, exact });
      from = Math.max(from, e);
    }
    if (from < end) events.push({ kind: 'text', value: text.slice(from, end), start: from, exact });
  };

  const inline = (nodes: PhrasingContent[], skip: [number, number][]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          const start = node.position!.start.offset!;
          const end = node.position!.end.offset!;
          for (const piece of alignText(node.value, text, start, end)) textPiece(piece.value, piece.start, piece.exact, skip);
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
        // "One paragraph\n---": the author meant a paragraph and a separator, not a heading.
        if (node.depth === 2 && isSetext(node, text) && !parseTimelineLabel(title, 'heading') && (dialect.published || looksLikeProse(title))) {
          const last = node.children[node.children.length - 1];
          paragraph({ type: 'paragraph', children: node.children, position: { start: node.position!.start, end: last.position!.end } });
          if (dialect.published) events.push({ kind: 'boundary' });
          break;
        }
        const label = node.depth >= 2 ? parseTimelineLabel(title, 'heading') : undefined;
        if (label) events.push({ kind: 'label', label, text: title.trim(), start: node.position?.start.offset });
        else if (node.depth === 1 && h1 === undefined) h1 = title.trim();
        events.push({ kind: 'break' });
        break;
      }
      case 'paragraph':
        paragraph(node);
        break;
      case 'thematicBreak':
        if (dialect.published) events.push({ kind: 'boundary' });
        break;
      case 'html':
        html(node.value, node.position!.start.line);
        break;
      default:
        break; // code, thematic breaks, definitions: not prose
    }
  };

  const paragraph = (node: Paragraph) => {
    const read = dialect.paragraph ? dialect.paragraph(node, text, { title: data.title == null ? undefined : String(data.title) }) : lineLabels(node, text);
    if (read?.drop) return;
    if (!read?.labels.length) inline(node.children, read?.skip ?? []);
    else splitParagraph(node.children, read.labels, read.skip);
    if (read?.stamp) events.push({ kind: 'stamp', parts: read.stamp });
    events.push({ kind: 'break' });
  };

  // With labels inside a paragraph, each label must come before the text that follows it.
  const splitParagraph = (children: PhrasingContent[], labels: ParagraphLabel[], skip: [number, number][]) => {
    const before = events.length;
    inline(children, [...labels.map((l): [number, number] => [l.start, l.end]), ...skip].sort((a, b) => a[0] - b[0]));
    const texts = events.splice(before);
    let l = 0;
    const open = () => {
      // The line break before a label ends the previous update: it is not part of its text.
      const last = events[events.length - 1];
      if (last?.kind === 'text') last.value = last.value.replace(/\s+$/, '');
      events.push({ kind: 'break' }, { kind: 'label', label: labels[l].label, text: labels[l].text, start: labels[l].start });
    };
    for (const ev of texts) {
      while (l < labels.length && ev.kind === 'text' && ev.start >= labels[l].start) {
        open();
        l++;
      }
      events.push(ev);
    }
    while (l < labels.length) {
      open();
      l++;
    }
  };

  blocks(tree as Nodes);
  const warnings: string[] = [];
  const meta = (dialect.meta ?? metaFromFrontMatter)(data, (message) => warnings.includes(message) || warnings.push(message));
  meta.title ??= h1;
  if (hidden.length) meta.hiddenText = hidden;

  // Group events into statements: text before the first label is a statement of its own.
  const raws: RawStatement[] = [{ prose: new ProseBuilder() }];
  const labelParts: (DateParts | undefined)[] = [undefined];
  let stamped = false; // a time stamp or separator ended the current statement: the next text opens another
  for (const ev of events) {
    if (ev.kind === 'boundary') {
      if (raws[raws.length - 1].prose.text.trim() !== '') stamped = true;
      continue;
    }
    if (stamped && (ev.kind === 'text' || ev.kind === 'sep' || ev.kind === 'link')) {
      raws.push({ prose: new ProseBuilder() });
      labelParts.push(undefined);
      stamped = false;
    }
    const current = raws[raws.length - 1];
    if (ev.kind === 'label') {
      raws.push({ prose: new ProseBuilder(), label: ev.text, phase: ev.label.phase, labelStart: ev.start });
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
  const isTimeline = raws.length > 1 || labelParts[0] !== undefined || !!dialect.published;
  const times = resolveLabelTimes(labelParts, meta.published ?? meta.started, dialect.newestFirst);
  raws.forEach((r, i) => (r.time = times[i]));
  const statements = isTimeline && raws[0].prose.text.trim() === '' ? raws.slice(1) : raws;
  if (statements.every((r) => r.prose.text.trim() === '')) {
    if (hidden.length) throw new InputError('no published text: every update is inside an HTML comment (<!-- -->), which the page does not show');
    throw new InputError(Object.keys(data).length ? 'no statement text after the front matter' : 'file is empty');
  }
  return { incidents: [assembleIncident(0, meta, statements, { isTimeline, newestFirst: dialect.newestFirst })], directives, ...(warnings.length ? { warnings } : {}) };
}

export const markdownFormat: InputFormat = {
  name: 'markdown',
  extensions: ['.md', '.markdown', '.mdown', '.txt', '.text'],
  detect: () => true, // the fallback: any text is a draft
  parse: parseMarkdown,
};
