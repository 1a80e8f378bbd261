// The Markdown tree of a draft or timeline. micromark (through mdast-util-from-markdown) is the
// parser; this file adds one narrow shortcut in front of it, because micromark tokenizes every
// character and was most of the parse time of a corpus run, while most real status-page files are
// only front matter, ATX headings and plain paragraphs. For exactly that shape the tree is built
// from the lines directly: the same nodes, values and positions micromark gives (proven on the
// corpus and the fixtures by tests/markdown-fast.test.ts). Anything else, or anything in doubt,
// goes to micromark.

import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Heading, Paragraph, Root, RootContent, Yaml } from 'mdast';

type Position = NonNullable<Root['position']>;
type Point = Position['start'];

// Built once: the extensions hold no state between parses (the front-matter construct resets its
// fence buffer at every start), so each parse need not build them again.
const OPTIONS = {
  extensions: [frontmatter(['yaml'])],
  mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
};

/** The tree of a Markdown file with YAML front matter. */
export function parseMarkdownTree(text: string): Root {
  return plainTree(text) ?? micromarkTree(text);
}

/** micromark's tree: the reference, and the parser for every file the shortcut declines. */
export function micromarkTree(text: string): Root {
  return fromMarkdown(text, OPTIONS);
}

// Declined anywhere in the file: characters micromark rewrites or measures differently (tabs
// expand to virtual spaces, CR and CRLF are line endings, NUL becomes U+FFFD, a leading BOM is
// dropped) and other control characters, which no statement needs.
const ODD_CHARACTER = /[\t\r\0-\x08\x0b-\x1f\x7f\ufeff]/;
// Declined in the body: every character that can open inline syntax in CommonMark: emphasis
// (* _), code (`), HTML and autolinks (< >), escapes and hard breaks (\), entities (&), links and
// images ([ ] !). `|` and `~` open nothing inline without GFM (which this parser does not load);
// `|` is declined anyway and `~` only at a line start (a ~~~ code fence).
const INLINE_SYNTAX = /[*_`<>\\&|[\]!]/;
// An ATX heading as the shortcut accepts it: 1–6 #s, spaces, then text that neither ends in # (a
// closing sequence, or a # micromark might take for one) nor in whitespace.
const ATX_HEADING = /^(#{1,6}) +(?=[^ ])/;
// A line that would not start a paragraph or continue one as plain text: indentation (indented
// code, or stripped spaces), block markers (> - + = ~ #: block quotes, lists, thematic breaks,
// setext underlines, fences, headings) and ordered-list markers (1. or 1)).
const NOT_PLAIN_START = /^(?:[ >\-+=~#]|\d+[.)])/;

const point = (line: number, column: number, offset: number): Point => ({ line, column, offset });
const span = (start: Point, end: Point): Position => ({ start, end });

/**
 * The tree micromark would build, for a file that is YAML front matter (optional) and then only
 * ATX headings, blank lines and plain paragraph lines, every line ending in "\n"; otherwise
 * undefined. Each heading or paragraph then holds one text node whose value is its source text
 * exactly (no line has leading or trailing spaces to strip).
 */
export function plainTree(text: string): Root | undefined {
  if (!text.endsWith('\n') || ODD_CHARACTER.test(text)) return undefined;
  const children: RootContent[] = [];
  let offset = 0; // start of the current line
  let line = 1;

  // Front matter, as micromark-extension-frontmatter reads it: "---" on the first line, closed by
  // the first later line that is "---" (optionally followed by spaces). Accepted only when both
  // fences are exactly "---"; the value is the text between them, without the fences' newlines.
  if (text.startsWith('---\n')) {
    const close = /^---[ \t]*$/m.exec(text.slice(4));
    if (!close || close[0] !== '---') return undefined;
    const closeStart = 4 + close.index;
    const value = closeStart > 4 ? text.slice(4, closeStart - 1) : '';
    const closeLine = 2 + countNewlines(text, 4, closeStart);
    const yaml: Yaml = { type: 'yaml', value, position: span(point(1, 1, 0), point(closeLine, 4, closeStart + 3)) };
    children.push(yaml);
    offset = closeStart + 4;
    line = closeLine + 1;
  }
  if (INLINE_SYNTAX.test(text.slice(offset))) return undefined;

  // The paragraph being read: where it started, and where its last line ended.
  let para: { start: Point; end: Point } | undefined;
  const endParagraph = () => {
    if (!para) return;
    const position = span(para.start, para.end);
    const value = text.slice(para.start.offset, para.end.offset);
    const node: Paragraph = { type: 'paragraph', children: [{ type: 'text', value, position: span(para.start, para.end) }], position };
    children.push(node);
    para = undefined;
  };

  for (; offset < text.length; line++) {
    const end = text.indexOf('\n', offset); // never -1: the text ends in "\n"
    const lineText = text.slice(offset, end);
    if (lineText === '') {
      endParagraph();
    } else if (lineText.endsWith(' ')) {
      return undefined; // trailing spaces: stripped, or a hard break
    } else if (lineText[0] === '#') {
      const marker = ATX_HEADING.exec(lineText);
      if (!marker || lineText.endsWith('#')) return undefined;
      endParagraph(); // an ATX heading interrupts a paragraph
      const content = point(line, marker[0].length + 1, offset + marker[0].length);
      const lineEnd = point(line, end - offset + 1, end);
      const node: Heading = {
        type: 'heading',
        depth: marker[1].length as Heading['depth'],
        children: [{ type: 'text', value: lineText.slice(marker[0].length), position: span(content, lineEnd) }],
        position: span(point(line, 1, offset), lineEnd),
      };
      children.push(node);
    } else if (NOT_PLAIN_START.test(lineText)) {
      return undefined;
    } else {
      const lineEnd = point(line, end - offset + 1, end);
      if (para) para.end = lineEnd;
      else para = { start: point(line, 1, offset), end: lineEnd };
    }
    offset = end + 1;
  }
  endParagraph();

  // Front matter alone, or nothing: rare, and an error message to get right; micromark does it.
  if (!children.some((node) => node.type !== 'yaml')) return undefined;
  return { type: 'root', children, position: span(point(1, 1, 0), point(line, 1, text.length)) };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
