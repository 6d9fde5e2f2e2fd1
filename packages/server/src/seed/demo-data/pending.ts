/**
 * Work waiting for someone: invitations, a request to join a group, and one proposal by Bob in every approval
 * queue (the reviewer accepts or rejects them).
 */
import type { DemoRecord } from './fixture.js';
import { ref } from './fixture.js';

/** Bob proposes a new accepted record. */
const proposal = (model: string, fields: DemoRecord['fields'], lists?: DemoRecord['lists']): DemoRecord => ({
  model,
  owner: 'bob',
  fields,
  ...(lists ? { lists } : {}),
  serverFields: { action: 'Add', status: 'Pending', instance_id: null, reviewer: null },
});

export const PENDING: DemoRecord[] = [
  {
    model: 'projectgroupmembershipinvitation',
    fields: {
      invitee: ref('christensenLab'),
      project: ref('septumCooling'),
      can_change: false,
      manage_project: false,
      own_project: false,
    },
  },
  {
    model: 'groupmembershipinvitation',
    fields: {
      user_account_invitation: ref('carol'),
      authgroup: ref('andersenLab'),
      new_manager: false,
      new_owner: false,
    },
  },
  proposal('strainapproval', {
    name: 'Thy1-GCaMP6s',
    description: 'Calcium indicator line',
    species: ref('mouse'),
    external_identifiers: [],
  }),
  proposal('setuptypeapproval', { name: 'T-maze', description: 'T-shaped maze', category: 'A' }),
  proposal('behavioralcategoryapproval', { name: 'Fear learning', description: 'Conditioned fear' }),
  proposal(
    'behavioralparadigmapproval',
    { name: 'Contextual fear conditioning', description: 'Shock in a context', external_identifiers: [] },
    { species: [ref('mouse')] },
  ),
  proposal('regulatoryauthorityapproval', {
    name: 'Swedish Board of Agriculture',
    abbreviation: 'SJV',
    country: 'Sweden',
    authority_type: 'national',
    is_active: true,
  }),
  proposal('supplierapproval', {
    name: 'Charles River',
    description: 'Rats and mice',
    website: 'https://www.criver.com',
  }),
  proposal('consumableapproval', {
    name: 'Fluorogold',
    description: 'Retrograde tracer',
    supplier: ref('jax'),
    type: 'TracerDye',
    details: {},
  }),
  proposal('hardwaredeviceapproval', {
    name: 'Neuropixels 2.0 probe',
    description: 'Four-shank probe',
    supplier: ref('imec'),
  }),
  proposal('journalapproval', {
    name: 'eLife',
    description: 'Open-access journal',
    website: 'https://elifesciences.org',
  }),
  proposal('speciesapproval', {
    name: 'Zebra finch',
    description: 'Taeniopygia guttata',
    external_identifiers: [],
  }),
  {
    model: 'projectmembershipinvitation',
    fields: {
      invitee: ref('carol'),
      project: ref('workingMemory'),
      can_change: true,
      manage_project: false,
      own_project: false,
    },
  },
  {
    model: 'groupmembershiprequest',
    owner: 'carol',
    fields: { user_account_request: ref('carol'), authgroup: ref('andersenLab') },
  },
];
