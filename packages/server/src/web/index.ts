import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** Server-rendered pages: sign-in, /account/authorize/, /private/users/tokens/ (issue 4). */
export async function webRoutes(_app: FastifyInstance, _ctx: ServerContext): Promise<void> {}
