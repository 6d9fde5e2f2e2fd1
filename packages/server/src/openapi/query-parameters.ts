/**
 * The query parameters of the OpenAPI document, from the API description's wire-format table
 * (`QUERY_PARAMETERS`): one component per parameter, and one per (field, operator) filter that models share when a
 * field of one name takes the same values.
 */
import { filterParam, type ModelSpec, operatorsFor, QUERY_PARAMETERS } from 'brainstem-api-description';
import { filterFields } from './schemas.js';

type Role = keyof typeof QUERY_PARAMETERS;

/** The parameters other than filters, by role: name, value schema, and `form`/`explode` for repeated ones. */
function fixedParameters(): Partial<Record<Role, Record<string, unknown>>> {
  const out: Partial<Record<Role, Record<string, unknown>>> = {};
  for (const [role, p] of Object.entries(QUERY_PARAMETERS) as [Role, (typeof QUERY_PARAMETERS)[Role]][]) {
    if (role === 'filter') continue;
    out[role] = {
      name: p.name,
      in: 'query',
      description: p.description,
      schema: p.schema,
      ...(p.repeatable ? { style: 'form', explode: true } : {}),
    };
  }
  return out;
}

/** Components and references of the query parameters of `models`. */
export function queryParameters(models: readonly ModelSpec[]): {
  components: Record<string, unknown>;
  /** The parameter references of a list or detail operation of `model`. */
  refs: (model: ModelSpec, op: 'list' | 'detail') => { $ref: string }[];
} {
  const fixed = fixedParameters();
  const filters: Record<string, Record<string, unknown>> = {};
  const filterKeys = new Map<string, string>();
  for (const m of models) {
    for (const f of filterFields(m)) {
      for (const op of operatorsFor(f.spec)) {
        const param = {
          name: filterParam(f.name, op),
          in: 'query',
          required: false,
          ...(op === 'in' ? { description: 'Comma-separated values.' } : {}),
          schema: op === 'isnull' ? { type: 'boolean' } : op === 'in' ? QUERY_PARAMETERS.filter.schema : f.value,
        };
        const shared = `filter.${f.name}.${op}`;
        const same = filters[shared] && JSON.stringify(filters[shared]) === JSON.stringify(param);
        const key = !filters[shared] || same ? shared : `filter.${m.name}.${f.name}.${op}`;
        filters[key] = param;
        filterKeys.set(`${m.name} ${f.name} ${op}`, key);
      }
    }
  }
  const ref = (key: string) => ({ $ref: `#/components/parameters/${key}` });
  return {
    components: { ...fixed, ...filters },
    refs: (model, op) =>
      (Object.entries(QUERY_PARAMETERS) as [Role, (typeof QUERY_PARAMETERS)[Role]][])
        .filter(([, p]) => (p.on as readonly string[]).includes(op))
        .flatMap(([role]) =>
          role === 'filter'
            ? filterFields(model).flatMap((f) =>
                operatorsFor(f.spec).map((o) => ref(filterKeys.get(`${model.name} ${f.name} ${o}`) as string)),
              )
            : [ref(role)],
        ),
  };
}
