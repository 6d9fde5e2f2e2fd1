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

export const notFound = (): HttpError => new HttpError(404, { detail: 'Not found.' });
export const forbidden = (message = 'You do not have permission to perform this action.'): HttpError =>
  new HttpError(403, { detail: message });
export const unauthenticated = (): HttpError =>
  new HttpError(401, { detail: 'Authentication credentials were not provided.' }, { 'WWW-Authenticate': 'Bearer' });
export const invalidToken = (): HttpError =>
  new HttpError(401, { detail: 'Invalid token.' }, { 'WWW-Authenticate': 'Bearer' });

/**
 * A request body that could not be parsed, kept as the body instead of failing before the route's hooks run:
 * the API reads it only after authentication and permission checks (DRF parses `request.data` lazily, so a
 * non-staff user posting malformed JSON to a staff-only model gets 403, not 400). Routes without
 * `config.deferBodyErrors` get the error at `preValidation`, as before.
 */
export class UnreadableBody {
  constructor(readonly error: HttpError) {}
}

/** The parsed request body; throws the parse error of an {@link UnreadableBody}. */
export function readBody(body: unknown): unknown {
  if (body instanceof UnreadableBody) throw body.error;
  return body;
}
