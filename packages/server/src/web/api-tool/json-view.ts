/**
 * The answer's JSON, pretty-printed as HTML: keys, strings, numbers and literals in their own classes (the
 * highlighting is CSS, no script), and every record id in a relation field a link to that record's page. Which
 * fields are relations, and to which model, is the registry's: an answer's envelope key names the model, and an
 * embedded record (an include) carries on with the relation's target.
 */
import { findModel, type ModelSpec, modelPath, type Portal, portalsFor } from 'brainstem-api-description';
import { html, type SafeHtml } from '../html.js';

/** The page of record `id` of `model`: on `portal` when it serves details there, else where it does. */
export function recordHref(model: ModelSpec, id: string, portal: Portal): string | undefined {
  const portals = portalsFor(model, 'detail') ?? [];
  const on = portals.includes(portal) ? portal : portals[0];
  return on ? modelPath(model, { portal: on, id }) : undefined;
}

const INDENT = '  ';

function scalar(value: unknown, href?: string): SafeHtml {
  if (typeof value === 'string') {
    const text = JSON.stringify(value);
    return href ? html`<a class="j-str" href="${href}">${text}</a>` : html`<span class="j-str">${text}</span>`;
  }
  if (typeof value === 'number') return html`<span class="j-num">${String(value)}</span>`;
  if (typeof value === 'boolean') return html`<span class="j-bool">${String(value)}</span>`;
  return html`<span class="j-null">null</span>`;
}

interface Ctx {
  portal: Portal;
}

/** A value; `model` is the model of a record object (its relation fields become links). */
function value(v: unknown, depth: number, ctx: Ctx, model?: ModelSpec, linkTo?: ModelSpec): SafeHtml {
  const pad = INDENT.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) return html`[]`;
    const items = v.map((item) => html`${pad}${INDENT}${value(item, depth + 1, ctx, linkTo ?? model, linkTo)}`);
    return html`[\n${join(items)}\n${pad}]`;
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return html`{}`;
    const lines = entries.map(([k, item]) => {
      const field = model?.fields.find((f) => f.name === k);
      const target =
        field && (field.type === 'relation' || field.type === 'relation_list') && field.target
          ? findModel(field.target)
          : undefined;
      let shown: SafeHtml;
      if (k === 'id' && model && typeof item === 'string') {
        shown = scalar(item, recordHref(model, item, ctx.portal));
      } else if (target) {
        shown = value(item, depth + 1, ctx, target, target);
      } else {
        shown = value(item, depth + 1, ctx);
      }
      return html`${pad}${INDENT}<span class="j-key">${JSON.stringify(k)}</span>: ${shown}`;
    });
    return html`{\n${join(lines)}\n${pad}}`;
  }
  if (typeof v === 'string' && linkTo) return scalar(v, recordHref(linkTo, v, ctx.portal));
  if (typeof v === 'number' && linkTo) return scalar(v);
  return scalar(v);
}

function join(parts: SafeHtml[]): SafeHtml {
  return html`${parts.map((p, i) => (i === 0 ? p : html`,\n${p}`))}`;
}

/**
 * The whole answer body as highlighted, linked JSON. `recordKeys` maps the envelope keys of this answer (list key,
 * detail key, an approval's key) to the model of their records.
 */
export function jsonView(body: unknown, portal: Portal, recordKeys: ReadonlyMap<string, ModelSpec>): SafeHtml {
  if (body === undefined) return html`<span class="j-null">(no body)</span>`;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const entries = Object.entries(body as Record<string, unknown>);
    if (entries.length === 0) return html`{}`;
    const ctx = { portal };
    const lines = entries.map(([k, item]) => {
      const model = recordKeys.get(k);
      return html`${INDENT}<span class="j-key">${JSON.stringify(k)}</span>: ${value(item, 1, ctx, model, undefined)}`;
    });
    return html`{\n${join(lines)}\n}`;
  }
  return value(body, 0, { portal });
}
