// crisislint in shell pipelines, run through a real shell as users run it: a slow writer on
// stdin is waited for (a non-blocking pipe must not read as an empty file), and a reader that
// stops early (`| head -1`) ends the run quietly instead of with an EPIPE stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'crisislint.cjs');
const NOW = '--now 2030-01-01T00:00:00Z';

function shell(script: string) {
  const r = spawnSync('sh', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE: process.execPath, BIN } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('stdin from a pipe', () => {
  it('waits for a writer that starts late', () => {
    const r = shell(`(sleep 1; cat fixtures/poor-statement.md) | "$NODE" "$BIN" --stdin-filename draft.md --format json ${NOW}`);
    expect(r.stderr).toBe('');
    const [result] = JSON.parse(r.stdout);
    expect(result.filePath).toBe('draft.md');
    expect(result.fatal).toBeUndefined();
    expect(result.messages.map((f: { ruleId: string }) => f.ruleId)).toContain('emotion-apology');
    expect(r.code).toBe(1);
  });

  it('reads a large input written in pieces with pauses, to the end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crisislint-pipe-'));
    const incidents = JSON.parse(readFileSync(join(ROOT, 'fixtures/inputs/incidents.json'), 'utf8'));
    // Many incidents (over 100 KB, more than one pipe buffer), split into two writes.
    const big = { ...incidents, incidents: Array.from({ length: 60 }, (_, i) => incidents.incidents.map((x: { id: string }) => ({ ...x, id: `${x.id}-${i}` }))).flat() };
    const text = JSON.stringify(big, null, 2);
    expect(text.length).toBeGreaterThan(100_000);
    writeFileSync(join(dir, 'a'), text.slice(0, 70_000));
    writeFileSync(join(dir, 'b'), text.slice(70_000));
    const r = shell(`(cat "${dir}/a"; sleep 0.5; cat "${dir}/b") | "$NODE" "$BIN" --stdin-filename incidents.json --format json ${NOW}`);
    expect(r.stderr).toBe('');
    const [result] = JSON.parse(r.stdout);
    expect(result.format).toBe('statuspage-json');
    expect(result.incidents).toHaveLength(big.incidents.length);
  });

  it('an empty pipe is still "file is empty"', () => {
    const r = shell(`printf '' | "$NODE" "$BIN" --stdin-filename draft.md`);
    expect(r.stderr).toContain('draft.md: file is empty');
    expect(r.code).toBe(1);
  });
});

describe('stdout into a pipe that closes early', () => {
  // A report far longer than a pipe buffer, so that writes go on after head has exited.
  const dir = mkdtempSync(join(tmpdir(), 'crisislint-epipe-'));
  const incidents = JSON.parse(readFileSync(join(ROOT, 'fixtures/inputs/incidents.json'), 'utf8'));
  const many = { ...incidents, incidents: Array.from({ length: 40 }, (_, i) => incidents.incidents.map((x: { id: string }) => ({ ...x, id: `${x.id}-${i}` }))).flat() };
  writeFileSync(join(dir, 'incidents.json'), JSON.stringify(many));

  it.each(['stylish', 'json', 'compact'])('| head -1 ends quietly (%s)', (format) => {
    const r = shell(`"$NODE" "$BIN" "${dir}/incidents.json" --format ${format} ${NOW} | head -1`);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0].length).toBeGreaterThan(0);
  });

  it('keeps its exit code when the reader stops early', () => {
    // Error-level findings exit 1 whether or not anyone reads the whole report.
    writeFileSync(join(dir, 'with-error.md'), 'We apologize for any inconvenience this may have caused.\n');
    const all = shell(`"$NODE" "$BIN" "${dir}/with-error.md" "${dir}/incidents.json" ${NOW} > /dev/null`);
    expect(all.code).toBe(1);
    const r = shell(`{ "$NODE" "$BIN" "${dir}/with-error.md" "${dir}/incidents.json" ${NOW}; echo "exit $?" >&2; } | head -1 >/dev/null`);
    expect(r.stderr).toBe('exit 1\n');
  });
});
