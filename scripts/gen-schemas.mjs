#!/usr/bin/env node
// Renders the documented `details` / `coordinates_details` schemas (../shared/brainstem-docs/api/schemas/*.md)
// as JSON Schema (draft 2020-12) into packages/api-description/src/schemas/<page>.json: one schema per type, with its
// version, required fields, enums, numberUnit objects, defaults and formats (annotations), plus which model
// field each page governs and which field selects the schema. packages/client/test/schemas.docs.test.ts keeps the
// committed files in sync with this output. Run: `npm run gen:schemas`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DOCS_DIR = join(root, '..', 'shared', 'brainstem-docs');
export const SCHEMAS_DIR = join(root, 'packages', 'api-description', 'src', 'schemas');
const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Cells of a markdown table row (`| a | b |` → ['a', 'b']). */
function cells(line) {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

const unquote = (s) => s.replace(/^`|`$/g, '');

/** Reads one JSON value (array, object, string, number, literal) from `s` at `i`; returns [value, end]. */
function readJsonValue(s, i) {
  let depth = 0;
  let inString = false;
  let j = i;
  for (; j < s.length; j++) {
    const c = s[j];
    if (inString) {
      if (c === '\\') j++;
      else if (c === '"') inString = false;
      if (depth === 0 && !inString) {
        j++;
        break;
      }
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        j++;
        break;
      }
    } else if (depth === 0 && c === ';') break;
  }
  const raw = s.slice(i, j).trim();
  return [JSON.parse(raw), j];
}

/** `enum=[…]; minimum=0; format="text"` → { enum: […], minimum: 0, format: 'text' }. */
export function parseConstraints(text) {
  const out = {};
  if (text === '—' || text === '') return out;
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new Error(`cannot parse constraints: ${text}`);
    const key = text.slice(i, eq).trim();
    const [value, end] = readJsonValue(text, eq + 1);
    out[key] = value;
    i = end;
    while (i < text.length && (text[i] === ';' || text[i] === ' ')) i++;
  }
  return out;
}

/** The JSON Schema of one field-table row. */
export function fieldSchema(expected, constraints) {
  const c = parseConstraints(constraints);
  const numberUnit = /^object\(value:number, unit:enum\[(.*)\]\)$/.exec(expected);
  let s;
  if (numberUnit) {
    const units = numberUnit[1].split(',').map((u) => u.trim());
    s = {
      type: 'object',
      properties: { value: { type: 'number' }, unit: { type: 'string', enum: units } },
      required: ['value', 'unit'],
      additionalProperties: false,
    };
  } else if (['string', 'integer', 'number', 'boolean', 'array'].includes(expected)) {
    s = { type: expected };
  } else {
    throw new Error(`unknown expected value: ${expected} (${constraints})`);
  }
  for (const [k, v] of Object.entries(c)) {
    if (!['enum', 'format', 'default', 'minimum', 'maximum', 'minItems'].includes(k)) {
      throw new Error(`unknown constraint ${k} in ${constraints}`);
    }
    s[k] = v;
  }
  return s;
}

/** Reads the fenced ```json block after line `from`; returns [value, next line]. */
function readJsonBlock(lines, from) {
  let i = from;
  while (i < lines.length && !lines[i].startsWith('```json')) i++;
  const start = i + 1;
  let end = start;
  while (end < lines.length && !lines[end].startsWith('```')) end++;
  return [JSON.parse(lines.slice(start, end).join('\n')), end + 1];
}

/** The models a page is for: every `/api/private/<app>/<model>/` named in its "How to use this page" bullets. */
function pageModels(md) {
  const how = md.split('## How to use this page')[1]?.split('\n## ')[0] ?? '';
  return [...how.matchAll(/`\/api\/private\/[a-z_]+\/([a-z_]+)\/`/g)].map((m) => m[1]);
}

