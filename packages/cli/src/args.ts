import { closestModels, findModel, hasIntegerIds, type ModelSpec, type Portal } from 'brainstem-api-tools/registry';
import { UsageError } from './errors.js';
import { FORMATS, type Format } from './format/index.js';

/**
 * The registry row for a MODEL argument; an unknown name is a usage error listing the closest valid names.
 *
 * @example
 * ```ts
 * modelArg('sesion'); // UsageError: unknown model "sesion". Did you mean: session, …
 * ```
 */
export function modelArg(name: string): ModelSpec {
  const m = findModel(name);
  if (!m) {
    throw new UsageError(
      `unknown model "${name}". Did you mean: ${closestModels(name, 4).join(', ')}? (run 'brainstem models' for all)`,
    );
  }
  return m;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Check a record id for a model: a UUID, or a positive integer for users and groups. */
export function idArg(model: ModelSpec, id: string, flag = '--id'): string {
  if (hasIntegerIds(model)) {
    if (!/^[1-9][0-9]*$/.test(id))
      throw new UsageError(`${flag} for ${model.name} must be a positive integer, got "${id}"`);
  } else if (!UUID.test(id)) {
    throw new UsageError(
      `${flag} for ${model.name} must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got "${id}"`,
    );
  }
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

/** `--portal`: private or public, and allowed for this operation of this model. */
export function portalArg(model: ModelSpec, value: string | undefined, op: string, verb: string): Portal {
  const portal = (value ?? 'private') as Portal;
  if (portal !== 'private' && portal !== 'public') {
    throw new UsageError(`--portal must be "private" or "public", got "${value}"`);
  }
  const list =
    (model.portals as Record<string, readonly Portal[] | undefined>)[op] ??
    model.actions?.find((a) => a.name === op)?.portals;
  if (!list || list.length === 0) throw new UsageError(`${model.name} cannot be ${verb} through the API`);
  if (!list.includes(portal)) {
    throw new UsageError(`${model.name} cannot be ${verb} on the ${portal} portal (allowed: ${list.join(', ')})`);
  }
  return portal;
}
