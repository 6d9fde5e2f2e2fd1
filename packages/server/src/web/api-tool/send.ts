/**
 * `POST /api-tool/send/`: the tool's write forms. HTML forms can only POST, so the form carries the API method
 * (`_method`), the API URL (`_url`) and the JSON body (`_content`); after the form's CSRF check the request is
 * sent on, in process, to the same API route a script would call — with the visitor's session cookie, the CSRF
 * header and this server's origin, so the route's authentication, permissions, validation and writing are the
 * only ones. Every outcome answers 303 (Post/Redirect/Get): a success to the record (or the list after a delete)
 * with a notice, a refusal back to the form's page with the API's answer beside the fields. A delete asks for
 * confirmation first.
 */
import {
  CSRF_FIELD,
  CSRF_HEADER,
  detailError,
  findModel,
  type ModelSpec,
  modelPath,
  type Portal,
  parseApiPath,
} from 'brainstem-api-description';
import type { FastifyInstance } from 'fastify';
import { requestOrigin } from '../../origin.js';
import { apiRouteTable } from '../../routes/table.js';
import { field, safeNext } from '../forms.js';
import { html } from '../html.js';
import { csrfFailedPage } from '../pages.js';
import { seeOther, sendPage } from '../respond.js';
import { cookieSid, visitor, type WebState } from '../visitor.js';
import { TOOL_ROUTE } from './assets.js';
import { TOOL_PAGE_HEADERS, toolPage } from './layout.js';
import { breadcrumbs, endpointMenu, portalSwitch } from './nav.js';
import { SEND_PATH } from './write-forms.js';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The API route a form names, if the route table has it (method and path). */
function routeFor(method: string, url: string) {
  const parts = parseApiPath(url);
  if (!parts?.model || !METHODS.has(method)) return undefined;
  const base = `/api/${parts.portal}/${parts.app}/${parts.model}`;
  const pattern = parts.action ? `${base}/:id/${parts.action}` : parts.id !== undefined ? `${base}/:id` : base;
  const route = apiRouteTable().find((r) => r.method === method && r.url === pattern);
  return route ? { route, parts } : undefined;
}

/** Where a successful write leads: the record it answered with, else the record or list it was sent to. */
function landing(model: ModelSpec, portal: Portal, method: string, url: string, body: unknown): string {
  const parts = parseApiPath(url);
  if (method === 'DELETE') return modelPath(model, { portal });
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
      if (id === undefined) continue;
      if (key === model.detailKey) return modelPath(model, { portal, id: String(id) });
      const approval = model.approval && key === model.approval.key ? findModel(model.approval.model) : undefined;
      if (approval) return modelPath(approval, { portal: 'private', id: String(id) });
    }
  }
  return parts?.id !== undefined ? modelPath(model, { portal, id: parts.id }) : modelPath(model, { portal });
}

const DONE: Readonly<Record<string, string>> = {
  POST: 'Created.',
  PUT: 'Replaced.',
  PATCH: 'Saved.',
  DELETE: 'Deleted.',
  GET: 'Done.',
};

/** Registers the form endpoint. */
export function registerSendRoute(app: FastifyInstance, state: WebState): void {
  app.post(SEND_PATH, { config: TOOL_ROUTE }, async (req, reply) => {
    const sid = cookieSid(state, req);
    const token = field(req.body, CSRF_FIELD);
    if (!state.sessions.checkCsrf(sid, token)) {
      return sendPage(reply, 403, csrfFailedPage());
    }
    const method = field(req.body, '_method').toUpperCase();
    const url = field(req.body, '_url');
    const found = routeFor(method, url);
    const back = safeNext(field(req.body, '_back'), url || '/');
    if (!found) {
      state.flash.put(sid as string, {
        write: { status: 400, body: detailError(`No API route answers ${method} ${url}.`), content: '', form: '' },
      });
      return seeOther(reply, back);
    }
    const { route, parts } = found;
    if (method === 'DELETE' && field(req.body, 'confirmed') !== 'yes') {
      const v = visitor(state, req, reply);
      const portal = route.portal as Portal;
      const page = toolPage({
        title: 'Confirm delete',
        user: v.user ? { email: v.user.email, csrf: v.csrf } : undefined,
        here: back,
        menu: endpointMenu(portal, route.model.name),
        crumbs: breadcrumbs(parts),
        portals: portalSwitch(undefined, ''),
        content: html`<h1>Delete this ${route.model.name}?</h1>
<p class="problem" role="alert">This deletes <code>${url}</code>. It cannot be undone.</p>
<form class="write" method="post" action="${SEND_PATH}">
<input type="hidden" name="${CSRF_FIELD}" value="${v.csrf}">
<input type="hidden" name="_url" value="${url}">
<input type="hidden" name="_method" value="DELETE">
<input type="hidden" name="_form" value="${field(req.body, '_form')}">
<input type="hidden" name="_back" value="${back}">
<input type="hidden" name="confirmed" value="yes">
<div class="actions"><button type="submit" class="danger">Yes, delete</button> <a href="${back}">Cancel</a></div>
</form>`,
      });
      return reply.code(200).headers(TOOL_PAGE_HEADERS).send(page);
    }
    const content = field(req.body, '_content');
    const sendsBody = content.trim() !== '' && method !== 'GET' && method !== 'DELETE';
    const res = await app.inject({
      method: method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url,
      headers: {
        ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}),
        ...(req.headers.host ? { host: req.headers.host } : {}),
        [CSRF_HEADER]: token,
        origin: requestOrigin(req),
        accept: 'application/json',
        ...(sendsBody ? { 'content-type': 'application/json' } : {}),
      },
      ...(sendsBody ? { payload: content } : {}),
    });
    let body: unknown;
    try {
      body = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      body = res.body;
    }
    if (res.statusCode >= 200 && res.statusCode < 300) {
      const message =
        body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string'
          ? (body as { message: string }).message
          : DONE[method];
      state.flash.put(sid as string, { notice: `${method} ${url}: ${res.statusCode}. ${message}` });
      return seeOther(reply, landing(route.model, route.portal as Portal, method, url, body));
    }
    state.flash.put(sid as string, {
      write: { status: res.statusCode, body, content, form: field(req.body, '_form') },
    });
    const form = field(req.body, '_form');
    return seeOther(reply, /^[\w-]+$/.test(form) ? `${back}#${form}` : back);
  });
}
