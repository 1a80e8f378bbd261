// The styles of the HTML report, also used by the playground. Colours meet WCAG AA contrast on
// their backgrounds (text 4.5:1, marks and icons 3:1), and every severity also has its own icon,
// word and underline style, so colour is never the only signal.

export const REPORT_CSS = `
:root {
  --ink: #1b1f24; --muted: #4f5965; --paper: #ffffff; --panel: #f4f6f8; --line: #c9d1d9;
  --link: #0b57a4; --error: #b3261e; --warning: #8a5300; --info: #0b5cad; --ok: #1d6b32;
  --error-bg: #fde7e6; --warning-bg: #fff0c7; --info-bg: #e3efff; --focus: #6b3fa0;
  color-scheme: light;
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--paper); }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
code, pre, .text { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: var(--paper); padding: 4px 8px; z-index: 10; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.page-header { padding: 16px 24px; border-bottom: 1px solid var(--line); background: var(--panel); }
.page-header h1 { margin: 0; font-size: 1.5rem; }
.legend { margin-top: 4px; font-size: 0.9rem; }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0; }
.legend dt { font-weight: 600; }
.legend dd { margin: 0; }
.page-header p { margin: 4px 0 0; color: var(--muted); }
main { max-width: 1100px; margin: 0 auto; padding: 8px 24px 48px; }
.summary, .file, .rule-docs { border-bottom: 1px solid var(--line); padding-bottom: 16px; }
.summary-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 16px 32px; }
table.bars { width: 100%; border-collapse: collapse; }
table.bars th, table.bars td { text-align: left; padding: 2px 4px; font-weight: normal; vertical-align: middle; white-space: nowrap; }
table.bars thead th { font-weight: 600; color: var(--muted); font-size: 0.875rem; }
.bar { display: inline-block; height: 0.8em; min-width: 2px; background: #5a6b7d; vertical-align: middle; }
.bar.grade-A, .bar.grade-B { background: var(--ok); }
.bar.grade-C { background: var(--warning); }
.bar.grade-D, .bar.grade-F { background: var(--error); }
.worst { padding-left: 1.5em; }
.worst li { margin: 4px 0; }
.worst-path { display: block; }
.worst-score { font-weight: 600; }
.worst-path, .file-meta, .rule-meta, .where { color: var(--muted); font-size: 0.875rem; }
/* Big reports: the browser lays out an incident only when it comes near the screen. */
.incident { content-visibility: auto; contain-intrinsic-size: auto 1000px; }
.file-path { font-size: 1.25rem; word-break: break-all; margin-bottom: 0; }
.file-meta { margin-top: 0; }
.incident { margin: 12px 0 24px; }
.incident > h3, .incident > h2 { margin-bottom: 8px; }
.tag { font-size: 0.8rem; border: 1px solid var(--muted); border-radius: 3px; padding: 0 4px; color: var(--muted); font-weight: normal; }
.scorecard { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
.gauge { position: relative; display: inline-flex; align-items: center; gap: 6px; }
.gauge-track { fill: none; stroke: #dde3ea; stroke-width: 8; }
.gauge-fill { fill: none; stroke-width: 8; stroke: var(--error); }
.grade-A .gauge-fill, .grade-B .gauge-fill { stroke: var(--ok); }
.grade-C .gauge-fill { stroke: var(--warning); }
.gauge-score { font: 700 18px system-ui, sans-serif; fill: var(--ink); }
.gauge-grade { font-size: 1.75rem; font-weight: 700; min-width: 1.2em; }
.checklist { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 12px; padding: 0; margin: 0; }
.checklist li { white-space: nowrap; }
.checklist li::before { display: inline-block; width: 1.3em; text-align: center; font-weight: 700; }
.check-satisfied::before { content: "✓" / ""; color: var(--ok); }
.check-failed { color: var(--error); }
.check-failed::before { content: "✗" / ""; }
.check-not-applicable { color: var(--muted); }
.check-not-applicable::before { content: "–" / ""; }
.statement { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 12px 0; }
.statement-head { font-size: 1rem; margin: 0 0 6px; display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
.statement-score { font-weight: normal; color: var(--muted); }
.label { font-weight: normal; color: var(--muted); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); padding: 8px; border-radius: 4px; font-size: 0.9rem; line-height: 1.7; }
mark.hl { color: inherit; border-radius: 2px; text-decoration-thickness: 2px; text-underline-offset: 3px; cursor: help; }
mark.hl-error { background: var(--error-bg); text-decoration: underline solid var(--error) 3px; }
mark.hl-warning { background: var(--warning-bg); text-decoration: underline dashed var(--warning) 2px; }
mark.hl-info { background: var(--info-bg); text-decoration: underline dotted var(--info) 2px; }
.hl-icon { font-style: normal; font-size: 0.75em; vertical-align: super; padding-right: 1px; }
.i-error::before, .sev-error::before { content: "✖" / ""; }
.i-warning::before, .sev-warning::before { content: "▲" / ""; }
.i-info::before, .sev-info::before { content: "ℹ" / ""; }
.sev::before { padding-right: 0.3em; }
.i-error { color: var(--error); }
.i-warning { color: var(--warning); }
.i-info { color: var(--info); }
.sev { font-weight: 600; white-space: nowrap; }
.sev-error { color: var(--error); }
.sev-warning { color: var(--warning); }
.sev-info { color: var(--info); }
.findings { padding-left: 1.5em; margin: 8px 0 0; }
.findings > li { margin: 6px 0; }
.findings > li > p { margin: 2px 0; }
.findings p.finding-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.suggestion b { color: var(--ok); }
.rule-id { font-family: ui-monospace, monospace; font-size: 0.875rem; white-space: nowrap; }
.excerpt { margin: 2px 0; padding-left: 8px; border-left: 3px solid var(--line); font-style: italic; }
.no-findings { color: var(--ok); margin: 6px 0 0; }
.fatal { color: var(--error); }
.tip { position: absolute; z-index: 20; background: var(--paper); border: 1px solid var(--ink); border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.2); padding: 8px 10px; font-size: 0.9rem; }
.tip-item + .tip-item { border-top: 1px solid var(--line); margin-top: 6px; padding-top: 6px; }
.tip p { margin: 2px 0; }
.timeline { margin: 12px 0; }
.timeline-title { margin: 0 0 4px; font-size: 1rem; }
.timeline-svg { width: 100%; height: auto; max-height: 180px; font: 12px system-ui, sans-serif; }
.tl-axis { stroke: var(--ink); stroke-width: 2; }
.tl-tick { stroke: var(--muted); }
.tl-tick-label, .tl-promise-label { fill: var(--muted); }
.tl-tick-label { text-anchor: middle; }
.tl-gap { fill: var(--error-bg); stroke: var(--error); stroke-dasharray: 4 3; }
.tl-gap-label { fill: var(--error); font-weight: 600; }
.tl-promise { stroke: var(--ok); stroke-width: 2; fill: none; }
.tl-promise.tl-broken { stroke: var(--error); stroke-dasharray: 5 3; }
.tl-start { fill: var(--ink); }
.tl-dot { stroke: var(--ink); stroke-width: 1.5; }
.tl-dot-none { fill: var(--paper); stroke: var(--ok); stroke-width: 3; }
.tl-dot-info { fill: var(--info); }
.tl-dot-warning { fill: #e0a100; }
.tl-dot-error { fill: var(--error); }
.tl-apology { stroke: var(--link); stroke-width: 2; }
.tl-apology-flag { fill: var(--link); }
.tl-apology-label { fill: var(--link); font-weight: 600; }
.timeline-notes { margin: 4px 0; padding-left: 1.2em; list-style: none; font-size: 0.9rem; }
.tl-statements { margin: 4px 0; font-size: 0.9rem; }
.tl-note-broken, .tl-note-gap { color: var(--error); }
.tl-note-kept { color: var(--ok); }
.rule-doc { margin: 16px 0; }
.rule-doc h3, .rule-doc h4 { margin-bottom: 0; }
.example pre { white-space: pre-wrap; background: var(--panel); padding: 6px; margin: 0; font-size: 0.85rem; }
.example figcaption { font-weight: 600; }
.example { margin: 8px 0; }
details.file-index ol { columns: 2 320px; font-size: 0.875rem; }
@media print { .tip { display: none; } mark.hl { background: none; } }
`;
