// The server accepts exactly the filter operators the registry's operatorsFor() gives each field, and the sort keys
// and includes the registry allows, so the client's checks, the CLI's `models` listing and the server speak the
// same query language.
import {
  FILTER_OPERATORS,
  type FieldSpec,
  filterKeyProblem,
  findModel,
  idKind,
  includeProblem,
  MODELS,
  type ModelSpec,
  operatorsFor,
  sortKeyProblem,
  TIMESTAMP_FIELDS,
} from 'brainstem-api-description';
import { describe, expect, it } from 'vitest';
import { tableOf } from '../src/db/schema.js';
import { compileFilter } from '../src/query/compile.js';
import { resolveIncludeTree } from '../src/query/includes.js';
import { compileSort } from '../src/query/sort.js';

/** A value the field's type accepts, so only the operator decides. */
function sampleValue(f: FieldSpec, op: string): string {
  if (op === 'isnull') return 'true';
  const target = f.target ? findModel(f.target) : undefined;
  const type = target ? (idKind(target) === 'integer' ? 'integer' : 'uuid') : f.type;
  if (f.name === 'id' && f.type === 'uuid') return '3fa85f64-5717-4562-b3fc-2c963f66afa6';
  switch (type) {
    case 'integer':
      return '1';
    case 'boolean':
      return 'true';
    case 'date':
      return '2024-01-01';
    case 'datetime':
      return '2024-01-01T00:00:00Z';
    case 'uuid':
      return '3fa85f64-5717-4562-b3fc-2c963f66afa6';
    default:
      return 'x';
  }
}

function ok(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

function accepts(m: ModelSpec, key: string, value: string): boolean {
  try {
    compileFilter(tableOf(m), 'a', key, value);
    return true;
  } catch {
    return false;
  }
}

describe('filter operators: server and registry agree', () => {
  it('accepts an operator on a field exactly when operatorsFor lists it', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const m of MODELS as readonly ModelSpec[]) {
      for (const f of [...m.fields, ...TIMESTAMP_FIELDS]) {
        const allowed = operatorsFor(f);
        for (const op of FILTER_OPERATORS) {
          const key = `${f.name}.${op}`;
          const server = accepts(m, key, sampleValue(f, op));
          const registry = allowed.includes(op);
          const client = filterKeyProblem(m, key) === undefined;
          checked++;
          if (server !== registry || client !== registry) {
            mismatches.push(`${m.name}.${key}: server ${server}, operatorsFor ${registry}, client ${client}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });

  it('accepts a sort key and an include exactly when the registry does', () => {
    const mismatches: string[] = [];
    for (const m of MODELS as readonly ModelSpec[]) {
      const t = tableOf(m);
      for (const f of [...m.fields, ...TIMESTAMP_FIELDS]) {
        const server = ok(() => compileSort(t, 'a', [`-${f.name}`]));
        if (server !== (sortKeyProblem(m, `-${f.name}`) === undefined)) mismatches.push(`sort ${m.name}.${f.name}`);
        const inc = ok(() => resolveIncludeTree(t, [f.name]));
        if (inc !== (includeProblem(m, f.name) === undefined)) mismatches.push(`include ${m.name}.${f.name}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('rejects operators the registry does not know (range) on the server and in the client', () => {
    const session = findModel('session') as ModelSpec;
    expect(accepts(session, 'name.range', 'a,b')).toBe(false);
    expect(filterKeyProblem(session, 'name.range')).toMatch(/unknown operator `range` for session.name/);
  });
});
