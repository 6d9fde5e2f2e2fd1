/** Subjects of every project (keyed by name), cohorts and breedings. */
import type { DemoRecord, Ref } from './fixture.js';
import { ref } from './fixture.js';

/** A subject of one project; demo subjects are alive, born on the same day and bought from the Jackson Laboratory. */
const subject = (
  name: string,
  project: string,
  strain: string,
  sex: 'M' | 'F',
  { owner = 'alice', supplier = ref('jax') }: { owner?: string; supplier?: Ref | null } = {},
): DemoRecord => ({
  model: 'subject',
  key: name,
  owner,
  fields: {
    name,
    strain: ref(strain),
    sex,
    status: 'active',
    genetic_line: '',
    supplier,
    birth_date: '2023-11-02',
    description: '',
    extra_fields: {},
    tags: [],
  },
  lists: { projects: [ref(project)] },
});

/** Rats come from the labs' own colonies. */
const ownColony = { supplier: null };

export const SUBJECTS: DemoRecord[] = [
  subject('PC-M01', 'placeCells', 'c57', 'M'),
  subject('PC-M02', 'placeCells', 'pvCre', 'F'),
  subject('MS-R01', 'septumCooling', 'longEvans', 'M', ownColony),
  subject('WM-R01', 'workingMemory', 'longEvans', 'F', ownColony),
  subject('CB-M01', 'cerebellarTiming', 'c57', 'F', { owner: 'carol' }),
  subject('allen-mouse-715093703', 'allenNeuropixels', 'c57', 'M'),
  subject('allen-mouse-719161530', 'allenNeuropixels', 'pvCre', 'F'),
  subject('allen-mouse-501940850', 'allenTwoPhoton', 'c57', 'M'),
  subject('ripple-rat-1', 'ripples', 'longEvans', 'M', ownColony),
  {
    model: 'cohort',
    fields: {
      name: 'Place-cell cohort 2024',
      description: 'Mice trained in spring 2024',
      project: ref('placeCells'),
      tags: [],
    },
    lists: { subjects: [ref('PC-M01'), ref('PC-M02')] },
  },
  {
    model: 'breeding',
    fields: {
      name: 'PV-Cre x C57 breeding 1',
      project: ref('placeCells'),
      mother: ref('PC-M02'),
      father: ref('PC-M01'),
      litter_size: 6,
      birth_date: '2024-06-01',
    },
  },
  {
    model: 'cohort',
    fields: { name: 'Allen cohort 2019', project: ref('allenNeuropixels'), tags: [] },
    lists: { subjects: [ref('allen-mouse-715093703'), ref('allen-mouse-719161530')] },
  },
  {
    model: 'breeding',
    fields: {
      name: 'Allen PV-Cre breeding',
      project: ref('allenNeuropixels'),
      mother: ref('allen-mouse-719161530'),
      father: ref('allen-mouse-715093703'),
    },
  },
];
