// The HTML views of lint results, shared by the report page (--format html) and the playground
// (src/web): a file's incidents with each statement's text and its findings highlighted where
// they occur, the score and principle checklist, the timeline of a timeline incident, the
// summary of a many-file report and the rules' docs. Everything is built as strings from
// escaped text, so statement text that holds HTML or script is shown, never run. Browser-safe:
// no Node built-ins.

import type { Principle, RuleMeta, Severity } from '../rule.js';
import { lineStartsOf } from '../engine/model.js';
import { PRINCIPLE_INFO } from '../engine/principles.js';
import type { FileResult, Finding, IncidentResult, StatementResult } from '../engine/results.js';

export interface RenderOptions {
  /** Rule metadata by id, for docs links and the docs section. */
  rules: Map<string, RuleMeta<object>>;
  /** The playground: suggestions get an Apply button. */
  interactive?: boolean;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
// Severity is shown by an icon (from the style sheet) and a word as well as by colour (WCAG 1.4.1).
const PRINCIPLES = Object.keys(PRINCIPLE_INFO) as Principle[];
const STATE_LABEL = { satisfied: 'satisfied', failed: 'failed', 'not-applicable': 'not applicable' } as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Escapes text for element content (quotes need no escaping there, and big reports are smaller). */
function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c]);
}

/** Escaped text with `code` spans (as rule docs write them) shown as code. */
function prose(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "2024-02-10 10:07 UTC" (or "10:07" when `short`). */
export function formatWhen(iso: string, short = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  return short ? time : `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${time} UTC`;
}

function duration(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.round(h / 24)} days`;
}

const phaseName = (phase: string) => (phase === 'in_progress' ? 'In progress' : phase.charAt(0).toUpperCase() + phase.slice(1));

/** Ids are unique per page: `f3` is the fourth file, `f3-i0` its first incident, and so on. */
const ids = {
  file: (file: number) => `f${file}`,
  incident: (file: number, incident: number) => `f${file}-i${incident}`,
  statement: (file: number, incident: number, statement: number) => `f${file}-i${incident}-s${statement}`,
  finding: (file: number, finding: number) => `f${file}-m${finding}`,
  rule: (id: string) => `rule-${id}`,
};

/** The word, with its icon drawn by the style sheet (REPORT_CSS) to keep big reports small. */
function severityBadge(severity: Severity): string {
  return `<b class="sev sev-${severity}">${SEVERITY_LABEL[severity]}</b>`;
}

/** A ring filled to the score, with the number and the grade as text. */
export function scoreGauge(score: number, grade: string, label = 'Score'): string {
  const r = 26;
  const circumference = 2 * Math.PI * r;
  const filled = (Math.max(0, Math.min(100, score)) / 100) * circumference;
  return (
    `<div class="gauge grade-${escapeHtml(grade)}" role="img" aria-label="${escapeHtml(label)} ${score} out of 100, grade ${escapeHtml(grade)}">` +
    `<svg viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">` +
    `<circle cx="32" cy="32" r="${r}" class="gauge-track"/>` +
    `<circle cx="32" cy="32" r="${r}" class="gauge-fill" stroke-dasharray="${filled.toFixed(1)} ${circumference.toFixed(1)}" transform="rotate(-90 32 32)"/>` +
    `<text x="32" y="37" text-anchor="middle" class="gauge-score">${score}</text></svg>` +
    `<span class="gauge-grade" aria-hidden="true">${escapeHtml(grade)}</span></div>`
  );
}

export function checklistHtml(incident: IncidentResult): string {
  // The icon comes from the style sheet; the state is also said in words for screen readers.
  const items = PRINCIPLES.map((p) => {
    const state = incident.checklist[p];
    return `<li class="check-${state}">${p} ${escapeHtml(PRINCIPLE_INFO[p].name)}<span class="visually-hidden">: ${STATE_LABEL[state]}</span></li>`;
  });
  return `<ul class="checklist" aria-label="Principles">${items.join('')}</ul>`;
}

