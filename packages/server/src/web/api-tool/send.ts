/** Form posts of the tool (filled in below). */
import type { FastifyInstance } from 'fastify';
import type { WebState } from '../visitor.js';

export function registerSendRoute(_app: FastifyInstance, _state: WebState): void {}
