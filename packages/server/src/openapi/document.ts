/**
 * The OpenAPI 3.1 description of the API, generated from the registry through the same route table the router
 * registers (routes/table.ts): every model operation and action on both portals, aliases included, the list query
 * language, request bodies, the documented response keys, error bodies and Bearer security; plus the token,
 * device-flow and root endpoints.
 *
 * @example
 * ```ts
 * const doc = openApiDocument();
 * doc.paths['/api/private/stem/session/'].get.operationId; // 'private_session_list'
 * ```
 */
import { getModel, type ModelSpec, operatorsFor, type Portal } from 'brainstem-api-description';
import { READ_QUERY_SCHEMA } from '../routes/query-schema.js';
import { apiRoots } from '../routes/root.js';
import { routeSchemas } from '../routes/schemas.js';
import { type ApiRoute, apiRouteTable } from '../routes/table.js';
import { DETAILS_SCHEMA_GROUPS, type DetailsSchemaGroup } from './details.js';
import { extraPaths } from './extra-paths.js';
import { pathParameters, queryParameterComponents, queryParameterRefs } from './route-parameters.js';
import {
  detailsComponents,
  detailsSchemaRefs,
  ERROR_SCHEMAS,
  filterFields,
  recordSchema,
  type Schema,
} from './schemas.js';

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, Record<string, unknown>>>;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ 'application/json': { schema } });
const detail = (description: string) => ({ description, content: json(ref('Detail')) });

/** `/api/private/stem/session/:id/add_entry` → `/api/private/stem/session/{id}/add_entry/`. */
export function openApiPath(fastifyUrl: string): string {
  return `${fastifyUrl.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}/`;
}

const response = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** The shared error responses (components.responses). */
const ERROR_RESPONSES = {
  BadRequest: {
    description: 'Invalid input: field errors, or `{"detail"}` for query-language and JSON errors.',
    content: json({ anyOf: [ref('FieldErrors'), ref('Detail')] }),
  },
  Unauthenticated: detail('No token, or an invalid one.'),
  InvalidToken: detail('An invalid Bearer token (no token is anonymous).'),
  Forbidden: detail('The caller may not do this (checked before the body is read).'),
  NotFound: detail('No such record, or not readable by the caller.'),
};

function errorResponses(route: ApiRoute): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (route.op === 'add' || route.op === 'change' || route.shape === 'action' || route.op === 'list') {
    out['400'] = response('BadRequest');
  }
  out['401'] = response(route.portal === 'private' ? 'Unauthenticated' : 'InvalidToken');
  if (route.portal === 'private' && route.op !== 'list' && route.op !== 'detail') out['403'] = response('Forbidden');
  if (route.shape !== 'collection') out['404'] = response('NotFound');
  return out;
}

const actionKind = (route: ApiRoute): 'entry' | 'review' | 'message' =>
  route.op.endsWith('_entry') ? 'entry' : route.model.family === 'approval' ? 'review' : 'message';

function entrySchema(model: ModelSpec, action: string, groups: readonly DetailsSchemaGroup[]): Schema {
  const sub = (model.fields.find((f) => f.name === 'entries')?.subfields ?? []) as { name: string }[];
  const interval = sub.some((s) => s.name === 'start_date_time');
  const dt = { type: 'string', format: 'date-time' };
  const details = detailsSchemaRefs(groups, model.name, 'details', 'entries') ?? { type: 'object' };
  const properties: Schema = { date_time: dt, notes: { type: ['string', 'null'], maxLength: 500 }, details };
  if (interval) Object.assign(properties, { start_date_time: dt, end_date_time: dt });
  return {
    type: 'object',
    description: interval
      ? 'An entry is identified by `date_time`, or by `start_date_time` for the interval types.'
      : 'An entry is identified by `date_time`.',
    properties:
      action === 'remove_entry' ? { date_time: dt, ...(interval ? { start_date_time: dt } : {}) } : properties,
  };
}