/** Whether the model's own field table has `field`; otherwise the field is documented on its log entries. */
function locationOf(model, field) {
  const api = join(DOCS_DIR, 'api');
  for (const app of readdirSync(api, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const file = join(api, app.name, `${model}.md`);
    if (!existsSync(file)) continue;
    const md = readFileSync(file, 'utf8');
    const fields = md.split('## Fields')[1]?.split('\n## ')[0] ?? '';
    if (fields.includes(`| \`${field}\` |`)) return 'record';
    if (fields.includes('| `entries` |') && md.includes('## Log entries')) return 'entries';
    throw new Error(`${model}: neither ${field} nor entries in its field table`);
  }
  throw new Error(`no endpoint page for ${model}`);
}

/** Parse one schema page into its group description and schemas. */
export function parseSchemaPage(file) {
  const md = readFileSync(file, 'utf8');
  const lines = md.split('\n');
  const group = /^# (\S+) schemas/m.exec(md)?.[1];
  const selector = /- Set `([a-z_]+)` to one schema name/.exec(md)?.[1];
  const payload = /- Send `([a-z_]+)` that matches that schema/.exec(md)?.[1];
  if (!group || !selector || !payload) throw new Error(`${file}: missing group/selector/payload`);
  const schemas = {};
  for (let i = 0; i < lines.length; i++) {
    const head = /^### `([A-Za-z0-9_]+)`$/.exec(lines[i]);
    if (!head) continue;
    const type = head[1];
    const meta = {};
    let j = i + 1;
    for (; lines[j].startsWith('- **'); j++) {
      const m = /^- \*\*(.+?):\*\* (.*)$/.exec(lines[j]);
      meta[m[1]] = m[2];
    }
    const version = unquote(meta['Schema version']);
    const shape = unquote(meta['Schema shape']);
    const required =
      meta['Required fields'] === 'none' ? [] : meta['Required fields'].split(',').map((s) => unquote(s.trim()));
    const [example, after] = readJsonBlock(lines, j);
    let k = after;
    // Types without fields (most equipment) have no field table before the next type's heading.
    while (k < lines.length && !lines[k].startsWith('| Field |') && !lines[k].startsWith('### ')) k++;
    const properties = {};
    const hasTable = k < lines.length && lines[k].startsWith('| Field |');
    for (k += hasTable ? 2 : 0; hasTable && k < lines.length && lines[k].startsWith('|'); k++) {
      const [name, expected, req, constraints] = cells(lines[k]);
      if (name === '_No declared fields_') continue;
      properties[unquote(name)] = fieldSchema(unquote(expected), constraints);
      if ((req === 'yes') !== required.includes(unquote(name))) {
        throw new Error(`${type}.${unquote(name)}: row says required=${req}, header lists ${required}`);
      }
    }
    const body = { type: 'object', properties, additionalProperties: false };
    if (required.length > 0) body.required = required;
    const source = meta.Source ? unquote(meta.Source) : undefined;
    const header = {
      $schema: SCHEMA_DIALECT,
      $id: `urn:brainstem:schema:${group}/${type}@${version}`,
      title: meta['Schema title'],
      'x-version': version,
      ...(source ? { 'x-source': source } : {}),
    };
    if (shape === 'object') schemas[type] = { ...header, ...body, examples: [example] };
    else if (shape === 'array items') schemas[type] = { ...header, type: 'array', items: body, examples: [example] };
    else throw new Error(`${type}: unknown schema shape ${shape}`);
    i = k - 1;
  }
  const models = pageModels(md).map((model) => ({ model, location: locationOf(model, payload) }));
  return { group, page: `api/schemas/${file.split('/').pop()}`, selector, payload, models, schemas };
}

/** Every schema page, rendered: file name → JSON text. */
export function renderSchemas() {
  const dir = join(DOCS_DIR, 'api', 'schemas');
  const out = {};
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()) {
    out[f.replace(/\.md$/, '.json')] = `${JSON.stringify(parseSchemaPage(join(dir, f)), null, 2)}\n`;
  }
  return out;
}

export const DETAILS_TYPES_FILE = join(SCHEMAS_DIR, 'details.generated.ts');

/** The TypeScript type of one JSON Schema node. */
function tsOf(s) {
  if (s.format === 'numberUnit')
    return `NumberUnit<${s.properties.unit.enum.map((u) => JSON.stringify(u)).join(' | ')}>`;
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  switch (s.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return s.items ? `Array<${tsOf(s.items)}>` : 'DetailsJson[]';
    case 'object': {
      const req = new Set(s.required ?? []);
      const props = Object.entries(s.properties ?? {}).map(
        ([k, v]) => `  ${JSON.stringify(k)}${req.has(k) ? '' : '?'}: ${tsOf(v)};\n`,
      );
      return props.length === 0 ? 'Record<string, never>' : `{\n${props.join('')}}`;
    }
    default:
      throw new Error(`no TypeScript type for ${JSON.stringify(s)}`);
  }
}

