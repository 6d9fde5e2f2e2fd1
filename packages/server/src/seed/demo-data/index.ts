/**
 * The demo data in load order (a record comes after the records it refers to): four users, two groups,
 * private and public projects with subjects, sessions and modules, personal attributes, taxonomies, pending
 * approvals and invitations. Documented in the README.
 */
import type { DemoRecord } from './fixture.js';
import { LAB_RESOURCES } from './lab-resources.js';
import { PENDING } from './pending.js';
import { GROUPS } from './people.js';
import { PROCEDURES } from './procedures.js';
import { PROJECTS } from './projects.js';
import { SESSIONS } from './sessions.js';
import { SUBJECTS } from './subjects.js';
import { TAXONOMIES } from './taxonomies.js';

export type { DemoPerson, DemoRecord } from './fixture.js';
export { PEOPLE } from './people.js';
export { DEMO_PROJECTS } from './projects.js';

export const DEMO_RECORDS: readonly DemoRecord[] = [
  ...GROUPS,
  ...TAXONOMIES,
  ...LAB_RESOURCES,
  ...PROJECTS,
  ...SUBJECTS,
  ...PROCEDURES,
  ...SESSIONS,
  ...PENDING,
];
