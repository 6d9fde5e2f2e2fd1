// Realistic spreadsheets for the import e2e tests, one per import type, as a lab would fill the templates: quoted
// commas, a BOM, JSON columns, a bad date, a missing lookup and a duplicate row. `expected` gives each data line's
// status on the first run.

export interface Fixture {
  csv: string;
  /** Status of each data line on the first run. */
  expected: Record<number, 'created' | 'existing' | 'error'>;
}

/** Ids of demo records and of records created by earlier files. */
export interface FixtureIds {
  setup: string;
  assay: string;
  equipment: string;
  datastorage: string;
  /** Procedures created by the procedures file (filled in once it ran). */
  procedures: string[];
}

const BOM = '\uFEFF';
const GONE = '00000000-0000-4000-8000-000000000000'; // a well-formed UUID of no record
const P = 'Import test: auditory cortex';

const csv = (lines: string[], sep = '\r\n') => BOM + lines.join(sep) + sep;

export function fixtures(ids: FixtureIds): Record<string, Fixture> {
  const [proc1, proc2] = ids.procedures;
  return {
    projects: {
      csv: csv([
        'project__name,project__description,project__is_public,project__tags,project__authenticated_groups,project__users__can_change,project__users__is_manager,project__users__is_owner,lab_notes',
        `${P},"<p>Two-photon, awake mice.</p>",Yes,"auditory, cortex",Andersen Lab,bob@example.org,,,free text`,
        'Import test: olfaction,Odor responses,ENABLED,olfaction,,,,,',
        `  ${P}  ,"<p>Two-photon, awake mice.</p>",yes,"auditory, cortex",,,,,duplicate`,
        `,no name,,,,,,,`,
        `${'x'.repeat(201)},too long,,,,,,,`,
      ]),
      expected: { 2: 'created', 3: 'created', 4: 'existing', 5: 'error', 6: 'error' },
    },
    // European Excel: ';' separated.
    subjects: {
      csv: csv([
        'project__name;subject__name;subject__sex;subject__description;subject__strain;subject__genetic_line;subject__subject_identifier;subject__supplier;subject__birth_date;subject__death_date;subject__tags;subject__name_used_in_storage',
        `${P};IT-M01;M;"<p>Male; trained, calm</p>";C57BL/6J;Thy1-GCaMP6s;Tag-1;The Jackson Laboratory;2024-01-15;;"training, cohortA";it_m01`,
        `${P};IT-M02;F;;PV-Cre;;Tag-2;Charles River Laboratories;2024-02-30;;cohortA;`,
        `${P};IT-M01;M;duplicate;C57BL/6J;;;;;;;`,
        'No such project;IT-M03;M;;C57BL/6J;;;;;;;',
        `${P};IT-M04;;;c57bl/6j;;;;;;;`,
      ]),
      expected: { 2: 'created', 3: 'created', 4: 'existing', 5: 'error', 6: 'error' },
    },
    procedures: {
      csv: csv([
        'subject__name,procedure__type,procedure__notes,procedure__date_time,procedure__atlas,procedure__brain_region,procedure__brain_region_acronym,procedure__coordinates,procedure__coordinates_data,procedure__consumablestock,procedure__equipment,procedure__details',
        `IT-M01,VirusInjection,"Injected 200 nL AAV, left hemisphere",2024-04-12 09:30,AIA,Primary visual area,,Stereotaxic_BregmaBrainSurface,"{""apCoordinate"": {""value"": -3.2, ""unit"": ""mm""}}",,${ids.equipment},"{""injectionProfile"": ""Bolus Injection""}"`,
        `IT-M01,CranialWindow,3 mm window,04/12/2024 11:00,AIA,,VISp,,,${GONE},,{virus: AAV9}`,
        'IT-M01,Headpost,date typo,2024-04-31 12:00,,,,,,,,',
        'IT-M01,VirusInjection,duplicate of line 2,2024-04-12T09:30:00,,,,,,,,',
        'Mouse_999,Craniotomy,no such subject,2024-04-13 09:00,,,,,,,,',
        'IT-M02,NotAProcedure,bad type,,,,,,,,,',
      ]),
      expected: { 2: 'created', 3: 'created', 4: 'created', 5: 'existing', 6: 'error', 7: 'error' },
    },
    'subject-logs': {
      csv: csv([
        'subject__name,subject_log__type,subject_log__description,subject_log__entry_datetime,subject_log__entry_start_datetime,subject_log__entry_end_datetime,subject_log__entry_notes,subject_log__entry_data',
        'IT-M01,Weighing,Daily weight,2024-05-02 10:00,,,"before training, fed","{""weight"": {""value"": 24.1, ""unit"": ""g""}}"',
        'IT-M01,Weighing,Daily weight,2024-05-03T10:00:00,,,,{broken',
        'IT-M01,Weighing,Daily weight,2024-05-02T10:00:00,,,same instant as line 2,',
        'IT-M01,Handling,Habituation,,2024-05-01 14:00,,"no end: one hour",',
        'IT-M02,Wellness,Health checks,,,,,',
        'IT-M02,Weighing,bad time,2024-05-02 25:00,,,,',
        'Mouse_999,Weighing,no such subject,2024-05-02 10:00,,,,',
      ]),
      expected: { 2: 'created', 3: 'created', 4: 'existing', 5: 'created', 6: 'created', 7: 'error', 8: 'error' },
    },
    sessions: {
      csv: csv([
        'project__name,session__name,session__description,session__date_time,session__tags,session__data_storage,session_name_in_data_storage',
        `${P},IT-M01 2024-05-10,"<p>Baseline, 20 min</p>",2024-05-10T13:45:00,"baseline, imaging",${ids.datastorage},`,
        `${P},IT-M01 2024-05-11,"Tones, 4-32 kHz",2024-05-11 25:00,imaging,${GONE},`,
        `${P},IT-M01 2024-05-10,duplicate,,,,`,
        'No such project,IT-M09 2024-05-12,,,,,',
        `${P},${'S'.repeat(101)},name too long,,,,`,
      ]),
      expected: { 2: 'created', 3: 'created', 4: 'existing', 5: 'error', 6: 'error' },
    },
    behaviors: {
      csv: csv([
        'session__name,subject__name,behavior__setup,behavior__behavioral_paradigm',
        `IT-M01 2024-05-10,IT-M01,${ids.setup},${ids.assay}`,
        `IT-M01 2024-05-11,IT-M01,${ids.setup},${ids.assay}`,
        `IT-M01 2024-05-10,IT-M01,${ids.setup.toUpperCase()},${ids.assay}`,
        `IT-M01 2024-05-10,IT-M02,${GONE},${ids.assay}`,
        `IT-M01 2024-05-10,Mouse_999,${ids.setup},${ids.assay}`,
      ]),
      expected: { 2: 'created', 3: 'created', 4: 'existing', 5: 'error', 6: 'error' },
    },
    'data-acquisition': {
      csv: csv([
        'session__name,data_acquisition__type,data_acquisition__procedures,data_acquisition__equipment,data_acquisition__notes,data_acquisition__details',
        `IT-M01 2024-05-10,TwoPhotonMicroscopy,"${proc1}, ${proc2}",${ids.equipment},"920 nm, 30 Hz","{""frameRate"": {""value"": 30, ""unit"": ""Hz""}}"`,
        `IT-M01 2024-05-11,TwoPhotonMicroscopy,"${proc1},${GONE}",,one procedure unknown,`,
        `IT-M01 2024-05-10,TwoPhotonMicroscopy,${proc2},,duplicate (subset of line 2),`,
        `IT-M01 2024-05-10,FiberPhotometry,${GONE},,no known procedure,`,
        `No such session,FiberPhotometry,${proc1},,,`,
      ]),
      expected: { 2: 'created', 3: 'created', 4: 'existing', 5: 'error', 6: 'error' },
    },
    manipulations: {
      csv: csv([
        'session__name,manipulation__type,manipulation__procedures,manipulation__equipment,manipulation__notes,manipulation__details',
        `IT-M01 2024-05-10,OptogeneticStimulation,${proc1},,"Blue light, 20 Hz","[{""wavelength"": {""value"": 473, ""unit"": ""nm""}}]"`,
        `IT-M01 2024-05-11,AuditoryStimulation,${proc1},${GONE},"Tones, 70 dB",{oops}`,
        `IT-M01 2024-05-10,OptogeneticStimulation,${proc1},,duplicate,`,
        'IT-M01 2024-05-10,AuditoryStimulation,,,procedures missing,',
        `No such session,AuditoryStimulation,${proc1},,,`,
      ]),
      expected: { 2: 'created', 3: 'created', 4: 'existing', 5: 'error', 6: 'error' },
    },
    // The API has no epoch endpoint: every row is validated, then reported as an error.
    epochs: {
      csv: csv([
        'project__name,session__name,epoch__name,epoch__start,epoch__end,epoch__behavior,epoch__dataacquisition,epoch__manipulation',
        `${P},IT-M01 2024-05-10,"Baseline, quiet",00:00:00,PT5M,,,`,
        `${P},IT-M01 2024-05-10,Tones,5 min,00:10:00,,,`,
        `${P},No such session,Baseline,00:00:00,00:05:00,,,`,
      ]),
      expected: { 2: 'error', 3: 'error', 4: 'error' },
    },
    cohorts: {
      csv: csv([
        'project__name,cohort__name,cohort__subjects,cohort__description,cohort__tags',
        `${P},"Cohort A, spring","IT-M01, IT-M02","<p>Pilot, 2 mice</p>","pilot, cohortA"`,
        `${P},Cohort B,"IT-M02, Mouse_999",,`,
        `${P},"Cohort A, spring",IT-M01,duplicate,`,
        'No such project,Cohort C,IT-M01,,',
        `${P},Cohort D,"Mouse_998, Mouse_999",,`,
      ]),
      expected: { 2: 'created', 3: 'created', 4: 'existing', 5: 'error', 6: 'error' },
    },
    collections: {
      csv: csv([
        'project__name,collection__name,collection__sessions,collection__description,collection__tags',
        `${P},"Imaging days, May","IT-M01 2024-05-10, IT-M01 2024-05-11","<p>Both days, awake</p>",imaging`,
        `${P},Baseline only,"IT-M01 2024-05-10, No such session",,`,
        `${P},"Imaging days, May",IT-M01 2024-05-10,duplicate,`,
        'No such project,Other,IT-M01 2024-05-10,,',
      ]),
      expected: { 2: 'created', 3: 'created', 4: 'existing', 5: 'error' },
    },
  };
}
