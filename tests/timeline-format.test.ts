// formatTime builds "14:30 UTC" from the date's parts instead of toISOString(); it must write
// what the toISOString() slices wrote, for any date (and throw as it threw).
import { describe, expect, it } from 'vitest';
import { formatTime } from '../src/engine/timeline.js';

function viaIso(date: Date, reference?: Date): string {
  const iso = date.toISOString();
  const time = `${iso.slice(11, 16)} UTC`;
  return reference && reference.toISOString().slice(0, 10) === iso.slice(0, 10) ? time : `${iso.slice(0, 10)} ${time}`;
}

function outcome(f: () => string): string {
  try {
    return f();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
}

describe('formatTime', () => {
  it('writes what toISOString gave, for edge and random dates', () => {
    const times = [0, -1, 1, 1707561000000, 253402300799999, 253402300800000, -62167219200000, -62167219200001, 8.64e15, -8.64e15, NaN];
    let seed = 1;
    for (let k = 0; k < 2000; k++) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      times.push((seed / 2 ** 32 - 0.3) * 3e14);
    }
    const dates = times.map((t) => new Date(t));
    for (const [k, date] of dates.entries()) {
      for (const reference of [undefined, date, dates[(k * 7) % dates.length], new Date(date.getTime() + 86_400_000)]) {
        expect(outcome(() => formatTime(date, reference)), `${date.getTime()} vs ${reference?.getTime()}`).toBe(outcome(() => viaIso(date, reference)));
      }
    }
  });
});
