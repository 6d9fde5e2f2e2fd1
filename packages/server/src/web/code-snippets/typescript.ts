/**
 * The request as a `brainstem-api-tools` call: `load` with the query as options objects, `save`, `delete` or
 * `action`, on a client pointed at the page's server.
 *
 * @module
 */
import { LIST_SEPARATOR, resolveFilter } from 'brainstem-api-description';
import { Code, layout, type Node, tsNode, tsString } from './literals.js';
import { TOKEN_PLACEHOLDER, TOKEN_VARIABLE, type ToolCall } from './request.js';

const STEP = '  ';

/** The query as `load` options: filters as an object (an `.in` filter's values as a list), then sort, include, page. */
function queryOptions(call: ToolCall): Record<string, unknown> {
  const q = call.query;
  const out: Record<string, unknown> = {};
  if (q.filters.length > 0) {
    out.filters = Object.fromEntries(
      q.filters.map((f) => {
        const isIn = resolveFilter(call.model, f.key).path?.operator === 'in';
        return [f.key, isIn ? f.value.split(LIST_SEPARATOR) : f.value];
      }),
    );
  }
  if (q.sort.length > 0) out.sort = q.sort;
  if (q.include.length > 0) out.include = q.include;
  if (q.limit !== undefined) out.limit = q.limit;
  if (q.offset !== undefined) out.offset = q.offset;
  return out;
}

/** The call and the name of what it answers (none for a delete). */
function callOf(call: ToolCall): { method: string; args: unknown[]; result?: string } {
  const model = call.model.name;
  const portal = call.portalNamed ? { portal: call.portal } : {};
  const id = call.id !== undefined ? { id: call.id } : {};
  const data = { data: call.body ?? {} };
  const opts = (o: Record<string, unknown>) => (Object.keys(o).length > 0 ? [o] : []);
  switch (call.operation) {
    case 'list':
      return {
        method: 'load',
        args: [model, ...opts({ ...portal, ...queryOptions(call) })],
        result: 'page',
      };
    case 'detail':
      return { method: 'load', args: [model, { ...id, ...portal, ...queryOptions(call) }], result: 'body' };
    case 'create':
      return { method: 'save', args: [model, { ...portal, ...data }], result: 'saved' };
    case 'update':
      return { method: 'save', args: [model, { ...id, ...portal, ...data }], result: 'saved' };
    case 'replace':
      return { method: 'save', args: [model, { ...id, ...portal, ...data, method: 'put' }], result: 'saved' };
    case 'delete':
      return { method: 'delete', args: [model, { ...id, ...portal }] };
    case 'action': {
      const o = {
        ...(call.body !== undefined ? data : {}),
        ...(call.methodNamed ? { method: call.method } : {}),
        ...portal,
      };
      return { method: 'action', args: [model, call.id, call.action?.name, ...opts(o)], result: 'answer' };
    }
  }
}

/**
 * The TypeScript snippet: an ES module with top-level `await` (run it with `npx tsx example.mts`). The token is read
 * from `BRAINSTEM_TOKEN`, else the placeholder; a read of the public portal sends none.
 *
 * @example
 * ```ts
 * typescriptSnippet(describeRequest({ method: 'GET', url: 'http://127.0.0.1:8000/api/private/stem/session/?limit=5' })!);
 * // import { BrainstemClient } from 'brainstem-api-tools';
 * // const client = new BrainstemClient({ url: 'http://127.0.0.1:8000/', token: process.env.BRAINSTEM_TOKEN ?? 'YOUR_TOKEN' });
 * // const page = await client.load('session', { limit: 5 }); …
 * ```
 */
export function typescriptSnippet(call: ToolCall): string {
  const token = new Code(`process.env.${TOKEN_VARIABLE} ?? ${tsString(TOKEN_PLACEHOLDER)}`);
  const settings = { url: call.server, ...(call.authenticated ? { token } : {}) };
  const ctorStart = 'const client = new BrainstemClient(';
  const ctor = layout(tsNode(settings), { indent: '', column: ctorStart.length, step: STEP });

  const { method, args, result } = callOf(call);
  const start = `${result ? `const ${result} = ` : ''}await client.${method}`;
  const argsNode: Node = {
    open: '(',
    close: ')',
    pad: false,
    hug: true,
    items: args.map((a) => ({ prefix: '', value: tsNode(a) })),
  };
  const lines = [
    "import { BrainstemClient } from 'brainstem-api-tools';",
    '',
    `${ctorStart}${ctor});`,
    `${start}${layout(argsNode, { indent: '', column: start.length, step: STEP })};`,
  ];
  if (result) lines.push(`console.log(JSON.stringify(${result}, null, 2));`);
  return `${lines.join('\n')}\n`;
}
