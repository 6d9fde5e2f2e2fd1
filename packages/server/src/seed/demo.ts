/**
 * Demo data (`seed: 'demo'`): four users, two groups, private and public projects with subjects, sessions and
 * modules, personal attributes, taxonomies, pending approvals and invitations. Documented in the README.
 * Everything is inserted through the generic write path in one transaction (≈ a few ms).
 */
import { randomUUID } from 'node:crypto';
import { insertToken } from '../auth/tokens.js';
import { createUser } from '../auth/users.js';
import type { ServerContext } from '../context.js';
import { tableOf } from '../db/schema.js';
import { nowIso, stmt } from '../db/statements.js';
import { DEMO_USERS } from '../demo-users.js';
import { LEVEL } from '../permissions/levels.js';
import { insertRecord } from '../records/write.js';

/** scrypt hash of `brainstem-demo` (precomputed so the demo starts fast; format in auth/passwords.ts). */
const DEMO_PASSWORD_HASH = 'scrypt$16384$8$1$YnJhaW5zdGVtLWRlbW8tc2FsdA==$hxKGtlDTFjGmmFXSK4GD5kB8O6pxBQm+ou/vilK1qJc=';

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

export interface SeedOptions {
  /** Extra sessions added to Alice's project "Hippocampal place cells" (benchmarks load 20,000). */
  sessions?: number;
}

type Cols = Record<string, unknown>;

/** Load the demo data into an empty database. */
export function seedDemo(ctx: ServerContext, opts: SeedOptions = {}): void {
  const { db } = ctx;
  const existing = stmt(db, 'SELECT count(*) AS n FROM users').get() as { n: number };
  if (existing.n > 0) {
    if (opts.sessions) seedSessions(ctx, opts.sessions);
    return;
  }
  db.transaction(() => seedAll(ctx))();
  if (opts.sessions) seedSessions(ctx, opts.sessions);
  ctx.bump();
}

