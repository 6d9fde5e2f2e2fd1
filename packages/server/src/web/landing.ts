/**
 * `GET /`: what this server is, for a browser (HTML) — the demo accounts when the demo data is loaded, sign-in,
 * the token page, the API index and the API reference — or, for anything that does not ask for HTML (`curl`,
 * `Accept: application/json`), the same links as JSON.
 */
import {
  API_ROOT,
  acceptsHtml,
  DEVICE_APPROVAL_PAGE,
  DOCS_PATH,
  SCHEMA_PATH,
  TOKENS_PAGE,
} from 'brainstem-api-description';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashToken } from '../auth/index.js';
import { DEMO_USERS } from '../demo-users.js';
import { requestOrigin } from '../origin.js';
import { API_TOOL_START } from './api-tool/start.js';
import { html, page, type SafeHtml } from './html.js';
import { sendPage } from './respond.js';
import { visitor, type WebState } from './visitor.js';

/** What each demo account is for (README "Demo data"). */
const DEMO_ROLES: Record<keyof typeof DEMO_USERS, string> = {
  alice: 'owns the Andersen Lab, its projects and the public projects',
  bob: 'lab member: read-only in one project, contributor in another',
  carol: 'owns her own lab; has pending invitations into Alice’s',
  reviewer: 'staff: reviews approvals',
};

/** Whether the demo data is loaded: only the demo seed creates Alice's fixed token. */
function hasDemoData(state: WebState): boolean {
  return (
    state.ctx.db.prepare('SELECT 1 FROM tokens WHERE token_hash = ?').get(hashToken(DEMO_USERS.alice.token)) !==
    undefined
  );
}

function demoSection(origin: string): SafeHtml {
  const rows = Object.entries(DEMO_USERS).map(
    ([key, u]) =>
      html`<tr><td>${u.name}</td><td><code>${u.email}</code></td><td><code>${u.token}</code></td><td>${DEMO_ROLES[key as keyof typeof DEMO_USERS]}</td></tr>`,
  );
  return html`<section aria-labelledby="demo-title">
<h2 id="demo-title">Demo accounts</h2>
<p>This server holds the demo data. Every account's password is <code>brainstem-demo</code>; the tokens are fixed
and public, so never expose this server to a network you do not trust.</p>
<table id="demo-accounts">
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Token</th><th scope="col">Role</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<p>Try: <code>curl -H "Authorization: Bearer ${DEMO_USERS.alice.token}" ${origin}/api/private/stem/project/</code></p>
</section>`;
}

function landingPage(req: FastifyRequest, reply: FastifyReply, state: WebState): string {
  const v = visitor(state, req, reply);
  const origin = requestOrigin(req);
  const user = v.user ? { email: v.user.email, csrf: v.csrf } : undefined;
  const account = v.user
    ? html`<p>You are signed in as <strong>${v.user.email}</strong>.
<a href="${TOKENS_PAGE}">Manage your API tokens</a>.</p>`
    : html`<p><a href="/account/login/?next=%2F">Sign in</a> with an account of this server to create
<a href="${TOKENS_PAGE}">API tokens</a> or approve a command-line login.</p>`;
  return page(
    'BrainSTEM local server',
    html`<p>A local, BrainSTEM-compatible API server for testing pipelines and API clients offline: the endpoints,
query language, permissions and device login of <a href="https://www.brainstem.org/">brainstem.org</a>, backed by
SQLite.</p>
${account}
<h2>API</h2>
<ul>
  <li><a href="${API_TOOL_START}">Web API Tool</a>: browse, query and change the data in the browser, and copy
  any request as code (<a href="${API_TOOL_START}#use-in-code">Use this in code</a>)</li>
  <li><a href="${API_ROOT}">API index</a> (<code>${origin}${API_ROOT}</code>): every endpoint</li>
  <li><a href="${DOCS_PATH}">API reference</a>: every model, field and query parameter</li>
  <li><a href="${TOKENS_PAGE}">API tokens</a>: create and revoke personal access tokens</li>
  <li><a href="${DEVICE_APPROVAL_PAGE}">Approve a command-line login</a> (enter the code it shows)</li>
</ul>
<p>Command line: <code>brainstem login --url ${origin}/</code></p>
${hasDemoData(state) ? demoSection(origin) : html`<p id="no-demo">No demo data is loaded. Accounts are created with <code>brainstem-server user create</code>.</p>`}`,
    user,
  );
}

/** Registers `GET /`. */
export function registerLandingPage(app: FastifyInstance, state: WebState): void {
  app.get('/', async (req, reply) => {
    if (acceptsHtml(req.headers.accept)) return sendPage(reply, 200, landingPage(req, reply, state));
    const origin = requestOrigin(req);
    return {
      detail: 'BrainSTEM-compatible local API server. Open this URL in a browser for accounts and API tokens.',
      api: `${origin}${API_ROOT}`,
      docs: `${origin}${DOCS_PATH}`,
      schema: `${origin}${SCHEMA_PATH}`,
    };
  });
}
