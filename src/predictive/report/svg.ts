import { coord, escapeHtml } from './format.js';

/** Colours shared by every chart: a colour-blind-safe blue/orange pair plus greys that survive printing. */
export const PALETTE = {
  positive: '#1d4ed8',
  negative: '#9ca3af',
  raise: '#1d4ed8',
  lower: '#c2410c',
  curve: '#1d4ed8',
  area: '#dbeafe',
  ideal: '#6b7280',
  axis: '#374151',
  grid: '#e5e7eb',
  text: '#111827',
  muted: '#6b7280',
} as const;

/** A chart's canvas and the margins around its plot area. */
export interface Frame {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const plotLeft = (f: Frame) => f.left;
export const plotRight = (f: Frame) => f.width - f.right;
export const plotTop = (f: Frame) => f.top;
export const plotBottom = (f: Frame) => f.height - f.bottom;

export type Scale = (value: number) => number;

/** Maps [d0, d1] linearly onto [r0, r1]; a zero-width domain maps everything to r0. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): Scale {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** Round tick values: steps of 1, 2, 2.5 or 5 × 10^k covering [lo, hi] in about `target` steps. */
export function niceTicks(lo: number, hi: number, target = 5): number[] {
  if (hi <= lo) hi = lo + 1;
  const raw = (hi - lo) / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

export interface Tick {
  value: number;
  text: string;
}

export const attrs = (values: Record<string, string | number>): string =>
  Object.entries(values)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? coord(value) : escapeHtml(value)}"`)
    .join('');

export const text = (x: number, y: number, content: string, extra: Record<string, string | number> = {}) =>
  `<text${attrs({ x, y, ...extra })}>${escapeHtml(content)}</text>`;

export const line = (
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  extra: Record<string, string | number>,
) => `<line${attrs({ x1, y1, x2, y2, ...extra })}/>`;

/** `<title>` as a tooltip child: browsers show it on hover, screen readers read it. */
export const tooltip = (content: string) => `<title>${escapeHtml(content)}</title>`;

/** Horizontal grid lines with their labels on the left, and the rotated y-axis label. */
export function yAxis(f: Frame, scale: Scale, ticks: Tick[], label: string): string {
  const parts = ticks.map((t) => {
    const y = scale(t.value);
    return (
      line(plotLeft(f), y, plotRight(f), y, { class: 'grid', stroke: PALETTE.grid }) +
      text(plotLeft(f) - 6, y + 4, t.text, { class: 'tick', 'text-anchor': 'end' })
    );
  });
  const midY = (plotTop(f) + plotBottom(f)) / 2;
  parts.push(
    line(plotLeft(f), plotTop(f), plotLeft(f), plotBottom(f), { class: 'axis', stroke: PALETTE.axis }),
    text(16, midY, label, {
      class: 'axis-label',
      'text-anchor': 'middle',
      transform: `rotate(-90 16 ${coord(midY)})`,
    }),
  );
  return `<g class="y-axis">${parts.join('')}</g>`;
}

/** The x axis line, tick marks with labels under it, and the axis label at the bottom. */
export function xAxis(f: Frame, scale: Scale, ticks: Tick[], label: string, grid = false): string {
  const base = plotBottom(f);
  const parts = ticks.map((t) => {
    const x = scale(t.value);
    return (
      (grid ? line(x, plotTop(f), x, base, { class: 'grid', stroke: PALETTE.grid }) : '') +
      line(x, base, x, base + 5, { class: 'tick-mark', stroke: PALETTE.axis }) +
      text(x, base + 18, t.text, { class: 'tick', 'text-anchor': 'middle' })
    );
  });
  parts.push(
    line(plotLeft(f), base, plotRight(f), base, { class: 'axis', stroke: PALETTE.axis }),
    text((plotLeft(f) + plotRight(f)) / 2, f.height - 8, label, {
      class: 'axis-label',
      'text-anchor': 'middle',
    }),
  );
  return `<g class="x-axis">${parts.join('')}</g>`;
}

export interface LegendItem {
  label: string;
  color: string;
  dashed?: boolean;
}

/** A one-line legend starting at (x, y): colour swatches (or a dashed stroke) followed by their labels. */
export function legend(x: number, y: number, items: LegendItem[]): string {
  let cursor = x;
  const parts = items.map((item) => {
    const swatch = item.dashed
      ? line(cursor, y - 4, cursor + 14, y - 4, {
          stroke: item.color,
          'stroke-width': 2,
          'stroke-dasharray': '4 3',
        })
      : `<rect${attrs({ x: cursor, y: y - 10, width: 12, height: 12, rx: 2, fill: item.color })}/>`;
    const label = text(cursor + 18, y, item.label, { class: 'legend-label' });
    cursor += 18 + item.label.length * 7 + 18;
    return swatch + label;
  });
  return `<g class="legend">${parts.join('')}</g>`;
}

/** A note centred in the plot area, used instead of a chart that cannot be drawn. */
export function notice(f: Frame, message: string): string {
  const x = (plotLeft(f) + plotRight(f)) / 2;
  const y = (plotTop(f) + plotBottom(f)) / 2;
  return `<g class="notice">${text(x, y, message, { 'text-anchor': 'middle', fill: PALETTE.muted })}</g>`;
}

export interface SvgChart {
  /** The `data-chart` name, also the prefix of the ids inside. */
  name: string;
  title: string;
  description: string;
  frame: Frame;
  body: string;
}

/** The `<svg>` element: a scalable viewBox, an accessible title and description, then the drawing. */
export function svgChart(chart: SvgChart): string {
  const { name, frame } = chart;
  const head = `<svg${attrs({
    'data-chart': name,
    class: 'chart',
    role: 'img',
    'aria-labelledby': `${name}-title ${name}-desc`,
    viewBox: `0 0 ${frame.width} ${frame.height}`,
    width: frame.width,
    height: frame.height,
  })}>`;
  const a11y = `<title id="${name}-title">${escapeHtml(chart.title)}</title><desc id="${name}-desc">${escapeHtml(chart.description)}</desc>`;
  return `${head}${a11y}${chart.body}</svg>`;
}

/** A chart with its visible heading and caption. */
export function figure(heading: string, caption: string, svg: string, wide = false): string {
  const cls = wide ? 'card wide' : 'card';
  return `<figure class="${cls}"><h2>${escapeHtml(heading)}</h2>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}
