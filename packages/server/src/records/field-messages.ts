/**
 * DRF's wording of the field errors that both the route schemas' error mapper (routes/schema-errors.ts) and the
 * checks JSON Schema cannot make (records/validate.ts) report.
 */

export const DATE_FORMAT_MESSAGE = 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.';

export const DATETIME_FORMAT_MESSAGE =
  'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].';

/** A well-formed relation id that names no record the caller can read. */
export const invalidPkMessage = (id: unknown): string => `Invalid pk "${String(id)}" - object does not exist.`;
