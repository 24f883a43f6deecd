import { count, percent } from './predictive-options.js';
import type { Evaluation } from '../predictive/evaluation.js';

const BAR_WIDTH = 30;

function modelLine(evaluation: Evaluation): string {
  const { model } = evaluation;
  if (model.kind === 'rules') return `rule model ${model.ref} (${model.file})`;
  if ('file' in model) return `predictive model ${model.file}`;
  return `predictive model, L2-regularised logistic regression (C = ${model.regularisation.C}), cross-validated`;
}

function fixed(value: number | null, digits = 3): string {
  return value === null ? '–' : value.toFixed(digits);
}

function bar(share: number | null): string {
  return '█'.repeat(Math.round((share ?? 0) * BAR_WIDTH));
}

/** The `table` format of `leadscore evaluate`: the same figures as `json`, for reading. */
export function formatEvaluation(evaluation: Evaluation): string {
  const e = evaluation;
  const lines: string[] = [
    `Evaluation of the ${modelLine(e)}`,
    `  on ${e.input}: ${count(e.rows)} leads, ${count(e.positives)} converted (${percent(e.conversionRate)}), outcome ${e.label}`,
    '',
    `ROC AUC ${fixed(e.auc)} ± ${fixed(e.auc_std)}`,
    `  ${e.headline}`,
    `  per fold: ${e.foldAucs.map((auc) => fixed(auc)).join(', ')}`,
  ];
  if (e.timeHoldout) {
    const h = e.timeHoldout;
    lines.push(
      `Time-based holdout by ${h.column}: ROC AUC ${fixed(h.auc)}, trained on ${count(h.trainRows)} leads up to ${h.trainUntil.slice(0, 10)}, ` +
        `tested on the ${count(h.testRows)} from ${h.testFrom.slice(0, 10)}`,
    );
  }
  const t = e.atThreshold;
  lines.push(
    `Lift of the top decile ${e.liftTopDecile === null ? '–' : `${e.liftTopDecile.toFixed(2)}×`}; Brier score ${e.brier.toFixed(3)}`,
    `At the MQL threshold ${t.threshold}: ${count(t.mql)} MQLs, precision ${percent(t.precision)}, recall ${percent(t.recall)}`,
    '',
    'Conversion by score band',
    '  band        leads  converted     rate',
    ...e.bands.map(
      (b) =>
        `  ${b.band.padEnd(8)} ${count(b.count).padStart(8)}  ${count(b.conversions).padStart(9)}  ${percent(b.conversionRate).padStart(7)}  ${bar(b.conversionRate)}`,
    ),
  );
  if (e.byGrade) {
    lines.push(
      '',
      'Conversion by grade',
      '  grade       leads  converted     rate',
      ...e.byGrade.map(
        (g) =>
          `  ${g.grade.padEnd(8)} ${count(g.count).padStart(8)}  ${count(g.conversions).padStart(9)}  ${percent(g.conversionRate).padStart(7)}  ${bar(g.conversionRate)}`,
      ),
    );
  }
  lines.push(
    '',
    e.model.kind === 'rules'
      ? 'Calibration (score / 100 against the observed rate)'
      : 'Calibration (predicted against observed)',
    '  predicted     leads  mean predicted  observed',
    ...e.calibration.map(
      (c) =>
        `  ${`${c.from.toFixed(1)}–${c.to.toFixed(1)}`.padEnd(10)} ${count(c.count).padStart(8)}  ${fixed(c.meanPredicted).padStart(14)}  ${fixed(c.observedRate).padStart(8)}`,
    ),
  );
  if (e.topFactors?.length) {
    lines.push('', 'Top factors (log-odds per standard deviation; + raises the chance of converting)');
    for (const f of e.topFactors)
      lines.push(`  ${(f.impact >= 0 ? '+' : '−') + Math.abs(f.impact).toFixed(2)}  ${f.feature}`);
  }
  if (e.columns?.length) {
    lines.push('', 'Columns on their own (ROC AUC over all rows / where present)');
    for (const c of e.columns.slice(0, 10)) {
      lines.push(
        `  ${c.auc.toFixed(3)}  ${fixed(c.aucWherePresent)}  ${c.column} (${percent(c.present, 0)} present)`,
      );
    }
  }
  const excluded = e.excluded.filter((s) => s.reason === 'excluded').map((s) => s.column);
  if (excluded.length) lines.push('', `Left out (--exclude): ${excluded.join(', ')}`);
  if (e.notes.length) lines.push('', ...e.notes.map((note) => `note: ${note}`));
  return `${lines.join('\n')}\n`;
}
