/**
 * Paging controls of a list answer: previous and next from the answer's own links, "page x of y" from `meta` when
 * the answer carries it, else from `count` and the request's `limit`/`offset` (minimal pagination: no totals).
 */
import { DEFAULT_PAGE_SIZE, decodeQuery } from 'brainstem-api-description';
import { html, type SafeHtml } from '../html.js';

/** A page link of the answer (absolute) as a local path, so the page stays on this server. */
function local(link: unknown): string | undefined {
  if (typeof link !== 'string' || link === '') return undefined;
  try {
    const u = new URL(link);
    return u.pathname + u.search;
  } catch {
    return undefined;
  }
}

/** The position of a list answer: page and pages (pages unknown without a count). */
export function pagePosition(
  body: Record<string, unknown>,
  search: string,
): { page: number; pages: number | undefined; count: number | undefined } {
  const meta = body.meta as Record<string, unknown> | undefined;
  if (meta && typeof meta.page === 'number' && typeof meta.total_pages === 'number') {
    return { page: meta.page, pages: meta.total_pages, count: meta.total_results as number | undefined };
  }
  const { query } = decodeQuery(search.replace(/^\?/, ''));
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const offset = query.offset ?? 0;
  const count = typeof body.count === 'number' ? body.count : undefined;
  return {
    page: Math.floor(offset / limit) + 1,
    pages: count === undefined ? undefined : Math.max(1, Math.ceil(count / limit)),
    count,
  };
}

/** Previous / page x of y / next, as plain links. */
export function pagingControls(body: Record<string, unknown>, search: string): SafeHtml {
  const prev = local(body.previous);
  const next = local(body.next);
  const { page, pages, count } = pagePosition(body, search);
  const where = pages === undefined ? html`Page ${page}` : html`Page ${page} of ${pages}`;
  return html`<nav class="paging" aria-label="Pages">
${prev ? html`<a rel="prev" href="${prev}">‹ Previous</a>` : html`<span class="off">‹ Previous</span>`}
<span class="where">${where}${count === undefined ? '' : html` · ${count} results`}</span>
${next ? html`<a rel="next" href="${next}">Next ›</a>` : html`<span class="off">Next ›</span>`}
</nav>`;
}
