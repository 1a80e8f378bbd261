// Statuspage history feeds (FORMATS.md item 4): Atom (`/history.atom`) or RSS (`/history.rss`).
// Each entry is one incident; its HTML content lists the updates newest first as
// `<small>Mon DD, HH:MM UTC</small><br><strong>Phase</strong> - text`. htmlparser2 reads the
// feed as XML and the content as HTML, so entities, CDATA and markup are handled by the parser.

import { DomHandler, DomUtils, ElementType, Parser, parseDocument } from 'htmlparser2';
import { assembleIncident, type RawStatement } from '../engine/document.js';
import type { Incident, IncidentMeta, SourceFile } from '../engine/model.js';
import { findDateParts, resolveDate } from '../nlp/time.js';
import { InputError } from './errors.js';
import { parsePhase } from './frontmatter.js';
import { ProseBuilder } from './prose.js';
import type { InputFormat } from './types.js';

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];
type Node = ReturnType<typeof DomUtils.getChildren>[number];

/** A DOM handler that remembers the first element the XML never closed (a truncated feed). */
class FeedHandler extends DomHandler {
  unclosed?: string;
  /** Tells a self-closing tag (`<link ... />`), which the parser also reports as an implied close. */
  selfClosing: () => boolean = () => false;
  override onclosetag(name?: string, isImplied?: boolean): void {
    if (isImplied && this.unclosed === undefined && !this.selfClosing()) this.unclosed = name;
    super.onclosetag();
  }
}

function parseXml(text: string): { root: Node[]; unclosed?: string } {
  const handler = new FeedHandler(null, { xmlMode: true, withStartIndices: true, withEndIndices: true });
  const parser = new Parser(handler, { xmlMode: true });
  handler.selfClosing = () => text[parser.endIndex] === '>' && text[parser.endIndex - 1] === '/';
  parser.end(text);
  return { root: handler.root.children, unclosed: handler.unclosed };
}

const child = (parent: Element, name: string): Element | undefined => DomUtils.getElementsByTagName(name, parent.children, false, 1)[0];
const childText = (parent: Element, name: string): string | undefined => {
  const element = child(parent, name);
  return element ? DomUtils.textContent(element).trim() : undefined;
};
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const isElement = (node: Node): node is Element => ElementType.isTag(node);

/**
 * Maps decoded text back onto the raw feed, within one entry's content. Text without entities
 * appears verbatim in the file; a word the feed escaped (`&amp;`, `&amp;#39;`) is found with its
 * entities, else it points where its neighbours are.
 */
class RawLocator {
  private readonly region: string;
  private cursor = 0;

  constructor(raw: string, private readonly base: number, end: number) {
    this.region = raw.slice(base, end);
  }

  add(prose: ProseBuilder, value: string): void {
    const at = this.region.indexOf(value, this.cursor);
    if (at !== -1) {
      prose.add(value, this.base + at);
      this.cursor = at + value.length;
      return;
    }
    for (const token of value.split(/(\s+)/)) {
      if (!token) continue;
      const found = this.region.indexOf(token, this.cursor);
      if (found !== -1) {
        prose.add(token, this.base + found);
        this.cursor = found + token.length;
        continue;
      }
      const escaped = this.escapedMatch(token);
      prose.add(token, this.base + (escaped?.index ?? this.cursor), false);
      if (escaped) this.cursor = escaped.index + escaped[0].length;
    }
  }

  /** The token as the feed wrote it: each special character may stand as an entity, once or twice escaped. */
  private escapedMatch(token: string): RegExpExecArray | undefined {
    const literal = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = [...token].map((c) => (/[&<>"'\u0080-\uffff]/.test(c) ? `(?:${literal(c)}|&(?:amp;)?#?\\w+;)` : literal(c))).join('');
    const regex = new RegExp(pattern, 'g');
    regex.lastIndex = this.cursor;
    const m = regex.exec(this.region);
    // Near the cursor only: a far match would be another update's word.
    return m && m.index - this.cursor < 200 ? m : undefined;
  }
}

interface Update {
  time?: string;
  phase?: string;
  prose: ProseBuilder;
  /** The phase's " - " separator is still to be skipped. */
  atStart: boolean;
}

/** Elements whose content is not prose. */
const NOT_PROSE = new Set(['code', 'pre', 'script', 'style', 'img']);
const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr']);

/** Splits an entry's HTML into its updates, in document order (newest first). */
function readUpdates(html: string, locator: RawLocator): { updates: Update[]; preamble: ProseBuilder } {
  const updates: Update[] = [];
  const preamble = new ProseBuilder();
  const current = () => updates[updates.length - 1];
  const prose = () => current()?.prose ?? preamble;

  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.type === ElementType.Text) {
        let value = node.data;
        const update = current();
        if (update?.atStart) {
          if (!value.trim()) continue;
          value = value.replace(/^\s*[-–—:]\s*/, '');
          update.atStart = false;
        }
        locator.add(prose(), value);
        continue;
      }
      if (!isElement(node)) continue; // comments, CDATA markers
      const name = node.name.toLowerCase();
      const update = current();
      if (name === 'small') {
        updates.push({ time: squash(DomUtils.textContent(node)), prose: new ProseBuilder(), atStart: true });
      } else if ((name === 'strong' || name === 'b') && update?.atStart && update.phase === undefined) {
        update.phase = squash(DomUtils.textContent(node));
      } else if (name === 'br') {
        if (!update?.atStart) prose().addSeparator('\n');
      } else if (NOT_PROSE.has(name)) {
        prose().addSeparator(' ');
      } else {
        if (name === 'a') {
          // An anchor whose text is its URL (Statuspage links bare URLs) is kept once, by the prose.
          const href = DomUtils.getAttributeValue(node, 'href');
          if (href && squash(DomUtils.textContent(node)) !== href) prose().addLink(href);
        }
        walk(node.children);
        if (BLOCKS.has(name)) prose().endBlock();
      }
    }
  };
  walk(parseDocument(html).children);
  return { updates, preamble };
}

