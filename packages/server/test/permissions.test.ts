/** The role model in a few scenarios (the full matrix is in permission-matrix*.test.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECTS } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
const ids: Record<string, string> = {};
beforeAll(async () => {
  c = await demoServer();
  for (const [k, name] of Object.entries(DEMO_PROJECTS)) {
    const owner = k === 'carol' ? 'carol' : 'alice';
    ids[k] = (
      await c.get(`api/private/stem/project/?filter{name}=${encodeURIComponent(name)}`, owner)
    ).body.projects[0].id;
  }
});
afterAll(() => c.close());

const sessionsOf = async (who: 'alice' | 'bob' | 'carol', project: string) =>
  c.get(`api/private/stem/session/?filter{projects.id}=${project}&limit=100`, who);

describe('projects', () => {
  it('members read, non-members get 404 (not 403)', async () => {
    expect((await c.get(`api/private/stem/project/${ids.placeCells}/`, 'bob')).status).toBe(200);
    expect((await c.get(`api/private/stem/project/${ids.placeCells}/`, 'carol')).status).toBe(404);
    expect((await c.get(`api/private/stem/project/${ids.workingMemory}/`, 'bob')).status).toBe(404);
    const carolList = (await c.get('api/private/stem/project/', 'carol')).body.projects.map(
      (p: { name: string }) => p.name,
    );
    expect(carolList).toEqual([DEMO_PROJECTS.carol]);
  });

  it('inheritance through parent: sessions, behaviors, procedures, logs follow their project', async () => {
    expect((await sessionsOf('bob', ids.placeCells as string)).body.count).toBe(3);
    expect((await sessionsOf('carol', ids.placeCells as string)).body.count).toBe(0);
    const bobBehaviors = (await c.get('api/private/modules/behavior/', 'bob')).body.behaviors.length;
    expect(bobBehaviors).toBe(3);
    expect((await c.get('api/private/modules/behavior/', 'carol')).body.behaviors).toEqual([]);
    expect((await c.get('api/private/modules/procedurelog/', 'carol')).body.procedure_logs).toEqual([]);
    expect((await c.get('api/private/modules/subjectlog/', 'bob')).body.subject_logs.length).toBe(3);
  });

  it('read-only members get 403 on writes; contributors write; group grants reach members', async () => {
    const s = (await sessionsOf('bob', ids.placeCells as string)).body.sessions[0];
    expect(
      (await c.req('PATCH', `api/private/stem/session/${s.id}/`, { as: 'bob', body: { description: 'x' } })).status,
    ).toBe(403);
    expect((await c.req('DELETE', `api/private/stem/session/${s.id}/`, { as: 'bob' })).status).toBe(403);
    const create = await c.req('POST', 'api/private/stem/session/', {
      as: 'bob',
      body: { name: 'bob-1', projects: [ids.septumCooling] },
    });
    expect(create.status).toBe(201);
    // Creating in a project you can only read is 403, not 400.
    expect(
      (
        await c.req('POST', 'api/private/stem/session/', {
          as: 'bob',
          body: { name: 'bob-2', projects: [ids.placeCells] },
        })
      ).status,
    ).toBe(403);
    // A record in two projects needs change rights on both.
    const both = await c.req('POST', 'api/private/stem/session/', {
      as: 'bob',
      body: { name: 'bob-3', projects: [ids.septumCooling, ids.placeCells] },
    });
    expect(both.status).toBe(403);
  });

  it('only owners change project details and is_public; the public portal shows public projects only', async () => {
    expect(
      (await c.req('PATCH', `api/private/stem/project/${ids.septumCooling}/`, { as: 'bob', body: { is_public: true } }))
        .status,
    ).toBe(403);
    const pub = (await c.get('api/public/stem/project/', null)).body.projects.map((p: { id: string }) => p.id).sort();
    expect(pub).toEqual([ids.allenNeuropixels, ids.allenTwoPhoton, ids.ripples].sort());
    expect((await c.get(`api/public/stem/project/${ids.placeCells}/`, null)).status).toBe(404);
    const r = await c.req('PATCH', `api/private/stem/project/${ids.workingMemory}/`, { body: { is_public: true } });
    expect(r.status).toBe(200);
    expect((await c.get(`api/public/stem/project/${ids.workingMemory}/`, null)).status).toBe(200);
    expect((await c.get(`api/public/stem/session/?filter{projects.id}=${ids.workingMemory}`, null)).body.count).toBe(1);
  });
});

describe('personal attributes', () => {
  it('shared with the owner’s groups: members read, others 404; only the owner edits', async () => {
    const setups = (await c.get('api/private/personal_attributes/setup/', 'bob')).body.setups;
    expect(setups.map((s: { name: string }) => s.name)).toEqual(['Linear track rig 1']);
    const carolSees = (await c.get('api/private/personal_attributes/setup/', 'carol')).body.setups.map(
      (s: { name: string }) => s.name,
    );
    expect(carolSees).toEqual(['Eyeblink conditioning rig']);
    expect(
      (
        await c.req('PATCH', `api/private/personal_attributes/setup/${setups[0].id}/`, {
          as: 'bob',
          body: { name: 'mine' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await c.req('PATCH', `api/private/personal_attributes/setup/${setups[0].id}/`, {
          as: 'carol',
          body: { name: 'mine' },
        })
      ).status,
    ).toBe(404);
    // The lab has contributor rights on the rig: Bob adds equipment to it.
    const eq = await c.req('POST', 'api/private/modules/equipment/', {
      as: 'bob',
      body: {
        name: 'Lick sensor',
        type: 'LightSensor',
        setup: setups[0].id,
        coordinates_system: 'External_XYZ_Absolute',
      },
    });
    expect(eq.status).toBe(201);
    // A new attribute belongs to its creator and is shared with the creator's groups.
    const ds = await c.req('POST', 'api/private/personal_attributes/datastorage/', {
      as: 'bob',
      body: { name: 'Bob disk' },
    });
    expect(
      (await c.get(`api/private/personal_attributes/datastorage/${ds.body.datastorage.id}/`, 'alice')).status,
    ).toBe(200);
    expect(
      (await c.get(`api/private/personal_attributes/datastorage/${ds.body.datastorage.id}/`, 'carol')).status,
    ).toBe(404);
  });

  it('public attributes appear on the public portal', async () => {
    const setups = (await c.get('api/public/personal_attributes/setup/', null)).body.setups.map(
      (s: { name: string }) => s.name,
    );
    expect(setups).toEqual(['Linear track rig 1']);
    expect(
      (await c.get('api/public/personal_attributes/inventory/', null)).body.inventories.map(
        (s: { name: string }) => s.name,
      ),
    ).toEqual(['Shared reagent shelf']);
  });
});

describe('shared models and users', () => {
  it('taxonomies readable by everyone; approvals by their submitter and staff', async () => {
    expect((await c.get('api/private/taxonomies/species/', 'carol')).body.count).toBe(3);
    expect((await c.get('api/public/taxonomies/species/', null)).body.count).toBe(3);
    expect((await c.get('api/private/taxonomies/speciesapproval/', 'carol')).body.count).toBe(0);
    expect((await c.get('api/private/taxonomies/speciesapproval/', 'bob')).body.count).toBe(1);
    expect((await c.get('api/private/taxonomies/speciesapproval/', 'reviewer')).body.count).toBe(1);
  });

  it('users change only their own profile', async () => {
    expect(
      (await c.req('PATCH', 'api/private/users/user/2/', { as: 'carol', body: { website: 'https://x.example.org' } }))
        .status,
    ).toBe(403);
    const own = await c.req('PATCH', 'api/private/users/user/3/', {
      as: 'carol',
      body: { website: 'https://carol.example.org' },
    });
    expect(own.body.user.website).toBe('https://carol.example.org');
    expect((await c.req('DELETE', 'api/private/users/user/3/', { as: 'carol' })).status).toBe(403);
  });
});
