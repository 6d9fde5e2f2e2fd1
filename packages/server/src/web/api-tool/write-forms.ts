/**
 * The write forms of a page, offered by what the route table says the URL answers: "Add" on a list; "Edit"
 * (PATCH), "Replace" (PUT) and "Delete" on a record; a button per special action (with a body editor for the
 * kinds that send one, `ACTION_KINDS`). Forms post to `/api-tool/send/` (send.ts) with the API method in a hidden
 * field, the JSON in a textarea and the CSRF token; an answer the API refused comes back here with the errors
 * beside the fields.
 */
import {
  ACTION_KINDS,
  CSRF_FIELD,
  type FieldSpec,
  type ModelSpec,
  modelPath,
  type Portal,
} from 'brainstem-api-description';
import { type ApiRoute, allowedMethods } from '../../routes/table.js';
import type { ShownRequest } from '../code-snippets.js';
import type { FlashMessage } from '../flash.js';
import { html, SafeHtml } from '../html.js';
import { snippetsPanel } from './code-panel.js';
import type { ShownAnswer } from './page.js';
import {
  addTemplate,
  addTemplatesByType,
  editTemplate,
  entryTemplate,
  typeSelector,
  writableFields,
} from './templates.js';

/** Where the tool's forms post. */
export const SEND_PATH = '/api-tool/send/';

export type WriteOutcome = NonNullable<FlashMessage['write']>;

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/** The error messages of a field in a refused answer (`{"name": ["…"]}`), flattened to text. */
function fieldMessages(body: unknown, name: string): string[] {
  if (!body || typeof body !== 'object') return [];
  const v = (body as Record<string, unknown>)[name];
  if (Array.isArray(v)) return v.map((m) => (typeof m === 'string' ? m : JSON.stringify(m)));
  if (v && typeof v === 'object') return [JSON.stringify(v)];
  return typeof v === 'string' ? [v] : [];
}

