import type { ModelName, ModelSpec } from 'brainstem-api-description';
import { isModelName, resolveModel } from 'brainstem-api-tools';
import { UsageError } from './errors.js';
import { FORMATS, type Format } from './format/index.js';

/** A model named on the command line: its registry row, with the name typed for the client's methods. */
export type CliModel = ModelSpec & { readonly name: ModelName };

/**
 * The registry row for a MODEL argument (a URL name or an alias). The client's check rejects an unknown name
 * with an `InvalidArgumentError` naming the closest valid one (a usage error, exit 2).
 *
 * @example
 * ```ts
 * modelArg('project_membership_invitation').name; // 'projectmembershipinvitation'
 * modelArg('sesion'); // InvalidArgumentError: unknown model `sesion`; did you mean `session`?
 * ```
 */
export function modelArg(name: string): CliModel {
  const spec = resolveModel(name);
  const canonical = spec.name;
  if (!isModelName(canonical)) throw new UsageError(`model \`${name}\` is not in the registry`);
  return { ...spec, name: canonical };
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
