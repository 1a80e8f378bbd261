// "crisislint: 120/819 files" on stderr while a long run lints, only when stderr is a terminal:
// never in a pipe, a file or CI logs, and never on stdout, where reports go.

const MIN_FILES = 20;
const EVERY_MS = 100;

export class Progress {
  private count: number;
  private shownAt = 0;
  private shown = false;
  private readonly active: boolean;

  constructor(
    private readonly stream: (NodeJS.WritableStream & { isTTY?: boolean }) | undefined,
    private readonly total: number,
    already: number,
  ) {
    this.count = already;
    this.active = !!stream?.isTTY && total - already >= MIN_FILES;
  }

  tick(): void {
    this.count++;
    if (!this.active) return;
    const now = Date.now();
    if (now - this.shownAt < EVERY_MS) return;
    this.shownAt = now;
    this.shown = true;
    this.stream!.write(`\r\x1b[Kcrisislint: ${this.count}/${this.total} files`);
  }

  /** Clears the line so the report starts on a clean one. */
  end(): void {
    if (this.shown) this.stream!.write('\r\x1b[K');
    this.shown = false;
  }
}
