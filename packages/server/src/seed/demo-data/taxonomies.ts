/** Accepted shared records: species, strains, brain regions, setup types, paradigms, suppliers, journals, … */
import type { DemoRecord } from './fixture.js';
import { ref } from './fixture.js';

/** Accepted records belong to nobody. */
const shared = { owner: null } as const;

export const TAXONOMIES: DemoRecord[] = [
  {
    ...shared,
    model: 'species',
    key: 'mouse',
    fields: { name: 'Mouse', description: 'Mus musculus', rrid: null, external_identifiers: [] },
  },
  {
    ...shared,
    model: 'species',
    key: 'rat',
    fields: { name: 'Rat', description: 'Rattus norvegicus', rrid: null, external_identifiers: [] },
  },
  {
    ...shared,
    model: 'species',
    fields: { name: 'Rhesus macaque', description: 'Macaca mulatta', external_identifiers: [] },
  },
  {
    ...shared,
    model: 'strain',
    key: 'c57',
    fields: {
      name: 'C57BL/6J',
      description: 'Inbred mouse strain',
      species: ref('mouse'),
      rrid: 'IMSR_JAX:000664',
      external_identifiers: [],
    },
  },
  {
    ...shared,
    model: 'strain',
    key: 'pvCre',
    fields: {
      name: 'PV-Cre',
      description: 'Parvalbumin-Cre knock-in',
      species: ref('mouse'),
      rrid: 'IMSR_JAX:017320',
      external_identifiers: [],
    },
  },
  {
    ...shared,
    model: 'strain',
    key: 'longEvans',
    fields: { name: 'Long-Evans', description: 'Outbred rat strain', species: ref('rat'), external_identifiers: [] },
  },
  {
    ...shared,
    model: 'brainregion',
    key: 'ca1',
    fields: { name: 'Field CA1', acronym: 'CA1', atlas: 'AIA', description: 'Hippocampal field CA1' },
  },
  {
    ...shared,
    model: 'brainregion',
    fields: { name: 'Primary visual area', acronym: 'VISp', atlas: 'AIA', description: 'Primary visual cortex' },
  },
  { ...shared, model: 'brainregion', fields: { name: 'Medial septal nucleus', acronym: 'MS', atlas: 'AIA' } },
  { ...shared, model: 'brainregion', fields: { name: 'Prelimbic area', acronym: 'PL', atlas: 'AIA' } },
  {
    ...shared,
    model: 'setuptype',
    key: 'linearTrack',
    fields: { name: 'Linear track', description: 'Elevated linear track', category: 'A' },
  },
  {
    ...shared,
    model: 'setuptype',
    fields: { name: 'Head-fixed virtual reality', description: 'Treadmill with screens', category: 'V' },
  },
  {
    ...shared,
    model: 'behavioralcategory',
    key: 'spatialNavigation',
    fields: { name: 'Spatial navigation', description: 'Navigation tasks' },
  },
  {
    ...shared,
    model: 'behavioralparadigm',
    key: 'alternation',
    fields: {
      name: 'Spontaneous alternation',
      description: 'Alternation on a maze',
      category: ref('spatialNavigation'),
      external_identifiers: [],
    },
    lists: { species: [ref('mouse'), ref('rat')] },
  },
  {
    ...shared,
    model: 'regulatoryauthority',
    key: 'danishInspectorate',
    fields: {
      name: 'Danish Animal Experiments Inspectorate',
      abbreviation: 'DAEI',
      country: 'Denmark',
      authority_type: 'national',
      website: 'https://dyreforsoegstilsynet.dk',
      is_active: true,
    },
  },
  {
    ...shared,
    model: 'supplier',
    key: 'jax',
    fields: { name: 'The Jackson Laboratory', description: 'Mouse strains', website: 'https://www.jax.org' },
  },
  {
    ...shared,
    model: 'supplier',
    key: 'imec',
    fields: { name: 'IMEC', description: 'Neuropixels probes', website: 'https://www.neuropixels.org' },
  },
  {
    ...shared,
    model: 'hardwaredevice',
    fields: {
      name: 'Neuropixels 1.0 probe',
      description: '384-channel silicon probe',
      supplier: ref('imec'),
      external_identifiers: [],
    },
  },
  {
    ...shared,
    model: 'consumable',
    key: 'chr2Virus',
    fields: {
      name: 'AAV5-CaMKIIa-hChR2(H134R)-EYFP',
      description: 'Channelrhodopsin virus',
      supplier: ref('jax'),
      type: 'VirusConstruct',
      details: { serotype: 'AAV5' },
      external_identifiers: [],
    },
  },
  {
    ...shared,
    model: 'journal',
    key: 'jNeurosci',
    fields: { name: 'Journal of Neuroscience', description: 'SfN journal', website: 'https://www.jneurosci.org' },
  },
  {
    model: 'publication',
    key: 'placeCellPaper',
    fields: {
      title: 'Place cells on a linear track',
      authors: 'Andersen A, Berg B',
      journal: ref('jNeurosci'),
      abstract: 'We recorded CA1 place cells with silicon probes.',
      doi: '10.0000/demo.2024.001',
      publication_date: '2024-05-01',
    },
  },
];
