import type { ReportData, ReportFactor } from './report-data.js';
import { formatNumber, truncate } from './format.js';
import type { Frame } from './svg.js';
import {
  PALETTE,
  attrs,
  figure,
  legend,
  line,
  linearScale,
  niceTicks,
  notice,
  plotBottom,
  plotLeft,
  plotRight,
  plotTop,
  svgChart,
  text,
  tooltip,
  xAxis,
} from './svg.js';

/** At most this many factors are drawn; the caption says how many were left out. */
export const MAX_FACTORS = 20;
/** Longer factor names are cut with an ellipsis; the full name is in the row's tooltip. */
export const MAX_FACTOR_NAME = 34;
const ROW = 26;
/** Right edge of the factor-name column; negative bars start further right so their labels fit. */
const NAMES_RIGHT = 260;

/** The factors with the largest effect first (ties by name, so the order is stable). */
export function topFactors(factors: ReportFactor[]): ReportFactor[] {
  return [...factors]
    .sort(
      (a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .slice(0, MAX_FACTORS);
}

const signed = (value: number, unit: string) =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatNumber(Math.abs(value), 2)}${unit}`;

/** Horizontal bars from a zero line: blue raises the score, orange lowers it. */
export function factorsChart(data: Pick<ReportData, 'factors' | 'model'>): string {
  const rules = data.model.kind === 'rules';
  const title = rules ? 'Rule contributions' : 'Top factors';
  const unit = rules ? ' pts' : '';
  const description = rules
    ? 'Points each scoring rule adds to (or removes from) a lead’s score.'
    : 'Model weight of each factor: positive weights raise the predicted conversion probability, negative ones lower it.';
  const shown = topFactors(data.factors);
  const negative = shown.some((f) => f.weight < 0);
  const frame: Frame = {
    width: 960,
    height: 36 + Math.max(shown.length, 3) * ROW + 52,
    top: 36,
    right: 70,
    bottom: 52,
    left: NAMES_RIGHT + (negative ? 70 : 16),
  };

  if (shown.length === 0) {
    const body = notice(frame, rules ? 'The model has no rules.' : 'The model reports no factors.');
    const svg = svgChart({ name: 'factors', title, description, frame, body });
    return figure(title, 'Nothing to show.', svg, true);
  }

  const weights = shown.map((f) => f.weight);
  const ticks = niceTicks(Math.min(0, ...weights), Math.max(0, ...weights), 6);
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const x = linearScale(lo, hi, plotLeft(frame), plotRight(frame));
  const rows = shown.map((factor, i) => {
    const center = plotTop(frame) + ROW * (i + 0.5);
    const start = x(Math.min(0, factor.weight));
    const end = x(Math.max(0, factor.weight));
    const up = factor.weight >= 0;
    const name = truncate(factor.name, MAX_FACTOR_NAME);
    const rect = attrs({
      class: up ? 'bar raise' : 'bar lower',
      x: start,
      y: center - ROW * 0.35,
      width: end - start,
      height: ROW * 0.7,
      fill: up ? PALETTE.raise : PALETTE.lower,
    });
    const label = text(NAMES_RIGHT, center + 4, name.text, {
      class: name.truncated ? 'factor-name truncated' : 'factor-name',
      'text-anchor': 'end',
    });
    const value = text(up ? end + 6 : start - 6, center + 4, signed(factor.weight, unit), {
      class: 'value',
      'text-anchor': up ? 'start' : 'end',
    });
    return `<g class="factor">${tooltip(`${factor.name}: ${signed(factor.weight, unit)}`)}<rect${rect}/>${label}${value}</g>`;
  });
  const zero = line(x(0), plotTop(frame), x(0), plotBottom(frame), { class: 'zero', stroke: PALETTE.axis });
  const axis = xAxis(
    frame,
    x,
    ticks.map((value) => ({ value, text: formatNumber(value, 2).replace('-', '−') })),
    rules ? 'Points' : 'Weight',
    true,
  );
  const keys = legend(plotLeft(frame), 22, [
    { label: 'Raises the score', color: PALETTE.raise },
    { label: 'Lowers the score', color: PALETTE.lower },
  ]);
  const svg = svgChart({
    name: 'factors',
    title,
    description,
    frame,
    body: axis + rows.join('') + zero + keys,
  });
  const hidden = data.factors.length - shown.length;
  const more = hidden > 0 ? ` ${hidden} smaller factor${hidden === 1 ? '' : 's'} not shown.` : '';
  return figure(title, `${description}${more}`, svg, true);
}
