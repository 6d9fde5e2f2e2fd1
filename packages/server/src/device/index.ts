import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** Device authorization flow: POST /api/auth/device/ and /api/auth/device/token/ (issue 4). */
export async function deviceRoutes(_app: FastifyInstance, _ctx: ServerContext): Promise<void> {}
