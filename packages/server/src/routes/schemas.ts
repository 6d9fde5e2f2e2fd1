/**
 * The JSON Schemas each API route carries — `params` (the id grammar of the API description), `querystring`
 * (query-schema.ts) and `body` (records/body-schema.ts; actions/entry-schema.ts for the log-entry actions) — and
 * the validator compiler that checks requests against them.
 * The router registers these objects (api.ts) and the OpenAPI document describes the same objects
 * (openapi/document.ts), so what is documented is what is validated.
 *
 * Validators are compiled on a route's first request, not at start-up. Validation errors are attached to the
 * request (`attachValidation`) and raised by schema-errors.ts after the permission hook, so a caller without the
 * right is refused whatever the request holds.
 *
 * @example
 * ```ts
 * const s = routeSchemas(apiRouteTable().find((r) => r.op === 'add')!);
 * s.body; // the create body schema of the route's model (an action's: its kind's, e.g. the log entry)
 * ```
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { type ActionKind, type FieldSpec, idJsonSchema, idKind, type ModelSpec } from 'brainstem-api-description';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { entryBodySchema, entryFields } from '../actions/entry-schema.js';
import { UnreadableBody } from '../errors.js';
import type { Schema } from '../openapi/schemas.js';
import { bodySchema } from '../records/body-schema.js';
import type { WriteMode } from '../records/input.js';
import { READ_QUERY_SCHEMA, WRITE_QUERY_SCHEMA } from './query-schema.js';
import type { ApiRoute } from './table.js';

export interface RouteSchemas {
  params?: Schema;
  querystring: Schema;
  body?: Schema;
}

const options = {
  allErrors: true,
  verbose: true,
  allowUnionTypes: true,
  // `format` (date, date-time, email, uri) is checked by records/validate.ts with DRF's own rules and wording.
  validateFormats: false,
  // The documented `details` schemas are checked by type (records/details.ts); their references are documentation.
  strictSchema: false,
} as const;

/** Bodies are validated as sent: no coercion, defaults or removal of unknown keys. */
const bodyAjv = new Ajv2020(options);
/** Query values are text: `limit=5` reads as the integer 5, one `sort[]` as a list of one. */
const queryAjv = new Ajv2020({ ...options, coerceTypes: 'array', useDefaults: false });

const schemas = new WeakMap<ApiRoute, RouteSchemas>();

const BODY_MODES: Readonly<Record<string, WriteMode>> = { POST: 'create', PUT: 'replace', PATCH: 'update' };

/** What the body of an action of a kind holds: its schema and the fields its errors name. */
interface ActionBody {
  readonly schema: (model: ModelSpec, action: string) => Schema;
  readonly fields: (model: ModelSpec, action: string) => readonly FieldSpec[];
}

/** The body of each action kind that carries one (`ACTION_KINDS[kind].body`). */
const ACTION_BODIES: Readonly<Partial<Record<ActionKind, ActionBody>>> = {
  entry: { schema: entryBodySchema, fields: entryFields },
};

const actionBodyOf = (route: ApiRoute): ActionBody | undefined => {
  const kind = route.model.actions?.find((a) => a.name === route.op)?.kind;
  return kind ? ACTION_BODIES[kind] : undefined;
};

/** The fields a route's body sets, as the errors of its body schema name them. */
export function routeBodyFields(route: ApiRoute): readonly FieldSpec[] {
  return route.shape === 'action' ? (actionBodyOf(route)?.fields(route.model, route.op) ?? []) : route.model.fields;
}

/** The schemas of one route-table row (the same objects on every call). */
export function routeSchemas(route: ApiRoute): RouteSchemas {
  let s = schemas.get(route);
  if (!s) {
    const mode = route.shape === 'action' ? undefined : BODY_MODES[route.method];
    const body = mode
      ? bodySchema(route.model, mode)
      : route.shape === 'action'
        ? actionBodyOf(route)?.schema(route.model, route.op)
        : undefined;
    s = {
      ...(route.shape === 'collection'
        ? {}
        : {
            params: {
              type: 'object',
              properties: { id: { type: 'string', pattern: idJsonSchema(idKind(route.model)).pattern } },
              required: ['id'],
            },
          }),
      querystring: route.method === 'GET' ? READ_QUERY_SCHEMA : WRITE_QUERY_SCHEMA,
      ...(body ? { body } : {}),
    };
    schemas.set(route, s);
  }
  return s;
}

/** A copy of `schema` without `$ref`s (schemas checked in code, named for the document). */
function withoutRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutRefs);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'anyOf' && Array.isArray(v) && v.every((x) => typeof x === 'object' && x && '$ref' in x)) continue;
    out[k] = withoutRefs(v);
  }
  return out;
}

type Validator = ((data: unknown, ctx?: { parentData?: { body?: unknown } }) => boolean) & {
  errors?: ValidateFunction['errors'];
  /** Fastify passes the request as `parentData` to validators that have this. */
  schemaEnv?: unknown;
};

/**
 * Fastify's `validatorCompiler` for the API routes: compiles on first use. A body is validated as sent (no body
 * reads as `{}`); a body that could not be read is left to the handler, which reports the parse error.
 */
export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) => {
  let compiled: ValidateFunction | undefined;
  const isBody = httpPart === 'body';
  const validate: Validator = (data, ctx) => {
    let value = data;
    if (isBody) {
      const body = ctx?.parentData ? ctx.parentData.body : data;
      if (body instanceof UnreadableBody) return true;
      value = body === undefined ? {} : body;
    }
    compiled ??= (isBody ? bodyAjv : queryAjv).compile(withoutRefs(schema) as Schema);
    const ok = compiled(value);
    validate.errors = compiled.errors;
    return ok;
  };
  if (isBody) validate.schemaEnv = {};
  return validate;
};