/** details.generated.ts: a type per schema, and per model the discriminated union of selector and payload. */
export function renderDetailsTypes() {
  const groups = Object.values(renderSchemas()).map((t) => JSON.parse(t));
  let out = `// Generated by scripts/gen-schemas.mjs from the docs' schema pages. Do not edit: run \`npm run gen:schemas\`.
/* eslint-disable */

/** Any JSON value (items of arrays whose item schema the docs do not give). */
type DetailsJson = string | number | boolean | null | DetailsJson[] | { [key: string]: DetailsJson };

/** A measure: \`{"value": 2.5, "unit": "mm"}\` with one of the schema's units. */
export interface NumberUnit<U extends string> {
  value: number;
  unit: U;
}

/** Record (as loaded), create (POST) or update (PATCH/PUT) payload. */
export type DetailsMode = 'record' | 'create' | 'update';

/**
 * The selector/payload pair of one schema group as a union discriminated by the selector: \`{ type: 'Anesthesia';
 * details?: ProcedureAnesthesiaDetails }\` | …. Loaded records may hold \`{}\` (no details sent).
 */
export type DetailsPair<Sel extends string, Pay extends string, ByType, Mode extends DetailsMode> = {
  [T in keyof ByType & string]: (Mode extends 'update' ? { [K in Sel]?: T } : { [K in Sel]: T }) & {
    [K in Pay]?: (Mode extends 'record' ? ByType[T] | Record<string, never> : ByType[T]) | null;
  };
}[keyof ByType & string];

`;
  const byModel = {};
  for (const g of groups) {
    const byType = [];
    for (const [type, schema] of Object.entries(g.schemas)) {
      const name = `${g.group}${type.replace(/_/g, '')}Details`;
      out += `/** \`${g.payload}\` of a ${g.group} record with \`${g.selector}\` "${type}" (schema ${schema['x-version']}). */\n`;
      out += `export type ${name} = ${tsOf(schema)};\n\n`;
      byType.push(`  ${JSON.stringify(type)}: ${name};\n`);
    }
    out += `/** ${g.group} \`${g.selector}\` → \`${g.payload}\` type. */\nexport interface ${g.group}DetailsByType {\n${byType.join('')}}\n\n`;
    for (const m of g.models) {
      const key = m.location === 'record' ? m.model : `${m.model}#entries`;
      byModel[key] = [...(byModel[key] ?? []), g];
    }
  }
  const records = Object.entries(byModel).filter(([m]) => !m.includes('#'));
  out += `/** Model → the fields its schema groups govern (selectors and payloads). */\nexport interface GovernedKeyMap {\n`;
  for (const [m, gs] of records) {
    out += `  ${m}: ${gs.flatMap((g) => [g.selector, g.payload].map((k) => JSON.stringify(k))).join(' | ')};\n`;
  }
  out += `}\n\n/** Model → its governed fields typed per selector value. */\nexport interface GovernedMap<Mode extends DetailsMode> {\n`;
  for (const [m, gs] of records) {
    // Each group is its own discriminated union (`type` → `details`, `coordinates_system` → `coordinates_details`);
    // a model with both is their intersection.
    const pair = (g) =>
      `DetailsPair<${JSON.stringify(g.selector)}, ${JSON.stringify(g.payload)}, ${g.group}DetailsByType, Mode>`;
    out += `  ${m}: ${gs.map(pair).join(' & ')};\n`;
  }
  out += `}\n\n/** Log model → its log \`type\` → the \`details\` type of its entries. */\nexport interface EntryDetailsMap {\n`;
  for (const [m, gs] of Object.entries(byModel).filter(([k]) => k.includes('#'))) {
    out += `  ${m.split('#')[0]}: ${gs[0].group}DetailsByType;\n`;
  }
  out += `}\n\n/**
 * A model's generated type with its governed fields typed: \`Base\` without them, and the discriminated unions.
 * Escape hatch for fields or types newer than this release: check the payload against the \`…Untyped\` type
 * (\`data satisfies ProcedureUntypedCreate as CreateOf<'procedure'>\`), or cast through \`unknown\` for a new type.
 */
export type WithTypedDetails<M extends keyof GovernedKeyMap, Base, Mode extends DetailsMode> = Omit<
  Base,
  GovernedKeyMap[M]
> &
  GovernedMap<Mode>[M];
`;
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, text] of Object.entries(renderSchemas())) {
    writeFileSync(join(SCHEMAS_DIR, name), text);
    console.log(`wrote ${join(SCHEMAS_DIR, name)}`);
  }
  writeFileSync(DETAILS_TYPES_FILE, renderDetailsTypes());
  console.log(`wrote ${DETAILS_TYPES_FILE}`);
}
