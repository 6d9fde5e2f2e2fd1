/**
 * The request as a call of the official Python tool (`brainstem_api_tools.BrainstemClient`), with the signatures
 * its documentation gives: `load(model, portal=, id=, filters=, sort=, include=, limit=, offset=)`,
 * `save(model, portal=, id=, data=)`, `delete(model, portal=, id=)`; a special action goes through the `options`
 * argument both take, which the tool appends to the record's URL.
 *
 * @module
 */
import { Code, type Group, layout, type Node, pyNode, pyString } from './literals.js';
import { TOKEN_PLACEHOLDER, TOKEN_VARIABLE, type ToolCall } from './request.js';

const STEP = '    ';

type Kwargs = [string, unknown][];

/** The tool's method, its keyword arguments and a comment line when the call differs from the request. */
function callOf(call: ToolCall): { method: string; kwargs: Kwargs; note?: string } | undefined {
  const portal: Kwargs = call.portalNamed ? [['portal', call.portal]] : [];
  const id: Kwargs = call.id !== undefined ? [['id', call.id]] : [];
  const data: Kwargs = call.body !== undefined ? [['data', call.body]] : [];
  const q = call.query;
  switch (call.operation) {
    case 'list':
      return {
        method: 'load',
        kwargs: [
          ...portal,
          ...(q.filters.length > 0 ? [['filters', Object.fromEntries(q.filters.map((f) => [f.key, f.value]))]] : []),
          ...(q.sort.length > 0 ? [['sort', q.sort]] : []),
          ...(q.include.length > 0 ? [['include', q.include]] : []),
          ...(q.limit !== undefined ? [['limit', q.limit]] : []),
          ...(q.offset !== undefined ? [['offset', q.offset]] : []),
        ] as Kwargs,
      };
    case 'detail':
      return {
        method: 'load',
        kwargs: [...portal, ...id],
        ...(q.include.length > 0
          ? { note: `# The tool sends no query with id=, so include=${pyString(q.include.join(','))} is left out.` }
          : {}),
      };
    case 'create':
    case 'update':
      return { method: 'save', kwargs: [...portal, ...id, ['data', call.body ?? {}]] };
    case 'delete':
      return { method: 'delete', kwargs: [...portal, ...id] };
    case 'action': {
      // `options` is appended to `{id}/` as given, so it carries the action's trailing slash.
      const options: Kwargs = [['options', `${call.action?.name}/`]];
      if (call.method === 'GET') return { method: 'load', kwargs: [...portal, ...id, ...options] };
      if (call.method === 'PATCH') return { method: 'save', kwargs: [...portal, ...id, ...data, ...options] };
      return undefined;
    }
    case 'replace':
      // save(id=…) always sends PATCH: the tool has no PUT.
      return undefined;
  }
}

/**
 * The Python snippet, or `undefined` for a request the tool cannot send (a PUT, an action by POST, PUT or DELETE).
 * The token is read from `BRAINSTEM_TOKEN`, else the placeholder (the tool sends it on every request and would
 * start a browser login without one). The model is the name the tool knows: the docs' page name where the
 * registry records one.
 *
 * @example
 * ```ts
 * pythonSnippet(describeRequest({ method: 'DELETE', url: 'http://127.0.0.1:8000/api/private/stem/session/…/' })!);
 * // … response = client.delete("session", id="…") …
 * ```
 */
export function pythonSnippet(call: ToolCall): string | undefined {
  const made = callOf(call);
  if (!made) return undefined;
  const model = call.model.aliases?.[0] ?? call.model.name;
  const token = `os.environ.get(${pyString(TOKEN_VARIABLE)}, ${pyString(TOKEN_PLACEHOLDER)})`;
  const kw = (kwargs: Kwargs) => kwargs.map(([k, v]) => ({ prefix: `${k}=`, value: pyNode(v) }));
  const group = (open: string, items: Group['items']): Node => ({ open, close: ')', pad: false, items });
  const ctorStart = 'client = ';
  const ctor = group(
    'BrainstemClient(',
    kw([
      ['token', new Code(token)],
      ['url', call.server],
    ]),
  );
  const start = 'response = ';
  const args = group(`client.${made.method}(`, [{ prefix: '', value: pyString(model) }, ...kw(made.kwargs)]);
  const opts = (column: number) => ({ indent: '', column, step: STEP });
  const lines = [
    'import os',
    '',
    'from brainstem_api_tools import BrainstemClient',
    '',
    `${ctorStart}${layout(ctor, opts(ctorStart.length))}`,
    ...(made.note ? [made.note] : []),
    `${start}${layout(args, opts(start.length))}`,
    call.operation === 'delete' ? 'print(response.status_code)' : 'print(response.json())',
  ];
  return `${lines.join('\n')}\n`;
}
