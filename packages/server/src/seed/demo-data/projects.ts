/** The demo projects: four private ones of the Andersen and Christensen labs, three public open-data ones. */
import type { DemoRecord } from './fixture.js';
import { ref } from './fixture.js';

/** Names of the demo projects (tests and docs refer to them). */
export const DEMO_PROJECTS = {
  placeCells: 'Hippocampal place cells (Andersen lab)',
  septumCooling: 'Medial septum cooling (Andersen lab)',
  workingMemory: 'Prefrontal working memory (Andersen lab)',
  carol: 'Cerebellar timing (Christensen lab)',
  allenNeuropixels: 'Allen Institute: Visual Coding – Neuropixels',
  allenTwoPhoton: 'Allen Institute: Visual Coding – Two-photon imaging',
  ripples: 'Hippocampal sharp-wave ripples – open data',
} as const;

export const PROJECTS: DemoRecord[] = [
  {
    model: 'project',
    key: 'placeCells',
    fields: {
      name: DEMO_PROJECTS.placeCells,
      description: 'CA1 place cells recorded with silicon probes on a linear track',
      is_public: false,
      tags: ['hippocampus', 'ephys'],
      extra_fields: { temperature: 'ambient' },
    },
    lists: { publications: [ref('placeCellPaper')] },
    access: [
      { user: 'alice', level: 'owner' },
      { user: 'bob', level: 'member' },
    ],
  },
  {
    model: 'project',
    key: 'septumCooling',
    fields: {
      name: DEMO_PROJECTS.septumCooling,
      description: 'Cooling the medial septum slows theta oscillations',
      is_public: false,
      tags: ['medial septum', 'cooling'],
      extra_fields: {},
    },
    access: [
      { user: 'alice', level: 'owner' },
      { user: 'bob', level: 'contributor' },
      { group: 'andersenLab', level: 'member' },
    ],
  },
  {
    model: 'project',
    key: 'workingMemory',
    fields: {
      name: DEMO_PROJECTS.workingMemory,
      description: 'Prefrontal activity during delayed alternation',
      is_public: false,
      tags: ['prefrontal'],
      extra_fields: {},
    },
    access: [{ user: 'alice', level: 'owner' }],
  },
  {
    model: 'project',
    key: 'cerebellarTiming',
    owner: 'carol',
    fields: {
      name: DEMO_PROJECTS.carol,
      description: 'Cerebellar Purkinje cell timing in eyeblink conditioning',
      is_public: false,
      tags: ['cerebellum'],
      extra_fields: {},
    },
    access: [{ user: 'carol', level: 'owner' }],
  },
  {
    model: 'project',
    key: 'allenNeuropixels',
    fields: {
      name: DEMO_PROJECTS.allenNeuropixels,
      description: 'Open dataset: Neuropixels recordings across mouse visual cortex and thalamus',
      is_public: true,
      tags: ['visual cortex', 'neuropixels', 'open data'],
      extra_fields: {},
    },
    access: [{ user: 'alice', level: 'owner' }],
  },
  {
    model: 'project',
    key: 'allenTwoPhoton',
    fields: {
      name: DEMO_PROJECTS.allenTwoPhoton,
      description: 'Open dataset: two-photon calcium imaging of mouse visual cortex',
      is_public: true,
      tags: ['visual cortex', 'calcium imaging', 'open data'],
      extra_fields: {},
    },
    access: [{ user: 'alice', level: 'owner' }],
  },
  {
    model: 'project',
    key: 'ripples',
    fields: {
      name: DEMO_PROJECTS.ripples,
      description: 'Open dataset: sharp-wave ripples in rat CA1 during sleep',
      is_public: true,
      tags: ['hippocampus', 'open data'],
      extra_fields: {},
    },
    access: [{ user: 'alice', level: 'owner' }],
  },
];