/** What each principle of the checklist asks, said once per page. */
export function principlesLegend(): string {
  const items = PRINCIPLES.map((p) => `<dt>${p} ${escapeHtml(PRINCIPLE_INFO[p].name)}</dt><dd>${escapeHtml(PRINCIPLE_INFO[p].line)}</dd>`);
  const marks =
    '<p class="tl-legend">On a timeline: ▲ a statement with an error, ■ with a warning, ● with info only, ○ with no finding; ◆ the incident start; ' +
    '⚑ the first apology; a shaded band, a silence update-gap reported; a line ending in “due”, a promised next-update time (dashed and ✖ when missed).</p>';
  return `<details class="legend"><summary>How to read this page: the eight principles and the timeline marks</summary><dl>${items.join('')}</dl>${marks}</details>`;
}

/** Offsets into the source for 1-based line/column positions. */
function offsetFinder(source: string) {
  const starts = lineStartsOf(source);
  return (line: number, column: number) => {
    const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
    return Math.min(source.length, start + column - 1);
  };
}

function ruleLink(ruleId: string, options: RenderOptions): string {
  return options.rules.has(ruleId) ? `<a class="rule-id" href="#${ids.rule(ruleId)}">${escapeText(ruleId)}</a>` : `<span class="rule-id">${escapeText(ruleId)}</span>`;
}

/** One finding as a list item: severity, message, suggestions, rule. Hover tips show its content. */
function findingItem(finding: Finding, id: string, options: RenderOptions, withExcerpt = false): string {
  const suggestions = finding.suggestions
    .map((s, i) => {
      const apply = options.interactive
        ? ` <button type="button" class="apply" data-finding="${id}" data-suggestion="${i}">Apply</button>`
        : '';
      return `<p class="suggestion"><b>Suggestion:</b> ${escapeText(s.desc)}${apply}</p>`;
    })
    .join('');
  return (
    `<li id="${id}"><p class="finding-head">${severityBadge(finding.severity)} <span class="where">line ${finding.line}:${finding.column}</span> ${ruleLink(finding.ruleId, options)}</p>` +
    `${withExcerpt && finding.excerpt ? `<blockquote class="excerpt">${escapeText(finding.excerpt)}</blockquote>` : ''}` +
    `<p class="message">${escapeText(finding.message)}</p>${suggestions}</li>`
  );
}

interface Span {
  start: number;
  end: number;
  id: string;
  severity: Severity;
}

/**
 * The statement's text with a <mark> around every stretch some finding covers. Overlapping
 * findings split the text at every boundary; a stretch takes the severest of its findings, and
 * names all of them (aria-describedby), so hover and focus show each.
 */
