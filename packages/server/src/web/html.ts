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

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}
header{background:#123a5a;color:#fff;padding:.75rem 1.5rem;display:flex;justify-content:space-between;align-items:center}
header a{color:#fff;text-decoration:none}
header button{color:#fff;background:transparent;border:1px solid #fff;border-radius:4px;padding:.3rem .8rem;margin:0 0 0 .75rem}
header button:hover,header button:focus{background:#fff;color:#123a5a}
main{max-width:42rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px #0002}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
button{font-size:1rem;padding:.5rem 1rem;margin:.75rem .5rem 0 0;cursor:pointer}
.approve{background:#1a7f37;color:#fff;border:0;border-radius:4px}
.deny{background:#cf222e;color:#fff;border:0;border-radius:4px}
.error{background:#ffebe9;border:1px solid #cf222e;padding:.5rem 1rem;border-radius:4px}
.notice{background:#ddf4ff;border:1px solid #0969da;padding:.5rem 1rem;border-radius:4px}
code.token{display:block;word-break:break-all;background:#f6f8fa;padding:.75rem;font-size:1.05rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}
.code{font-family:ui-monospace,monospace;font-size:1.4rem;letter-spacing:.1em}
form.inline{display:inline}
`;

/** Signed-in user shown in the header (with a sign-out form), or none. */
export interface PageUser {
  email: string;
  csrf: string;
}

/**
 * Full page: inline styles only (no external assets), a header with sign-out when signed in, and `main` content.
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
<style>${new SafeHtml(STYLE)}</style>
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
