/**
 * HTTP side of the device flow: `POST /api/auth/device/` and `POST /api/auth/device/token/`.
 * Both are anonymous (the whole point is that the CLI has no credentials yet).
 */
import {
  DEVICE_APPROVAL_PAGE,
  DEVICE_AUTHORIZATION_PATH,
  DEVICE_TOKEN_PATH,
  fieldsError,
} from 'brainstem-api-description';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { charLength } from '../characters.js';
import { throttled } from '../errors.js';
import { requestOrigin } from '../origin.js';
import { CLIENT_NAME_MAX, DEFAULT_CLIENT_NAME, type DeviceStore } from './store.js';

/**
 * Validates `client_name` from a start request. Returns the name or a DRF-shaped field error.
 *
 * @example
 * ```ts
 * readClientName({ client_name: 'brainstem-python' }); // { name: 'brainstem-python' }
 * readClientName({}); // { name: 'Unnamed API client' }
 * readClientName({ client_name: 7 }); // { error: { client_name: ['Not a valid string.'] } }
 * ```
 */
export function readClientName(body: unknown): { name: string } | { error: ReturnType<typeof fieldsError> } {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>)['client_name'] : undefined;
  if (raw === undefined || raw === null) return { name: DEFAULT_CLIENT_NAME };
  if (typeof raw !== 'string') return { error: fieldsError({ client_name: ['Not a valid string.'] }) };
  // Control characters would only confuse the approval page; collapse them and surrounding space.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const name = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (charLength(name) > CLIENT_NAME_MAX) {
    return {
      error: fieldsError({ client_name: [`Ensure this field has no more than ${CLIENT_NAME_MAX} characters.`] }),
    };
  }
  return { name: name || DEFAULT_CLIENT_NAME };
}

/**
 * Registers the two device-flow endpoints (with and without trailing slash, as the app's router is set up).
 * `throttle(address)` counts a start and answers the seconds to wait when the address has started too many.
 */
export function registerDeviceApi(
  app: FastifyInstance,
  store: DeviceStore,
  interval: () => number,
  throttle: (address: string) => number,
): void {
  app.post(DEVICE_AUTHORIZATION_PATH, async (req: FastifyRequest, reply: FastifyReply) => {
    const wait = throttle(req.ip);
    if (wait > 0) {
      // DRF's throttling answer, so clients that know DRF (and our retry logic) read it.
      const e = throttled(wait);
      return reply.code(e.status).headers(e.headers).send(e.body);
    }
    const parsed = readClientName(req.body);
    if ('error' in parsed) return reply.code(400).send(parsed.error);
    const s = store.start(parsed.name);
    const base = `${requestOrigin(req)}${DEVICE_APPROVAL_PAGE}`;
    reply.header('cache-control', 'no-store');
    return {
      device_code: s.deviceCode,
      user_code: s.userCode,
      session_id: s.sessionId,
      verification_uri: base,
      verification_uri_complete: `${base}?session=${encodeURIComponent(s.sessionId)}`,
      expires_in: s.expiresIn,
      interval: interval(),
    };
  });

  app.post(DEVICE_TOKEN_PATH, async (req: FastifyRequest, reply: FastifyReply) => {
    const body = req.body;
    const code = body && typeof body === 'object' ? (body as Record<string, unknown>)['device_code'] : undefined;
    if (typeof code !== 'string' || code === '') {
      return reply.code(400).send(fieldsError({ device_code: ['This field is required.'] }));
    }
    reply.header('cache-control', 'no-store');
    return store.poll(code);
  });
}