function highlightedText(source: string, from: number, to: number, spans: Span[]): string {
  const cuts = new Set<number>([from, to]);
  for (const s of spans) {
    cuts.add(Math.max(from, Math.min(to, s.start)));
    cuts.add(Math.max(from, Math.min(to, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const started = new Set<string>();
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const text = escapeText(source.slice(a, b));
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      html += text;
      continue;
    }
    const worst = covering.reduce((w, s) => (SEVERITY_RANK[s.severity] > SEVERITY_RANK[w.severity] ? s : w));
    // An icon marks where findings start (one per severity there), so severity never rests on colour alone.
    const starting = new Set<Severity>();
    for (const s of covering) {
      if (started.has(s.id) || s.start < a) continue;
      started.add(s.id);
      starting.add(s.severity);
    }
    const icons = (['error', 'warning', 'info'] as const)
      .filter((severity) => starting.has(severity))
      .map((severity) => `<i class="hl-icon i-${severity}"></i>`)
      .join('');
    const named = covering.map((s) => s.id).join(' ');
    html += `<mark class="hl hl-${worst.severity}" tabindex="0" aria-describedby="${named}">${icons}${text}</mark>`;
  }
  return html;
}

function statementHeading(statement: StatementResult, incident: IncidentResult): string {
  const parts = [phaseName(statement.phase)];
  if (statement.time) parts.push(formatWhen(statement.time));
  // A dated statement's heading already says what its label (the source heading) says.
  const label = statement.label && !statement.time && statement.label.toLowerCase() !== parts[0].toLowerCase() ? ` <span class="label">${escapeHtml(statement.label)}</span>` : '';
  const number = incident.statements.length > 1 ? `Statement ${statement.index + 1}: ` : '';
  return `${number}${escapeHtml(parts.join(' · '))}${label}`;
}

/** Renders one file: its incidents, statements, findings, scores and timelines. */
export function renderFile(result: FileResult, fileIndex: number, options: RenderOptions, headingLevel = 2): string {
  const h = (n: number) => `h${Math.min(6, headingLevel + n)}`;
  const fileId = ids.file(fileIndex);
  const out: string[] = [];
  out.push(`<section class="file" id="${fileId}" aria-labelledby="${fileId}-h">`);
  out.push(`<${h(0)} id="${fileId}-h" class="file-path">${escapeHtml(result.filePath)}</${h(0)}>`);
  if (result.fatal) {
    out.push(`<p class="fatal">${severityBadge('error')} Could not be linted: ${escapeHtml(result.fatal)}</p></section>`);
    return out.join('');
  }
  const counts = [`${result.errorCount} error${result.errorCount === 1 ? '' : 's'}`, `${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}`, `${result.infoCount} info`];
  out.push(`<p class="file-meta">${result.format ? `${escapeHtml(result.format)} · ` : ''}${counts.join(', ')}</p>`);

  const source = result.source;
  const offsetOf = source !== undefined ? offsetFinder(source) : undefined;
  const findingId = new Map<Finding, string>();
  result.findings.forEach((f, i) => findingId.set(f, ids.finding(fileIndex, i)));
  const shown = new Set<Finding>();

  for (const incident of result.incidents) {
    const incidentId = ids.incident(fileIndex, incident.index);
    const own = result.findings.filter((f) => f.incident === incident.index && f.principle !== null);
    const title = incident.title ?? (result.incidents.length > 1 ? `Incident ${incident.index + 1}` : 'Statement');
    out.push(`<section class="incident" id="${incidentId}" aria-labelledby="${incidentId}-h">`);
    out.push(
      `<${h(1)} id="${incidentId}-h">${escapeHtml(title)}${incident.isMaintenance ? ' <span class="tag">planned maintenance</span>' : ''}</${h(1)}>`,
    );
    out.push(
      `<div class="scorecard">${scoreGauge(incident.score, incident.grade, incident.isTimeline ? 'Incident score (its lowest statement)' : 'Score')}${checklistHtml(incident)}</div>`,
    );
    if (incident.isTimeline) out.push(renderTimeline(incident, own, fileIndex, h(2)));

    for (const statement of incident.statements) {
      const statementId = ids.statement(fileIndex, incident.index, statement.index);
      const mine = own.filter((f) => f.statement === statement.index);
      out.push(`<article class="statement" id="${statementId}">`);
      out.push(
        `<${h(2)} class="statement-head"><span>${statementHeading(statement, incident)}</span>` +
          (incident.statements.length > 1 ? ` <span class="statement-score">score ${statement.score}</span>` : '') +
          `</${h(2)}>`,
      );
      if (source !== undefined && offsetOf && statement.detail) {
        const from = offsetOf(statement.line, statement.detail.column);
        const to = Math.max(from, offsetOf(statement.detail.endLine, statement.detail.endColumn));
        const spans: Span[] = mine.map((f) => {
          const start = offsetOf(f.line, f.column);
          // A zero-width finding (an insertion point) still gets one character to hover.
          const end = Math.max(start + 1, offsetOf(f.endLine, f.endColumn));
          return { start, end, id: findingId.get(f)!, severity: f.severity };
        });
        out.push(`<div class="text">${highlightedText(source, from, to, spans)}</div>`);
      }
      if (mine.length) {
        // Without the text (results linted without `detail`), each finding quotes its sentence.
        const quote = source === undefined || !statement.detail;
        out.push(`<ol class="findings" aria-label="Findings">${mine.map((f) => findingItem(f, findingId.get(f)!, options, quote)).join('')}</ol>`);
        for (const f of mine) shown.add(f);
      } else out.push('<p class="no-findings">No findings.</p>');
      out.push('</article>');
    }
    out.push('</section>');
  }
  // Notes about the input itself (an unused disable comment), and anything not placed above.
  const rest = result.findings.filter((f) => !shown.has(f));
  if (rest.length) {
    out.push(`<section class="notes" aria-labelledby="${fileId}-notes"><${h(1)} id="${fileId}-notes">Other findings</${h(1)}>`);
    out.push(`<ol class="findings">${rest.map((f) => findingItem(f, findingId.get(f)!, options)).join('')}</ol></section>`);
  }
  out.push('</section>');
  return out.join('');
}

/**
 * The timeline of a timeline incident: its dated statements on a time axis, each promised
 * next-update time against when the next statement came, the gaps update-gap reported and the
 * first apology. A list under the drawing says the same in words.
 */
export function renderTimeline(incident: IncidentResult, findings: Finding[], fileIndex: number, heading = 'h4'): string {
  const dated = incident.statements.filter((s) => s.time).map((s) => ({ s, t: Date.parse(s.time!) })).filter((d) => !Number.isNaN(d.t));
  if (dated.length < 2 && !(dated.length === 1 && incident.started)) return '';
  dated.sort((a, b) => a.t - b.t);
  const started = incident.started ? Date.parse(incident.started) : undefined;
  const times = dated.map((d) => d.t);
  if (started !== undefined && !Number.isNaN(started)) times.push(started);
  for (const d of dated) if (d.s.detail?.nextUpdate) times.push(Date.parse(d.s.detail.nextUpdate.due));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times, t0 + 60_000);
  const W = 800;
  const left = 40;
  const right = 40;
  const axisY = 96;
  const x = (t: number) => Math.round(left + ((t - t0) / (t1 - t0)) * (W - left - right));
  const svg: string[] = [];
  const notes: string[] = [];

  // Ticks: about six, on round minutes.
  const steps = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * 60_000);
  const step = steps.find((s) => (t1 - t0) / s <= 7) ?? steps[steps.length - 1];
  const spansDays = new Date(t0).toISOString().slice(0, 10) !== new Date(t1).toISOString().slice(0, 10);
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    const label = spansDays ? formatWhen(new Date(t).toISOString()).slice(5, 16) : formatWhen(new Date(t).toISOString(), true);
    svg.push(`<path d="M${x(t)} ${axisY}v8" class="tl-tick"/><text x="${x(t)}" y="${axisY + 24}" class="tl-tick-label">${label}</text>`);
  }
  svg.push(`<line x1="${left}" x2="${W - right}" y1="${axisY}" y2="${axisY}" class="tl-axis"/>`);

  // update-gap findings: the silence before the statement they are reported on.
  const gapFindings = findings.filter((f) => f.ruleId === 'update-gap');
  for (const f of gapFindings) {
    const at = dated.findIndex((d) => d.s.index === f.statement);
    if (at < 0) continue;
    const from = at > 0 ? dated[at - 1].t : started;
    if (from === undefined || Number.isNaN(from)) continue;
    const to = dated[at].t;
    const what = at > 0 ? 'No update' : 'No first statement';
    svg.push(
      `<rect x="${x(from)}" y="${axisY - 10}" width="${Math.max(2, x(to) - x(from))}" height="20" class="tl-gap"><title>${what} for ${duration((to - from) / 60_000)} (update-gap)</title></rect>`,
    );
    svg.push(`<text x="${((x(from) + x(to)) / 2)}" y="${axisY + 40}" text-anchor="middle" class="tl-gap-label">gap ${duration((to - from) / 60_000)}</text>`);
    notes.push(`<li class="tl-note-gap"><span aria-hidden="true">▨</span> ${what} for ${duration((to - from) / 60_000)}, ${formatWhen(new Date(from).toISOString())} to ${formatWhen(new Date(to).toISOString(), true)} (update-gap).</li>`);
  }

  // Promised next-update times, kept or broken.
  let lane = 0;
  dated.forEach((d, i) => {
    const promise = d.s.detail?.nextUpdate;
    if (!promise) return;
    const due = Date.parse(promise.due);
    const next = dated[i + 1];
    const broken = findings.some((f) => f.ruleId === 'unfulfilled-promise' && f.line === promise.line && f.column === promise.column);
    const y = 50 - (lane++ % 3) * 12;
    const cls = broken ? 'tl-promise tl-broken' : 'tl-promise';
    svg.push(`<line x1="${x(d.t)}" x2="${x(due)}" y1="${y}" y2="${y}" class="${cls}"/>`);
    svg.push(
      `<path d="M${x(due)} ${y - 6} v12" class="${cls}"><title>Next update promised by ${formatWhen(promise.due, true)}${broken ? ' (missed)' : ''}</title></path>`,
    );
    // Near the right edge the label goes before its mark, so it is not cut off.
    const end = x(due) > W - right - 60;
    svg.push(
      `<text x="${x(due) + (end ? -4 : 4)}" y="${y + 4}" class="tl-promise-label"${end ? ' text-anchor="end"' : ''}>${broken ? '✖ ' : ''}due ${formatWhen(promise.due, true)}</text>`,
    );
    const nextText = next ? `the next update came at ${formatWhen(next.s.time!, true)}` : 'no update followed';
    notes.push(
      `<li class="${broken ? 'tl-note-broken' : 'tl-note-kept'}"><span aria-hidden="true">${broken ? '✖' : '✓'}</span> At ${formatWhen(d.s.time!, true)}, promised the next update by ${formatWhen(promise.due, true)} (“${escapeHtml(promise.said)}”); ${nextText}${broken ? ': promise missed' : ''}.</li>`,
    );
  });

  if (started !== undefined && !Number.isNaN(started)) {
    svg.push(`<path d="M${x(started)} ${axisY - 7} l7 7 l-7 7 l-7 -7 z" class="tl-start"><title>Incident started ${formatWhen(incident.started!)}</title></path>`);
    notes.unshift(`<li><span aria-hidden="true">◆</span> Started ${formatWhen(incident.started!)}.</li>`);
  }

  // Statements: a mark each, its worst severity shown by shape as well as colour: a triangle for
  // an error, a square for a warning, a circle for info, a ring for none.
  for (const d of dated) {
    const worst = findings.filter((f) => f.statement === d.s.index).reduce<Severity | undefined>((w, f) => (!w || SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w), undefined);
    const cx = x(d.t);
    const title = `<title>${formatWhen(d.s.time!, true)} ${escapeText(phaseName(d.s.phase))}, score ${d.s.score}</title>`;
    svg.push(
      worst === 'error'
        ? `<path d="M${cx} ${axisY - 7}l7 12h-14z" class="tl-dot tl-dot-error">${title}</path>`
        : worst === 'warning'
          ? `<rect x="${cx - 5}" y="${axisY - 5}" width="10" height="10" class="tl-dot tl-dot-warning">${title}</rect>`
          : `<circle cx="${cx}" cy="${axisY}" r="${worst ? 5 : 6}" class="tl-dot tl-dot-${worst ?? 'none'}">${title}</circle>`,
    );
  }

  const apology = dated.find((d) => d.s.detail?.apology);
  if (apology) {
    const ax = x(apology.t);
    svg.push(`<line x1="${ax}" x2="${ax}" y1="${axisY - 8}" y2="${axisY - 30}" class="tl-apology"/><path d="M${ax} ${axisY - 30} h14 l-4 5 l4 5 h-14 z" class="tl-apology-flag"><title>First apology</title></path>`);
    svg.push(`<text x="${(x(apology.t) + 17)}" y="${axisY - 21}" class="tl-apology-label">sorry</text>`);
    notes.push(`<li class="tl-note-apology"><span aria-hidden="true">⚑</span> First apology at ${formatWhen(apology.s.time!, true)} (${escapeHtml(phaseName(apology.s.phase))}, statement ${apology.s.index + 1}).</li>`);
  } else if (incident.statements.some((s) => s.detail)) {
    notes.push('<li class="tl-note-apology">No statement apologises.</li>');
  }

  // Without promise lines above the axis, the drawing starts lower.
  const top = lane === 0 ? 56 : 0;
  return (
    `<figure class="timeline" aria-labelledby="${ids.incident(fileIndex, incident.index)}-tl">` +
    `<${heading} class="timeline-title" id="${ids.incident(fileIndex, incident.index)}-tl">Timeline</${heading}>` +
    `<svg class="timeline-svg" viewBox="0 ${top} ${W} ${140 - top}" role="img" aria-label="Timeline of ${dated.length} statements; the list below describes it">${svg.join('')}</svg>` +
    `<figcaption><ul class="timeline-notes">${notes.join('')}</ul></figcaption></figure>`
  );
}

