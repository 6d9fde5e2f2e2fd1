/**
 * An invitee sees what she is invited to: the `project` of a project (group) membership invitation is shown to
 * the invited user or group manager although she cannot read the project before accepting (docs' examples show
 * `'project': '<project-id>'`). Other relations still show only readable ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECTS } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
const projectIds: Record<string, string> = {};
beforeAll(async () => {
  c = await demoServer();
  const all = (await c.get('api/private/stem/project/?limit=100', 'alice')).body.projects as {
    id: string;
    name: string;
  }[];
  for (const p of all) projectIds[p.name] = p.id;
});
afterAll(() => c.close());

describe('invitations name their project to the invitee', () => {
  it("Carol's project membership invitation shows the project id in the list and the detail", async () => {
    const list = await c.get('api/private/stem/projectmembershipinvitation/', 'carol');
    expect(list.status).toBe(200);
    const [inv] = list.body.project_membership_invitations;
    expect(inv.project).toBe(projectIds[DEMO_PROJECTS.workingMemory]);
    expect(inv.invitee).toEqual(expect.any(Number));
    const detail = await c.get(`api/private/stem/projectmembershipinvitation/${inv.id}/`, 'carol');
    expect(detail.body.project_membership_invitation.project).toBe(projectIds[DEMO_PROJECTS.workingMemory]);
    // She still cannot read the project itself until she accepts.
    expect((await c.get(`api/private/stem/project/${inv.project}/`, 'carol')).status).toBe(404);
  });

  it("Carol's lab's project group membership invitation shows the project id", async () => {
    const list = await c.get('api/private/stem/projectgroupmembershipinvitation/', 'carol');
    expect(list.status).toBe(200);
    const [inv] = list.body.project_group_membership_invitations;
    expect(inv.project).toBe(projectIds[DEMO_PROJECTS.septumCooling]);
    expect(inv.invitee).toEqual(expect.any(Number));
  });

  it('the managing side sees the same record', async () => {
    const list = await c.get('api/private/stem/projectmembershipinvitation/', 'alice');
    const [inv] = list.body.project_membership_invitations;
    expect(inv.project).toBe(projectIds[DEMO_PROJECTS.workingMemory]);
  });
});
