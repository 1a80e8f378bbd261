// The three real GitHub files in ../shared/corpus describe the same incidents: 819 as Markdown
// timelines (github-md/) and as Statuspage JSON (github-incidents.json), 25 of them also in the
// history feed (github-history.atom). An incident must give the same rule ids and the same score
// whichever format it arrives in, once each format is given the same information.
//
// What each file carries (checked by the model tests below, not assumed):
//   JSON      title, impact, started_at, resolved_at, components[], shortlink, every update's
//             status, time and body.
//   Markdown  title, impact, started, resolved (front matter) and every update's phase word,
//             time and text; no components (no `affected:` key), so rules that read
//             meta.affected (missing-impact) see less. The result comparison therefore lints the
//             JSON without `components`.
//   Feed      title, link and every update's phase word, time (to the minute) and text; no
//             impact, no components, no start or resolve time. The comparison lints the JSON
//             without those fields.
// Three feed incidents hold different data from the archive the JSON and Markdown were made
// from (the corpus README: the JSON and Markdown come from a git-scraping archive, the feed is
// "exactly as served"): 31107739 lists one update twice at the same minute (the archive has it
// once), and 31147598 and 31064249 list two updates posted in the same minute in the opposite
// order. For those the statements cannot line up one to one, so the test checks that the
// difference is exactly that, and compares rule ids and scores per incident (not per statement).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, describeWithCorpus, HAS_CORPUS } from './helpers.js';
import { beforeAll, expect, it } from 'vitest';
import { defaultRules, lintBytes, parseSource } from '../src/engine/index.js';
import { lintParsed } from '../src/engine/lint.js';
import type { Incident, ParsedFile } from '../src/engine/model.js';
import type { FileResult } from '../src/engine/results.js';

// Needs the shared corpus: skipped, saying so, without it (tests/helpers.ts).
const describe = describeWithCorpus;
const NOW = new Date('2027-01-01T00:00:00Z');
const options = { rules: defaultRules(), now: NOW };
// Linting all 819 incidents twice is the point of this file; it takes seconds, not milliseconds.
const SLOW = { timeout: 180_000 };

type JsonIncident = { id: string; name: string; components: unknown[]; incident_updates: unknown[] } & Record<string, unknown>;
const jsonText = HAS_CORPUS ? readFileSync(join(CORPUS, 'github-incidents.json'), 'utf8') : '{ "incidents": [] }';
const jsonIncidents: JsonIncident[] = JSON.parse(jsonText).incidents;
const feedBytes = HAS_CORPUS ? readFileSync(join(CORPUS, 'github-history.atom')) : Buffer.alloc(0);
const feedIds = [...feedBytes.toString('utf8').matchAll(/<id>tag:[^<]*Incident\/(\d+)<\/id>/g)].map((m) => m[1]);
const markdownIds = (HAS_CORPUS ? readdirSync(join(CORPUS, 'github-md')) : []).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
const markdownBytes = (id: string) => readFileSync(join(CORPUS, 'github-md', `${id}.md`));

/** The same incidents as Statuspage JSON, without the fields another format does not carry. */
function jsonWithout(fields: string[], only?: string[]): Uint8Array {
  const keep = only ? jsonIncidents.filter((i) => only.includes(i.id)) : jsonIncidents;
  const incidents = keep.map((i) => Object.fromEntries(Object.entries(i).filter(([k]) => !fields.includes(k))));
  return new TextEncoder().encode(JSON.stringify({ incidents }, null, 1));
}

interface Outcome {
  /** Rule id and statement index of every finding, sorted. */
  findings: string[];
  ruleIds: string[];
  score: number;
}

