/**
 * OpenAPI parameters read from a route's schemas (routes/schemas.ts): each property of the `params` schema is a
 * path parameter, each property of the `querystring` schema a query parameter (lists as repeated `form`
 * parameters), with the very schema objects the router validates with.
 *
 * @example
 * ```ts
 * queryParameterComponents(READ_QUERY_SCHEMA).limit; // { name: 'limit', in: 'query', schema: { type: 'integer', … } }
 * ```
 */
import type { Schema } from './schemas.js';

type Properties = Record<string, Schema>;

const propertiesOf = (schema: Schema | undefined): Properties => (schema?.properties ?? {}) as Properties;

/** The component key of a query parameter: `sort[]` → `sort`; the comma form `sort` beside it → `sort.comma`. */
function componentKey(name: string, properties: Properties): string {
  if (name.endsWith('[]')) return name.slice(0, -2);
  return properties[`${name}[]`] ? `${name}.comma` : name;
}

/** The query parameters of a querystring schema, keyed for `components.parameters`. */
export function queryParameterComponents(schema: Schema): Record<string, Schema> {
  const properties = propertiesOf(schema);
  const out: Record<string, Schema> = {};
  for (const [name, s] of Object.entries(properties)) {
    const { description, ...rest } = s;
    out[componentKey(name, properties)] = {
      name,
      in: 'query',
      required: false,
      ...(description ? { description } : {}),
      schema: s,
      ...(rest.type === 'array' ? { style: 'form', explode: true } : {}),
    };
  }
  return out;
}

/** `$ref`s to the query parameters of a querystring schema (see {@link queryParameterComponents}). */
export function queryParameterRefs(schema: Schema): { $ref: string }[] {
  const properties = propertiesOf(schema);
  return Object.keys(properties).map((name) => ({
    $ref: `#/components/parameters/${componentKey(name, properties)}`,
  }));
}

/** The path parameters of a params schema. */
export function pathParameters(schema: Schema | undefined): Schema[] {
  return Object.entries(propertiesOf(schema)).map(([name, s]) => ({ name, in: 'path', required: true, schema: s }));
}
