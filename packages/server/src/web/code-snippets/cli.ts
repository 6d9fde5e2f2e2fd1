/**
 * The request as a `brainstem` command: `load`, `save`, `delete` or `action` with the server and token as flags,
 * each word quoted for a POSIX shell.
 *
 * @module
 */
import { LIST_SEPARATOR } from 'brainstem-api-description';
import { shellWord } from './literals.js';
import { TOKEN_PLACEHOLDER, type ToolCall } from './request.js';

/** The command's words, unquoted. The model comes first: `--filters`, `--include` take every word after them. */
export function cliWords(call: ToolCall): string[] {
  const model = call.model.name;
  const connection = ['--url', call.server, ...(call.authenticated ? ['--token', TOKEN_PLACEHOLDER] : [])];
  const portal = call.portalNamed ? ['--portal', call.portal] : [];
  const id = call.id !== undefined ? ['--id', call.id] : [];
  const data = call.body !== undefined ? ['--data', JSON.stringify(call.body)] : [];
  const q = call.query;
  const query = [
    ...(q.filters.length > 0 ? ['--filters', ...q.filters.map((f) => `${f.key}=${f.value}`)] : []),
    // One word with `=`: a key with a leading `-` after the first would read as an option.
    ...(q.sort.length > 0 ? [`--sort=${q.sort.join(LIST_SEPARATOR)}`] : []),
    ...(q.include.length > 0 ? ['--include', ...q.include] : []),
    ...(q.limit !== undefined ? ['--limit', String(q.limit)] : []),
    ...(q.offset !== undefined ? ['--offset', String(q.offset)] : []),
  ];
  switch (call.operation) {
    case 'list':
    case 'detail':
      return ['brainstem', 'load', model, ...connection, ...portal, ...id, ...query];
    case 'create':
    case 'update':
      return ['brainstem', 'save', model, ...connection, ...portal, ...id, ...data];
    case 'replace':
      return ['brainstem', 'save', model, ...connection, ...portal, ...id, '--method', 'put', ...data];
    case 'delete':
      return ['brainstem', 'delete', model, ...connection, ...portal, ...id];
    case 'action':
      return [
        'brainstem',
        'action',
        model,
        call.id as string,
        call.action?.name as string,
        ...connection,
        ...portal,
        ...(call.methodNamed ? ['--method', call.method] : []),
        ...data,
      ];
  }
}

/**
 * The CLI snippet: one command line, or `undefined` when a word holds a NUL, which no program argument can carry.
 *
 * @example
 * ```ts
 * cliSnippet(describeRequest({ method: 'GET', url: 'http://127.0.0.1:8000/api/private/stem/session/?sort[]=-name' })!);
 * // 'brainstem load session --url http://127.0.0.1:8000/ --token YOUR_TOKEN --sort=-name\n'
 * ```
 */
export function cliSnippet(call: ToolCall): string | undefined {
  const words = cliWords(call);
  if (words.some((w) => w.includes('\0'))) return undefined;
  return `${words.map(shellWord).join(' ')}\n`;
}
