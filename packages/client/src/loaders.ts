/**
 * Convenience loaders (`loadProject`, `loadSession`, …), generated at runtime from the registry's `loader` rows —
 * the same table the Python tool's `load_<model>` methods follow — and typed by `LoaderMethods`.
 * @module
 */
import { InvalidArgumentError } from './errors.js';
import type { FilterValue } from './query.js';
import { LOADER_MODELS, type ModelName } from './registry/index.js';
import type { LoaderOptions, LoadOptions } from './types.js';

/**
 * `'dataacquisition'` → `'loadDataacquisition'`.
 *
 * @example
 * ```ts
 * loaderMethodName('dataacquisition'); // 'loadDataacquisition'
 * ```
 */
export function loaderMethodName(model: string): string {
  return `load${model.charAt(0).toUpperCase()}${model.slice(1)}`;
}

/**
 * Every generated loader: method name and model.
 *
 * @example
 * ```ts
 * for (const { method, model } of LOADER_METHODS) console.log(method, '→', model);
 * ```
 */
export const LOADER_METHODS: readonly { readonly method: string; readonly model: string }[] = LOADER_MODELS.map(
  (m) => ({
    method: loaderMethodName(m.name),
    model: m.name,
  }),
);

const LOAD_KEYS = new Set([
  'portal',
  'filters',
  'sort',
  'include',
  'limit',
  'offset',
  'id',
  'signal',
  'timeout',
  'maxRetries',
  'all',
  'pageSize',
  'raw',
]);

interface Loadable {
  load(model: ModelName, opts?: LoadOptions<ModelName>): Promise<unknown>;
  loadAll(model: ModelName, opts?: object): Promise<unknown>;
}

/**
 * Turns loader options into `load`/`loadAll` options: named filters map to their API filter keys, explicit
 * `filters` override them, `include` replaces the default includes.
 */
export function loaderQuery(model: string, opts: Record<string, unknown>): Record<string, unknown> {
  const spec = LOADER_MODELS.find((m) => m.name === model)!;
  const loader = spec.loader!;
  const filters: Record<string, FilterValue> = {};
  for (const [k, v] of Object.entries(opts)) {
    if (LOAD_KEYS.has(k) || v === undefined) continue;
    const key = loader.filters[k];
    if (!key) {
      throw new InvalidArgumentError(
        k,
        `${loaderMethodName(model)} has no option "${k}" (named filters: ${Object.keys(loader.filters).join(', ')}; ` +
          'use filters: { … } for anything else)',
      );
    }
    filters[key] = v as FilterValue;
  }
  Object.assign(filters, opts.filters ?? {});
  const {
    all: _all,
    filters: _f,
    ...rest
  } = Object.fromEntries(Object.entries(opts).filter(([k]) => LOAD_KEYS.has(k)));
  const out: Record<string, unknown> = { ...rest };
  if (Object.keys(filters).length) out.filters = filters;
  if (opts.include === undefined && loader.includes.length) out.include = [...loader.includes];
  return out;
}

/** Installs the loaders on a class prototype (called once by client.ts). */
export function installLoaders(proto: Loadable): void {
  for (const { method, model } of LOADER_METHODS) {
    Object.defineProperty(proto, method, {
      configurable: true,
      writable: true,
      enumerable: false,
      value: async function (this: Loadable, opts: LoaderOptions<never> = {} as never) {
        const o = (opts ?? {}) as Record<string, unknown>;
        const q = loaderQuery(model, o);
        if (o.all && o.id === undefined) {
          const { limit: _l, ...rest } = q;
          return this.loadAll(model as ModelName, rest);
        }
        const { pageSize: _p, ...rest } = q;
        return this.load(model as ModelName, rest as LoadOptions<ModelName>);
      },
    });
  }
}
