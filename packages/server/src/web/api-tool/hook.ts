/**
 * The API answers as Web API Tool pages: an `onSend` hook on the API routes that, when the request asks for the
 * page (negotiate.ts), renders the answer the route produced — same status, same JSON — inside the tool's page.
 * Every other request gets the route's bytes untouched.
 */
import { parseApiPath } from 'brainstem-api-description';
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import type { ServerContext } from '../../context.js';
import { requestOrigin } from '../../origin.js';
import type { ApiRoute } from '../../routes/table.js';
import { html } from '../html.js';
import { webState } from '../state.js';
import { visitor } from '../visitor.js';
import { codePanel } from './code-panel.js';
import { TOOL_PAGE_HEADERS, toolPage } from './layout.js';
import { breadcrumbs, endpointMenu, portalSwitch } from './nav.js';
import { wantsPage } from './negotiate.js';
import { answerBlock, listBuilder, listPaging, requestLine, type ShownAnswer, titleOf } from './page.js';
import { writeBlocks } from './write-forms.js';

function parsed(payload: unknown): unknown {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return undefined;
  const text = payload.toString();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The answer of `req` as the page shows it. */
export function shownAnswer(req: FastifyRequest, reply: FastifyReply, payload: unknown): ShownAnswer {
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const search = q < 0 ? '' : req.url.slice(q);
  const route = (req.routeOptions.config as { api?: ApiRoute } | undefined)?.api;
  return {
    method: req.method,
    path,
    search,
    url: `${requestOrigin(req)}${path}${search}`,
    status: reply.statusCode,
    contentType: String(reply.getHeader('content-type') ?? 'application/json'),
    body: parsed(payload),
    route,
    parts: parseApiPath(path),
  };
}

/** Renders an answer's page for `req`. */
export function renderAnswerPage(
  ctx: ServerContext,
  req: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): string {
  const state = webState(ctx);
  const v = visitor(state, req, reply);
  const a = shownAnswer(req, reply, payload);
  const flash = state.flash.take(v.sid);
  const portal = (a.parts?.portal ?? 'private') as 'private' | 'public';
  return toolPage({
    title: titleOf(a),
    user: v.user ? { email: v.user.email, csrf: v.csrf } : undefined,
    here: a.path + a.search,
    menu: endpointMenu(portal, a.parts?.model),
    crumbs: breadcrumbs(a.parts),
    portals: portalSwitch(a.parts, a.search),
    content: html`<h1>${titleOf(a)}</h1>
${flash?.notice ? html`<p class="notice" role="status">${flash.notice}</p>` : ''}
${requestLine(a)}
${listPaging(a)}
${answerBlock(a)}
${listBuilder(a)}
${writeBlocks(a, v.csrf, v.user !== null, flash?.write)}
${codePanel(a)}`,
  });
}

/** The `onSend` hook of the API routes. */
export function apiPageHook(ctx: ServerContext): onSendHookHandler {
  return (req, reply, payload, done) => {
    if (!wantsPage(req)) {
      done(null, payload);
      return;
    }
    try {
      const page = renderAnswerPage(ctx, req, reply, payload);
      reply.removeHeader('content-length');
      reply.headers(TOOL_PAGE_HEADERS);
      done(null, page);
    } catch (e) {
      done(e as Error);
    }
  };
}
