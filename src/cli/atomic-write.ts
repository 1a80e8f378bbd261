// Writes a file so that a reader, or a run that is interrupted, sees the old file or the new one,
// never half of one: the data goes to a temporary file beside the target, which is then renamed
// over it (a rename within one folder is atomic on POSIX file systems and on NTFS).
//
// Signals: crisislint keeps the default SIGINT and SIGTERM behaviour, which ends the process
// (worker threads included) at once, so Ctrl-C is prompt even in the middle of a long file.
// Only for the few milliseconds of a write are the two signals held back, so that the temporary
// file is either renamed or removed before the process ends with the signal it was sent.

import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from '../engine/lazy-crypto.js';

const HELD_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs `task` with the termination signals held back; one that arrived meanwhile is re-raised after. */
export function withSignalsHeld<T>(task: () => T): T {
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of HELD_SIGNALS) process.on(signal, hold);
  try {
    return task();
  } finally {
    // A signal that came during the task reaches `hold` in the event loop's poll phase, which
    // runs before setImmediate callbacks; the process then ends with it, as it would have.
    setImmediate(() => {
      for (const signal of HELD_SIGNALS) process.off(signal, hold);
      if (received !== undefined) process.kill(process.pid, received);
    });
  }
}

/** True when both paths name one existing file (through links too). */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** The file a write to `path` really replaces: through a symbolic link to its target. */
function writeTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // not there yet
  }
}

/** Writes `data` to `path` through a temporary file in the same folder, renamed over `path`. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const target = writeTarget(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  withSignalsHeld(() => {
    try {
      writeFileSync(temp, data, { flag: 'wx' });
      try {
        // Keep the permissions of the file being replaced (a report others may read).
        chmodSync(temp, statSync(target).mode & 0o7777);
      } catch {
        // A new file gets the default permissions.
      }
      renameSync(temp, target);
    } catch (error) {
      try {
        unlinkSync(temp);
      } catch {
        // Nothing was written.
      }
      throw error;
    }
  });
}
