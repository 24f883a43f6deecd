import type { ReportBand } from './report-data.js';
import { formatInt, formatPercent } from './format.js';
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
  yAxis,
} from './svg.js';

const FRAME: Frame = { width: 560, height: 340, top: 40, right: 12, bottom: 64, left: 60 };

const bandLabel = (b: ReportBand) => `${b.from}–${b.to}`;

/** Conversion rate per score band, with the lead count under each band and the overall rate as a dashed line. */
export function bandsChart(bands: ReportBand[], overallRate: number | undefined): string {
  const sorted = [...bands].sort((a, b) => a.from - b.from || a.to - b.to);
  const title = 'Conversion rate by score band';
  const description =
    'For each score band, the share of its leads that converted; the number of leads in the band is under it.';
  const withLeads = sorted.filter((b) => b.count > 0);
  let caption = 'A good model climbs from left to right. Bands without leads are marked “no leads”.';
  let body: string;
  if (withLeads.length === 0) {
    body = notice(FRAME, 'No leads in any score band.');
    caption = 'The data has no scored leads.';
  } else {
    body = bars(sorted, overallRate);
  }
  const svg = svgChart({ name: 'bands', title, description, frame: FRAME, body });
  return figure(title, caption, svg);
}

function bars(bands: ReportBand[], overallRate: number | undefined): string {
  const top = Math.max(overallRate ?? 0, ...bands.filter((b) => b.count > 0).map((b) => b.rate));
  const ticks = niceTicks(0, top > 0 ? top : 0.1, 5);
  const yMax = ticks[ticks.length - 1] ?? 1;
  const y = linearScale(0, yMax, plotBottom(FRAME), plotTop(FRAME));
  const slot = (plotRight(FRAME) - plotLeft(FRAME)) / bands.length;
  const barWidth = Math.max(2, Math.min(44, slot * 0.7));
  const base = plotBottom(FRAME);
  const small = bands.length > 12;

  const groups = bands.map((band, i) => {
    const center = plotLeft(FRAME) + slot * (i + 0.5);
    const under =
      text(center, base + 16, bandLabel(band), { class: 'tick', 'text-anchor': 'middle' }) +
      text(center, base + 30, `n=${formatInt(band.count)}`, { class: 'tick count', 'text-anchor': 'middle' });
    if (band.count === 0) {
      const mark = text(center, base - 6, 'no leads', {
        class: 'empty-band',
        'text-anchor': 'middle',
        fill: PALETTE.muted,
      });
      return `<g class="band">${mark}${under}</g>`;
    }
    const barTop = y(band.rate);
    const tip = `Score ${bandLabel(band)}: ${formatInt(band.conversions)} of ${formatInt(band.count)} leads converted (${formatPercent(band.rate)})`;
    const rect = attrs({
      class: 'bar',
      x: center - barWidth / 2,
      y: barTop,
      width: barWidth,
      height: base - barTop,
      fill: PALETTE.positive,
    });
    const value = small
      ? ''
      : text(center, barTop - 5, formatPercent(band.rate), { class: 'value', 'text-anchor': 'middle' });
    return `<g class="band"><rect${rect}>${tooltip(tip)}</rect>${value}${under}</g>`;
  });

  const yTicks = ticks.map((value) => ({ value, text: formatPercent(value, yMax < 0.05 ? 2 : 1) }));
  const parts = [yAxis(FRAME, y, yTicks, 'Conversion rate'), groups.join('')];
  parts.push(line(plotLeft(FRAME), base, plotRight(FRAME), base, { class: 'axis', stroke: PALETTE.axis }));
  if (overallRate !== undefined) {
    const avgY = y(overallRate);
    parts.push(
      `<g class="average">${line(plotLeft(FRAME), avgY, plotRight(FRAME), avgY, {
        stroke: PALETTE.ideal,
        'stroke-dasharray': '5 4',
      })}</g>`,
      legend(plotLeft(FRAME), 22, [
        { label: `All leads: ${formatPercent(overallRate)}`, color: PALETTE.ideal, dashed: true },
      ]),
    );
  }
  parts.push(
    text((plotLeft(FRAME) + plotRight(FRAME)) / 2, FRAME.height - 8, 'Score band', {
      class: 'axis-label',
      'text-anchor': 'middle',
    }),
  );
  return parts.join('');
}
