/**
 * OpenAPI path parameters read from a route's `params` schema (routes/schemas.ts), with the very schema objects the
 * router validates with. Query parameters come from the codec's table (query-parameters.ts), as the route's
 * querystring schema does (routes/query-schema.ts).
 *
 * @example
 * ```ts
 * pathParameters(routeSchemas(route).params); // [{ name: 'id', in: 'path', required: true, schema: { … } }]
 * ```
 */
import type { Schema } from './schemas.js';

type Properties = Record<string, Schema>;

const propertiesOf = (schema: Schema | undefined): Properties => (schema?.properties ?? {}) as Properties;

/** The path parameters of a params schema. */
export function pathParameters(schema: Schema | undefined): Schema[] {
  return Object.entries(propertiesOf(schema)).map(([name, s]) => ({ name, in: 'path', required: true, schema: s }));
}
