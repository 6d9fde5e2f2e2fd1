/**
 * "Use this in code": the request a Web API Tool page shows, written as a call of each tool a user scripts with.
 *
 * One request description in, one snippet per tool out. The token is always a placeholder, never the caller's.
 * The request is read once (`code-snippets/request.ts`, with the API description's URL layout, query codec and
 * actions); each tool's file writes that one description in its own language.
 *
 * @module
 */
import { cliSnippet } from './code-snippets/cli.js';
import { curlSnippet } from './code-snippets/curl.js';
import { pythonSnippet } from './code-snippets/python.js';
import { type CodeSnippet, describeRequest, type ShownRequest } from './code-snippets/request.js';
import { typescriptSnippet } from './code-snippets/typescript.js';

export {
  type CodeSnippet,
  describeRequest,
  type ShownRequest,
  TOKEN_PLACEHOLDER,
  TOKEN_VARIABLE,
  type ToolCall,
} from './code-snippets/request.js';

/**
 * Snippets for a request, in this order: the TypeScript client, the `brainstem` CLI, curl and the official Python
 * tool. curl writes any request; the tools only a call they make (a model's list, record, write, delete or special
 * action with a query they can express), so for anything else the list holds the curl line alone. The Python tool
 * has no PUT and sends special actions only by GET and PATCH, so those requests get no Python snippet.
 *
 * @example
 * ```ts
 * codeSnippets({ method: 'GET', url: 'http://127.0.0.1:8000/api/public/stem/project/?sort[]=-name' })
 *   .map((s) => s.tool); // ['typescript', 'cli', 'curl', 'python']
 * ```
 */
export function codeSnippets(request: ShownRequest): CodeSnippet[] {
  const call = describeRequest(request);
  const curl: CodeSnippet = {
    tool: 'curl',
    label: 'curl',
    language: 'shell',
    code: curlSnippet(request, call?.authenticated ?? true),
  };
  if (!call) return [curl];
  const cli = cliSnippet(call);
  const python = pythonSnippet(call);
  return [
    {
      tool: 'typescript',
      label: 'TypeScript (brainstem-api-tools)',
      language: 'typescript',
      code: typescriptSnippet(call),
    },
    ...(cli !== undefined
      ? [{ tool: 'cli', label: 'Command line (brainstem)', language: 'shell' as const, code: cli }]
      : []),
    curl,
    ...(python !== undefined
      ? [{ tool: 'python', label: 'Python (brainstem_api_tools)', language: 'python' as const, code: python }]
      : []),
  ];
}
