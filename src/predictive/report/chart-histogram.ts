import type { ReportHistogramBin } from './report-data.js';
import { formatInt, formatPercent } from './format.js';
import type { Frame } from './svg.js';
import {
  PALETTE,
  attrs,
  figure,
  legend,
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
  yAxis,
} from './svg.js';

const FRAME: Frame = { width: 560, height: 340, top: 40, right: 12, bottom: 52, left: 60 };

const binLabel = (b: ReportHistogramBin) => `${b.from}–${b.to}`;

/**
 * Score distribution: for each score bin, the share of converted and of non-converted leads that fall in it.
 * Shares (not counts) so a 5 % positive class is as visible as the other; the counts are in the tooltips.
 */
export function histogramChart(histogram: ReportHistogramBin[]): string {
  const bins = [...histogram].sort((a, b) => a.from - b.from || a.to - b.to);
  const positives = bins.reduce((sum, b) => sum + b.positives, 0);
  const negatives = bins.reduce((sum, b) => sum + b.negatives, 0);
  const title = 'Score distribution by outcome';
  const description =
    'For each score bin, the share of converted leads and the share of non-converted leads with a score in it.';

  let body: string;
  let caption = `${formatInt(positives)} converted and ${formatInt(negatives)} non-converted leads; hover a bar for counts.`;
  if (bins.length === 0 || positives + negatives === 0) {
    body = notice(FRAME, 'No scored leads to show.');
    caption = 'The data has no scored leads.';
  } else {
    body = bars(bins, positives, negatives);
    if (positives === 0)
      caption = 'Only non-converted leads in the data: there is no converted distribution to compare.';
    if (negatives === 0)
      caption = 'Only converted leads in the data: there is no non-converted distribution to compare.';
  }
  const svg = svgChart({ name: 'histogram', title, description, frame: FRAME, body });
  return figure(title, caption, svg);
}

function bars(bins: ReportHistogramBin[], positives: number, negatives: number): string {
  const share = (n: number, total: number) => (total === 0 ? 0 : n / total);
  const top = Math.max(
    ...bins.flatMap((b) => [share(b.positives, positives), share(b.negatives, negatives)]),
  );
  const ticks = niceTicks(0, top > 0 ? top : 0.1, 4);
  const yMax = ticks[ticks.length - 1] ?? 1;
  const y = linearScale(0, yMax, plotBottom(FRAME), plotTop(FRAME));
  const slot = (plotRight(FRAME) - plotLeft(FRAME)) / bins.length;
  const barWidth = Math.max(1, Math.min(22, (slot - 4) / 2));
  const labelEvery = Math.ceil(bins.length / 10);

  const series = [
    { key: 'positives', label: 'Converted', color: PALETTE.positive, total: positives, offset: -barWidth },
    { key: 'negatives', label: 'Not converted', color: PALETTE.negative, total: negatives, offset: 0 },
  ] as const;
  const groups = bins.map((bin, i) => {
    const center = plotLeft(FRAME) + slot * (i + 0.5);
    const rects = series
      .filter((s) => s.total > 0)
      .map((s) => {
        const n = bin[s.key];
        const top = y(share(n, s.total));
        const tip = `Score ${binLabel(bin)}: ${formatInt(n)} ${s.label.toLowerCase()} (${formatPercent(share(n, s.total))} of ${s.label.toLowerCase()} leads)`;
        const rect = attrs({
          class: `bar ${s.key}`,
          x: center + s.offset,
          y: top,
          width: barWidth,
          height: plotBottom(FRAME) - top,
          fill: s.color,
        });
        return `<rect${rect}>${tooltip(tip)}</rect>`;
      });
    const label =
      i % labelEvery === 0
        ? text(center, plotBottom(FRAME) + 16, binLabel(bin), { class: 'tick', 'text-anchor': 'middle' })
        : '';
    return `<g class="bin">${rects.join('')}${label}</g>`;
  });

  const yTicks = ticks.map((value) => ({ value, text: formatPercent(value, 2) }));
  const axisLine = `<line${attrs({ x1: plotLeft(FRAME), y1: plotBottom(FRAME), x2: plotRight(FRAME), y2: plotBottom(FRAME), class: 'axis', stroke: PALETTE.axis })}/>`;
  const xLabel = text((plotLeft(FRAME) + plotRight(FRAME)) / 2, FRAME.height - 8, 'Score', {
    class: 'axis-label',
    'text-anchor': 'middle',
  });
  const keys = series.filter((s) => s.total > 0).map((s) => ({ label: s.label, color: s.color }));
  return (
    yAxis(FRAME, y, yTicks, 'Share of group') +
    groups.join('') +
    axisLine +
    xLabel +
    legend(plotLeft(FRAME), 22, keys)
  );
}
