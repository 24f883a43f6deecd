/** Text and number formatting for the report: locale-independent, so the same data renders the same bytes. */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes a text value for HTML and SVG, in element content and in quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** An SVG coordinate: at most two decimals, never `-0`. */
export function coord(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** 12345 → `12,345` (fixed separator, not the machine's locale). */
export function formatInt(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 0.1234 → `12.3%`; trailing zeros dropped (`0%`, `2.5%`, `100%`). */
export function formatPercent(value: number, decimals = 1): string {
  return `${formatNumber(value * 100, decimals)}%`;
}

/** A fixed-decimal number without a trailing `.0` (0.5 → `0.5`, 1 → `1`). */
export function formatNumber(value: number, decimals = 2): string {
  const text = value
    .toFixed(decimals)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

/** Shortens a label to `max` characters (code points) with an ellipsis. */
export function truncate(text: string, max: number): { text: string; truncated: boolean } {
  const chars = Array.from(text);
  if (chars.length <= max) return { text, truncated: false };
  return { text: `${chars.slice(0, max - 1).join('')}…`, truncated: true };
}
