import type { ReportCalibrationBin } from './report-data.js';
import { coord, formatInt, formatPercent } from './format.js';
import type { Frame, Tick } from './svg.js';
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
  tooltip,
  xAxis,
  yAxis,
} from './svg.js';

const FRAME: Frame = { width: 560, height: 520, top: 36, right: 24, bottom: 52, left: 60 };

/** Both axes share one scale, zoomed to the data (a model predicting at most 40 % should not sit in a corner). */
function percentTicks(bins: ReportCalibrationBin[]): Tick[] {
  const top = Math.max(0, ...bins.flatMap((b) => [b.predicted, b.observed]));
  const values = niceTicks(0, top > 0 ? Math.min(1, top * 1.05) : 1, 5).filter((v) => v <= 1);
  return values.map((value) => ({ value, text: formatPercent(value, 1) }));
}

/** Predicted probability against observed conversion rate per bin; dot area follows the bin's lead count. */
export function calibrationChart(calibration: ReportCalibrationBin[]): string {
  const title = 'Calibration: predicted vs observed';
  const description =
    'For each bin of leads, the average predicted conversion probability against the share that actually converted; the diagonal is perfect calibration.';
  const bins = calibration.filter((b) => b.count > 0).sort((a, b) => a.predicted - b.predicted);
  const empty = calibration.length - bins.length;
  const ticks = percentTicks(bins);
  const max = ticks[ticks.length - 1]?.value ?? 1;
  const x = linearScale(0, max, plotLeft(FRAME), plotRight(FRAME));
  const y = linearScale(0, max, plotBottom(FRAME), plotTop(FRAME));
  const axes =
    xAxis(FRAME, x, ticks, 'Predicted conversion probability', true) +
    yAxis(FRAME, y, ticks, 'Observed conversion rate');
  const ideal = line(x(0), y(0), x(max), y(max), {
    class: 'ideal',
    stroke: PALETTE.ideal,
    'stroke-dasharray': '5 4',
  });
  if (bins.length === 0) {
    const svg = svgChart({
      name: 'calibration',
      title,
      description,
      frame: FRAME,
      body: axes + ideal + notice(FRAME, 'No calibration bins with leads.'),
    });
    return figure(title, 'The data has no calibration bins with leads.', svg);
  }

  const largest = Math.max(...bins.map((b) => b.count));
  const path = bins
    .map((b, i) => `${i === 0 ? 'M' : 'L'}${coord(x(b.predicted))} ${coord(y(b.observed))}`)
    .join(' ');
  const curve = `<path${attrs({ class: 'curve', d: path, fill: 'none', stroke: PALETTE.curve, 'stroke-width': 2 })}/>`;
  const dots = bins.map((b) => {
    const r = 3 + 6 * Math.sqrt(b.count / largest);
    const tip = `Predicted ${formatPercent(b.predicted)}, observed ${formatPercent(b.observed)} (${formatInt(b.count)} leads)`;
    const circle = attrs({
      class: 'pt',
      cx: x(b.predicted),
      cy: y(b.observed),
      r,
      fill: PALETTE.curve,
      'fill-opacity': 0.85,
      stroke: '#ffffff',
    });
    return `<circle${circle}>${tooltip(tip)}</circle>`;
  });
  const keys = legend(plotLeft(FRAME), 22, [
    { label: 'Model (dot size = leads)', color: PALETTE.curve },
    { label: 'Perfect calibration', color: PALETTE.ideal, dashed: true },
  ]);
  const svg = svgChart({
    name: 'calibration',
    title,
    description,
    frame: FRAME,
    body: axes + ideal + curve + `<g class="points">${dots.join('')}</g>` + keys,
  });
  const note = empty > 0 ? ` ${empty} empty bin${empty === 1 ? '' : 's'} not shown.` : '';
  return figure(
    title,
    `Dots above the diagonal: the model under-predicts; below: it over-predicts.${note}`,
    svg,
  );
}
