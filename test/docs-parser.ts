// Reads the public BrainSTEM endpoint pages (../shared/brainstem-docs/api/<app>/<model>.md): field tables,
// operation sections (URL, method, portals) and the top-level and record keys of every response example.
// Used by the registry conformance test; tolerant of the docs' Python-dict style examples.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DOCS_DIR = join(import.meta.dirname, '..', '..', 'shared', 'brainstem-docs');
export const docsAvailable = existsSync(join(DOCS_DIR, 'api'));

export interface DocField {
  name: string;
  text: string;
  required: boolean;
  readOnly: boolean;
  maxLength: number | null;
}

export interface DocSection {
  heading: string;
  method: string | null;
  app: string;
  model: string;
  scope: 'collection' | 'record';
  suffix: string;
  portals: string[];
  /** Top-level key of the response example, when there is one. */
  responseKey: string | null;
  /** Keys of the (first) record in the response example. */
  recordKeys: string[];
}

export interface DocPage {
  file: string;
  fields: DocField[];
  sections: DocSection[];
}

export function endpointPages(): string[] {
  const api = join(DOCS_DIR, 'api');
  const out: string[] = [];
  for (const app of readdirSync(api, { withFileTypes: true })) {
    if (!app.isDirectory() || app.name === 'schemas') continue;
    for (const f of readdirSync(join(api, app.name))) if (f.endsWith('.md')) out.push(join(api, app.name, f));
  }
  return out.sort();
}

export function parsePage(file: string): DocPage {
  const text = readFileSync(file, 'utf8');
  const parts = text.split(/^## /m);
  const fields: DocField[] = [];
  const sections: DocSection[] = [];
  for (const part of parts.slice(1)) {
    const heading = part.slice(0, part.indexOf('\n')).trim();
    if (heading === 'Fields') {
      for (const line of part.split('\n')) {
        const m = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
        if (!m) continue;
        const desc = m[2]!.trim();
        const maxLen = /max(?:imum)?[ _]length:?\s*(\d+)/i.exec(desc) ?? /max (\d+) characters/i.exec(desc);
        fields.push({
          name: m[1]!,
          text: desc,
          required: /\*\*\[required/i.test(desc),
          readOnly: /read-only/i.test(desc),
          maxLength: maxLen ? Number(maxLen[1]) : null,
        });
      }
      // Only the first table is the field table; sub-tables (entries, users) follow other headings.
      continue;
    }
    const url = /\*\*URL:\*\*\s*(\S+)/.exec(part);
    if (!url) continue;
    const u = /\/api\/(?:private|public)\/([a-z_]+)\/([a-z_]+)\/?(<id\\?>\/?)?([a-z_]+\/?)?/.exec(url[1]!);
    if (!u) continue;
    const method = /\*\*Request method:\*\*\s*([A-Z]+)/.exec(part)?.[1] ?? null;
    const portals = (/\*\*Allowed portals:\*\*\s*([^\n]+)/.exec(part)?.[1] ?? '')
      .split(/[,\s]+/)
      .map((s) => s.trim())
      .filter((s) => s === 'public' || s === 'private');
    const example = responseExample(part);
    sections.push({
      heading,
      method,
      app: u[1]!,
      model: u[2]!,
      scope: u[3] ? 'record' : 'collection',
      suffix: (u[4] ?? '').replace(/\/$/, ''),
      portals,
      responseKey: example ? topKey(example) : null,
      recordKeys: example ? recordKeys(example) : [],
    });
  }
  // The first table only: cut fields at the first duplicate-free run (tables after "## Fields" belong to it).
  return { file, fields: dedupe(fields), sections };
}

function dedupe(fields: DocField[]): DocField[] {
  const seen = new Set<string>();
  const out: DocField[] = [];
  for (const f of fields) {
    if (seen.has(f.name)) break;
    seen.add(f.name);
    out.push(f);
  }
  return out;
}

function responseExample(section: string): string | null {
  const i = section.indexOf('### Response example');
  if (i < 0) return null;
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(section.slice(i));
  return block ? block[1]! : null;
}

function topKey(example: string): string | null {
  const m = /^\s*\{\s*(['"])([^'"]+)\1\s*:/.exec(example);
  return m ? m[2]! : null;
}

/** Keys of the first record: depth 2 for `{key: {record}}`, depth 3 for `{key: [{record}, …]}`. */
function recordKeys(example: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let recordDepth = 0;
  let recordsSeen = 0;
  let i = 0;
  while (i < example.length) {
    const c = example[i]!;
    if (c === "'" || c === '"') {
      const end = example.indexOf(c, i + 1);
      if (end < 0) break;
      const str = example.slice(i + 1, end);
      const after = example.slice(end + 1).match(/^\s*:/);
      if (after && recordDepth && depth === recordDepth && recordsSeen === 1) keys.push(str);
      i = end + 1;
      continue;
    }
    if (c === '{' || c === '[') {
      depth++;
      if (depth === 2 && c === '{') {
        recordDepth = 2;
        recordsSeen++;
      } else if (depth === 3 && c === '{' && recordDepth !== 2) {
        recordDepth = 3;
        recordsSeen++;
      }
    } else if (c === '}' || c === ']') depth--;
    i++;
  }
  return [...new Set(keys)];
}
