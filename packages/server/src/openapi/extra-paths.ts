/** OpenAPI paths of the endpoints outside the model route table: token login, whoami and the device flow. */
import { DEVICE_AUTHORIZATION_PATH, DEVICE_TOKEN_PATH, TOKEN_PATH, WHOAMI_PATH } from 'brainstem-api-description';

const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
const detailRef = { $ref: '#/components/schemas/Detail' };
const errors = (codes: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(codes).map(([code, description]) => [code, { description, content: json(detailRef) }]),
  );

export function extraPaths(): Record<string, Record<string, Record<string, unknown>>> {
  return {
    [TOKEN_PATH]: {
      post: {
        operationId: 'token_create',
        tags: ['auth'],
        summary: 'Exchange an email and password for a personal access token',
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: { username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
            required: ['username', 'password'],
          }),
        },
        responses: {
          '200': {
            description: 'A new token.',
            content: json({ type: 'object', properties: { token: { type: 'string' } } }),
          },
          '400': { description: 'A field is missing.', content: json({ $ref: '#/components/schemas/FieldErrors' }) },
          ...errors({ '401': 'Bad credentials.', '429': 'Too many failed attempts (see Retry-After).' }),
        },
      },
    },
    [WHOAMI_PATH]: {
      get: {
        operationId: 'auth_whoami',
        tags: ['auth'],
        summary: 'The user a token belongs to (local extension)',
        security: [{ bearerAuth: [] }],
        responses: {
          '200': {
            description: 'The token user.',
            content: json({
              type: 'object',
              properties: {
                user: {
                  type: 'object',
                  properties: {
                    id: { type: 'integer' },
                    email: { type: 'string' },
                    first_name: { type: 'string' },
                    last_name: { type: 'string' },
                  },
                },
              },
            }),
          },
          ...errors({ '401': 'No token, or an invalid one.' }),
        },
      },
    },
    [DEVICE_AUTHORIZATION_PATH]: {
      post: {
        operationId: 'auth_device_start',
        tags: ['auth'],
        summary: 'Start a device login: a code for the user to approve in the browser',
        requestBody: {
          required: false,
          content: json({ type: 'object', properties: { client_name: { type: 'string' } } }),
        },
        responses: {
          '200': {
            description: 'The device session: codes, verification URL, polling interval.',
            content: json({ type: 'object' }),
          },
          '400': { description: 'Invalid client name.', content: json({ $ref: '#/components/schemas/FieldErrors' }) },
        },
      },
    },
    [DEVICE_TOKEN_PATH]: {
      post: {
        operationId: 'auth_device_token',
        tags: ['auth'],
        summary: 'Poll a device login: the token once the user approved it',
        requestBody: {
          required: true,
          content: json({ type: 'object', properties: { device_code: { type: 'string' } } }),
        },
        responses: {
          '200': { description: 'Approved: the token.', content: json({ type: 'object' }) },
          '400': {
            description: 'Pending, denied, expired or unknown (`error` says which).',
            content: json({ type: 'object' }),
          },
        },
      },
    },
  };
}
