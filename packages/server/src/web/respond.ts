/** Sending the server-rendered pages with the headers every page needs. */
import type { FastifyReply } from 'fastify';

/**
 * Security headers of every page: nothing inline and nothing from elsewhere (the style sheet is a file of this
 * server, `/assets/pages.css`; no scripts), forms may only post here,
 * no framing (the Approve button must not be clickjacked), no Referer (the authorize URL carries a session id),
 * never cached (a new token is on the page once).
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Sends an HTML page with `status`. */
export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).send(body);
}

/** 303 See Other to a local path (after a successful form post). */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('location', location).header('cache-control', 'no-store').send();
}
