import type { ReportData } from './report-data.js';
import { singleClassReason } from './chart-roc.js';
import { escapeHtml, formatInt, formatNumber, formatPercent } from './format.js';

interface Metric {
  label: string;
  value: string;
  note?: string;
}

function aucNote(data: ReportData): string | undefined {
  const parts = [
    data.aucStd !== undefined ? `± ${formatNumber(data.aucStd, 3)}` : '',
    data.folds !== undefined ? `${data.folds}-fold cross-validation` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function metrics(data: ReportData): Metric[] {
  const list: Metric[] = [
    { label: 'Rows', value: formatInt(data.rows) },
    {
      label: 'Converted',
      value: data.rows === 0 ? 'n/a' : formatPercent(data.positives / data.rows),
      note: `${formatInt(data.positives)} of ${formatInt(data.rows)}`,
    },
    {
      label: 'AUC',
      value: data.auc === null ? 'n/a' : formatNumber(data.auc, 3),
      note: data.auc === null ? 'single class' : aucNote(data),
    },
  ];
  if (data.liftTopDecile !== undefined) {
    list.push({
      label: 'Lift, top 10 %',
      value: `${formatNumber(data.liftTopDecile, 2)}×`,
      note: 'vs. all leads',
    });
  }
  const t = data.atThreshold;
  if (t !== undefined) {
    const at = `at MQL score ≥ ${formatNumber(t.threshold, 1)}`;
    list.push(
      { label: 'Precision', value: formatPercent(t.precision), note: at },
      { label: 'Recall', value: formatPercent(t.recall), note: at },
      { label: 'MQLs', value: formatInt(t.mqls), note: at },
    );
  }
  return list;
}

/** Warnings from the data first (leakage and the like), then what the report itself noticed. */
export function reportWarnings(data: ReportData): string[] {
  const derived = singleClassReason(data);
  return derived === undefined ? data.warnings : [...data.warnings, `Single class: ${derived}`];
}

/** The page header: title, model and data provenance, headline metrics and warnings. */
export function renderHeader(data: ReportData): string {
  const kind = data.model.kind === 'rules' ? 'rule-based model' : 'predictive model';
  const meta =
    `<p class="meta">Model <strong>${escapeHtml(data.model.id)}</strong> (${kind}) · ` +
    `data <strong>${escapeHtml(data.dataFile)}</strong> · generated ${escapeHtml(data.generatedAt)}</p>`;
  const cards = metrics(data).map(
    (m) =>
      `<div class="metric"><dt>${escapeHtml(m.label)}</dt><dd>${escapeHtml(m.value)}` +
      (m.note ? `<span class="note">${escapeHtml(m.note)}</span>` : '') +
      `</dd></div>`,
  );
  const warnings = reportWarnings(data);
  const warningBlock =
    warnings.length === 0
      ? ''
      : `<section class="warnings" role="alert"><h2>Warnings (${warnings.length})</h2><ul>` +
        warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('') +
        `</ul></section>`;
  return `<header><h1>${escapeHtml(data.title)}</h1>${meta}<dl class="metrics">${cards.join('')}</dl>${warningBlock}</header>`;
}

/** Conversion by grade, as a table (only when the data has grades). */
export function renderGrades(data: ReportData): string {
  if (!data.byGrade || data.byGrade.length === 0) return '';
  const rows = data.byGrade.map(
    (g) =>
      `<tr><th scope="row">${escapeHtml(g.grade)}</th><td>${formatInt(g.count)}</td>` +
      `<td>${formatInt(g.conversions)}</td><td>${g.count === 0 ? 'no leads' : formatPercent(g.rate)}</td></tr>`,
  );
  return (
    `<section class="card wide grades"><h2>Conversion by grade</h2><table data-table="grades">` +
    `<thead><tr><th scope="col">Grade</th><th scope="col">Leads</th><th scope="col">Converted</th>` +
    `<th scope="col">Rate</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}
