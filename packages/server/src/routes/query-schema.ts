/**
 * The JSON Schema of the query string of the read routes (list and detail), rendered from the API description's
 * table of query parameters (`QUERY_PARAMETERS`: canonical names and the spellings the decoder tolerates) plus the
 * `filter{…}` form. It refuses any other parameter before the handler runs (an ignored one would silently return
 * unfiltered data); what a value means, and the wording of every mistake, is the codec's (`decodeQuery`, read by
 * query/params.ts and schema-errors.ts). Whether a filter names a field and operator of the model is the name
 * resolver's business (query/compile.ts).
 *
 * @example
 * ```ts
 * Object.keys(READ_QUERY_SCHEMA.properties); // ['sort[]', 'sort', 'include[]', 'include', 'limit', 'per_page', …]
 * ```
 */
import { QUERY_PARAMETERS, type QueryParameter } from 'brainstem-api-description';
import type { Schema } from '../openapi/schemas.js';

/** Query keys of a filter: `filter{…}` (a malformed one, `filter[…]`, is refused as unknown). */
export const FILTER_PARAMETER_PATTERN = '^filter\\{[\\s\\S]*\\}$';

/** Any value as the query parser hands it over: text, or a list of texts for a repeated parameter. */
const TEXT_OR_LIST: Schema = { type: ['string', 'array'], items: { type: 'string' } };

const named = (p: QueryParameter): [string, Schema][] =>
  [p.name, ...p.aliases].map((name) => [name, { ...TEXT_OR_LIST, description: p.description }]);

/** The query of GET on a collection or a record. */
export const READ_QUERY_SCHEMA: Schema = {
  type: 'object',
  properties: Object.fromEntries(
    Object.values(QUERY_PARAMETERS as Record<string, QueryParameter>)
      .filter((p) => p !== QUERY_PARAMETERS.filter)
      .flatMap(named),
  ),
  patternProperties: {
    [FILTER_PARAMETER_PATTERN]: { ...TEXT_OR_LIST, description: QUERY_PARAMETERS.filter.description },
  },
  additionalProperties: false,
};

/** The query of writes: none is read, so any is accepted. */
export const WRITE_QUERY_SCHEMA: Schema = { type: 'object' };
