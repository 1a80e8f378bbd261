// Builds a statement's prose text piece by piece while remembering where each piece came from
// in the source file, so findings on the prose point back to the original line and column.

import type { SourceMap } from '../engine/model.js';

/** Placeholder for a URL in prose: rules see that a link is there, never its characters. */
export const LINK_PLACEHOLDER = 'link';
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()"']+[^\s<>()"'.,;:!?]/g;

export class ProseBuilder {
  text = '';
  readonly runs: SourceMap['runs'] = [];
  readonly links: string[] = [];
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