/**
 * The filter parameters, shared between models where a field of one name and type takes the same values
 * (`filter{name.icontains}`): component name per (model, field, operator).
 */
function filterParameters(models: readonly ModelSpec[]): {
  components: Record<string, unknown>;
  refs: Map<string, string>;
} {
  const components: Record<string, Record<string, unknown>> = {};
  const refs = new Map<string, string>();
  for (const m of models) {
    for (const f of filterFields(m)) {
      for (const op of operatorsFor(f.spec)) {
        const name = op === 'exact' ? `filter{${f.name}}` : `filter{${f.name}.${op}}`;
        const schema = op === 'isnull' ? { type: 'boolean' } : op === 'in' ? { type: 'string' } : f.value;
        const param = {
          name,
          in: 'query',
          required: false,
          ...(op === 'in' ? { description: 'Comma-separated values.' } : {}),
          schema,
        };
        const shared = `filter.${f.name}.${op}`;
        const same = components[shared] && JSON.stringify(components[shared]) === JSON.stringify(param);
        const key = !components[shared] || same ? shared : `filter.${m.name}.${f.name}.${op}`;
        components[key] = param;
        refs.set(`${m.name} ${f.name} ${op}`, key);
      }
    }
  }
  return { components, refs };
}

function listParameters(model: ModelSpec, refs: Map<string, string>): unknown[] {
  const filters = filterFields(model).flatMap((f) =>
    operatorsFor(f.spec).map((op) => ({
      $ref: `#/components/parameters/${refs.get(`${model.name} ${f.name} ${op}`)}`,
    })),
  );
  return filters;
}

/** The request body of a route, as the component its schema is filed under. */
function bodyComponentName(route: ApiRoute): string {
  const mode = route.method === 'POST' ? 'create' : route.method === 'PUT' ? 'replace' : 'update';
  return `${route.model.name}.${mode}`;
}

function operation(route: ApiRoute, filterRefs: Map<string, string>): Record<string, unknown> {
  const { model, portal, op } = route;
  const method = route.method.toLowerCase();
  const alias = route.urlName !== model.name ? ` (alias of ${model.name})` : '';
  const record = ref(`${model.name}`);
  const recordBody = (key: string, schema: unknown) => ({
    type: 'object',
    properties: { [key]: schema },
    required: [key],
  });
  const written = model.approval
    ? recordBody(model.approval.key, ref(model.approval.model))
    : recordBody(model.detailKey, record);
  const o: Record<string, unknown> = {
    operationId: `${portal}_${route.urlName}_${op}${op === 'change' ? `_${method}` : ''}`,
    tags: [model.app],
    summary: `${op} ${model.name}${alias}`,
    security: portal === 'private' ? [{ bearerAuth: [] }] : [{}, { bearerAuth: [] }],
  };
  // Parameters and request bodies are the schemas the route validates with (routes/schemas.ts).
  const schemas = routeSchemas(route);
  const query = route.method === 'GET' ? queryParameterRefs(schemas.querystring) : [];
  const parameters = [...pathParameters(schemas.params), ...query];
  if (parameters.length) o.parameters = parameters;
  if (schemas.body) o.requestBody = { required: true, content: json(ref(bodyComponentName(route))) };
  let responses: Record<string, unknown>;
  switch (op) {
    case 'list': {
      o.parameters = [...listParameters(model, filterRefs), ...query];
      const props: Schema = {
        [model.listKey]: { type: 'array', items: record },
        count: { type: 'integer' },
        next: { type: ['string', 'null'], format: 'uri' },
        previous: { type: ['string', 'null'], format: 'uri' },
      };
      if (portal === 'public' || model.family === 'approval') props.meta = ref('ListMeta');
      responses = {
        '200': {
          description: `A page of ${model.listKey}.`,
          content: json({ type: 'object', properties: props, required: [model.listKey] }),
        },
      };
      break;
    }
    case 'detail':
      responses = {
        '200': { description: `One ${model.detailKey}.`, content: json(recordBody(model.detailKey, record)) },
      };
      break;
    case 'add':
      responses = {
        '201': { description: model.approval ? 'The proposal, pending review.' : 'Created.', content: json(written) },
      };
      break;
    case 'change':
      responses = {
        '200': { description: model.approval ? 'The proposal, pending review.' : 'Changed.', content: json(written) },
      };
      break;
    case 'delete':
      responses = { '204': { description: 'Deleted.' } };
      break;
    default: {
      const kind = actionKind(route);
      if (kind === 'entry') o.requestBody = { required: true, content: json(ref(`${model.name}.entry.${op}`)) };
      responses = {
        '200':
          kind === 'message'
            ? detail('Done; the message says what happened.')
            : { description: 'The record after the action.', content: json(recordBody(model.detailKey, record)) },
      };
    }
  }
  o.responses = { ...responses, ...errorResponses(route) };
  return o;
}

