export interface RocPoint {
  fpr: number;
  tpr: number;
}

/** Row indices sorted by score, ascending; ties keep row order. */
function ascending(scores: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i);
  return order.sort((a, b) => scores[a]! - scores[b]! || a - b);
}

/**
 * ROC AUC: the probability that a random converted lead scores above a random other one, ties counting
 * half (the Mann–Whitney U statistic with mid-ranks). NaN when either class is absent.
 */
export function rocAuc(scores: ArrayLike<number>, outcomes: ArrayLike<number>): number {
  const order = ascending(scores);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end < order.length && scores[order[end]!] === scores[order[start]!]) end++;
    const midRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) {
      if (outcomes[order[i]!] === 1) {
        positives++;
        rankSum += midRank;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * The ROC curve from (0, 0) to (1, 1), one point per distinct score (ties move diagonally), thinned to at
 * most `maxPoints` evenly spaced points, the ends always kept.
 */
export function rocCurve(
  scores: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  maxPoints = 200,
): RocPoint[] {
  const order = ascending(scores).reverse();
  let totalPositives = 0;
  for (let i = 0; i < outcomes.length; i++) totalPositives += outcomes[i] === 1 ? 1 : 0;
  const totalNegatives = outcomes.length - totalPositives;
  const points: RocPoint[] = [{ fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end < order.length && scores[order[end]!] === scores[order[start]!]) {
      if (outcomes[order[end]!] === 1) tp++;
      else fp++;
      end++;
    }
    points.push({
      fpr: totalNegatives ? fp / totalNegatives : 0,
      tpr: totalPositives ? tp / totalPositives : 0,
    });
    start = end;
  }
  return thin(points, maxPoints);
}

function thin(points: RocPoint[], maxPoints: number): RocPoint[] {
  if (points.length <= maxPoints) return points;
  const last = points.length - 1;
  return Array.from({ length: maxPoints }, (_, i) => points[Math.round((i * last) / (maxPoints - 1))]!);
}
