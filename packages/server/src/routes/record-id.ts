/**
 * The record id in a URL path, parsed by the API description's id grammar (`parseId`). An id that is not of its
 * model's kind (`01` or `abc` for a user, an integer for a session) names no record: 404 with the grammar's
 * sentence, as a URL pattern that does not match (docs/api-decisions.md, "Record ids").
 */
import { parseId } from 'brainstem-api-description';
import type { ModelTable } from '../db/schema.js';
import { httpError } from '../errors.js';

/** The stored key of path id `id` on `t`: the number of an integer id, the lower-case UUID; 404 when malformed. */
export function recordKey(t: ModelTable, id: string): string | number {
  const parsed = parseId(t.model, id);
  if (parsed.problem !== undefined) throw httpError(404, parsed.problem);
  return parsed.id;
}