/** The top of a many-file report: score distribution, the most frequent rules, the worst incidents. */
export function renderSummary(results: FileResult[], options: RenderOptions): string {
  const linted = results.filter((r) => !r.fatal);
  const incidents = linted.flatMap((r) => r.incidents.map((incident) => ({ file: results.indexOf(r), result: r, incident })));
  const gradeCounts = new Map<string, number>(['A', 'B', 'C', 'D', 'F'].map((g) => [g, 0]));
  for (const { incident } of incidents) gradeCounts.set(incident.grade, (gradeCounts.get(incident.grade) ?? 0) + 1);
  const maxGrade = Math.max(1, ...gradeCounts.values());
  const totals = { error: 0, warning: 0, info: 0 };
  const byRule = new Map<string, { count: number; incidents: Set<string> }>();
  for (const r of linted) {
    totals.error += r.errorCount;
    totals.warning += r.warningCount;
    totals.info += r.infoCount;
    for (const f of r.findings) {
      const entry = byRule.get(f.ruleId) ?? { count: 0, incidents: new Set<string>() };
      entry.count++;
      entry.incidents.add(`${r.filePath}\u0000${f.incident}`);
      byRule.set(f.ruleId, entry);
    }
  }
  const mean = incidents.length ? Math.round(incidents.reduce((n, i) => n + i.incident.score, 0) / incidents.length) : 100;
  const out: string[] = [];
  out.push('<section class="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>');
  out.push(
    `<p class="totals">${linted.length} file${linted.length === 1 ? '' : 's'}, ${incidents.length} incident${incidents.length === 1 ? '' : 's'}` +
      `${results.length > linted.length ? `, ${results.length - linted.length} unreadable` : ''}; ` +
      `${severityBadge('error')} ${totals.error}, ${severityBadge('warning')} ${totals.warning}, ${severityBadge('info')} ${totals.info}; mean incident score ${mean}.</p>`,
  );
  out.push('<div class="summary-grid">');
  out.push('<section aria-labelledby="dist-h"><h3 id="dist-h">Score distribution</h3><table class="bars"><thead><tr><th scope="col">Grade</th><th scope="col">Incidents</th></tr></thead><tbody>');
  for (const [g, n] of gradeCounts) {
    out.push(`<tr><th scope="row">${g}</th><td><span class="bar grade-${g}" style="width:${Math.round((n / maxGrade) * 100)}px"></span> ${n}</td></tr>`);
  }
  out.push('</tbody></table></section>');

  const topRules = [...byRule].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
  const maxRule = Math.max(1, ...topRules.map(([, e]) => e.count));
  out.push('<section aria-labelledby="rules-h"><h3 id="rules-h">Most frequent rules</h3>');
  if (topRules.length) {
    out.push('<table class="bars"><thead><tr><th scope="col">Rule</th><th scope="col">Findings (incidents)</th></tr></thead><tbody>');
    for (const [id, e] of topRules) {
      out.push(`<tr><th scope="row">${ruleLink(id, options)}</th><td><span class="bar" style="width:${Math.round((e.count / maxRule) * 100)}px"></span> ${e.count} (${e.incidents.size})</td></tr>`);
    }
    out.push('</tbody></table>');
  } else out.push('<p>No findings.</p>');
  out.push('</section>');

  const worst = [...incidents].sort((a, b) => a.incident.score - b.incident.score || a.file - b.file).slice(0, 10);
  out.push('<section aria-labelledby="worst-h"><h3 id="worst-h">Worst incidents</h3><ol class="worst">');
  for (const { file, result, incident } of worst) {
    const title = incident.title ?? result.filePath;
    out.push(
      `<li><a href="#${ids.incident(file, incident.index)}">${escapeHtml(title)}</a> <span class="worst-score">${incident.score} ${escapeHtml(incident.grade)}</span> <span class="worst-path">${escapeHtml(result.filePath)}</span></li>`,
    );
  }
  out.push('</ol></section></div>');
  out.push(
    `<details class="file-index"><summary>All files (${results.length})</summary><ol>${results
      .map((r, i) => `<li><a href="#${ids.file(i)}">${escapeHtml(r.filePath)}</a> ${r.fatal ? 'unreadable' : `${r.score} ${escapeHtml(r.grade ?? '')}`}</li>`)
      .join('')}</ol></details>`,
  );
  out.push('</section>');
  return out.join('');
}

