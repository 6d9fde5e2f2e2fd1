/**
 * Which portals offer each operation and special action of a model.
 * @module
 */
import type { ModelOperation, ModelSpec, Portal } from './types.js';

/**
 * The portals, private first.
 *
 * @example
 * ```ts
 * PORTALS; // ['private', 'public']
 * ```
 */
export const PORTALS: readonly Portal[] = ['private', 'public'];

/**
 * The portal of a request that names none: the private portal, where a token reads the caller's own data. `/api/`
 * lists its endpoints.
 *
 * @example
 * ```ts
 * const portal = opts.portal ?? DEFAULT_PORTAL; // 'private' unless given
 * ```
 */
export const DEFAULT_PORTAL: Portal = 'private';

/**
 * Why `portal` is not a portal name, or `undefined` when it is one or is left out (`undefined` or `null`, meaning
 * {@link DEFAULT_PORTAL}).
 *
 * @example
 * ```ts
 * portalValueProblem('shared'); // 'portal must be "private" or "public", got "shared"'
 * portalValueProblem(undefined); // undefined
 * ```
 */
export function portalValueProblem(portal: unknown): string | undefined {
  if (portal === undefined || portal === null || (PORTALS as readonly unknown[]).includes(portal)) return undefined;
  return `portal must be ${PORTALS.map((p) => `"${p}"`).join(' or ')}, got ${JSON.stringify(portal)}`;
}

/**
 * The portals offering a CRUD operation or special action; `undefined` when the model does not offer it at all.
 *
 * @example
 * ```ts
 * portalsFor(getModel('session'), 'add'); // ['private']
 * portalsFor(getModel('subjectlog'), 'add_entry'); // ['private']
 * ```
 */
export function portalsFor(model: ModelSpec, op: ModelOperation | string): readonly Portal[] | undefined {
  const list =
    (model.portals as Record<string, readonly Portal[] | undefined>)[op] ??
    model.actions?.find((a) => a.name === op)?.portals;
  return list && list.length > 0 ? list : undefined;
}

/**
 * Whether `portal` is allowed for a CRUD operation or special action of a model.
 *
 * @example
 * ```ts
 * allowsPortal(getModel('session'), 'add', 'public'); // false
 * ```
 */
export function allowsPortal(model: ModelSpec, op: ModelOperation | string, portal: Portal): boolean {
  return portalsFor(model, op)?.includes(portal) ?? false;
}

/**
 * Why `portal` cannot be used for `op` on `model`, or `undefined` when it can. `what` says which of the two
 * arguments is wrong: the portal value, the portal for this operation, or the operation itself (the model).
 *
 * @example
 * ```ts
 * portalProblem(getModel('session'), 'public', 'add');
 * // { what: 'portal', message: 'session: "add" is not available on the public portal (allowed: private)' }
 * ```
 */
export function portalProblem(
  model: ModelSpec,
  portal: unknown,
  op: ModelOperation | string,
): { what: 'portal' | 'model'; message: string } | undefined {
  const problem = portalValueProblem(portal);
  if (problem) return { what: 'portal', message: problem };
  const p = (portal ?? DEFAULT_PORTAL) as Portal;
  const offered = portalsFor(model, op);
  if (!offered)
    return { what: 'model', message: `the ${model.name} endpoint does not offer "${op}" (see its API page)` };
  if (!offered.includes(p)) {
    return {
      what: 'portal',
      message: `${model.name}: "${op}" is not available on the ${p} portal (allowed: ${offered.join(', ')})`,
    };
  }
  return undefined;
}
