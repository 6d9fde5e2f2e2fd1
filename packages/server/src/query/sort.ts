/** `sort[]` keys compiled into an ORDER BY list, from the paths the API description's resolver gives. */
import { QUERY_PARAMETERS, resolveSort } from 'brainstem-api-description';
import type { ModelTable } from '../db/schema.js';
import { badRequest } from '../errors.js';
import { NO_SCOPE, resolve, type ScopeFn, type Sql } from './fields.js';

/**
 * Compile `sort[]` keys (`name`, `-created_date`, `subject.name`) into an ORDER BY list. The row id is always
 * appended so pages are stable. Throws 400 with the resolver's problem for a key it refuses.
 */
export function compileSort(t: ModelTable, alias: string, keys: readonly string[], scope: ScopeFn = NO_SCOPE): Sql {
  const terms: string[] = [];
  const params: unknown[] = [];
  for (const key of keys) {
    const r = resolveSort(t.model, key);
    if (r.problem !== undefined) throw badRequest(`${QUERY_PARAMETERS.sort.name}=${key}: ${r.problem}`);
    const [hop] = r.path.hops;
    let expr: string;
    if (!hop) {
      expr = columnOf(t, r.path.field.name, alias);
    } else {
      const first = resolve(t, hop.field.name, alias);
      if (first?.kind !== 'relation') throw new Error(`No relation column for ${t.model.name}.${hop.field.name}`);
      const inner = columnOf(first.target, r.path.field.name, `${alias}_s`);
      // Related rows the caller cannot read sort as NULL (ordering must not reveal their fields).
      const sc = scope(first.target.model, `${alias}_s`);
      expr = `(SELECT ${inner} FROM ${first.target.table} ${alias}_s WHERE ${alias}_s.id = ${first.column} AND ${sc.sql})`;
      params.push(...sc.params);
    }
    terms.push(`${expr} ${r.path.direction === 'desc' ? 'DESC' : 'ASC'}`);
  }
  terms.push(`${alias}.rowid ASC`);
  return { sql: terms.join(', '), params };
}

/** The column of a sortable field (a single relation sorts by its id column). */
function columnOf(t: ModelTable, name: string, alias: string): string {
  const r = resolve(t, name, alias);
  if (r?.kind !== 'column' && r?.kind !== 'relation') throw new Error(`No column for ${t.model.name}.${name}`);
  return r.column;
}
