import { columnKey } from './data-table.js';
import { TrainingDataError } from './predictive-errors.js';

/**
 * The columns `--exclude` names: exact names in any case and spacing, or patterns with `*` ("Asymmetrique*").
 * A name that matches no column is an error: a misspelt exclusion would silently keep a leaky column.
 */
export function excludedColumns(
  file: string,
  columns: readonly string[],
  patterns: readonly string[],
): Set<string> {
  const excluded = new Set<string>();
  for (const pattern of patterns) {
    const matches = columns.filter((column) => patternOf(pattern).test(columnKey(column)));
    if (matches.length === 0) {
      throw new TrainingDataError(
        'DATA_UNKNOWN_COLUMN',
        `${file}: --exclude "${pattern}" matches no column; the columns are ${columns.map((c) => JSON.stringify(c)).join(', ')}`,
      );
    }
    for (const column of matches) excluded.add(column);
  }
  return excluded;
}

function patternOf(pattern: string): RegExp {
  const parts = columnKey(pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}
