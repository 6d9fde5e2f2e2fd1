/**
 * Reading error answers: the status text, and the `detail` of an error body as a message ends it. The body itself
 * is read by the description's `unwrapError` (protocol/errors.ts).
 * @module
 */
import { errorFields, unwrapError } from 'brainstem-api-description';

/** The reason phrase of an HTTP status. */
export function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    407: 'Proxy Authentication Required',
    408: 'Request Timeout',
    409: 'Conflict',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return texts[status] ?? 'status code';
}

/** `: <detail>` from an error body (`unwrapError`'s `detail`), or '': a long text body is cut at 200 characters. */
export function detailOf(body: unknown): string {
  const { detail } = unwrapError(body);
  if (detail === undefined) return '';
  if (typeof body === 'string') return `: ${detail.length > 200 ? `${detail.slice(0, 200)}…` : detail}`;
  return `: ${typeof body === 'object' ? detail.replace(/\.$/, '') : detail}`;
}

/**
 * DRF error body → `{ field: [messages] }`: the description's `errorFields`. Nested objects flatten to
 * `field.sub`; lists of strings kept.
 *
 * @example
 * ```ts
 * fieldErrors({ name: ['This field is required.'] }); // { name: ['This field is required.'] }
 * ```
 */
export const fieldErrors: (body: unknown) => Record<string, string[]> = (body) => errorFields(body);
