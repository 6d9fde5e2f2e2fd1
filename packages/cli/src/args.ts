import {
  findModel,
  idProblem,
  type ModelOperation,
  type ModelSpec,
  modelProblem,
  type Portal,
  portalProblem,
} from 'brainstem-api-tools/registry';
import { UsageError } from './errors.js';
import { FORMATS, type Format } from './format/index.js';

/**
 * The registry row for a MODEL argument; an unknown name is a usage error naming the closest valid name.
 *
 * @example
 * ```ts
 * modelArg('sesion'); // UsageError: unknown model `sesion`; did you mean `session`? (run 'brainstem models' for all)
 * ```
 */
export function modelArg(name: string): ModelSpec {
  const problem = modelProblem(name);
  if (problem) throw new UsageError(`${problem} (run 'brainstem models' for all)`);
  return findModel(name) as ModelSpec;
}

/** Check a record id for a model (the registry's rule: a UUID, or a positive integer for users and groups). */
export function idArg(model: ModelSpec, id: string, flag = '--id'): string {
  const problem = idProblem(model, id);
  if (problem) throw new UsageError(`${flag}: ${problem}`);
  return id;
}

/** Parse `FIELD=VALUE` filter expressions into an object; the value may contain `=`. */
export function filtersArg(exprs: readonly string[] | undefined): Record<string, string> | undefined {
  if (!exprs || exprs.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const expr of exprs) {
    const at = expr.indexOf('=');
    if (at <= 0) throw new UsageError(`--filters: "${expr}" is not FIELD=VALUE (e.g. name.icontains=rat)`);
    out[expr.slice(0, at)] = expr.slice(at + 1);
  }
  return out;
}

/** Split repeated and comma-separated list options (`--sort a,-b --sort c`) into names. */
export function listArg(values: readonly string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  const out = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return out.length > 0 ? out : undefined;
}

/** A non-negative (or positive) integer option. */
export function intArg(flag: string, value: string | undefined, min: number, max?: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`${flag} must be an integer, got "${value}"`);
  const n = Number(value);
  if (n < min || (max !== undefined && n > max)) {
    throw new UsageError(`${flag} must be between ${min} and ${max ?? '∞'}, got ${n}`);
  }
  return n;
}

/** A positive number of seconds → milliseconds. */
export function secondsArg(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`${flag} must be a positive number of seconds, got "${value}"`);
  return Math.round(n * 1000);
}

/** `--format`: one of json, ndjson, csv, table. */
export function formatArg(value: string | undefined, fallback: Format = 'json'): Format {
  if (value === undefined) return fallback;
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${value}"`);
}

/** `--portal`: private or public, and allowed for this operation of this model (the registry's portals). */
export function portalArg(model: ModelSpec, value: string | undefined, op: ModelOperation | string): Portal {
  const problem = portalProblem(model, value, op);
  if (problem) throw new UsageError(problem.what === 'portal' ? `--portal: ${problem.message}` : problem.message);
  return (value ?? 'private') as Portal;
}
