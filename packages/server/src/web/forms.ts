/** HTML form posts: the urlencoded body parser (scoped to the web pages) and safe field readers. */
import { TOKENS_PAGE } from 'brainstem-api-description';
import type { FastifyInstance } from 'fastify';

/** Form bodies are small; anything larger is refused with 413 before parsing. */
export const FORM_BODY_LIMIT = 16 * 1024;

/**
 * Adds an `application/x-www-form-urlencoded` parser to `scope`. Call it inside an encapsulated plugin so the
 * JSON API keeps refusing form bodies with 415.
 */
export function addFormParser(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_req, body, done) => {
      const fields: Record<string, string> = Object.create(null);
      for (const [k, v] of new URLSearchParams(String(body))) if (!(k in fields)) fields[k] = v;
      done(null, fields);
    },
  );
}

/**
 * A string field of a parsed form body ('' when absent or not a string).
 *
 * @example
 * ```ts
 * field(req.body, 'email'); // 'alice@example.org'
 * ```
 */
export function field(body: unknown, name: string): string {
  if (!body || typeof body !== 'object') return '';
  const v = (body as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : '';
}

/**
 * A local path to continue to after sign-in. Only same-origin absolute paths are accepted (no `//host`, no
 * backslashes, no schemes, no control characters), so `next` cannot become an open redirect.
 *
 * @example
 * ```ts
 * safeNext('/account/authorize/?session=…'); // '/account/authorize/?session=…'
 * safeNext('https://evil.example/'); // '/private/users/tokens/'
 * ```
 */
export function safeNext(next: string | undefined, fallback = TOKENS_PAGE): string {
  if (!next || next.length > 2000) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (!next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  return next;
}
