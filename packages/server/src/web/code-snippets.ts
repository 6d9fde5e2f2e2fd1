/**
 * "Use this in code": the request a Web API Tool page shows, written as a call of each tool a user scripts with.
 *
 * One request description in, one snippet per tool out. The token is always a placeholder, never the caller's.
 *
 * @module
 */

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

/** Snippets for a request: so far a curl line only. */
export function codeSnippets(request: ShownRequest): CodeSnippet[] {
  const parts = [`curl -X ${request.method}`, `-H 'Authorization: Bearer ${TOKEN_PLACEHOLDER}'`];
  if (request.body !== undefined) {
    parts.push(`-H 'Content-Type: application/json'`, `-d '${JSON.stringify(request.body).replaceAll("'", "'\\''")}'`);
  }
  parts.push(`'${request.url.replaceAll("'", "'\\''")}'`);
  return [{ tool: 'curl', label: 'curl', language: 'shell', code: parts.join(' ') }];
}
