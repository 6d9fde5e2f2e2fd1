/**
 * The content of an API answer's page: the request (method and URL), the answer (status, headers, the JSON with
 * links), and around it what the endpoint offers — paging and the query builder on lists, the write forms on
 * lists and records, the code panel. An error answer gets the same layout with its JSON.
 */
import { STATUS_CODES } from 'node:http';
import { type ApiPathParts, findModel, type ModelSpec, type Portal } from 'brainstem-api-description';
import { type ApiRoute, allowedMethods } from '../../routes/table.js';
import { html, type SafeHtml } from '../html.js';
import { jsonView } from './json-view.js';
import { pagingControls } from './pagination.js';
import { queryBuilder } from './query-builder.js';

/** One API answer as the page shows it. */
export interface ShownAnswer {
  method: string;
  /** Path and query as requested. */
  path: string;
  search: string;
  /** Absolute URL of the request (what code would send). */
  url: string;
  status: number;
  /** The answer's content type as a JSON client receives it. */
  contentType: string;
  /** The parsed JSON body, `undefined` when there is none. */
  body: unknown;
  route: ApiRoute | undefined;
  parts: ApiPathParts | undefined;
}

/** The envelope keys of a model's answers → the model of their records (lists, details, approval answers). */
export function recordKeys(model: ModelSpec): Map<string, ModelSpec> {
  const keys = new Map<string, ModelSpec>([
    [model.listKey, model],
    [model.detailKey, model],
  ]);
  const approval = model.approval ? findModel(model.approval.model) : undefined;
  if (approval && model.approval) keys.set(model.approval.key, approval);
  return keys;
}

/** `Allow` of the page's URL, as OPTIONS answers it. */
export function allowOf(route: ApiRoute): string {
  return allowedMethods(route.model, route.portal, route.shape, route.shape === 'action' ? route.op : undefined).join(
    ', ',
  );
}

/** The heading of a page: the model, and the record and action when there are. */
export function titleOf(a: ShownAnswer): string {
  const p = a.parts;
  if (!p?.model) return p ? `API: ${p.portal} portal` : 'API';
  return [p.model, p.id, p.action].filter(Boolean).join(' › ');
}

/** The answer block: status line, headers and the JSON. */
export function answerBlock(a: ShownAnswer): SafeHtml {
  const lines = [`HTTP ${a.status} ${STATUS_CODES[a.status] ?? ''}`.trimEnd()];
  if (a.route) lines.push(`Allow: ${allowOf(a.route)}`);
  lines.push(`Content-Type: ${a.contentType}`);
  const body = a.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object' && typeof body.count === 'number') lines.push(`(count: ${body.count})`);
  const portal = (a.parts?.portal ?? 'private') as Portal;
  const keys = a.route ? recordKeys(a.route.model) : new Map<string, ModelSpec>();
  const cls = a.status >= 400 ? 'answer error' : 'answer';
  return html`<section class="${cls}" aria-labelledby="answer-title">
<h2 id="answer-title">Answer</h2>
<pre class="headers" id="answer-headers">${lines.join('\n')}</pre>
<pre class="json" id="answer-json" tabindex="0">${jsonView(a.body, portal, keys)}</pre>
</section>`;
}

/** The request line and the links to the same answer as JSON. */
export function requestLine(a: ShownAnswer): SafeHtml {
  const sep = a.search ? '&' : '?';
  return html`<p class="request"><span class="method">${a.method}</span> <code id="request-url">${a.url}</code>
<a class="raw" href="${a.path}${a.search}${sep}format=json">JSON</a>
${a.method === 'GET' ? html`<a href="#use-in-code">Use this in code</a>` : ''}</p>`;
}

/** The paging controls of a successful list answer. */
export function listPaging(a: ShownAnswer): SafeHtml {
  if (!a.route || a.route.op !== 'list' || a.status !== 200) return html``;
  const body = a.body;
  return body && typeof body === 'object' ? pagingControls(body as Record<string, unknown>, a.search) : html``;
}

/** The query builder of a list page (also under an error answer, to fix the query). */
export function listBuilder(a: ShownAnswer): SafeHtml {
  if (!a.route || a.route.op !== 'list') return html``;
  return queryBuilder(a.route.model, a.path, a.search);
}
