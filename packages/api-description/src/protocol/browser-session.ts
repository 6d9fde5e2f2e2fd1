/**
 * The browser session on the API, as DRF's `SessionAuthentication` with Django's CSRF check: the website's
 * sign-in cookie authenticates `/api/…` requests when no `Authorization` header is sent. Safe methods need only
 * the cookie; unsafe ones also the session's CSRF token (header {@link CSRF_HEADER} or form field
 * {@link CSRF_FIELD}) and a same-origin `Origin` (or, without one, `Referer`). A failed check is 403 with a
 * `detail` in DRF's words ({@link csrfFailed}).
 * @module
 */

/** Methods that change nothing and need no CSRF token (Django's `SAFE_METHODS` of the CSRF middleware). */
export const SAFE_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS', 'TRACE'];

/** The request header that carries the CSRF token (Django's `CSRF_HEADER_NAME`, lower-cased as Node reads it). */
export const CSRF_HEADER = 'x-csrftoken';

/** The form field that carries the CSRF token in an HTML form post (Django's name). */
export const CSRF_FIELD = 'csrfmiddlewaretoken';

/**
 * Whether `method` needs the CSRF check when a session cookie authenticates it.
 *
 * @example
 * ```ts
 * needsCsrf('PATCH'); // true
 * needsCsrf('get'); // false
 * ```
 */
export function needsCsrf(method: string): boolean {
  return !SAFE_METHODS.includes(method.toUpperCase());
}

/** Why a session request failed the CSRF check. */
export type CsrfFailure =
  | { reason: 'token-missing' }
  | { reason: 'token-incorrect' }
  | { reason: 'origin'; origin: string }
  | { reason: 'referer'; referer: string }
  | { reason: 'no-referer' };

/**
 * The 403 `detail` of a failed CSRF check, as DRF words it (`CSRF Failed: ` and Django's reason).
 *
 * @example
 * ```ts
 * csrfFailed({ reason: 'token-missing' }); // 'CSRF Failed: CSRF token missing.'
 * ```
 */
export function csrfFailed(failure: CsrfFailure): string {
  switch (failure.reason) {
    case 'token-missing':
      return 'CSRF Failed: CSRF token missing.';
    case 'token-incorrect':
      return 'CSRF Failed: CSRF token incorrect.';
    case 'origin':
      return `CSRF Failed: Origin checking failed - ${failure.origin} does not match any trusted origins.`;
    case 'referer':
      return `CSRF Failed: Referer checking failed - ${failure.referer} does not match any trusted origins.`;
    case 'no-referer':
      return 'CSRF Failed: Referer checking failed - no Referer.';
  }
}

/**
 * The CSRF failure of an unsafe session request, or `undefined` when it passes: `origin` is the server's own
 * (`http://host:port`); `Origin` must equal it, or without `Origin` the `Referer` must lie under it; then the
 * token sent must be the session's (`tokenValid` compares it in constant time).
 *
 * @example
 * ```ts
 * csrfCheck({ origin: 'http://127.0.0.1:8000', originHeader: 'http://evil.example', token: 't', tokenValid: () => true });
 * // { reason: 'origin', origin: 'http://evil.example' }
 * ```
 */
export function csrfCheck(request: {
  origin: string;
  originHeader?: string | undefined;
  referer?: string | undefined;
  token?: string | undefined;
  tokenValid: (token: string) => boolean;
}): CsrfFailure | undefined {
  const { origin, originHeader, referer, token } = request;
  if (originHeader !== undefined && originHeader !== '') {
    if (originHeader !== origin) return { reason: 'origin', origin: originHeader };
  } else if (referer === undefined || referer === '') {
    return { reason: 'no-referer' };
  } else if (referer !== origin && !referer.startsWith(`${origin}/`)) {
    return { reason: 'referer', referer };
  }
  if (token === undefined || token === '') return { reason: 'token-missing' };
  if (!request.tokenValid(token)) return { reason: 'token-incorrect' };
  return undefined;
}

/**
 * Whether an `Accept` header asks for HTML: it lists `text/html` with q > 0 (browsers do; `curl` sends `*\/*`,
 * JSON clients their own type).
 *
 * @example
 * ```ts
 * acceptsHtml('text/html,application/xhtml+xml,*\/*;q=0.8'); // true
 * acceptsHtml('*\/*'); // false
 * ```
 */
export function acceptsHtml(accept: string | undefined): boolean {
  for (const part of String(accept ?? '').split(',')) {
    const [type, ...params] = part.toLowerCase().split(';');
    if (type?.trim() !== 'text/html') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/**
 * Whether an API answer goes out as the Web API Tool's HTML page: `?format=api` asks for it, `?format=json` for
 * the JSON whatever the browser accepts, and without `format` a browser (`Accept: text/html`) gets the page.
 *
 * @example
 * ```ts
 * wantsApiPage('text/html', undefined); // true
 * wantsApiPage('text/html', 'json'); // false
 * wantsApiPage('application/json', 'api'); // true
 * ```
 */
export function wantsApiPage(accept: string | undefined, format: string | undefined): boolean {
  if (format === 'api') return true;
  if (format !== undefined) return false;
  return acceptsHtml(accept);
}
