/**
 * The frame of every Web API Tool page: header (the tool, the portal switch, who is signed in), the endpoint menu,
 * breadcrumbs and the content. The style sheet and script are files of this server (assets.ts); the page has no
 * inline script or style, so its Content-Security-Policy allows 'self' only.
 */
import { html, type SafeHtml } from '../html.js';
import { ASSETS_PATH } from './assets.js';

/**
 * The pages' headers: scripts, styles and images from this server only, forms posting here only, no framing, and
 * never cached (an answer shows the caller's data).
 */
export const TOOL_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
  vary: 'Accept',
};

export interface Frame {
  title: string;
  /** The signed-in user and the CSRF token of the sign-out form; absent for an anonymous visitor. */
  user?: { email: string; csrf: string } | undefined;
  /** Where "Sign in" returns to. */
  here: string;
  menu: SafeHtml;
  crumbs: SafeHtml;
  portals: SafeHtml;
  content: SafeHtml;
}

/** The whole page. */
export function toolPage(f: Frame): string {
  const account = f.user
    ? html`<span class="who">Signed in as ${f.user.email}</span>
<form class="inline" method="post" action="/account/logout/">
<input type="hidden" name="csrfmiddlewaretoken" value="${f.user.csrf}">
<button type="submit">Sign out</button>
</form>`
    : html`<a href="/account/login/?next=${encodeURIComponent(f.here)}">Sign in</a>`;
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${f.title} · Web API Tool · BrainSTEM (local)</title>
<link rel="stylesheet" href="${ASSETS_PATH}api-tool.css">
<script src="${ASSETS_PATH}api-tool.js" defer></script>
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header class="top">
<a class="brand" href="/">BrainSTEM local server</a>
<span class="tool">Web API Tool</span>
${f.portals}
<div class="account">${account}</div>
</header>
<div class="layout">
<main id="content" tabindex="-1">
${f.crumbs}
${f.content}
</main>
<aside>${f.menu}</aside>
</div>
</body>
</html>
`.toString();
}
