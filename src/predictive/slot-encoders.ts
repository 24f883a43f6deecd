import { cleanText } from '../input/parsed.js';
import type { Slot } from './design-matrix.js';
import { LevelLookup } from './level-lookup.js';
import { cellText } from './lead-rows.js';
import { parseNumberCell, simpleDecimal } from './parse-cell.js';

/**
 * Where cells come from, which decides how a value that is not clean text reads:
 * - table: a table's cells, trimmed with missing values undefined (read-training-data.ts);
 * - row: values of rows as given (predict): text is cleaned, numbers kept when finite;
 * - lead: values of a lead's fields, read as leadRow turns them into text (lead-rows.ts).
 */
export type CellKind = 'table' | 'row' | 'lead';

export type LevelsSlot = Extract<Slot, { kind: 'levels' }>;

/** Writes one slot's value for each row: a number (NaN where missing) or a feature index (−1: none). */
export interface SlotEncoder {
  set(row: number, value: unknown): void;
  /** Every row's value from a column of cells, cells[row]. */
  setAll(cells: ArrayLike<unknown>): void;
}

export class NumberEncoder implements SlotEncoder {
  constructor(
    private readonly out: Float64Array,
    private readonly kind: CellKind,
    private readonly decimalComma: boolean,
  ) {}

  set(row: number, value: unknown): void {
    this.out[row] = this.numberOf(value);
  }

  /** One loop per kind of cell, each calling one reader, which the compiler can then inline. */
  setAll(cells: ArrayLike<unknown>): void {
    const { out, decimalComma } = this;
    if (this.kind === 'table')
      for (let r = 0; r < out.length; r++) out[r] = tableNumber(cells[r], decimalComma);
    else if (this.kind === 'row') for (let r = 0; r < out.length; r++) out[r] = rowNumber(cells[r]);
    else for (let r = 0; r < out.length; r++) out[r] = leadNumber(cells[r]);
  }

  /** A value as a number the way each kind of cell reads: NaN where missing or not a number. */
  private numberOf(value: unknown): number {
    if (this.kind === 'table') return tableNumber(value, this.decimalComma);
    return this.kind === 'row' ? rowNumber(value) : leadNumber(value);
  }
}

function tableNumber(value: unknown, decimalComma: boolean): number {
  if (typeof value === 'string') return parseNumberCell(value, decimalComma);
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
}

function rowNumber(value: unknown): number {
  if (typeof value === 'string') return textNumber(value);
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
}

/** leadRow writes a number as String(n), which reads back as n (−0 as 0) when finite. */
function leadNumber(value: unknown): number {
  if (typeof value === 'string') return textNumber(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : Number.NaN;
  const text = cellText(value);
  return text === undefined ? Number.NaN : textNumber(text);
}

function textNumber(text: string): number {
  // Plain digits need no cleaning: trimming leaves them, and no missing token has a digit.
  const simple = simpleDecimal(text);
  return Number.isNaN(simple) ? parseNumberCell(cleanText(text), false) : simple;
}

/** A slot's texts resolved to feature indexes: a table's cells as they are, other text once cleaned. */
export function levelLookup(slot: LevelsSlot, kind: CellKind): LevelLookup {
  return new LevelLookup(
    kind === 'table' ? (text) => levelIndex(slot, text) : (text) => levelIndex(slot, cleanText(text)),
  );
}

export class LevelEncoder implements SlotEncoder {
  private last = '';
  private lastIndex: number;

  /** `lookup`: levelLookup(slot, kind), which may serve many encoders. */
  constructor(
    private readonly out: Int32Array,
    private readonly slot: LevelsSlot,
    private readonly kind: CellKind,
    private readonly lookup: LevelLookup,
  ) {
    this.lastIndex = lookup.indexOf(this.last);
  }

  set(row: number, value: unknown): void {
    this.out[row] = this.indexOf(value);
  }

  setAll(cells: ArrayLike<unknown>): void {
    const out = this.out;
    for (let r = 0; r < out.length; r++) out[r] = this.indexOf(cells[r]);
  }

  /** Runs of one value are common (a yes/no column is mostly "No"): the last text is compared first. */
  private indexOf(value: unknown): number {
    if (typeof value === 'string') {
      if (value !== this.last) {
        this.last = value;
        this.lastIndex = this.lookup.indexOf(value);
      }
      return this.lastIndex;
    }
    if (value === undefined) return this.slot.missing;
    // Not text: resolved each time (an object's text may change between calls).
    if (this.kind === 'table') return this.slot.other;
    if (this.kind === 'row') return levelIndex(this.slot, textOf(value));
    const text = cellText(value);
    return levelIndex(this.slot, text === undefined ? undefined : cleanText(text));
  }
}

function levelIndex(slot: LevelsSlot, text: string | undefined): number {
  return text === undefined ? slot.missing : (slot.levels.get(text) ?? slot.other);
}

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return cleanText(typeof value === 'string' ? value : String(value));
}
