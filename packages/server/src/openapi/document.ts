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
import {
  ACTION_KINDS,
  type ActionKind,
  apiPath,
  DEFAULT_PORTAL,
  getModel,
  listHasMeta,
  PORTALS,
  TOKEN_PATH,
} from 'brainstem-api-description';
import { apiRoots } from '../routes/root.js';
import { routeSchemas } from '../routes/schemas.js';
import { type ApiRoute, apiRouteTable } from '../routes/table.js';
import { DETAILS_SCHEMA_GROUPS, type DetailsSchemaGroup } from './details.js';
import { extraPaths } from './extra-paths.js';
import { queryParameters } from './query-parameters.js';
import { pathParameters } from './route-parameters.js';
import { detailsComponents, ERROR_SCHEMAS, recordSchema, type Schema } from './schemas.js';

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, Record<string, unknown>>>;
};

type QueryParameterRefs = ReturnType<typeof queryParameters>['refs'];

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

/** The kind of an action route's registry action. */
function actionKindOf(route: ApiRoute): ActionKind {
  const kind = route.model.actions?.find((a) => a.name === route.op)?.kind;
  if (!kind) throw new Error(`No registry action "${route.op}" on ${route.model.name}`);
  return kind;
}

/** The request body of a route, as the component its schema is filed under (`subjectlog.entry.add_entry`). */
function bodyComponentName(route: ApiRoute): string {
  if (route.shape === 'action') return `${route.model.name}.${actionKindOf(route)}.${route.op}`;
  const mode = route.method === 'POST' ? 'create' : route.method === 'PUT' ? 'replace' : 'update';
  return `${route.model.name}.${mode}`;
}

function operation(route: ApiRoute, queryRefs: QueryParameterRefs): Record<string, unknown> {
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
  const query = op === 'list' || op === 'detail' ? queryRefs(model, op) : [];
  const parameters = [...pathParameters(schemas.params), ...query];
  if (parameters.length) o.parameters = parameters;
  if (schemas.body) o.requestBody = { required: true, content: json(ref(bodyComponentName(route))) };
  let responses: Record<string, unknown>;
  switch (op) {
    case 'list': {
      const props: Schema = {
        [model.listKey]: { type: 'array', items: record },
        count: { type: 'integer' },
        next: { type: ['string', 'null'], format: 'uri' },
        previous: { type: ['string', 'null'], format: 'uri' },
      };
      if (listHasMeta(model, portal)) props.meta = ref('ListMeta');
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
      const kind = ACTION_KINDS[actionKindOf(route)];
      responses = {
        '200':
          kind.answers === 'message'
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
  const query = queryParameters(models);
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const p = openApiPath(route.url);
    paths[p] ??= {};
    (paths[p] as Record<string, unknown>)[route.method.toLowerCase()] = operation(route, query.refs);
  }
  for (const root of apiRoots()) {
    paths[root.url] = {
      get: {
        operationId: `root${root.url.replace(/\//g, '_').replace(/_+$/, '')}`,
        tags: ['root'],
        summary: `Endpoints of ${root.app ? `the ${root.app} app on ` : ''}the ${root.portal ?? DEFAULT_PORTAL} portal`,
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
  }
  for (const m of models)
    if (m.approval && !schemas[m.approval.model])
      schemas[m.approval.model] = recordSchema(getModel(m.approval.model), detailsGroups);
  return {
    openapi: '3.1.0',
    info: {
      title: 'BrainSTEM API (brainstem-server)',
      version: '2',
      description:
        `The BrainSTEM REST API as served by the local brainstem-server, generated from the model registry. ` +
        `Two portals: ${PORTALS.map((p) => `\`${apiPath({ portal: p })}\``).join(' and ')}; the private one needs a Bearer token ` +
        `(\`POST ${TOKEN_PATH}\` or the device flow), the public one is read-only and anonymous.`,
    },
    servers: [{ url: '/' }],
    tags: [...new Set<string>(models.map((m) => m.app)), 'root', 'auth'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal access token.' } },
      parameters: query.components,
      responses: ERROR_RESPONSES,
      schemas,
    },
  };
}

/** The document as committed in docs/openapi.json (two-space indentation, final newline). */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}
