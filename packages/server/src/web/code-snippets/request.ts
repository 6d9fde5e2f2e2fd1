/**
 * The one description every snippet is written from: the request on screen read with the API description (the
 * URL layout, the query codec, the registry's actions), or `undefined` when it is not a call a tool makes.
 *
 * @module
 */
import {
  type ActionSpec,
  apiPath,
  DEFAULT_PORTAL,
  decodeQuery,
  findApiPath,
  findModel,
  type ModelSpec,
  type WireQuery,
} from 'brainstem-api-description';

/** The request on screen: method, absolute URL (with its query string) and, for writes, the JSON body. */
export interface ShownRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
}

/** One copyable snippet. */
export interface CodeSnippet {
  /** Stable key, e.g. `typescript`, `cli`, `curl`, `python`. */
  tool: string;
  /** Heading shown above the snippet. */
  label: string;
  /** Language for highlighting: `typescript`, `shell` or `python`. */
  language: 'typescript' | 'shell' | 'python';
  code: string;
}

/** The placeholder written where a token goes. */
export const TOKEN_PLACEHOLDER = 'YOUR_TOKEN';

/** The environment variable the TypeScript and Python snippets read the token from before the placeholder. */
export const TOKEN_VARIABLE = 'BRAINSTEM_TOKEN';

/** What a tool call does, in the tools' own terms. */
export type Operation = 'list' | 'detail' | 'create' | 'update' | 'replace' | 'delete' | 'action';

/** A request as a tool call: which server, model, record and operation, the decoded query and the body. */
export interface ToolCall {
  /** The server root the tools are pointed at (`url` / `--url`), with its trailing slash. */
  server: string;
  portal: string;
  /** The portal is not the default one, so the call names it. */
  portalNamed: boolean;
  model: ModelSpec;
  operation: Operation;
  method: ShownRequest['method'];
  id?: string;
  /** The registry's action (operation `action`). */
  action?: ActionSpec;
  /** The method differs from the one the registry gives the action, so the call names it. */
  methodNamed: boolean;
  /** List and detail queries; empty for the other operations. */
  query: WireQuery;
  /** The JSON body: a plain object, or undefined. */
  body?: Record<string, unknown>;
  /** The request carries a token: every request but a read of a portal other than the default (the public one). */
  authenticated: boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Only `include` (and `format`, which every tool sends implicitly as JSON) may ride on a detail. */
const onlyInclude = (q: WireQuery) =>
  q.filters.length === 0 && q.sort.length === 0 && q.limit === undefined && q.offset === undefined;

const emptyQuery = (q: WireQuery) => onlyInclude(q) && q.include.length === 0;

const operationOf = (method: ShownRequest['method'], id: string | undefined): Operation | undefined => {
  if (id === undefined) return method === 'GET' ? 'list' : method === 'POST' ? 'create' : undefined;
  const byMethod = { GET: 'detail', PATCH: 'update', PUT: 'replace', DELETE: 'delete' } as const;
  return method in byMethod ? byMethod[method as keyof typeof byMethod] : undefined;
};

/**
 * The tool call a request is, or `undefined` when none of the tools makes it: a URL that is not a model endpoint,
 * an unknown model or action, a query parameter the codec cannot use, a filter named twice (the tools take filters
 * as an object), a query on a write, or a body that is not one JSON object.
 *
 * @example
 * ```ts
 * describeRequest({ method: 'GET', url: 'http://127.0.0.1:8000/api/public/stem/project/?sort[]=-name' });
 * // { server: 'http://127.0.0.1:8000/', portal: 'public', operation: 'list', query: { sort: ['-name'], … }, … }
 * ```
 */
export function describeRequest(request: ShownRequest): ToolCall | undefined {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return undefined;
  }
  const parts = findApiPath(url.pathname);
  const model = parts?.model === undefined ? undefined : findModel(parts.model);
  if (!parts || !model) return undefined;
  const root = apiPath({ portal: parts.portal });
  const server = `${url.origin}${url.pathname.slice(0, url.pathname.indexOf(root))}/`;

  const { query, problems } = decodeQuery(url.searchParams);
  const filterKeys = query.filters.map((f) => f.key);
  if (problems.length > 0 || new Set(filterKeys).size !== filterKeys.length) return undefined;
  if (request.body !== undefined && !isPlainObject(request.body)) return undefined;

  let operation: Operation | undefined;
  let action: ActionSpec | undefined;
  if (parts.action !== undefined) {
    action = model.actions?.find((a) => a.name === parts.action);
    operation = action ? 'action' : undefined;
  } else {
    operation = operationOf(request.method, parts.id);
  }
  if (!operation) return undefined;
  if (operation === 'detail' ? !onlyInclude(query) : operation !== 'list' && !emptyQuery(query)) return undefined;
  if ((operation === 'list' || operation === 'detail' || operation === 'delete') && request.body !== undefined) {
    return undefined;
  }

  return {
    server,
    portal: parts.portal,
    portalNamed: parts.portal !== DEFAULT_PORTAL,
    model,
    operation,
    method: request.method,
    ...(parts.id !== undefined ? { id: parts.id } : {}),
    ...(action ? { action } : {}),
    methodNamed: action !== undefined && action.method !== request.method,
    query,
    ...(request.body !== undefined ? { body: request.body as Record<string, unknown> } : {}),
    authenticated: parts.portal === DEFAULT_PORTAL || request.method !== 'GET',
  };
}