function seedAll(ctx: ServerContext): void {
  const { db } = ctx;
  const users: Record<string, number> = {};
  for (const [key, u] of Object.entries(DEMO_USERS)) {
    const [first, last] = u.name.split(' ');
    const created = createUser(db, {
      email: u.email,
      passwordHash: DEMO_PASSWORD_HASH,
      first_name: first,
      last_name: last,
      is_staff: key === 'reviewer',
    });
    users[key] = created.id;
    insertToken(db, created.id, 'demo token', u.token);
  }
  const alice = users.alice as number;
  const bob = users.bob as number;
  const carol = users.carol as number;
  stmt(
    db,
    "UPDATE users SET website = 'https://andersenlab.example.org', orcid_id = 'https://orcid.org/0000-0000-0000-0001' WHERE id = ?",
  ).run(alice);

  const add = (
    model: string,
    columns: Cols,
    owner: number | null = alice,
    lists: Record<string, (string | number)[]> = {},
    extra: Cols = {},
  ) => insertRecord(ctx, tableOf(model), { columns, lists, special: {} }, owner, extra) as string;
  const json = (v: unknown) => JSON.stringify(v);
  /** A coordinate in millimetres, as the coordinates schemas' numberUnit objects hold it. */
  const MM = (value: number) => ({ value, unit: 'mm' });

  // Groups.
  const lab = add('group', { name: 'Andersen Lab' }) as unknown as number;
  const carolLab = add('group', { name: 'Christensen Lab' }, carol) as unknown as number;
  const member = stmt(db, 'INSERT INTO group_members (group_id, user_id, is_manager, is_owner) VALUES (?, ?, ?, ?)');
  member.run(lab, alice, 1, 1);
  member.run(lab, bob, 0, 0);
  member.run(carolLab, carol, 1, 1);
  add(
    'laboratory',
    {
      group: lab,
      description: 'Systems neuroscience of spatial memory',
      website: 'https://andersenlab.example.org',
      department: 'Department of Neuroscience',
      institution: 'University of Example',
      city: 'Copenhagen',
      country: 'Denmark',
    },
    alice,
    { principal_investigators: [alice] },
  );

  // Taxonomies and resources (accepted records).
  const mouse = add(
    'species',
    { name: 'Mouse', description: 'Mus musculus', rrid: null, external_identifiers: '[]' },
    null,
  );
  const rat = add(
    'species',
    { name: 'Rat', description: 'Rattus norvegicus', rrid: null, external_identifiers: '[]' },
    null,
  );
  add('species', { name: 'Rhesus macaque', description: 'Macaca mulatta', external_identifiers: '[]' }, null);
  const c57 = add(
    'strain',
    {
      name: 'C57BL/6J',
      description: 'Inbred mouse strain',
      species: mouse,
      rrid: 'IMSR_JAX:000664',
      external_identifiers: '[]',
    },
    null,
  );
  const pvcre = add(
    'strain',
    {
      name: 'PV-Cre',
      description: 'Parvalbumin-Cre knock-in',
      species: mouse,
      rrid: 'IMSR_JAX:017320',
      external_identifiers: '[]',
    },
    null,
  );
  const longEvans = add(
    'strain',
    { name: 'Long-Evans', description: 'Outbred rat strain', species: rat, external_identifiers: '[]' },
    null,
  );
  const ca1 = add(
    'brainregion',
    { name: 'Field CA1', acronym: 'CA1', atlas: 'AIA', description: 'Hippocampal field CA1' },
    null,
  );
  add(
    'brainregion',
    { name: 'Primary visual area', acronym: 'VISp', atlas: 'AIA', description: 'Primary visual cortex' },
    null,
  );
  add('brainregion', { name: 'Medial septal nucleus', acronym: 'MS', atlas: 'AIA' }, null);
  add('brainregion', { name: 'Prelimbic area', acronym: 'PL', atlas: 'AIA' }, null);
  const linearTrack = add(
    'setuptype',
    { name: 'Linear track', description: 'Elevated linear track', category: 'A' },
    null,
  );
  add('setuptype', { name: 'Head-fixed virtual reality', description: 'Treadmill with screens', category: 'V' }, null);
  const spatialNav = add('behavioralcategory', { name: 'Spatial navigation', description: 'Navigation tasks' }, null);
  const alternation = add(
    'behavioralparadigm',
    {
      name: 'Spontaneous alternation',
      description: 'Alternation on a maze',
      category: spatialNav,
      external_identifiers: '[]',
    },
    null,
    { species: [mouse, rat] },
  );
  const authority = add(
    'regulatoryauthority',
    {
      name: 'Danish Animal Experiments Inspectorate',
      abbreviation: 'DAEI',
      country: 'Denmark',
      authority_type: 'national',
      website: 'https://dyreforsoegstilsynet.dk',
      is_active: 1,
    },
    null,
  );
  const jax = add(
    'supplier',
    { name: 'The Jackson Laboratory', description: 'Mouse strains', website: 'https://www.jax.org' },
    null,
  );
  const imec = add(
    'supplier',
    { name: 'IMEC', description: 'Neuropixels probes', website: 'https://www.neuropixels.org' },
    null,
  );
  const npx = add(
    'hardwaredevice',
    {
      name: 'Neuropixels 1.0 probe',
      description: '384-channel silicon probe',
      supplier: imec,
      external_identifiers: '[]',
    },
    null,
  );
  const virus = add(
    'consumable',
    {
      name: 'AAV5-CaMKIIa-hChR2(H134R)-EYFP',
      description: 'Channelrhodopsin virus',
      supplier: jax,
      type: 'VirusConstruct',
      details: json({ serotype: 'AAV5' }),
      external_identifiers: '[]',
    },
    null,
  );
  const jneuro = add(
    'journal',
    { name: 'Journal of Neuroscience', description: 'SfN journal', website: 'https://www.jneurosci.org' },
    null,
  );
  const paper = add('publication', {
    title: 'Place cells on a linear track',
    authors: 'Andersen A, Berg B',
    journal: jneuro,
    abstract: 'We recorded CA1 place cells with silicon probes.',
    doi: '10.0000/demo.2024.001',
    publication_date: '2024-05-01',
  });

  // Personal attributes of Alice, shared with her lab (members read).
  const share = (model: string, id: string, groupLevel: number = LEVEL.member) => {
    stmt(db, 'INSERT INTO attr_grants (model, record_id, user_id, group_id, level) VALUES (?, ?, ?, NULL, ?)').run(
      model,
      id,
      alice,
      LEVEL.owner,
    );
    stmt(db, 'INSERT INTO attr_grants (model, record_id, user_id, group_id, level) VALUES (?, ?, NULL, ?, ?)').run(
      model,
      id,
      lab,
      groupLevel,
    );
  };
  const setup = add('setup', {
    name: 'Linear track rig 1',
    location: 'Room 2.14',
    description: '2 m linear track with reward ports',
    setup_type: linearTrack,
    specifications: json({ Length: 200, Width: 10 }),
    is_public: 1,
  });
  share('setup', setup, LEVEL.contributor);
  const nas = add('datastorage', {
    name: 'Andersen lab NAS',
    location: 'Server room B',
    description: 'Raw data storage',
    is_public: 1,
    data_organization: json([{ elements: 'Project/Subject/Session' }]),
    data_protocols: json([{ protocol: 'SMB', path: '//nas/data' }]),
  });
  share('datastorage', nas);
  const freezer = add('inventory', {
    name: 'Lab freezer -80',
    location: 'Room 2.10',
    description: 'Viruses and reagents',
  });
  share('inventory', freezer);
  const assay = add('behavioralassay', {
    name: 'Linear track running',
    description: 'Back-and-forth running for water reward',
    setup_type: linearTrack,
    behavioral_paradigm: alternation,
    is_public: 1,
  });
  share('behavioralassay', assay);
  const license = add(
    'license',
    {
      name: 'Animal experimentation license 2024-17',
      type: 'animal_research_authorization',
      status: 'active',
      country: 'Denmark',
      regulatory_authority: authority,
      license_number: '2024-15-0201-01717',
      valid_from: '2024-01-01',
      valid_until: '2028-12-31',
    },
    alice,
    { license_holders: [alice] },
  );
  share('license', license);
  const camera = add('equipment', {
    name: 'Overhead camera',
    type: 'Camera',
    setup,
    coordinates_system: 'External_XYZ_Absolute',
    details: '{}',
    coordinates_details: json({
      x: { value: 0.6, unit: 'm' },
      y: { value: 0.4, unit: 'm' },
      z: { value: 1.5, unit: 'm' },
    }),
  });
  const amplifier = add('equipment', {
    name: 'Intan RHD2000',
    type: 'Amplifier',
    setup,
    coordinates_system: 'External_XYZ_Absolute',
    details: '{}',
    coordinates_details: json({
      x: { value: 1.2, unit: 'm' },
      y: { value: 0, unit: 'm' },
      z: { value: 0.8, unit: 'm' },
    }),
  });
  const stock = add('consumablestock', {
    type: 'VirusSolution',
    status: 'AVAILABLE',
    inventory: freezer,
    consumable: virus,
    storage_location: 'Rack 3',
    details: json({ titer: { value: 1e13, unit: 'vg/mL' }, volume: { value: 100, unit: 'µL' }, batchId: 'B-0421' }),
  });
  // Carol's own setup (not shared with the Andersen lab).
  const carolSetup = add(
    'setup',
    { name: 'Eyeblink conditioning rig', location: 'C-wing', setup_type: linearTrack, specifications: '{}' },
    carol,
  );
  stmt(db, 'INSERT INTO attr_grants (model, record_id, user_id, group_id, level) VALUES (?, ?, ?, NULL, ?)').run(
    'setup',
    carolSetup,
    carol,
    LEVEL.owner,
  );

  // Projects and grants.
  const grant = stmt(db, 'INSERT INTO project_grants (project_id, user_id, group_id, level) VALUES (?, ?, ?, ?)');
  const project = (
    name: string,
    description: string,
    owner: number,
    isPublic: boolean,
    tags: string[] = [],
    extra: Cols = {},
  ) => {
    const id = add(
      'project',
      { name, description, is_public: isPublic ? 1 : 0, tags: json(tags), extra_fields: json(extra) },
      owner,
      { publications: [] },
    );
    grant.run(id, owner, null, LEVEL.owner);
    return id;
  };
  const p1 = project(
    DEMO_PROJECTS.placeCells,
    'CA1 place cells recorded with silicon probes on a linear track',
    alice,
    false,
    ['hippocampus', 'ephys'],
    { temperature: 'ambient' },
  );
  const p2 = project(DEMO_PROJECTS.septumCooling, 'Cooling the medial septum slows theta oscillations', alice, false, [
    'medial septum',
    'cooling',
  ]);
  const p3 = project(DEMO_PROJECTS.workingMemory, 'Prefrontal activity during delayed alternation', alice, false, [
    'prefrontal',
  ]);
  const p4 = project(DEMO_PROJECTS.carol, 'Cerebellar Purkinje cell timing in eyeblink conditioning', carol, false, [
    'cerebellum',
  ]);
  const p5 = project(
    DEMO_PROJECTS.allenNeuropixels,
    'Open dataset: Neuropixels recordings across mouse visual cortex and thalamus',
    alice,
    true,
    ['visual cortex', 'neuropixels', 'open data'],
  );
  const p6 = project(
    DEMO_PROJECTS.allenTwoPhoton,
    'Open dataset: two-photon calcium imaging of mouse visual cortex',
    alice,
    true,
    ['visual cortex', 'calcium imaging', 'open data'],
  );
  const p7 = project(DEMO_PROJECTS.ripples, 'Open dataset: sharp-wave ripples in rat CA1 during sleep', alice, true, [
    'hippocampus',
    'open data',
  ]);
  stmt(db, 'INSERT INTO j_project_publications (src, dst, pos) VALUES (?, ?, 0)').run(p1, paper);
  grant.run(p1, bob, null, LEVEL.member); // Bob: read-only member
  grant.run(p2, bob, null, LEVEL.contributor); // Bob: contributor
  grant.run(p2, null, lab, LEVEL.member); // the lab group can read the cooling project

  // Subjects.
  const subject = (name: string, projects: string[], strain: string, sex: string, owner = alice, extra: Cols = {}) =>
    add(
      'subject',
      {
        name,
        strain,
        sex,
        status: 'active',
        genetic_line: '',
        supplier: jax,
        birth_date: '2023-11-02',
        description: '',
        extra_fields: '{}',
        tags: '[]',
        ...extra,
      },
      owner,
      { projects },
    );
  const m1 = subject('PC-M01', [p1], c57, 'M');
  const m2 = subject('PC-M02', [p1], pvcre, 'F');
  const r1 = subject('MS-R01', [p2], longEvans, 'M', alice, { supplier: null });
  const r2 = subject('WM-R01', [p3], longEvans, 'F', alice, { supplier: null });
  const c1 = subject('CB-M01', [p4], c57, 'F', carol);
  const a1 = subject('allen-mouse-715093703', [p5], c57, 'M');
  const a2 = subject('allen-mouse-719161530', [p5], pvcre, 'F');
  const a3 = subject('allen-mouse-501940850', [p6], c57, 'M');
  const rr = subject('ripple-rat-1', [p7], longEvans, 'M', alice, { supplier: null });
  add(
    'cohort',
    { name: 'Place-cell cohort 2024', description: 'Mice trained in spring 2024', project: p1, tags: '[]' },
    alice,
    { subjects: [m1, m2] },
  );
  add('breeding', {
    name: 'PV-Cre x C57 breeding 1',
    project: p1,
    mother: m2,
    father: m1,
    litter_size: 6,
    birth_date: '2024-06-01',
  });

  // Procedures and logs.
  const craniotomy = add(
    'procedure',
    {
      type: 'Craniotomy',
      notes: 'Right hemisphere above CA1',
      subject: m1,
      date_time: '2024-02-20T09:30:00Z',
      brain_region: ca1,
      coordinates_system: 'Stereotaxic_BregmaBrainSurface',
      coordinates_details: json({ apCoordinate: MM(-2.0), mlCoordinate: MM(1.5), depth: MM(0) }),
      details: json({ shape: 'Circular', dimensions: '3 mm diameter', surgicalMethod: 'Dental drill' }),
    },
    alice,
    { equipment: [] },
  );
  const implant = add(
    'procedure',
    {
      type: 'SiliconProbeImplant',
      notes: 'Neuropixels 1.0, CA1',
      subject: m1,
      date_time: '2024-02-20T10:15:00Z',
      brain_region: ca1,
      coordinates_system: 'Stereotaxic_BregmaBrainSurface',
      coordinates_details: json({ apCoordinate: MM(-2.0), mlCoordinate: MM(1.5), depth: MM(1.2) }),
      details: json({ probeId: 'NP1-18005117', sterilizationMethod: 'Ethylene Oxide' }),
    },
    alice,
    { equipment: [amplifier] },
  );
  const injection = add('procedure', {
    type: 'VirusInjection',
    notes: 'ChR2 in medial septum',
    subject: r1,
    consumablestock: stock,
    date_time: '2024-01-10T11:00:00Z',
    coordinates_system: 'Stereotaxic_BregmaBrainSurface',
    coordinates_details: json({ apCoordinate: MM(0.5), mlCoordinate: MM(0), depth: MM(4.5) }),
    details: json({
      injectionProfile: 'Bolus Injection',
      injectionVolume: { value: 500, unit: 'nL' },
      injectionRate: { value: 100, unit: 'nL/min' },
    }),
  });
  add('procedure', {
    type: 'Headpost',
    subject: a1,
    date_time: '2019-03-01T10:00:00Z',
    coordinates_system: 'CCF_XYZ_Absolute',
    details: json({ material: 'Titanium', attachmentMethod: 'dental cement', constructionMethod: 'milled' }),
    coordinates_details: '{}',
  });
  add('procedurelog', {
    type: 'Impedances',
    description: 'Probe impedance checks',
    procedure: implant,
    entries: json([
      { date_time: '2024-02-21T08:00:00Z', notes: 'All channels OK', details: { impedances: [150, 160, 155] } },
    ]),
  });
  add(
    'subjectlog',
    {
      type: 'Weighing',
      description: 'Daily weight',
      subject: m1,
      entries: json([
        { date_time: '2024-03-02T08:00:00Z', notes: null, details: { weight: { value: 25.1, unit: 'g' } } },
        { date_time: '2024-03-01T08:00:00Z', notes: null, details: { weight: { value: 24.8, unit: 'g' } } },
      ]),
    },
    alice,
    {},
    { user: alice },
  );
  add(
    'subjectlog',
    {
      type: 'Housing',
      description: 'Home cage',
      subject: m1,
      entries: json([
        {
          start_date_time: '2024-02-01T00:00:00Z',
          end_date_time: '2024-04-01T00:00:00Z',
          notes: 'Single housed after implant',
          details: { cageId: 'C-112', cageType: 'Individually ventilated', lightCycle: '12:12' },
        },
      ]),
    },
    alice,
    {},
    { user: alice },
  );
  add(
    'subjectlog',
    { type: 'WaterDeprivation', description: 'Water restriction for training', subject: m2, entries: '[]' },
    alice,
    {},
    { user: alice },
  );

  // Sessions and modules.
  const session = (name: string, projects: string[], date: string, owner = alice, extra: Cols = {}) => {
    const id = add(
      'session',
      { name, description: '', date_time: date, extra_fields: '{}', download_links: '[]', tags: '[]', ...extra },
      owner,
      { projects },
    );
    return id;
  };
  const s1 = session('PC-M01_2024-03-01', [p1], '2024-03-01T10:00:00Z', alice, {
    description: 'First linear track session',
    extra_fields: json({ track_length_cm: 200, reward: 'water' }),
    tags: json(['linear track']),
  });
  const s2 = session('PC-M01_2024-03-02', [p1], '2024-03-02T10:00:00Z');
  const s3 = session('PC-M02_2024-03-05', [p1], '2024-03-05T14:00:00Z');
  const s4 = session('MS-R01_cooling_1', [p2], '2024-01-20T09:00:00Z', alice, {
    description: 'Septal cooling, 20 min',
  });
  const s5 = session('MS-R01_cooling_2', [p2], '2024-01-21T09:00:00Z');
  session('WM-R01_delay_1', [p3], '2024-04-10T13:00:00Z');
  session('CB-M01_day1', [p4], '2024-05-02T09:00:00Z', carol);
  const s8 = session('allen_ecephys_715093703', [p5], '2019-01-10T12:00:00Z', alice, {
    description: 'Neuropixels recording, drifting gratings and natural scenes',
    download_links: json([{ repository: 'DANDI', url: 'https://dandiarchive.org/dandiset/000021' }]),
  });
  const s9 = session('allen_ecephys_719161530', [p5], '2019-01-17T12:00:00Z');
  const s10 = session('allen_ophys_501940850', [p6], '2016-05-04T12:00:00Z');
  const s11 = session('ripples_sleep_1', [p7], '2015-09-12T22:00:00Z');
  for (const s of [s1, s2, s3, s4]) {
    const sds = stmt(
      db,
      'INSERT INTO t_sessiondatastorage (id, session, datastorage, "order", created_date, modified_date, owner_id) VALUES (?, ?, ?, 0, ?, ?, ?)',
    );
    sds.run(randomUUID(), s, nas, nowIso(), nowIso(), alice);
  }
  for (const [s, subj] of [
    [s1, m1],
    [s2, m1],
    [s3, m2],
    [s8, a1],
    [s9, a2],
  ] as const) {
    add('behavior', { session: s, setup, behavioralassay: assay, notes: 'Running for water reward', order: 0 }, alice, {
      subjects: [subj],
    });
  }
  for (const s of [s1, s2, s3, s8, s9, s11]) {
    add(
      'dataacquisition',
      {
        type: 'ExtracellularEphys',
        notes: 'Neuropixels 1.0, 30 kHz',
        session: s,
        details: json({ fileName: 'continuous.dat', format: 'int16', nChannels: 384, sr: { value: 30, unit: 'kHz' } }),
        order: 0,
      },
      alice,
      { procedures: s === s1 || s === s2 ? [implant] : [], equipment: [] },
    );
  }
  add('dataacquisition', {
    type: 'TwoPhotonMicroscopy',
    notes: '30 Hz, 512x512',
    session: s10,
    details: json({
      frameRate: { value: 30, unit: 'Hz' },
      horizontalResolution: 512,
      verticalResolution: 512,
      excitationWavelength: { value: 920, unit: 'nm' },
    }),
  });
  add(
    'manipulation',
    {
      type: 'OptogeneticStimulation',
      notes: '473 nm, 10 ms pulses',
      session: s5,
      details: json([
        {
          wavelength: { value: 473, unit: 'nm' },
          duration: { value: 10, unit: 'ms' },
          power: { value: 10, unit: 'mW' },
        },
      ]),
    },
    alice,
    { procedures: [injection], equipment: [] },
  );
  add(
    'manipulation',
    {
      type: 'ThermalPerturbation',
      notes: 'Septal cooling to 20 °C',
      session: s4,
      details: json([{ amplitude: { value: 20, unit: '°C' }, duration: { value: 10, unit: 'min' } }]),
    },
    alice,
    { procedures: [craniotomy], equipment: [] },
  );
  add(
    'collection',
    { name: 'Good place-cell sessions', description: 'Sessions with >50 place cells', project: p1, tags: '[]' },
    alice,
    { sessions: [s1, s3] },
  );

  // Public project contents beyond sessions: cohort, collection, breeding, logs, a manipulation.
  add('cohort', { name: 'Allen cohort 2019', project: p5, tags: '[]' }, alice, { subjects: [a1, a2] });
  add('collection', { name: 'Allen drifting gratings', project: p5, tags: '[]' }, alice, { sessions: [s8, s9] });
  add('breeding', { name: 'Allen PV-Cre breeding', project: p5, mother: a2, father: a1 });
  add(
    'subjectlog',
    {
      type: 'Weighing',
      description: 'Weekly weight',
      subject: a1,
      entries: json([
        { date_time: '2019-01-03T09:00:00Z', notes: null, details: { weight: { value: 24.0, unit: 'g' } } },
      ]),
    },
    alice,
    {},
    { user: alice },
  );
  const headpost = stmt(db, 'SELECT id FROM t_procedure WHERE subject = ?').get(a1) as { id: string };
  add('procedurelog', {
    type: 'LinearDisplacement',
    description: 'Probe depth',
    procedure: headpost.id,
    entries: json([
      { date_time: '2019-01-10T11:00:00Z', notes: null, details: { displacement: { value: 3.2, unit: 'mm' } } },
    ]),
  });
  add(
    'manipulation',
    {
      type: 'VisualStimulation',
      notes: 'Drifting gratings, 8 directions',
      session: s8,
      details: json([{ presentationDevice: 'Monitor', duration: { value: 2, unit: 's' }, repetitions: 8 }]),
    },
    alice,
    { procedures: [headpost.id], equipment: [] },
  );
  const publicInventory = add('inventory', {
    name: 'Shared reagent shelf',
    location: 'Room 2.11',
    description: 'Open reagent list',
    is_public: 1,
  });
  share('inventory', publicInventory);
  add('consumablestock', {
    type: 'TracerDye',
    status: 'AVAILABLE',
    inventory: publicInventory,
    storage_location: 'Shelf 1',
    details: json({ dyeType: 'Retrograde Tracer', fluorophore: 'Fluoro-Gold', routeOfApplication: 'Injection' }),
  });
  stmt(db, 'UPDATE t_license SET is_public = 1 WHERE id = ?').run(license);
  add('projectgroupmembershipinvitation', {
    invitee: carolLab,
    project: p2,
    can_change: 0,
    manage_project: 0,
    own_project: 0,
  });
  add('groupmembershipinvitation', { user_account_invitation: carol, authgroup: lab, new_manager: 0, new_owner: 0 });
  // One pending proposal in every approval queue, submitted by Bob (the reviewer accepts or rejects them).
  const propose = (model: string, columns: Cols, lists: Record<string, (string | number)[]> = {}) =>
    insertRecord(ctx, tableOf(model), { columns, lists, special: {} }, bob, {
      action: 'Add',
      status: 'Pending',
      instance_id: null,
      reviewer: null,
    });
  propose('strainapproval', {
    name: 'Thy1-GCaMP6s',
    description: 'Calcium indicator line',
    species: mouse,
    external_identifiers: '[]',
  });
  propose('setuptypeapproval', { name: 'T-maze', description: 'T-shaped maze', category: 'A' });
  propose('behavioralcategoryapproval', { name: 'Fear learning', description: 'Conditioned fear' });
  propose(
    'behavioralparadigmapproval',
    { name: 'Contextual fear conditioning', description: 'Shock in a context', external_identifiers: '[]' },
    { species: [mouse] },
  );
  propose('regulatoryauthorityapproval', {
    name: 'Swedish Board of Agriculture',
    abbreviation: 'SJV',
    country: 'Sweden',
    authority_type: 'national',
    is_active: 1,
  });
  propose('supplierapproval', {
    name: 'Charles River',
    description: 'Rats and mice',
    website: 'https://www.criver.com',
  });
  propose('consumableapproval', {
    name: 'Fluorogold',
    description: 'Retrograde tracer',
    supplier: jax,
    type: 'TracerDye',
    details: '{}',
  });
  propose('hardwaredeviceapproval', { name: 'Neuropixels 2.0 probe', description: 'Four-shank probe', supplier: imec });
  propose('journalapproval', {
    name: 'eLife',
    description: 'Open-access journal',
    website: 'https://elifesciences.org',
  });

  // Pending work: a species proposal by Bob, an invitation of Carol into the working-memory project, and a
  // request by Carol to join the Andersen lab.
  insertRecord(
    ctx,
    tableOf('speciesapproval'),
    {
      columns: { name: 'Zebra finch', description: 'Taeniopygia guttata', external_identifiers: '[]' },
      lists: {},
      special: {},
    },
    bob,
    {
      action: 'Add',
      status: 'Pending',
      instance_id: null,
      reviewer: null,
    },
  );
  add('projectmembershipinvitation', { invitee: carol, project: p3, can_change: 1, manage_project: 0, own_project: 0 });
  add('groupmembershiprequest', { user_account_request: carol, authgroup: lab }, carol);
  // Records created for realism that nothing above references again.
  void [npx, camera, r2, c1, a3, rr];
}

