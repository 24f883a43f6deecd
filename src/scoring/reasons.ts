import type { Adjustment, Contribution } from './score-result.js';

export const MAX_REASONS_LENGTH = 1000;
const SEPARATOR = ' · ';
const ELLIPSIS = '…';

/** Positives first, largest first; then negatives, largest penalty first; ties keep model order. */
function compareContributions(a: Contribution, aOrder: number, b: Contribution, bOrder: number): number {
  const aNegative = a.points < 0;
  if (aNegative !== b.points < 0) return aNegative ? 1 : -1;
  return Math.abs(b.points) - Math.abs(a.points) || aOrder - bOrder;
}

/**
 * Sorts `contributions` in place into reading order (positives largest first, then penalties largest first), given each one's model
 * position in `orders` (kept beside the contributions so that they need no `order` field to strip).
 * Insertion sort: a lead has a handful of contributions, and model positions are unique, so the
 * result is the same as any other sort's.
 */
export function sortContributions(contributions: Contribution[], orders: number[]): void {
  for (let i = 1; i < contributions.length; i++) {
    const c = contributions[i]!;
    const order = orders[i]!;
    let j = i - 1;
    for (; j >= 0 && compareContributions(contributions[j]!, orders[j]!, c, order) > 0; j--) {
      contributions[j + 1] = contributions[j]!;
      orders[j + 1] = orders[j]!;
    }
    contributions[j + 1] = c;
    orders[j + 1] = order;
  }
}

export function formatPoints(points: number): string {
  return points < 0 ? `−${-points}` : `+${points}`;
}

function contributionText(c: Contribution): string {
  return `${formatPoints(c.points)} ${c.label}${c.count > 1 ? ` ×${c.count}` : ''}${c.capped ? ' (capped)' : ''}`;
}

/**
 * `Not accepted: Budget authority · +30 Pricing page visit ×2 · +15 Decision-maker role · −20 No activity for 30 days`
 * Zero-point contributions are left out; the text is cut at a separator to stay within 1,000 characters.
 */
export function formatReasons(
  statusReason: string | undefined,
  contributions: readonly Contribution[],
  adjustments: readonly Adjustment[],
): string {
  const parts: string[] = [];
  if (statusReason) parts.push(statusReason);
  for (const c of contributions) if (c.points !== 0) parts.push(contributionText(c));
  for (const a of adjustments) if (a.points !== 0) parts.push(`${formatPoints(a.points)} ${a.label}`);
  let text = parts.join(SEPARATOR);
  if (text.length <= MAX_REASONS_LENGTH) return text;
  const room = MAX_REASONS_LENGTH - SEPARATOR.length - ELLIPSIS.length;
  const cut = text.lastIndexOf(SEPARATOR, room);
  text = cut > 0 ? text.slice(0, cut) : text.slice(0, room);
  return `${text}${SEPARATOR}${ELLIPSIS}`;
}