/** Docs of the given rules: principle, default severity, what it catches, why, how to fix, examples. */
export function renderRuleDocs(ruleIds: string[], options: RenderOptions & { examples?: boolean }, headingLevel = 2): string {
  const metas = ruleIds.map((id) => options.rules.get(id)).filter((m): m is RuleMeta<object> => !!m);
  if (!metas.length) return '';
  const h = (n: number) => `h${Math.min(6, headingLevel + n)}`;
  const out = [`<section class="rule-docs" aria-labelledby="rule-docs-h"><${h(0)} id="rule-docs-h">Rules</${h(0)}>`];
  for (const meta of metas) {
    out.push(`<section class="rule-doc" id="${ids.rule(meta.id)}" aria-labelledby="${ids.rule(meta.id)}-h">`);
    out.push(`<${h(1)} id="${ids.rule(meta.id)}-h"><code>${escapeHtml(meta.id)}</code></${h(1)}>`);
    out.push(`<p class="rule-meta">${meta.principle} ${escapeHtml(PRINCIPLE_INFO[meta.principle]?.name ?? '')} · default ${severityBadge(meta.severity)}</p>`);
    out.push(`<p>${prose(meta.description)}</p>`);
    if (meta.docs?.why) out.push(`<p><strong>Why:</strong> ${prose(meta.docs.why)}</p>`);
    if (meta.docs?.fix) out.push(...meta.docs.fix.split(/\n\n+/).map((p, i) => `<p>${i === 0 ? '<strong>Fix:</strong> ' : ''}${prose(p)}</p>`));
    if (options.examples && meta.docs) {
      const example = (kind: string, text: string) => `<figure class="example example-${kind}"><figcaption>${kind === 'fail' ? 'Fails' : 'Passes'}</figcaption><pre>${escapeHtml(text)}</pre></figure>`;
      out.push(`<details><summary>Examples</summary>${meta.docs.fail.slice(0, 2).map((e) => example('fail', e.text)).join('')}${meta.docs.pass.slice(0, 2).map((e) => example('pass', e.text)).join('')}</details>`);
    }
    out.push('</section>');
  }
  out.push('</section>');
  return out.join('');
}

