import { count, percent } from './predictive-options.js';
import type { Backtest, BacktestSide, Flip, FlipGroup } from '../predictive/backtest-models.js';

function signed(value: number): string {
  if (value === 0) return '±0';
  return `${value > 0 ? '+' : '−'}${count(Math.abs(value))}`;
}

function sideRow(name: string, side: BacktestSide): string {
  return (
    `  ${name.padEnd(4)} ${side.ref.padEnd(30)} ${String(side.threshold).padStart(9)} ` +
    `${count(side.mqls).padStart(6)} ${percent(side.mqlShare).padStart(8)} ${count(side.converted).padStart(9)} ` +
    `${percent(side.conversionRate).padStart(10)} ${percent(side.recall).padStart(8)}  ${side.file}`
  );
}

function flipRows(flips: readonly Flip[]): string[] {
  const who = (flip: Flip) => (flip.email ? `${flip.id} <${flip.email}>` : flip.id);
  const width = Math.max(4, ...flips.map((flip) => who(flip).length));
  return [
    `  ${'lead'.padEnd(width)}  old score  old status    new score  new status    converted`,
    ...flips.map(
      (flip) =>
        `  ${who(flip).padEnd(width)}  ${String(flip.old.score).padStart(9)}  ${flip.old.status.padEnd(12)}  ` +
        `${String(flip.new.score).padStart(9)}  ${flip.new.status.padEnd(12)}  ${flip.converted ? 'yes' : 'no'}`,
    ),
  ];
}

function groupLines(title: string, group: FlipGroup): string[] {
  const head =
    `${title}: ${count(group.count)} lead${group.count === 1 ? '' : 's'}` +
    (group.count ? `, ${count(group.converted)} converted (${percent(group.conversionRate)})` : '');
  if (group.count === 0) return [head];
  const shown = group.leads.length < group.count ? ` (the first ${group.leads.length}; --top for more)` : '';
  return [head + shown, ...flipRows(group.leads)];
}

/** The `table` format of `leadscore backtest`: the same figures as `json`, for reading. */
export function formatBacktest(backtest: Backtest): string {
  const b = backtest;
  const lines = [
    `Backtest on ${b.input}: ${count(b.leads)} leads as of ${b.asOf}, ${count(b.converted)} converted ` +
      `(${percent(b.conversionRate)}), outcome ${b.label}`,
    '',
    `  ${''.padEnd(4)} ${'model'.padEnd(30)} threshold   MQLs    share converted conversion   recall`,
    sideRow('new', b.new),
    sideRow('old', b.old),
    '',
    `MQLs: ${count(b.new.mqls)} with the new model, ${count(b.old.mqls)} with the old (${signed(b.change)})`,
    `Unchanged: ${count(b.unchanged.both)} MQL under both, ${count(b.unchanged.neither)} under neither`,
    '',
    ...groupLines('Flipped in (MQL under the new model only)', b.flippedIn),
    '',
    ...groupLines('Flipped out (MQL under the old model only)', b.flippedOut),
  ];
  if (b.notes.length) lines.push('', ...b.notes.map((note) => `note: ${note}`));
  return `${lines.join('\n')}\n`;
}
