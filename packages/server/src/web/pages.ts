/**
 * Page templates. Every value is escaped by `html`; labels are tied to inputs with `for`/`id`; the only
 * script-free, asset-free markup needed for sign-in, device approval and token management.
 */
import { DEVICE_APPROVAL_PAGE, TOKENS_PAGE } from 'brainstem-api-description';
import type { TokenInfo } from '../auth/index.js';
import type { DeviceSession } from '../device/store.js';
import { html, type PageUser, page, type SafeHtml } from './html.js';

/** Name of the hidden CSRF field in every form. */
export const CSRF_FIELD = 'csrfmiddlewaretoken';

const csrfInput = (csrf: string) => html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">`;
const errorBox = (message: string | undefined) =>
  message ? html`<p class="error" role="alert">${message}</p>` : html``;

/** The sign-in form; `next` is where to go afterwards, `intro` an optional explanation above the form. */
export function signInPage(opts: {
  csrf: string;
  next: string;
  email?: string;
  error?: string;
  intro?: SafeHtml;
}): string {
  return page(
    'Sign in',
    html`${opts.intro ?? html``}
${errorBox(opts.error)}
<form method="post" action="/account/login/">
  ${csrfInput(opts.csrf)}
  <input type="hidden" name="next" value="${opts.next}">
  <label for="email">Email</label>
  <input type="email" id="email" name="email" autocomplete="username" required value="${opts.email ?? ''}">
  <label for="password">Password</label>
  <input type="password" id="password" name="password" autocomplete="current-password" required>
  <button type="submit">Sign in</button>
</form>`,
  );
}

/** Too many failed sign-ins (429). Deliberately says nothing about the account. */
export function rateLimitedPage(): string {
  return page(
    'Too many sign-in attempts',
    html`<p class="error" role="alert">Too many failed sign-in attempts. Please wait 15 minutes and try again.</p>`,
  );
}

/** CSRF check failed (403). */
export function csrfFailedPage(): string {
  return page(
    'Forbidden',
    html`<p class="error" role="alert">CSRF verification failed. Request aborted.</p>
<p>Reload the page you came from and submit the form again.</p>`,
  );
}

/** The form to type a user code (headless CLI mode). */
export function enterCodePage(user: PageUser, error?: string, code = ''): string {
  return page(
    'Authorize a device',
    html`<p>Enter the code shown by the application that is asking to sign in.</p>
${errorBox(error)}
<form method="post" action="${DEVICE_APPROVAL_PAGE}code/">
  ${csrfInput(user.csrf)}
  <label for="user_code">Code</label>
  <input type="text" id="user_code" name="user_code" class="code" autocomplete="off" autocapitalize="characters"
    spellcheck="false" placeholder="WXYZ-1234" required value="${code}">
  <button type="submit">Continue</button>
</form>`,
    user,
  );
}

/** "<client> wants to access your account" with Approve and Deny. */
export function approvePage(user: PageUser, s: DeviceSession): string {
  return page(
    'Authorize a device',
    html`<p><strong id="client-name">${s.clientName}</strong> is asking to access your BrainSTEM account
<strong>${user.email}</strong> with a personal access token.</p>
<p>Check that the application shows this code: <span class="code" id="user-code">${s.userCode}</span></p>
<p class="notice">Only approve if you started this sign-in yourself just now. The application will be able to do
everything you can do through the API until you revoke its token on the
<a href="${TOKENS_PAGE}">token page</a>.</p>
<form method="post" action="${DEVICE_APPROVAL_PAGE}">
  ${csrfInput(user.csrf)}
  <input type="hidden" name="session" value="${s.sessionId}">
  <button type="submit" name="decision" value="approve" class="approve">Approve</button>
  <button type="submit" name="decision" value="deny" class="deny">Deny</button>
</form>`,
    user,
  );
}

/** Outcome pages of the authorize flow (approved, denied, expired, not found, already handled). */
export function messagePage(
  title: string,
  message: string,
  user?: PageUser,
  role: 'status' | 'alert' = 'status',
): string {
  const cls = role === 'alert' ? 'error' : 'notice';
  return page(title, html`<p class="${cls}" role="${role}">${message}</p>`, user);
}

const day = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'never');

/** The token management page; `created` is the plaintext of a token just created (shown this once). */
export function tokensPage(
  user: PageUser,
  tokens: readonly TokenInfo[],
  opts: { created?: { name: string; token: string }; error?: string; notice?: string } = {},
): string {
  const fresh = opts.created
    ? html`<section class="notice" aria-labelledby="new-token-title">
  <h2 id="new-token-title">New token “${opts.created.name}”</h2>
  <p>Copy it now: it is shown only once.</p>
  <code class="token" id="new-token">${opts.created.token}</code>
</section>`
    : html``;
  const rows = tokens.map(
    (t) => html`<tr>
  <td>${t.name || '(unnamed)'}</td><td>${day(t.created)}</td><td>${day(t.last_used)}</td><td>${day(t.expires)}</td>
  <td><form class="inline" method="post" action="${TOKENS_PAGE}revoke/">
    ${csrfInput(user.csrf)}
    <input type="hidden" name="token_id" value="${t.id}">
    <button type="submit" aria-label="Revoke token ${t.name || t.id}">Revoke</button>
  </form></td>
</tr>`,
  );
  const table = tokens.length
    ? html`<table>
<thead><tr><th scope="col">Name</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span>Actions</span></th></tr></thead>
<tbody>${rows}</tbody>
</table>`
    : html`<p id="no-tokens">You have no personal access tokens.</p>`;
  return page(
    'API tokens',
    html`${fresh}
${errorBox(opts.error)}
${opts.notice ? html`<p class="notice" role="status">${opts.notice}</p>` : html``}
<h2>Create a token</h2>
<form method="post" action="${TOKENS_PAGE}">
  ${csrfInput(user.csrf)}
  <label for="token-name">Token name</label>
  <input type="text" id="token-name" name="name" maxlength="200" required placeholder="e.g. Data export script">
  <button type="submit">Create</button>
</form>
<h2>Your tokens</h2>
${table}
<p>Tokens are valid for one year after their last use. Use them as <code>Authorization: Bearer &lt;token&gt;</code>.</p>`,
    user,
  );
}
