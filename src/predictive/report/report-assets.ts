import { createHash } from 'node:crypto';

/** The page's only stylesheet: system fonts (nothing to download), light cards, print-friendly. */
export const REPORT_CSS = `
* { box-sizing: border-box; }
html { color-scheme: light; }
body { margin: 0; background: #f3f4f6; color: #111827;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
.meta { color: #4b5563; margin: 0 0 16px; }
.metrics { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 0 0 16px; }
.metric { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 10px 12px; }
.metric dt { font-size: 12px; color: #6b7280; text-transform: uppercase; letter-spacing: 0.04em; }
.metric dd { margin: 2px 0 0; font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.metric .note { display: block; font-size: 12px; font-weight: 400; color: #6b7280; }
.warnings { background: #fffbeb; border: 1px solid #f59e0b; border-left-width: 5px; border-radius: 8px;
  padding: 8px 16px; margin: 0 0 16px; }
.warnings h2 { font-size: 15px; margin: 4px 0; color: #92400e; }
.warnings ul { margin: 4px 0 8px; padding-left: 20px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px; align-items: start; }
.card { margin: 0; background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 16px;
  break-inside: avoid; page-break-inside: avoid; }
.card.wide { grid-column: 1 / -1; }
.card h2 { font-size: 16px; margin: 0 0 8px; }
figcaption { color: #4b5563; font-size: 13px; margin-top: 8px; }
svg.chart { display: block; width: 100%; height: auto; font-size: 12px; }
svg.chart .tick { fill: #4b5563; font-size: 11px; font-variant-numeric: tabular-nums; }
svg.chart .axis-label { fill: #111827; font-weight: 600; }
svg.chart .value { fill: #111827; font-weight: 600; font-variant-numeric: tabular-nums; }
svg.chart .legend-label, svg.chart .factor-name { fill: #111827; }
svg.chart .empty-band { font-style: italic; }
svg.chart .notice text { font-size: 14px; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 14px; border-bottom: 1px solid #e5e7eb; text-align: right; }
th:first-child { text-align: left; }
footer { color: #6b7280; font-size: 12px; margin-top: 16px; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  .charts { display: block; }
  .card { margin: 0 0 12px; border-color: #d1d5db; }
}
`;

/**
 * The page's only script: after load, marks each chart `data-drawn="yes"` when it has a non-empty bounding
 * box, so a headless browser's DOM dump proves that the charts rendered.
 */
export const DRAW_CHECK_SCRIPT = `
(function () {
  function mark() {
    document.querySelectorAll('svg[data-chart]').forEach(function (svg) {
      var box = svg.getBBox();
      svg.setAttribute('data-drawn', box.width > 0 && box.height > 0 ? 'yes' : 'no');
    });
  }
  if (document.readyState === 'complete') mark();
  else window.addEventListener('load', mark);
})();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Forbids every fetch; only this exact stylesheet and script may run. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(REPORT_CSS)}`,
  `script-src ${sha256(DRAW_CHECK_SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
