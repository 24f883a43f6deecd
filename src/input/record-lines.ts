const LINE_BREAK = /\r\n|\r|\n/g;

function countBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/**
 * The physical line each CSV record starts on, from the raw text csv-parse hands over with every record
 * (`raw: true`). csv-parse's own `info.lines` is the line a record ends on, and counts a CRLF inside a
 * quoted value as two lines.
 */
export class RecordLines {
  private consumed = 0;

  /** Start line of the next record; `raw` is that record's raw text, which may begin with earlier breaks. */
  next(raw: string): number {
    const leading = /^[\r\n]*/.exec(raw)?.[0] ?? '';
    const line = this.consumed + countBreaks(leading) + 1;
    this.consumed += countBreaks(raw);
    return line;
  }
}
