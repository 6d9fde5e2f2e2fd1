/** Which API answers go out as the Web API Tool page (the rule is the API description's `wantsApiPage`). */
import { wantsApiPage } from 'brainstem-api-description';
import type { FastifyRequest } from 'fastify';

/** The `format` query parameter as sent (the first one), if any. */
export function formatOf(req: FastifyRequest): string | undefined {
  const q = req.url.indexOf('?');
  if (q < 0) return undefined;
  return new URLSearchParams(req.url.slice(q + 1)).get('format') ?? undefined;
}

/** Whether this API request is answered with the HTML page rather than the JSON. */
export function wantsPage(req: FastifyRequest): boolean {
  return wantsApiPage(req.headers.accept, formatOf(req));
}