/** "Aug 21, 00:37 UTC" in an entry published 2026-08-21: the year closest to publication. */
function updateTime(text: string | undefined, published: Date | undefined): Date | undefined {
  const parts = text ? findDateParts(text)?.parts : undefined;
  if (!parts || parts.hour === undefined) return undefined;
  if (parts.year !== undefined) return resolveDate(parts);
  if (!published) return undefined;
  const year = published.getUTCFullYear();
  // An update in December in an entry published in January belongs to the year before.
  const candidates = [year - 1, year, year + 1].flatMap((y) => resolveDate({ ...parts, year: y }) ?? []);
  return candidates.sort((a, b) => Math.abs(a.getTime() - published.getTime()) - Math.abs(b.getTime() - published.getTime()))[0];
}

function readEntry(entry: Element, kind: 'atom' | 'rss', index: number, source: SourceFile): Incident {
  const meta: IncidentMeta = { extra: {} };
  meta.title = childText(entry, 'title');
  const publishedText = kind === 'atom' ? childText(entry, 'published') ?? childText(entry, 'updated') : childText(entry, 'pubDate');
  const published = publishedText ? new Date(publishedText) : undefined;
  const publishedDate = published && !Number.isNaN(published.getTime()) ? published : undefined;
  if (publishedDate) meta.extra.published = publishedDate.toISOString();
  const id = childText(entry, kind === 'atom' ? 'id' : 'guid');
  if (id) meta.extra.id = id;
  const links = DomUtils.getElementsByTagName('link', entry.children, false);
  const link = kind === 'atom' ? (links.find((l) => (l.attribs.rel ?? 'alternate') === 'alternate') ?? links[0])?.attribs.href : childText(entry, 'link');
  if (link) meta.extra.link = link;

  const content = child(entry, kind === 'atom' ? 'content' : 'description') ?? (kind === 'atom' ? child(entry, 'summary') : undefined);
  const html = content ? DomUtils.textContent(content) : '';
  const locator = new RawLocator(source.text, content?.startIndex ?? 0, (content?.endIndex ?? source.text.length - 1) + 1);
  const { updates, preamble } = readUpdates(html, locator);

  if (updates.length === 0) {
    // Not Statuspage's layout: the whole entry is one statement, published when the entry was.
    meta.published = publishedDate;
    if (!preamble.text.trim()) throw new InputError(`entry ${index + 1}${meta.title ? ` ("${meta.title}")` : ''} has no text`);
    return assembleIncident(index, meta, [{ prose: preamble }], { isTimeline: false });
  }
  // Newest first in the feed; statements are built oldest first.
  const raws: RawStatement[] = updates.reverse().map((u) => ({
    label: [u.phase, u.time].filter(Boolean).join(' - ') || undefined,
    phase: u.phase ? parsePhase(u.phase) : undefined,
    time: updateTime(u.time, publishedDate),
    prose: u.prose,
  }));
  return assembleIncident(index, meta, raws, { isTimeline: true });
}

export function parseStatuspageFeed(source: SourceFile): { incidents: Incident[]; directives: [] } {
  if (!source.text.trimStart().startsWith('<')) throw new InputError('not XML: an Atom or RSS feed starts with "<?xml" or "<feed"');
  const { root, unclosed } = parseXml(source.text);
  const atom = DomUtils.getElementsByTagName('feed', root, false, 1)[0];
  const rss = atom ? undefined : DomUtils.getElementsByTagName('rss', root, false, 1)[0];
  if (!atom && !rss) throw new InputError('not an Atom or RSS feed: no <feed> or <rss> element at the top level');
  if (unclosed) throw new InputError(`malformed XML: <${unclosed}> is never closed (is the feed cut short?)`);
  const kind = atom ? 'atom' : 'rss';
  const entries = atom ? DomUtils.getElementsByTagName('entry', atom.children, false) : DomUtils.getElementsByTagName('item', rss!.children, true);
  return { incidents: entries.map((entry, i) => readEntry(entry, kind, i, source)), directives: [] };
}

/** Cheap content test: an XML document whose root is <feed> or <rss>. */
export function looksLikeFeed(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:feed|rss)\b/.test(text.slice(0, 4096));
}

export const statuspageFeedFormat: InputFormat = {
  name: 'statuspage-feed',
  extensions: ['.atom', '.rss', '.xml'],
  // A feed file is read as a feed whatever it holds, so a broken one gets a clear error.
  detect: (text, path) => /\.(?:atom|rss|xml)$/i.test(path) || looksLikeFeed(text),
  parse: parseStatuspageFeed,
};
