/** An answer that is not JSON (the Bulk API's CSV result files): sent as it is, with its own Content-Type. */
export class TextBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}