/**
 * Hover and keyboard-focus tips for highlighted text: the tip shows the findings the mark names.
 * Self-contained (no outer references) so that the report page can inline its source.
 */
export function installTips(doc: Document): void {
  const tip = doc.createElement('div');
  tip.className = 'tip';
  tip.id = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  doc.body.appendChild(tip);
  let current: Element | null = null;
  const show = (mark: Element) => {
    current = mark;
    const names = (mark.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    tip.innerHTML = '';
    for (const name of names) {
      const item = doc.getElementById(name);
      if (!item) continue;
      const copy = item.cloneNode(true) as HTMLElement;
      copy.removeAttribute('id');
      for (const button of Array.from(copy.querySelectorAll('button'))) button.remove();
      const box = doc.createElement('div');
      box.className = 'tip-item';
      box.append(...Array.from(copy.childNodes));
      tip.appendChild(box);
    }
    tip.hidden = false;
    const rect = mark.getBoundingClientRect();
    const view = doc.documentElement;
    const width = Math.min(420, view.clientWidth - 16);
    tip.style.width = `${width}px`;
    const left = Math.max(8, Math.min(rect.left + (doc.defaultView?.scrollX ?? 0), (doc.defaultView?.scrollX ?? 0) + view.clientWidth - width - 8));
    tip.style.left = `${left}px`;
    const below = rect.bottom + (doc.defaultView?.scrollY ?? 0) + 6;
    tip.style.top = `${below}px`;
  };
  const hide = () => {
    current = null;
    tip.hidden = true;
  };
  const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest('mark.hl') : null);
  doc.addEventListener('mouseover', (e) => {
    const mark = markOf(e.target);
    if (mark && mark !== current) show(mark);
    else if (!mark && current && !(e.target instanceof Node && tip.contains(e.target)) && doc.activeElement !== current) hide();
  });
  doc.addEventListener('focusin', (e) => {
    const mark = markOf(e.target);
    if (mark) show(mark);
    else hide();
  });
  doc.addEventListener('focusout', (e) => {
    if (markOf(e.target) === current) hide();
  });
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });
}
