/**
 * The JSON Schema of the query string of the read routes (list and detail): `filter{field}` /
 * `filter{field.operator}`, `sort[]`, `include[]`, `limit` (alias `per_page`), `offset` and the web API tool's
 * `format=json`. Any other parameter is refused (an ignored one would silently return unfiltered data). Whether a
 * filter names a field and operator of the model is the query compiler's business (query/compile.ts).
 *
 * @example
 * ```ts
 * READ_QUERY_SCHEMA.properties.limit; // { type: ['integer', 'array'], minimum: 1, items: { type: 'integer', minimum: 1 }, … }
 * ```
 */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from 'brainstem-api-description';
import type { Schema } from '../openapi/schemas.js';

/** Query keys of a filter: `filter{…}` (a malformed one, `filter[…]`, is refused as unknown). */
export const FILTER_PARAMETER_PATTERN = '^filter\\{[\\s\\S]*\\}$';

/** Repeatable list parameters (one value is a list of one). */
const list = (description: string): Schema => ({ type: 'array', items: { type: 'string' }, description });

/** A count; given more than once, the last one counts. */
const count = (minimum: number, description: string, fallback: number): Schema => ({
  type: ['integer', 'array'],
  minimum,
  items: { type: 'integer', minimum },
  default: fallback,
  description,
});

const limit = count(
  1,
  `Page size (default ${DEFAULT_PAGE_SIZE}; above ${MAX_PAGE_SIZE} reads as ${MAX_PAGE_SIZE}).`,
  DEFAULT_PAGE_SIZE,
);

/** The query of GET on a collection or a record. */
export const READ_QUERY_SCHEMA = {
  type: 'object',
  properties: {
    'sort[]': list('Sort keys (`-` for descending), e.g. `-start_time`; repeat for several.'),
    'include[]': list('Relations to embed in full, e.g. `sessions.*`; repeat for several.'),
    limit,
    offset: count(0, 'Records to skip.', 0),
    sort: list('Comma-separated sort keys (same as `sort[]`).'),
    include: list('Comma-separated relations to embed (same as `include[]`).'),
    per_page: { ...limit, description: 'Same as `limit`.' },
    format: { enum: ['json'], description: 'The web API tool asks for `format=json`; JSON is what the API answers.' },
  },
  patternProperties: {
    [FILTER_PARAMETER_PATTERN]: list('`filter{field}` or `filter{field.operator}`; repeated `.in` values merge.'),
  },
  additionalProperties: false,
} as const satisfies Schema;

/** The query of writes: none is read, so any is accepted. */
export const WRITE_QUERY_SCHEMA: Schema = { type: 'object' };
