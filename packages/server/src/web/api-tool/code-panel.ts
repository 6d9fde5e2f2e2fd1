/**
 * "Use this in code": the page's request written for each tool (`codeSnippets`), each snippet with a copy button
 * (the script copies; without it the text is selectable as usual). The request shown is a GET of the page's URL
 * without `format`, which is what a script sends.
 */

import { codeSnippets, type ShownRequest } from '../code-snippets.js';
import { html, type SafeHtml } from '../html.js';
import type { ShownAnswer } from './page.js';

/** The URL a script would request for this page: the page's URL without `format`. */
export function scriptUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.delete('format');
  return u.href
    .replace(/%7B/gi, '{')
    .replace(/%7D/gi, '}')
    .replace(/%5B%5D/gi, '[]');
}

/**
 * The panel for `request`. `prefix` keeps the element ids of several panels on one page apart (the page's own
 * panel has none, and is the `#use-in-code` the links lead to).
 */
export function snippetsPanel(request: ShownRequest, prefix = '', title = 'Use this in code'): SafeHtml {
  const snippets = codeSnippets(request);
  const sectionId = prefix ? `${prefix}code` : 'use-in-code';
  return html`<section class="code-panel" id="${sectionId}" aria-labelledby="${prefix}code-title">
<h2 id="${prefix}code-title">${title}</h2>
${snippets.map(
  (s) => html`<div class="snippet">
<div class="snippet-head"><h3 id="${prefix}snippet-${s.tool}">${s.label}</h3>
<button type="button" class="copy" data-copy="${prefix}code-${s.tool}" aria-describedby="${prefix}snippet-${s.tool}" hidden>Copy</button></div>
<pre tabindex="0"><code id="${prefix}code-${s.tool}" class="language-${s.language}">${s.code}</code></pre>
</div>`,
)}
</section>`;
}

/** The panel of an answer's page (GETs only: a write's code is shown by its form). */
export function codePanel(a: ShownAnswer): SafeHtml {
  if (a.method !== 'GET') return html``;
  return snippetsPanel({ method: 'GET', url: scriptUrl(a.url) });
}
