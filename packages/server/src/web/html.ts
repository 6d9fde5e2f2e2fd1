/**
 * Tiny escaping HTML templating for the server-rendered pages. Every interpolated value is escaped unless it is
 * already `SafeHtml` (the result of another `html` template), so forgetting to escape is not possible by accident.
 *
 * @example
 * ```ts
 * const name = '<script>alert(1)</script>';
 * html`<p>${name}</p>`.toString(); // '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
 * ```
 */

import { PAGE_STYLESHEET } from './assets.js';

/** Markup that has already been escaped/assembled safely. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** Tagged template: escapes every interpolation except `SafeHtml`; arrays are concatenated. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Signed-in user shown in the header (with a sign-out form), or none. */
export interface PageUser {
  email: string;
  csrf: string;
}

/**
 * Full page: the style sheet of this server (`PAGE_STYLESHEET`; nothing inline, so the pages' Content-Security-Policy
 * allows 'self' only), a header with sign-out when signed in, and `main` content.
 */
export function page(title: string, body: SafeHtml, user?: PageUser): string {
  const account = user
    ? html`<span>Signed in as ${user.email}</span>
        <form class="inline" method="post" action="/account/logout/">
          <input type="hidden" name="csrfmiddlewaretoken" value="${user.csrf}">
          <button type="submit">Sign out</button>
        </form>`
    : html``;
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · BrainSTEM (local)</title>
<link rel="stylesheet" href="${PAGE_STYLESHEET}">
</head>
<body>
<header><strong><a href="/">BrainSTEM local server</a></strong><nav>${account}</nav></header>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`.toString();
}
