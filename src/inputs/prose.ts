// Builds a statement's prose text piece by piece while remembering where each piece came from
// in the source file, so findings on the prose point back to the original line and column.

import type { SourceMap } from '../engine/model.js';

/** Placeholder for a URL in prose: rules see that a link is there, never its characters. */
export const LINK_PLACEHOLDER = 'link';
// A web address with a scheme, or a www. address with a path. A bare domain name ("www.example.com
// is down", "example.com pages") is a name readers say, and stays in the prose.
const BARE_URL = /\b(?:https?:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?]|www\.[\w-]+(?:\.[\w-]+)+\/[^\s<>()"']*[^\s<>()"'.,;:!?/])/g;

/** A piece of a text node's value and where it stands in the source; `exact` when copied verbatim. */
export interface AlignedPiece {
  value: string;
  start: number;
  exact: boolean;
}

const BACKSLASH = 0x5c;
const AMPERSAND = 0x26;
const ENTITY = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;

/**
 * Lines up a Markdown text node's value with its source, which may differ by what the parser
 * takes out: spaces before a line break, a continuation line's indent or `>` marker, a
 * backslash escape, an entity. Returns verbatim pieces with their source offsets, so a finding
 * in the middle of such a paragraph still points at its own column; whatever cannot be lined
 * up is one inexact piece (pointing at where it starts).
 */
export function alignText(value: string, source: string, start: number, end: number): AlignedPiece[] {
  const pieces: AlignedPiece[] = [];
  let i = 0;
  let j = start;
  let runStart = 0;
  let runSource = start;
  const close = () => {
    if (i > runStart) pieces.push({ value: value.slice(runStart, i), start: runSource, exact: true });
  };
  while (i < value.length && j < end) {
    // Most characters are copied verbatim: compared as code units, without a one-character string.
    const code = source.charCodeAt(j);
    if (code !== BACKSLASH && code !== AMPERSAND && value.charCodeAt(i) === code) {
      i++;
      j++;
      continue;
    }
    const c = source[j];
    // An escape or entity first: its first character may equal the value's ("&amp;" gives "&").
    const escape = c === '\\' && /^[!-/:-@[-`{-~]$/.test(source[j + 1] ?? '') && source[j + 1] === value[i];
    let entity = c === '&' ? ENTITY.exec(source.slice(j, end)) : null;
    if (entity && value.startsWith(entity[0], i)) entity = null; // an unknown entity stays as written
    if (!escape && !entity && value[i] === c) {
      i++;
      j++;
      continue;
    }
    const atLineStart = /\n[ \t>]*$/.test(source.slice(Math.max(start, j - 40), j));
    const beforeBreak = c === ' ' || c === '\t' ? /^[ \t]*(?:\n|$)/.test(source.slice(j, end)) : false;
    if (escape || beforeBreak || (atLineStart && (c === ' ' || c === '\t' || c === '>'))) {
      close();
      j++;
      runStart = i;
      runSource = j;
    } else if (entity) {
      close();
      // The entity's character(s) have no verbatim source: an inexact piece at the entity.
      const chars = /^[\uD800-\uDBFF]/.test(value[i]) ? 2 : 1;
      pieces.push({ value: value.slice(i, i + chars), start: j, exact: false });
      i += chars;
      j += entity[0].length;
      runStart = i;
      runSource = j;
    } else break;
  }
  close();
  if (i < value.length) pieces.push({ value: value.slice(i), start: j, exact: false });
  return pieces;
}

export class ProseBuilder {
  text = '';
  readonly runs: SourceMap['runs'] = [];
  readonly links: string[] = [];
  /** Where each bare URL's placeholder stands in `text`, so that quotes can give the URL back. */
  readonly urls: { at: number; url: string }[] = [];
  private pendingBreak = false;

  /** Adds text that stands at `sourceStart` in the source; `exact` when it is a verbatim copy. */
  add(value: string, sourceStart: number, exact = true): void {
    if (!value) return;
    if (this.pendingBreak) {
      if (this.text) this.text += '\n\n';
      this.pendingBreak = false;
    }
    // Bare URLs become a placeholder word; the URL itself is kept as a link of the statement.
    let last = 0;
    BARE_URL.lastIndex = 0;
    for (let m = BARE_URL.exec(value); m; m = BARE_URL.exec(value)) {
      this.addRun(value.slice(last, m.index), sourceStart + last, exact);
      this.links.push(m[0]);
      this.urls.push({ at: this.text.length, url: m[0] });
      this.runs.push({ prose: this.text.length, source: sourceStart + (exact ? m.index : 0), length: 0 });
      this.text += LINK_PLACEHOLDER;
      last = m.index + m[0].length;
    }
    this.addRun(value.slice(last), sourceStart + (exact ? last : 0), exact);
  }

  private addRun(value: string, sourceStart: number, exact: boolean): void {
    if (!value) return;
    this.runs.push({ prose: this.text.length, source: sourceStart, length: exact ? value.length : 0 });
    this.text += value;
  }

  /** Text that has no source of its own (a space where markup stood). */
  addSeparator(value: string): void {
    if (this.text && !this.pendingBreak) this.text += value;
  }

  /** Ends a block (paragraph, list item): the next text starts a new paragraph. */
  endBlock(): void {
    this.pendingBreak = true;
  }

  addLink(url: string): void {
    this.links.push(url);
  }
}