function outcomes(result: FileResult): Outcome[] {
  expect(result.fatal, `${result.filePath}: ${result.fatal}`).toBeUndefined();
  return result.incidents.map((incident) => {
    const own = result.findings.filter((f) => f.incident === incident.index);
    return {
      findings: own.map((f) => `${f.ruleId}@${f.statement}`).sort(),
      ruleIds: [...new Set(own.map((f) => f.ruleId))].sort(),
      score: incident.score,
    };
  });
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A statement as data: when, which phase, what it says. */
const statementsOf = (incident: Incident) => incident.statements.map((s) => ({ time: s.time?.toISOString(), phase: s.phase, text: squash(s.text) }));

describe('the corpus files describe the same incidents', () => {
  it('holds 819 incidents in Markdown and JSON, and the feed\'s 25 among them', () => {
    expect(jsonIncidents).toHaveLength(819);
    expect(new Set(markdownIds)).toEqual(new Set(jsonIncidents.map((i) => i.id)));
    expect(feedIds).toHaveLength(25);
    for (const id of feedIds) expect(markdownIds).toContain(id);
  });
});

describe('Markdown and Statuspage JSON (819 incidents)', () => {
  const json = HAS_CORPUS ? parseSource('github-incidents.json', new TextEncoder().encode(jsonText)) : ({ incidents: [] } as unknown as ParsedFile);
  const byId = new Map(jsonIncidents.map((i, n) => [i.id, json.incidents[n]]));
  // Each Markdown file is parsed once, for the model test and the lint test.
  const markdown = new Map<string, ParsedFile>();
  beforeAll(() => {
    for (const id of markdownIds) markdown.set(id, parseSource(`${id}.md`, markdownBytes(id)));
  }, SLOW.timeout);

  it('read into the same model, apart from the components Markdown does not carry', SLOW, () => {
    expect(json.incidents).toHaveLength(819);
    let textsDiffer = 0;
    for (const id of markdownIds) {
      const [md] = markdown.get(id)!.incidents;
      const js = byId.get(id)!;
      const where = `incident ${id}`;
      expect(md.meta.title, where).toBe(js.meta.title);
      expect(md.meta.impact, where).toBe(js.meta.impact);
      expect(md.meta.started, where).toEqual(js.meta.started);
      expect(md.meta.resolved, where).toEqual(js.meta.resolved);
      expect(md.meta.affected, where).toBeUndefined();
      expect([md.isTimeline, md.isMaintenance], where).toEqual([js.isTimeline, js.isMaintenance]);
      const a = statementsOf(md);
      const b = statementsOf(js);
      expect(a.map(({ time, phase }) => ({ time, phase })), where).toEqual(b.map(({ time, phase }) => ({ time, phase })));
      // A JSON body is plain text; the same characters in Markdown can be syntax (`code`, "* "
      // list markers), which is not prose there.
      a.forEach((s, n) => {
        if (s.text !== b[n].text) {
          textsDiffer++;
          expect(jsonIncidents.find((i) => i.id === id)!.incident_updates.some((u) => /[`*_\\[\]<]/.test((u as { body: string }).body)), `${where} statement ${n}`).toBe(true);
        }
      });
    }
    // 7 of 4,570 statements: `inline code` (5 incidents) and "*" read as list or emphasis markers.
    expect(textsDiffer).toBe(7);
  });

  it('give the same rule ids and the same score, statement by statement', SLOW, () => {
    const fromJson = outcomes(lintBytes('github-incidents.json', jsonWithout(['components']), options));
    const jsonById = new Map(jsonIncidents.map((i, n) => [i.id, fromJson[n]]));
    // Every differing incident at once, so a failure shows how widespread it is.
    const differing: { id: string; markdown: Outcome; json: Outcome }[] = [];
    for (const id of markdownIds) {
      const [fromMarkdown] = outcomes(lintParsed(markdown.get(id)!, options.rules, options));
      const json = jsonById.get(id)!;
      if (JSON.stringify(fromMarkdown) !== JSON.stringify(json)) differing.push({ id, markdown: fromMarkdown, json });
    }
    expect(differing).toEqual([]);
    expect(markdownIds).toHaveLength(819);
  });
});

describe('the history feed and Statuspage JSON (25 incidents)', () => {
  const feed = HAS_CORPUS ? parseSource('github-history.atom', feedBytes) : ({ incidents: [] } as unknown as ParsedFile);
  const json = HAS_CORPUS ? parseSource('github-incidents.json', new TextEncoder().encode(jsonText)) : ({ incidents: [] } as unknown as ParsedFile);
  const jsonById = new Map(jsonIncidents.map((i, n) => [i.id, json.incidents[n]]));
  const REORDERED = ['31147598', '31064249'];
  const DUPLICATED = ['31107739'];

  it('read into the same model, apart from what the feed does not carry and three data differences', () => {
    expect(feed.incidents).toHaveLength(25);
    feedIds.forEach((id, n) => {
      const fromFeed = feed.incidents[n];
      const fromJson = jsonById.get(id)!;
      const where = `incident ${id}`;
      expect(fromFeed.meta.title, where).toBe(fromJson.meta.title);
      expect(fromFeed.meta.extra.link, where).toBe(fromJson.meta.extra.shortlink);
      expect([fromFeed.meta.impact, fromFeed.meta.started, fromFeed.meta.resolved, fromFeed.meta.affected], where).toEqual([undefined, undefined, undefined, undefined]);
      const a = statementsOf(fromFeed);
      const b = statementsOf(fromJson);
      if (DUPLICATED.includes(id)) {
        // The feed repeats one update at the same minute; without the repeat the data agree.
        const once = a.filter((s, k) => k === 0 || s.time !== a[k - 1].time || s.text !== a[k - 1].text);
        expect(a.length - once.length, where).toBe(1);
        expect(once, where).toEqual(b);
      } else if (REORDERED.includes(id)) {
        // Two updates of the same minute in the other order (so an "Update" between them takes
        // another phase): the same times and texts, not in the same order.
        const key = (s: { time?: string; text: string }) => `${s.time} ${s.text}`;
        expect(a.map(key), where).not.toEqual(b.map(key));
        expect(a.map(key).sort(), where).toEqual(b.map(key).sort());
        expect(a.map((s) => s.time), where).toEqual(b.map((s) => s.time));
      } else {
        expect(a, where).toEqual(b);
      }
    });
  });

  describe('lint results', () => {
    let fromFeed: Outcome[];
    let fromJson: Map<string, Outcome>;
    beforeAll(() => {
      fromFeed = outcomes(lintBytes('github-history.atom', feedBytes, options));
      const stripped = outcomes(lintBytes('github-incidents.json', jsonWithout(['impact', 'components', 'started_at', 'created_at', 'resolved_at'], feedIds), options));
      const kept = jsonIncidents.filter((i) => feedIds.includes(i.id));
      fromJson = new Map(kept.map((i, n) => [i.id, stripped[n]]));
    });

    it('give the same rule ids and score, statement by statement, where the data agree', () => {
      const same = feedIds.filter((id) => !REORDERED.includes(id) && !DUPLICATED.includes(id));
      expect(same).toHaveLength(22);
      for (const id of same) expect(fromFeed[feedIds.indexOf(id)], `incident ${id}`).toEqual(fromJson.get(id));
    });

    it('give the same rule ids and score per incident where the archive differs from the feed', () => {
      for (const id of [...REORDERED, ...DUPLICATED]) {
        const { ruleIds, score } = fromFeed[feedIds.indexOf(id)];
        expect({ ruleIds, score }, `incident ${id}`).toEqual({ ruleIds: fromJson.get(id)!.ruleIds, score: fromJson.get(id)!.score });
      }
    });
  });
});
