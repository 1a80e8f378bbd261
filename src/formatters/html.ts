// --format html: one self-contained page (inline styles and script, no network requests, works
// opened from disk). A summary for many files, then each file's incidents with their statements'
// text highlighted, scores, checklists and timelines, then the docs of the rules that fired.
// The views come from html-render.ts, which the playground (src/web) shares.

import { escapeHtml, installTips, principlesLegend, renderFile, renderRuleDocs, renderSummary } from './html-render.js';
import { REPORT_CSS } from './html-style.js';
import type { Formatter } from './types.js';

export const html: Formatter = (results, context) => {
  const options = { rules: context.rules };
  const fired = [...new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)))].filter((id) => context.rules.has(id));
  // Rules in catalogue order (the order of context.rules), like --list-rules.
  const order = [...context.rules.keys()];
  fired.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const findings = results.reduce((n, r) => n + r.findings.length, 0);
  const title = results.length === 1 ? `crisislint: ${results[0].filePath}` : `crisislint report: ${results.length} files`;
  const body = [
    // A summary for many files, or one file of many incidents (a Statuspage export).
    results.length > 1 || (results[0]?.incidents.length ?? 0) > 1 ? renderSummary(results, options) : '',
    ...results.map((r, i) => renderFile(r, i, options)),
    renderRuleDocs(fired, options),
  ].join('\n');
  // The tip script is installTips' own source, so page and playground behave the same.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header class="page-header" role="banner">
<h1>crisislint report</h1>
<p>${results.length} file${results.length === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'}. Hover over or focus a highlight for its message and suggestion.</p>
${principlesLegend()}
</header>
<main id="main">
${body}
</main>
<script>(${installTips.toString()})(document);</script>
</body>
</html>
`;
};
