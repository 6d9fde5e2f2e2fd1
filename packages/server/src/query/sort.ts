/** `sort[]` keys compiled into an ORDER BY list. */
import { sortableFields } from 'brainstem-api-description';
import type { ModelTable } from '../db/schema.js';
import { badRequest } from '../errors.js';
import { NO_SCOPE, resolve, type ScopeFn, type Sql } from './fields.js';

/**
 * Compile `sort[]` keys (`name`, `-created_date`, `subject.name`) into an ORDER BY list. The row id is always
 * appended so pages are stable.
 */
export function compileSort(t: ModelTable, alias: string, keys: readonly string[], scope: ScopeFn = NO_SCOPE): Sql {
  const terms: string[] = [];
  const params: unknown[] = [];
  for (const key of keys) {
    const desc = key.startsWith('-');
    const path = (desc || key.startsWith('+') ? key.slice(1) : key).split('.');
    const first = resolve(t, path[0] as string, alias);
    let expr: string | null = null;
    if (first?.kind === 'column' && path.length === 1 && first.type !== 'json' && first.type !== 'list_of_strings') {
      expr = first.column;
    } else if (first?.kind === 'relation') {
      const rest = path.slice(1);
      if (rest.length === 0 || (rest.length === 1 && rest[0] === 'id')) expr = first.column;
      else if (rest.length === 1) {
        const inner = resolve(first.target, rest[0] as string, `${alias}_s`);
        if (inner?.kind === 'column' || inner?.kind === 'relation') {
          // Related rows the caller cannot read sort as NULL (ordering must not reveal their fields).
          const sc = scope(first.target.model, `${alias}_s`);
          expr = `(SELECT ${inner.column} FROM ${first.target.table} ${alias}_s WHERE ${alias}_s.id = ${first.column} AND ${sc.sql})`;
          params.push(...sc.params);
        }
      }
    }
    if (!expr) {
      throw badRequest(`Unknown sort field "${key}" for ${t.model.name}. Sortable: ${sortableNames(t)}.`);
    }
    terms.push(`${expr} ${desc ? 'DESC' : 'ASC'}`);
  }
  terms.push(`${alias}.rowid ASC`);
  return { sql: terms.join(', '), params };
}

function sortableNames(t: ModelTable): string {
  return sortableFields(t.model)
    .map((f) => f.name)
    .join(', ');
}
