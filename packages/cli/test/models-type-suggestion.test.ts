// `brainstem models MODEL --type TYPE` with a type the model does not have: the closest one is suggested, and only
// the model's own types are listed (coordinate systems, another selector, are pointed to, not mixed in).
import { SCHEMA_GROUPS } from 'brainstem-api-description/schemas';
import { describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { memoryIo } from './helpers.js';

async function models(...args: string[]) {
  const m = memoryIo();
  const code = await run(['models', ...args], m.io, new AbortController().signal);
  return { code, stderr: m.stderr() };
}

describe('models --type with an unknown type', () => {
  it('suggests the closest type and lists only the types of the model', async () => {
    const r = await models('procedure', '--type', 'Anesthesa');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown type "Anesthesa" for procedure; did you mean "Anesthesia"?');
    const coordinates = SCHEMA_GROUPS.find((g) => g.selector === 'coordinates_system')!;
    const listed = r.stderr.slice(r.stderr.indexOf('Types of procedure:'));
    for (const system of Object.keys(coordinates.schemas)) expect(listed).not.toContain(system);
    const types = SCHEMA_GROUPS.find((g) => g.selector === 'type' && g.models.some((m) => m.model === 'procedure'))!;
    for (const type of Object.keys(types.schemas)) expect(listed).toContain(type);
    expect(r.stderr).toContain('--type also takes a coordinates_system');
  });

  it('a misspelt coordinate system is suggested too, and a far-off name gets the list alone', async () => {
    const coordinates = Object.keys(SCHEMA_GROUPS.find((g) => g.selector === 'coordinates_system')!.schemas);
    const system = coordinates[0]!;
    const r = await models('procedure', '--type', system.slice(0, -1));
    expect(r.stderr).toContain(`did you mean "${system}"?`);
    const far = await models('procedure', '--type', 'zzzzzzzzzzzzzzzzzzzzzz');
    expect(far.stderr).not.toContain('did you mean');
    expect(far.stderr).toContain('Types of procedure:');
  });
});
