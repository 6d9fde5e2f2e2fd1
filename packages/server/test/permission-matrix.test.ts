/**
 * The permission matrix, generated from the model registry: every role × every model (grouped by its
 * permission `family`) × list/detail/create/change/delete × both portals, against the real server, asserting the
 * documented outcome from permission-matrix-rules.ts (403 when visible but not allowed, 404 when not visible,
 * 401 without a token on the private portal, read-only public portal).
 */
import { MODELS, type ModelSpec } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expected, type MatrixPortal, OPS, type Op, ROLES, type Role } from './permission-matrix-rules.js';
import { type ApiResult, buildWorld, type Id, type World } from './permission-matrix-world.js';

/** Cases whose current outcome is known to differ from the docs, with the reason (reported as skipped). */
const KNOWN: Record<string, string> = {};

let world: World;
let ran = 0;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);
afterAll(async () => {
  const families = new Set(MODELS.map((m) => m.family)).size;
  const total = ROLES.length * MODELS.length * OPS.length * 2;
  console.log(
    `permission matrix: ${ROLES.length} roles × ${MODELS.length} models (${families} families) × ${OPS.length} operations × 2 portals = ${total} cases; ${ran} ran, ${Object.keys(KNOWN).length} known gaps skipped`,
  );
  await world?.close();
});

const CHANGE_FIELDS = ['description', 'notes', 'first_name', 'name', 'title'];

function changeBody(model: ModelSpec, tag: string): Record<string, unknown> {
  for (const name of CHANGE_FIELDS) {
    const f = model.fields.find((x) => x.name === name);
    if (f && !f.readOnly && (f.type === 'string' || f.type === 'text')) {
      return { [name]: `changed ${tag}`.slice(0, f.maxLength ?? 200) };
    }
  }
  const order = model.fields.find((x) => x.name === 'order' && !x.readOnly);
  if (order) return { order: 7 };
  return {};
}

const base = (m: ModelSpec, portal: MatrixPortal) => `/api/${portal}/${m.app}/${m.name}/`;

async function listed(
  role: Role,
  m: ModelSpec,
  portal: MatrixPortal,
  id: Id,
): Promise<{ status: number; has: boolean }> {
  const r = await world.api(role, 'GET', `${base(m, portal)}?filter{id}=${encodeURIComponent(String(id))}&limit=100`);
  const items = (r.body[m.listKey] as { id: Id }[] | undefined) ?? [];
  return { status: r.status, has: items.some((x) => String(x.id) === String(id)) };
}

/** Refusals (401/403/404/405) must carry DRF's `{"detail": "..."}` body; anything else is reported as `extra`. */
function shaped(r: ApiResult): { status: number; extra?: string } {
  if ([401, 403, 404, 405].includes(r.status) && typeof r.body.detail !== 'string') {
    return { status: r.status, extra: `refusal without {"detail"}: ${JSON.stringify(r.body)}` };
  }
  return { status: r.status };
}

/** Runs one case and returns what happened, in the shape of `expected`. */
async function run(
  m: ModelSpec,
  role: Role,
  op: Op,
  portal: MatrixPortal,
  tag: string,
): Promise<{ status: number; listed?: boolean; extra?: string }> {
  const fx = world.fixtures.get(m.name);
  if (!fx) throw new Error(`no fixture for ${m.name}`);
  // On the public portal the public variant must be readable and the private one must not leak.
  const id = portal === 'public' ? fx.public : fx.private;
  switch (op) {
    case 'list': {
      const r = await listed(role, m, portal, id);
      let extra: string | undefined;
      if (portal === 'public' && fx.private !== fx.public && r.status === 200) {
        const leak = await listed(role, m, portal, fx.private);
        if (leak.has) extra = 'private record listed on the public portal';
      }
      return { status: r.status, listed: r.status === 200 ? r.has : undefined, extra };
    }
    case 'detail': {
      const r = await world.api(role, 'GET', `${base(m, portal)}${id}/`);
      let extra: string | undefined;
      if (portal === 'public' && fx.private !== fx.public) {
        const leak = await world.api(role, 'GET', `${base(m, portal)}${fx.private}/`);
        if (leak.status !== 404) extra = `private record on the public portal → ${leak.status}`;
      }
      return { ...shaped(r), extra: extra ?? shaped(r).extra };
    }
    case 'create': {
      const body = m.portals.add ? world.bodyFor(m, 'private', `create ${tag}`) : {};
      return shaped(await world.api(role, 'POST', base(m, portal), body));
    }
    case 'change':
      return shaped(await world.api(role, 'PATCH', `${base(m, portal)}${id}/`, changeBody(m, tag)));
    case 'delete': {
      const target = m.portals.delete && portal === 'private' && role !== 'anonymous' ? await world.fresh(m, tag) : id;
      return shaped(await world.api(role, 'DELETE', `${base(m, portal)}${target}/`));
    }
  }
}

const byFamily = new Map<string, ModelSpec[]>();
for (const m of MODELS as readonly ModelSpec[]) byFamily.set(m.family, [...(byFamily.get(m.family) ?? []), m]);

for (const [family, models] of byFamily) {
  describe(`family ${family}`, () => {
    for (const m of models) {
      describe(m.name, () => {
        for (const portal of ['private', 'public'] as const) {
          for (const op of OPS) {
            for (const role of ROLES) {
              const key = `${m.name}/${op}/${portal}/${role}`;
              const exp = expected(m, role, op, portal);
              const title = `${op} on ${portal} as ${role} → ${exp.status}${exp.listed === undefined ? '' : exp.listed ? ' (listed)' : ' (not listed)'}`;
              if (KNOWN[key]) {
                it.skip(`${title} — KNOWN GAP: ${KNOWN[key]}`, () => {});
                continue;
              }
              it(title, async () => {
                ran++;
                const got = await run(m, role, op, portal, `${role}-${op}-${portal}`);
                const want = { status: exp.status, listed: exp.listed, extra: undefined };
                expect(got, `${key}: ${exp.why}`).toEqual(want);
              });
            }
          }
        }
      });
    }
  });
}
