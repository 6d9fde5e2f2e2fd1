/**
 * Reading error answers: the status text, the `detail` of a Django REST framework body, and its field errors.
 * @module
 */

/** The reason phrase of an HTTP status. */
export function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
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

/** `: <detail>` from a DRF-style body, or '' — primitive and non-JSON bodies are handled too. */
export function detailOf(body: unknown): string {
  if (body === null || body === undefined || body === '') return '';
  if (typeof body === 'string') return `: ${body.length > 200 ? `${body.slice(0, 200)}…` : body}`;
  if (typeof body !== 'object') return `: ${String(body)}`;
  const b = body as Record<string, unknown>;
  for (const k of ['detail', 'error', 'message']) {
    if (typeof b[k] === 'string') return `: ${(b[k] as string).replace(/\.$/, '')}`;
  }
  return '';
}

/**
 * DRF error body → `{ field: [messages] }`. Nested objects flatten to `field.sub`; lists of strings kept.
 *
 * @example
 * ```ts
 * fieldErrors({ name: ['This field is required.'] }); // { name: ['This field is required.'] }
 * ```
 */
export function fieldErrors(body: unknown, prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (typeof body === 'string' && body) {
    out[prefix || 'detail'] = [body];
    return out;
  }
  if (Array.isArray(body)) {
    const strings = body.filter((x): x is string => typeof x === 'string');
    if (strings.length) out[prefix || 'non_field_errors'] = strings;
    body.forEach((item, i) => {
      if (item && typeof item === 'object') Object.assign(out, fieldErrors(item, prefix ? `${prefix}.${i}` : `${i}`));
    });
    return out;
  }
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') out[key] = [v];
      else if (Array.isArray(v) || (v && typeof v === 'object')) Object.assign(out, fieldErrors(v, key));
      else if (v !== null && v !== undefined) out[key] = [String(v)];
    }
  }
  return out;
}
