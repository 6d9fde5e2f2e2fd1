/** An error that becomes an HTTP response with a DRF-shaped JSON body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.detail === 'string' ? body.detail : JSON.stringify(body));
  }
}

/** 400 `{"detail": message}`. */
export function badRequest(message: string): HttpError {
  return new HttpError(400, { detail: message });
}

/** 400 with field errors: `{"field": ["message"]}`. */
export function fieldErrors(errors: Record<string, string[] | Record<string, unknown>>): HttpError {
  return new HttpError(400, errors);
}

export const NOT_FOUND = (): HttpError => new HttpError(404, { detail: 'Not found.' });
export const FORBIDDEN = (message = 'You do not have permission to perform this action.'): HttpError =>
  new HttpError(403, { detail: message });
export const UNAUTHENTICATED = (): HttpError =>
  new HttpError(401, { detail: 'Authentication credentials were not provided.' }, { 'WWW-Authenticate': 'Bearer' });
export const BAD_TOKEN = (): HttpError =>
  new HttpError(401, { detail: 'Invalid token.' }, { 'WWW-Authenticate': 'Bearer' });