/** The table of writable fields beside the body editor: type, required mark, docs and the API's errors. */
function fieldTable(id: string, fields: readonly FieldSpec[], outcome: WriteOutcome | undefined): SafeHtml {
  const general = outcome
    ? [...fieldMessages(outcome.body, 'detail'), ...fieldMessages(outcome.body, 'non_field_errors')]
    : [];
  const known = new Set(fields.map((f) => f.name));
  const others =
    outcome?.body && typeof outcome.body === 'object'
      ? Object.keys(outcome.body as object).filter((k) => !known.has(k) && k !== 'detail' && k !== 'non_field_errors')
      : [];
  const rows = fields.map((f) => {
    const errors = outcome ? fieldMessages(outcome.body, f.name) : [];
    const type = f.target ? `${f.type} → ${f.target}` : f.enum ? `${f.type}: ${f.enum.join(', ')}` : f.type;
    return html`<tr${errors.length ? html` class="has-error"` : ''}><th scope="row"><code>${f.name}</code>${
      f.required ? html` <span class="req" title="required">*<span class="sr">required</span></span>` : ''
    }</th><td>${type}</td><td>${f.doc}${errors.map(
      (e) => html`<div class="field-error" id="${id}-error-${f.name}">${e}</div>`,
    )}</td></tr>`;
  });
  const extra = others.flatMap((k) =>
    fieldMessages(outcome?.body, k).map((e) => html`<li class="field-error"><code>${k}</code>: ${e}</li>`),
  );
  return html`${
    general.length || extra.length
      ? html`<div class="problem" role="alert" id="${id}-problem"><p>The API answered ${outcome?.status}:</p><ul>${general.map(
          (g) => html`<li class="field-error">${g}</li>`,
        )}${extra}</ul></div>`
      : outcome
        ? html`<div class="problem" role="alert" id="${id}-problem"><p>The API answered ${outcome.status}; see the fields below.</p></div>`
        : ''
  }
<table class="fields" id="${id}-fields"><caption class="sr">Fields (* required on create and replace)</caption>
<thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">About</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

interface FormSpec {
  id: string;
  title: string;
  url: string;
  /** Submit buttons: API method and label. */
  buttons: { method: string; label: string; cls?: string }[];
  body?: { content: string; fields: readonly FieldSpec[]; picker?: SafeHtml };
  open?: boolean;
  back: string;
  /** The origin of absolute URLs in the form's code snippets. */
  origin: string;
}

/** The form's request as code (its first method, the body as the form starts). */
function formCode(f: FormSpec): SafeHtml {
  const [first] = f.buttons;
  if (!first) return html``;
  let body: unknown;
  try {
    body = f.body ? JSON.parse(f.body.content) : undefined;
  } catch {
    body = undefined;
  }
  const request = {
    method: first.method as ShownRequest['method'],
    url: f.origin + f.url,
    ...(body === undefined ? {} : { body }),
  };
  return html`<details class="write-code"><summary>This request in code</summary>${snippetsPanel(
    request,
    `${f.id}-`,
    `${first.method} ${f.url} in code`,
  )}</details>`;
}

function writeForm(f: FormSpec, csrf: string, outcome: WriteOutcome | undefined): SafeHtml {
  const mine = outcome?.form === f.id ? outcome : undefined;
  const content = mine ? mine.content : f.body?.content;
  const body = f.body
    ? html`${f.body.picker ?? ''}
<label for="${f.id}-content">Body (JSON)</label>
<textarea id="${f.id}-content" name="_content" spellcheck="false"${
        mine ? html` aria-describedby="${f.id}-problem"` : ''
      }>${content ?? ''}</textarea>
${fieldTable(f.id, f.body.fields, mine)}`
    : mine
      ? fieldTable(f.id, [], mine)
      : '';
  return html`<details class="write-panel" id="${f.id}"${f.open || mine ? html` open` : ''}>
<summary>${f.title}</summary>
<form class="write" method="post" action="${SEND_PATH}">
<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
<input type="hidden" name="_url" value="${f.url}">
<input type="hidden" name="_form" value="${f.id}">
<input type="hidden" name="_back" value="${f.back}">
${body}
<div class="actions">${f.buttons.map(
    (b) =>
      html`<button type="submit" name="_method" value="${b.method}"${b.cls ? html` class="${b.cls}"` : ''}>${b.label}</button>`,
  )}</div>
</form>
${formCode(f)}
</details>`;
}

/** The type picker of an add form: choosing a type swaps the template (script); without script, edit the JSON. */
function typePicker(model: ModelSpec, id: string): SafeHtml {
  const sel = typeSelector(model);
  if (!sel) return html``;
  const templates = addTemplatesByType(model);
  return html`<label for="${id}-type">Template for ${sel.field}</label>
<select id="${id}-type" data-templates="${id}-templates" data-target="${id}-content">${sel.values.map(
    (v) => html`<option value="${v}">${v}</option>`,
  )}</select>
<script type="application/json" id="${id}-templates">${new SafeHtml(JSON.stringify(templates).replace(/</g, '\\u003c'))}</script>`;
}

/** The record of a detail answer (under the model's detail key), if the answer is one. */
function recordOf(route: ApiRoute, body: unknown): Record<string, unknown> | undefined {
  const r = body && typeof body === 'object' ? (body as Record<string, unknown>)[route.model.detailKey] : undefined;
  return r && typeof r === 'object' ? (r as Record<string, unknown>) : undefined;
}

/** The write forms of an answer's page ('' where the URL takes no write or nobody is signed in). */
export function writeBlocks(a: ShownAnswer, csrf: string, signedIn: boolean, outcome?: WriteOutcome): SafeHtml {
  const forms = formsOf(a, csrf, outcome);
  // A refused write whose form this page does not show (it was sent from elsewhere) is shown on its own.
  const orphan =
    outcome && !forms.ids.includes(outcome.form)
      ? html`<section class="writes" aria-label="The write that was refused">${fieldTable('write', [], outcome)}</section>`
      : html``;
  if (forms.blocks.length === 0) return orphan;
  const back = a.path + a.search;
  if (!signedIn) {
    return html`<section class="writes" aria-labelledby="writes-title"><h2 id="writes-title">Change data</h2>
<p><a href="/account/login/?next=${encodeURIComponent(back)}">Sign in</a> to add, edit or delete records here.</p></section>`;
  }
  return html`${orphan}<section class="writes" aria-labelledby="writes-title"><h2 id="writes-title">Change data</h2>${forms.blocks}</section>`;
}

/** The forms the page's URL takes, and their ids. */
function formsOf(
  a: ShownAnswer,
  csrf: string,
  outcome: WriteOutcome | undefined,
): { ids: string[]; blocks: SafeHtml[] } {
  const ids: string[] = [];
  const blocks: SafeHtml[] = [];
  const route = a.route;
  if (!route || a.method !== 'GET') return { ids, blocks };
  const { model } = route;
  const portal = route.portal as Portal;
  const back = a.path + a.search;
  const origin = new URL(a.url).origin;
  const push = (spec: Omit<FormSpec, 'origin'>) => {
    const full = { ...spec, origin };
    ids.push(full.id);
    blocks.push(writeForm(full, csrf, outcome));
  };
  if (route.op === 'list' && allowedMethods(model, portal, 'collection').includes('POST')) {
    push({
      id: 'write-add',
      title: `Add a ${model.name}`,
      url: a.path,
      buttons: [{ method: 'POST', label: 'Add' }],
      body: {
        content: pretty(addTemplate(model)),
        fields: writableFields(model),
        picker: typePicker(model, 'write-add'),
      },
      back,
    });
  }
  const record = route.op === 'detail' && a.status === 200 ? recordOf(route, a.body) : undefined;
  if (record && typeof record.id !== 'undefined') {
    const methods = allowedMethods(model, portal, 'record');
    const url = modelPath(model, { portal, id: String(record.id) });
    const edits = [
      ...(methods.includes('PATCH') ? [{ method: 'PATCH', label: 'Edit (PATCH)' }] : []),
      ...(methods.includes('PUT') ? [{ method: 'PUT', label: 'Replace (PUT)', cls: 'secondary' }] : []),
    ];
    if (edits.length) {
      push({
        id: 'write-edit',
        title: 'Edit or replace',
        url,
        buttons: edits,
        body: { content: pretty(editTemplate(model, record)), fields: writableFields(model) },
        back,
      });
    }
    for (const action of model.actions ?? []) {
      if (!action.portals.includes(portal)) continue;
      const kind = ACTION_KINDS[action.kind];
      push({
        id: `write-${action.name}`,
        title: action.name.replace(/_/g, ' '),
        url: `${url}${action.name}/`,
        buttons: [{ method: action.method, label: action.name.replace(/_/g, ' ') }],
        ...(kind.body ? { body: { content: pretty(entryTemplate(model, action.name, record)), fields: [] } } : {}),
        open: !kind.body,
        back,
      });
    }
    if (methods.includes('DELETE')) {
      push({
        id: 'write-delete',
        title: 'Delete',
        url,
        buttons: [{ method: 'DELETE', label: 'Delete…', cls: 'danger' }],
        back,
      });
    }
  }
  return { ids, blocks };
}
