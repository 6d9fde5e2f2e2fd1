import { detailError, fieldsError } from 'brainstem-api-description';

/** An error that becomes an HTTP response with a DRF-shaped JSON body (protocol/errors.ts of the description). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.detail === 'string' ? body.detail : JSON.stringify(body));
  }
}

/** An error about the request as a whole: `status` with `{"detail": message}`. */
export function httpError(status: number, message: string, headers: Record<string, string> = {}): HttpError {
  return new HttpError(status, detailError(message), headers);
}

/** 400 `{"detail": message}`. */
export function badRequest(message: string): HttpError {
  return httpError(400, message);
}

/** 400 with field errors: `{"field": ["message"]}` (`nonFieldError(…)` for a rule no single field breaks). */
export function fieldErrors(errors: Record<string, string[] | Record<string, unknown>>): HttpError {
  return new HttpError(400, fieldsError(errors));
}

export const notFound = (): HttpError => httpError(404, 'Not found.');
export const forbidden = (message = 'You do not have permission to perform this action.'): HttpError =>
  httpError(403, message);
export const unauthenticated = (): HttpError =>
  httpError(401, 'Authentication credentials were not provided.', { 'WWW-Authenticate': 'Bearer' });
export const invalidToken = (): HttpError => httpError(401, 'Invalid token.', { 'WWW-Authenticate': 'Bearer' });

/** 429 in DRF's throttling words, with `Retry-After` (which clients' retries read). */
export const throttled = (seconds: number): HttpError =>
  httpError(429, `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`, {
    'Retry-After': String(seconds),
  });

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
