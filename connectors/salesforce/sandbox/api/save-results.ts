/** One entry of a SaveResult list (sObject Collections). */
export interface SaveError {
  statusCode: string;
  message: string;
  fields: string[];
}

export interface SaveResult {
  id?: string;
  success: boolean;
  errors: SaveError[];
}

export const saveError = (statusCode: string, message: string, fields: string[] = []): SaveError => ({
  statusCode,
  message,
  fields,
});

/** What records that were valid get when `allOrNone` rolls the whole request back. */
export const ROLLED_BACK = saveError(
  'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  'Record rolled back because not all records were valid and the request was using AllOrNone header',
);

/** The 400 for more than 200 records, worded as clients report it. */
export const EXCEEDED_ID_LIMIT_MESSAGE =
  'record limit reached. cannot submit more than 200 records into this call';
