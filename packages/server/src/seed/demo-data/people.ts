/** Demo accounts, their groups and Alice's laboratory. */
import type { DemoPerson, DemoRecord } from './fixture.js';
import { ref } from './fixture.js';

export const PEOPLE: DemoPerson[] = [
  {
    key: 'alice',
    profile: { website: 'https://andersenlab.example.org', orcid_id: 'https://orcid.org/0000-0000-0000-0001' },
  },
  { key: 'bob' },
  { key: 'carol' },
  { key: 'reviewer', isStaff: true },
];

export const GROUPS: DemoRecord[] = [
  {
    model: 'group',
    key: 'andersenLab',
    fields: { name: 'Andersen Lab' },
    members: [
      { user: 'alice', role: 'owner' },
      { user: 'bob', role: 'member' },
    ],
  },
  {
    model: 'group',
    key: 'christensenLab',
    owner: 'carol',
    fields: { name: 'Christensen Lab' },
    members: [{ user: 'carol', role: 'owner' }],
  },
  {
    model: 'laboratory',
    fields: {
      group: ref('andersenLab'),
      description: 'Systems neuroscience of spatial memory',
      website: 'https://andersenlab.example.org',
      department: 'Department of Neuroscience',
      institution: 'University of Example',
      city: 'Copenhagen',
      country: 'Denmark',
    },
    lists: { principal_investigators: [ref('alice')] },
  },
];
