import type { ReportData } from './report-data.js';
import { coord, formatInt, formatNumber, formatPercent } from './format.js';
import type { Frame, Tick } from './svg.js';
import {
  PALETTE,
  attrs,
  figure,
  legend,
  line,
  linearScale,
  notice,
  plotBottom,
  plotLeft,
  plotRight,
  plotTop,
  svgChart,
  tooltip,
  xAxis,
  yAxis,
} from './svg.js';

const FRAME: Frame = { width: 560, height: 520, top: 36, right: 24, bottom: 52, left: 60 };
const UNIT_TICKS: Tick[] = [0, 0.2, 0.4, 0.6, 0.8, 1].map((value) => ({
  value,
  text: formatNumber(value, 1),
}));

/** `AUC 0.812 ± 0.014 (5-fold)`, or `AUC n/a` when the data has a single class. */
export function aucText(data: Pick<ReportData, 'auc' | 'aucStd' | 'folds'>): string {
  if (data.auc === null) return 'AUC n/a';
  const std = data.aucStd !== undefined ? ` ± ${formatNumber(data.aucStd, 3)}` : '';
  const folds = data.folds !== undefined ? ` (${data.folds}-fold)` : '';
  return `AUC ${formatNumber(data.auc, 3)}${std}${folds}`;
}

/** Why a ROC curve cannot be drawn for this data, or undefined when it can. */
export function singleClassReason(data: Pick<ReportData, 'rows' | 'positives'>): string | undefined {
  if (data.rows === 0) return 'The data has no rows.';
  if (data.positives === 0)
    return `All ${formatInt(data.rows)} leads are non-converted: there is nothing to rank.`;
  if (data.positives === data.rows)
    return `All ${formatInt(data.rows)} leads converted: there is nothing to rank.`;
  return undefined;
}

/** The ROC curve through the given points (sorted, anchored at 0,0 and 1,1), the chance diagonal and the AUC. */
export function rocChart(data: ReportData): string {
  const title = `ROC curve — ${aucText(data)}`;
  const description =
    'True positive rate (converted leads caught) against false positive rate (non-converted leads flagged) at every score threshold; the diagonal is a random ranking.';
  const x = linearScale(0, 1, plotLeft(FRAME), plotRight(FRAME));
  const y = linearScale(0, 1, plotBottom(FRAME), plotTop(FRAME));
  const axes =
    xAxis(FRAME, x, UNIT_TICKS, 'False positive rate', true) +
    yAxis(FRAME, y, UNIT_TICKS, 'True positive rate');
  const diagonal = line(x(0), y(0), x(1), y(1), {
    class: 'diagonal',
    stroke: PALETTE.ideal,
    'stroke-dasharray': '5 4',
  });

  const reason =
    singleClassReason(data) ?? (data.roc.length === 0 ? 'The data has no ROC points.' : undefined);
  let body: string;
  let caption: string;
  if (reason !== undefined) {
    body = axes + diagonal + notice(FRAME, reason);
    caption = `No ROC curve: ${reason}`;
  } else {
    const points = [...data.roc].sort((a, b) => a.fpr - b.fpr || a.tpr - b.tpr);
    const path = [{ fpr: 0, tpr: 0 }, ...points, { fpr: 1, tpr: 1 }]
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${coord(x(p.fpr))} ${coord(y(p.tpr))}`)
      .join(' ');
    const area = `<path${attrs({ class: 'area', d: `${path} L${coord(x(1))} ${coord(y(0))} Z`, fill: PALETTE.area })}/>`;
    const curve = `<path${attrs({ class: 'curve', d: path, fill: 'none', stroke: PALETTE.curve, 'stroke-width': 2.5 })}/>`;
    const dots = points.map((p) => {
      const tip = `Flags ${formatPercent(p.fpr)} of non-converted leads, catches ${formatPercent(p.tpr)} of converted leads`;
      return `<circle${attrs({ class: 'pt', cx: x(p.fpr), cy: y(p.tpr), r: 2.5, fill: PALETTE.curve })}>${tooltip(tip)}</circle>`;
    });
    const keys = legend(plotLeft(FRAME), 22, [
      { label: 'Model', color: PALETTE.curve },
      { label: 'Random ranking', color: PALETTE.ideal, dashed: true },
    ]);
    body = area + axes + diagonal + curve + `<g class="points">${dots.join('')}</g>` + keys;
    caption =
      'The further the curve bows towards the top-left corner, the better the score separates converters.';
  }
  const svg = svgChart({ name: 'roc', title, description, frame: FRAME, body });
  return figure(title, caption, svg);
}
