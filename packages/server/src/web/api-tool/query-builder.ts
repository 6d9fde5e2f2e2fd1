/**
 * The query builder of a list page: a plain GET form (no script needed) of filters (a field and one of the
 * operators its type allows, from `operatorsFor`), sort keys (several, each ascending or descending), includes
 * and `limit`/`offset`. It goes to `GET /api-tool/query/`, which writes the exact API query with the description's
 * parameter names and redirects to it, so the address bar shows the query the page answers. Names are typed
 * freely (a list suggests them), and a misspelt one is answered by the API with the resolver's "did you mean".
 */
import {
  DEFAULT_PAGE_SIZE,
  decodeQuery,
  filterableFields,
  filterParam,
  includableFields,
  includeParam,
  MAX_PAGE_SIZE,
  type ModelSpec,
  operatorsFor,
  QUERY_PARAMETERS,
  sortableFields,
} from 'brainstem-api-description';
import { html, type SafeHtml } from '../html.js';

/** The path of the builder's redirecting endpoint. */
export const QUERY_BUILDER_PATH = '/api-tool/query/';

/** Filter and sort rows the form offers beyond those already in the query. */
const SPARE_ROWS = 2;

/** Every `field.operator` name a filter of `model` can use (exact written as the bare field name). */
export function filterNames(model: ModelSpec): string[] {
  return filterableFields(model).flatMap((f) =>
    operatorsFor(f).map((op) => (op === 'exact' ? f.name : `${f.name}.${op}`)),
  );
}

/** The builder form of a list page, filled with the query `search` holds. */
export function queryBuilder(model: ModelSpec, endpoint: string, search: string): SafeHtml {
  const { query } = decodeQuery(search.replace(/^\?/, ''));
  const listId = `filters-${model.name}`;
  const filters = [...query.filters, ...Array.from({ length: SPARE_ROWS }, () => ({ key: '', value: '' }))];
  const sorts = [...query.sort, ...Array.from({ length: SPARE_ROWS }, () => '')];
  const sortable = sortableFields(model).map((f) => f.name);
  const filterRows = filters.map(
    (f, i) => html`<div class="row">
<label for="qf${i}">Filter ${i + 1}</label><input id="qf${i}" name="filter" list="${listId}" value="${f.key}" autocomplete="off" spellcheck="false">
<label for="qv${i}">value</label><input id="qv${i}" name="value" value="${f.value}">
</div>`,
  );
  const sortRows = sorts.map((s, i) => {
    const name = s.replace(/^-/, '');
    const desc = s.startsWith('-');
    const options = ['', ...sortable, ...(name && !sortable.includes(name) ? [name] : [])].map((n) =>
      n === name
        ? html`<option value="${n}" selected>${n || '—'}</option>`
        : html`<option value="${n}">${n || '—'}</option>`,
    );
    return html`<div class="row">
<label for="qs${i}">Sort ${i + 1}</label><select id="qs${i}" name="sort">${options}</select>
<label class="check"><input type="checkbox" name="desc" value="${i}"${desc ? html` checked` : ''}> descending</label>
</div>`;
  });
  const includes = includableFields(model).map((f) => {
    const on = query.include.includes(f.name);
    return html`<label class="check"><input type="checkbox" name="include" value="${f.name}"${on ? html` checked` : ''}> ${f.name}</label>`;
  });
  return html`<form class="builder" method="get" action="${QUERY_BUILDER_PATH}" aria-labelledby="builder-title">
<h2 id="builder-title">Query</h2>
<input type="hidden" name="endpoint" value="${endpoint}">
<datalist id="${listId}">${filterNames(model).map((n) => html`<option value="${n}"></option>`)}</datalist>
<fieldset><legend>Filters (field.operator)</legend>${filterRows}</fieldset>
<fieldset><legend>Sort</legend>${sortRows}</fieldset>
${includes.length ? html`<fieldset><legend>Include</legend><div class="checks">${includes}</div></fieldset>` : ''}
<fieldset><legend>Page</legend><div class="row">
<label for="ql">limit</label><input id="ql" name="limit" type="number" min="1" max="${MAX_PAGE_SIZE}" placeholder="${DEFAULT_PAGE_SIZE}" value="${query.limit ?? ''}">
<label for="qo">offset</label><input id="qo" name="offset" type="number" min="0" placeholder="0" value="${query.offset ?? ''}">
</div></fieldset>
<button type="submit">Run query</button> <a href="${endpoint}">Clear</a>
</form>`;
}

/**
 * The API query a submitted builder form asks for, in the description's parameter names (values as typed: the API
 * judges them). Empty rows are left out; the `.*` of includes is the Python client's form.
 */
export function builtQuery(form: URLSearchParams): string {
  const pairs: [string, string][] = [];
  const filters = form.getAll('filter');
  const values = form.getAll('value');
  filters.forEach((key, i) => {
    const k = key.trim();
    if (k) pairs.push([filterParam(k), values[i] ?? '']);
  });
  const desc = new Set(form.getAll('desc'));
  form.getAll('sort').forEach((s, i) => {
    if (s) pairs.push([QUERY_PARAMETERS.sort.name, desc.has(String(i)) ? `-${s}` : s]);
  });
  for (const inc of form.getAll('include')) if (inc) pairs.push([QUERY_PARAMETERS.include.name, includeParam(inc)]);
  for (const p of [QUERY_PARAMETERS.limit, QUERY_PARAMETERS.offset]) {
    const v = (form.get(p.name) ?? '').trim();
    if (v) pairs.push([p.name, v]);
  }
  return pairs
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
    .replace(/%7B/gi, '{')
    .replace(/%7D/gi, '}')
    .replace(/%5B%5D/gi, '[]');
}