/**
 * Add `n` sessions to Alice's project "Hippocampal place cells", in one transaction with prepared statements
 * (20,000 take well under a second).
 */
export function seedSessions(ctx: ServerContext, n: number): void {
  const { db } = ctx;
  const project = stmt(db, 'SELECT id FROM t_project WHERE name = ?').get(DEMO_PROJECTS.placeCells) as
    | { id: string }
    | undefined;
  const alice = stmt(db, 'SELECT id FROM users WHERE email = ?').get(DEMO_USERS.alice.email) as
    | { id: number }
    | undefined;
  if (!project || !alice) throw new Error('seedSessions needs the demo data (seed: "demo")');
  const start = (
    stmt(db, "SELECT count(*) AS n FROM t_session WHERE name LIKE 'bench-session-%'").get() as { n: number }
  ).n;
  const insert = db.prepare(
    `INSERT INTO t_session (id, name, description, date_time, extra_fields, download_links, name_used_in_storage, tags, created_date, modified_date, owner_id)
     VALUES (?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?)`,
  );
  const link = db.prepare('INSERT INTO j_session_projects (src, dst, pos) VALUES (?, ?, 0)');
  const base = Date.parse('2024-06-01T08:00:00Z');
  db.transaction(() => {
    const now = nowIso();
    for (let i = start; i < start + n; i++) {
      const id = randomUUID();
      const name = `bench-session-${String(i + 1).padStart(6, '0')}`;
      const date = new Date(base + i * 3_600_000).toISOString().replace('.000Z', 'Z');
      insert.run(
        id,
        name,
        `Benchmark session ${i + 1}`,
        date,
        `{"trial_count":${(i * 37) % 400},"rig":"rig-${i % 4}"}`,
        name,
        i % 2 ? '["bench"]' : '["bench","odd"]',
        now,
        now,
        alice.id,
      );
      link.run(id, project.id);
    }
  })();
  ctx.bump();
}