/** Build the document. `detailsGroups` are the documented details schemas (details.ts). */
export function openApiDocument(detailsGroups: readonly DetailsSchemaGroup[] = DETAILS_SCHEMA_GROUPS): OpenApiDocument {
  const routes = apiRouteTable();
  const models = [...new Set(routes.map((r) => r.model))];
  const filters = filterParameters(models);
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const p = openApiPath(route.url);
    paths[p] ??= {};
    (paths[p] as Record<string, unknown>)[route.method.toLowerCase()] = operation(route, filters.refs);
  }
  for (const root of apiRoots()) {
    paths[root.url] = {
      get: {
        operationId: `root${root.url.replace(/\//g, '_').replace(/_+$/, '')}`,
        tags: ['root'],
        summary: `Endpoints of ${root.app ? `the ${root.app} app on ` : ''}the ${root.portal ?? 'private'} portal`,
        responses: {
          '200': {
            description: 'Model name → collection URL.',
            content: json({ type: 'object', additionalProperties: { type: 'string', format: 'uri' } }),
          },
        },
      },
    };
  }
  Object.assign(paths, extraPaths());
  // Request bodies are the routes' schemas, which name the documented details schemas: those stay in components.
  const schemas: Record<string, unknown> = {
    ...ERROR_SCHEMAS,
    ...detailsComponents(DETAILS_SCHEMA_GROUPS),
    ...detailsComponents(detailsGroups),
  };
  for (const route of routes) {
    const body = routeSchemas(route).body;
    if (body) schemas[bodyComponentName(route)] = body;
  }
  for (const m of models) {
    schemas[m.name] = recordSchema(m, detailsGroups);
    for (const a of m.actions ?? []) {
      if (a.name.endsWith('_entry')) schemas[`${m.name}.entry.${a.name}`] = entrySchema(m, a.name, detailsGroups);
    }
  }
  for (const m of models)
    if (m.approval && !schemas[m.approval.model])
      schemas[m.approval.model] = recordSchema(getModel(m.approval.model), detailsGroups);
  const portals: Portal[] = ['private', 'public'];
  return {
    openapi: '3.1.0',
    info: {
      title: 'BrainSTEM API (brainstem-server)',
      version: '2',
      description:
        `The BrainSTEM REST API as served by the local brainstem-server, generated from the model registry. ` +
        `Two portals: ${portals.map((p) => `\`/api/${p}/\``).join(' and ')}; the private one needs a Bearer token ` +
        '(`POST /api/token/` or the device flow), the public one is read-only and anonymous.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set<string>(models.map((m) => m.app)), 'root', 'auth'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal access token.' } },
      parameters: { ...queryParameterComponents(READ_QUERY_SCHEMA), ...filters.components },
      responses: ERROR_RESPONSES,
      schemas,
    },
  };
}

/** The document as committed in docs/openapi.json (two-space indentation, final newline). */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}
