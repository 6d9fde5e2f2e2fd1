// The eleven import types of the BrainSTEM web import tool (webinterface/import-tool.md), as data. Columns,
// required markers and examples are the docs'; how each cell is read comes from the model registry (field type,
// relation target, enum choices, maximum length). Decisions are in docs/api-decisions.md, "Spreadsheet import".
import type { ImportColumn, ImportType } from './types.js';

/** The project a subject or session belongs to, by name (one project per row). */
const PROJECTS_BY_NAME: ImportColumn = {
  column: 'project__name',
  required: true,
  field: 'projects',
  by: 'name',
  single: true,
  example: 'Auditory Cortex Project',
};
/** The project of a cohort or collection, by name. */
const PROJECT_BY_NAME: ImportColumn = {
  column: 'project__name',
  required: true,
  field: 'project',
  by: 'name',
  example: 'Auditory Cortex Project',
};
const SESSION_BY_NAME: ImportColumn = {
  column: 'session__name',
  required: true,
  field: 'session',
  by: 'name',
  example: 'Session_001',
};
const SUBJECT_BY_NAME: ImportColumn = {
  column: 'subject__name',
  required: true,
  field: 'subject',
  by: 'name',
  example: 'Mouse_001',
};

/**
 * Data acquisition and manipulations share their columns, under their own prefix: the session by name, the
 * type, the procedures and equipment by id, notes and details.
 */
function sessionMeasurement(
  name: string,
  title: string,
  model: string,
  prefix: string,
  example: { type: string; notes: string; details: string },
): ImportType {
  return {
    name,
    title,
    model,
    identity: ['session', 'type', 'procedures'],
    label: ['session__name', `${prefix}__type`],
    columns: [
      SESSION_BY_NAME,
      { column: `${prefix}__type`, required: true, field: 'type', example: example.type },
      { column: `${prefix}__procedures`, required: true, field: 'procedures', by: 'id', example: 'YOUR_PROCEDURE_ID' },
      { column: `${prefix}__equipment`, field: 'equipment', by: 'id', example: 'YOUR_EQUIPMENT_ID' },
      { column: `${prefix}__notes`, field: 'notes', example: example.notes },
      { column: `${prefix}__details`, field: 'details', example: example.details },
    ],
  };
}

/**
 * The eleven import types, in the docs' order.
 *
 * @example
 * ```ts
 * IMPORT_TYPES.find((t) => t.name === 'sessions')?.columns.map((c) => c.column);
 * ```
 */
export const IMPORT_TYPES: readonly ImportType[] = [
  {
    name: 'projects',
    title: 'Projects',
    model: 'project',
    identity: ['name'],
    label: ['project__name'],
    afterCreate: ['users', 'groups'],
    columns: [
      { column: 'project__name', required: true, field: 'name', example: 'Auditory Cortex Project' },
      { column: 'project__description', field: 'description', example: '<p>Two-photon recordings.</p>' },
      { column: 'project__is_public', field: 'is_public', example: 'false' },
      { column: 'project__tags', field: 'tags', example: 'vision, cortex' },
      { column: 'project__authenticated_groups', groups: true, example: '' },
      { column: 'project__users__can_change', role: 'can_change', example: '' },
      { column: 'project__users__is_manager', role: 'is_manager', example: '' },
      { column: 'project__users__is_owner', role: 'is_owner', example: '' },
    ],
  },
  {
    name: 'subjects',
    title: 'Subjects',
    model: 'subject',
    identity: ['name'],
    label: ['subject__name'],
    columns: [
      PROJECTS_BY_NAME,
      { column: 'subject__name', required: true, field: 'name', example: 'Mouse_001' },
      { column: 'subject__sex', field: 'sex', default: 'U', example: 'M' },
      { column: 'subject__description', field: 'description', example: '<p>WT male.</p>' },
      { column: 'subject__strain', field: 'strain', by: 'name', example: 'C57BL/6J' },
      { column: 'subject__genetic_line', field: 'genetic_line', example: 'Thy1-GCaMP6s' },
      { column: 'subject__subject_identifier', field: 'subject_identifier', example: 'EarTag-123' },
      { column: 'subject__supplier', field: 'supplier', by: 'name', example: 'Charles River Laboratories' },
      { column: 'subject__birth_date', field: 'birth_date', example: '2023-02-14' },
      { column: 'subject__death_date', field: 'death_date', example: '' },
      { column: 'subject__tags', field: 'tags', example: 'training, cohortA' },
      { column: 'subject__name_used_in_storage', field: 'name_used_in_storage', example: 'mouse_001_data' },
    ],
  },
  {
    name: 'procedures',
    title: 'Procedures',
    model: 'procedure',
    identity: ['subject', 'type', 'date_time'],
    label: ['subject__name', 'procedure__type', 'procedure__date_time'],
    columns: [
      SUBJECT_BY_NAME,
      { column: 'procedure__type', required: true, field: 'type', example: 'VirusInjection' },
      { column: 'procedure__notes', field: 'notes', example: 'Injected 200 nL AAV.' },
      { column: 'procedure__date_time', field: 'date_time', example: '2024-04-12 09:30' },
      { column: 'procedure__atlas', brainRegion: 'atlas', example: 'AIA' },
      { column: 'procedure__brain_region', field: 'brain_region', by: 'name', example: 'Primary visual area' },
      { column: 'procedure__brain_region_acronym', brainRegion: 'acronym', example: 'VISp' },
      {
        column: 'procedure__coordinates',
        field: 'coordinates_system',
        default: 'Stereotaxic_BregmaBrainSurface',
        example: 'Stereotaxic_BregmaBrainSurface',
      },
      { column: 'procedure__coordinates_data', field: 'coordinates_details', example: '{}' },
      { column: 'procedure__consumablestock', field: 'consumablestock', by: 'id', example: 'YOUR_CONSUMABLE_STOCK_ID' },
      { column: 'procedure__equipment', field: 'equipment', by: 'id', example: 'YOUR_EQUIPMENT_ID' },
      { column: 'procedure__details', field: 'details', example: '{}' },
    ],
  },
  {
    name: 'subject-logs',
    title: 'Subject Logs',
    model: 'subjectlog',
    identity: ['subject', 'type'],
    label: ['subject__name', 'subject_log__type'],
    columns: [
      SUBJECT_BY_NAME,
      { column: 'subject_log__type', required: true, field: 'type', example: 'TrainingSession' },
      { column: 'subject_log__description', field: 'description', example: 'Habituation to head-fix.' },
      { column: 'subject_log__entry_datetime', entry: 'date_time', example: '' },
      { column: 'subject_log__entry_start_datetime', entry: 'start_date_time', example: '2024-05-02 10:00' },
      { column: 'subject_log__entry_end_datetime', entry: 'end_date_time', example: '2024-05-02 11:00' },
      { column: 'subject_log__entry_notes', entry: 'notes', example: 'Handled by J.D.' },
      { column: 'subject_log__entry_data', entry: 'details', example: '{}' },
    ],
  },
  {
    name: 'sessions',
    title: 'Sessions',
    model: 'session',
    identity: ['name'],
    label: ['session__name'],
    columns: [
      PROJECTS_BY_NAME,
      { column: 'session__name', required: true, field: 'name', example: 'Session_001' },
      { column: 'session__description', field: 'description', example: '<p>Baseline recording.</p>' },
      { column: 'session__date_time', field: 'date_time', example: '2024-05-10T13:45:00' },
      { column: 'session__tags', field: 'tags', example: 'baseline, imaging' },
      { column: 'session__data_storage', field: 'datastorage', by: 'id', example: 'YOUR_DATA_STORAGE_ID' },
      // Documented with a single underscore after "session".
      { column: 'session_name_in_data_storage', field: 'name_used_in_storage', example: '2024-05-10_baseline' },
    ],
  },
  {
    name: 'behaviors',
    title: 'Behaviors',
    model: 'behavior',
    identity: ['session', 'subjects', 'setup', 'behavioralassay'],
    label: ['session__name', 'subject__name'],
    columns: [
      SESSION_BY_NAME,
      { column: 'subject__name', required: true, field: 'subjects', by: 'name', single: true, example: 'Mouse_001' },
      { column: 'behavior__setup', required: true, field: 'setup', by: 'id', example: 'YOUR_SETUP_ID' },
      {
        column: 'behavior__behavioral_paradigm',
        required: true,
        field: 'behavioralassay',
        by: 'id',
        example: 'YOUR_BEHAVIORAL_ASSAY_ID',
      },
    ],
  },
  sessionMeasurement('data-acquisition', 'Data Acquisition', 'dataacquisition', 'data_acquisition', {
    type: 'FiberPhotometry',
    notes: 'Laser at 10 mW.',
    details: '{}',
  }),
  sessionMeasurement('manipulations', 'Manipulations', 'manipulation', 'manipulation', {
    type: 'OptogeneticStimulation',
    notes: 'Blue light, 20 Hz.',
    // Manipulation details are a list of rows (one per stimulation setting), not an object.
    details: '[{"wavelength": {"value": 473, "unit": "nm"}, "power": {"value": 10, "unit": "mW"}}]',
  }),
  {
    name: 'epochs',
    title: 'Epochs',
    model: 'epoch',
    identity: ['session', 'name'],
    label: ['session__name', 'epoch__name'],
    unwritable:
      'the BrainSTEM API has no epoch endpoint (a session\'s "epochs" is read-only): import epochs with the web import tool',
    columns: [
      {
        column: 'project__name',
        required: true,
        type: 'relation',
        target: 'project',
        by: 'name',
        example: 'Auditory Cortex Project',
      },
      {
        column: 'session__name',
        required: true,
        type: 'relation',
        target: 'session',
        by: 'name',
        example: 'Session_001',
      },
      { column: 'epoch__name', required: true, type: 'string', maxLength: 100, example: 'Baseline_Recording' },
      { column: 'epoch__start', type: 'duration', example: '00:00:00' },
      { column: 'epoch__end', type: 'duration', example: 'PT5M' },
      { column: 'epoch__behavior', type: 'relation', target: 'behavior', by: 'id', example: '' },
      { column: 'epoch__dataacquisition', type: 'relation', target: 'dataacquisition', by: 'id', example: '' },
      { column: 'epoch__manipulation', type: 'relation', target: 'manipulation', by: 'id', example: '' },
    ],
  },
  {
    name: 'cohorts',
    title: 'Cohorts',
    model: 'cohort',
    identity: ['project', 'name'],
    label: ['cohort__name'],
    columns: [
      PROJECT_BY_NAME,
      { column: 'cohort__name', required: true, field: 'name', example: 'Training Cohort A' },
      { column: 'cohort__subjects', required: true, field: 'subjects', by: 'name', example: 'Mouse_001, Mouse_002' },
      { column: 'cohort__description', field: 'description', example: '<p>For pilot sessions.</p>' },
      { column: 'cohort__tags', field: 'tags', example: 'pilot, cohortA' },
    ],
  },
  {
    name: 'collections',
    title: 'Collections',
    model: 'collection',
    identity: ['project', 'name'],
    label: ['collection__name'],
    columns: [
      PROJECT_BY_NAME,
      { column: 'collection__name', required: true, field: 'name', example: 'Baseline Series' },
      {
        column: 'collection__sessions',
        required: true,
        field: 'sessions',
        by: 'name',
        example: 'Session_001, Session_002',
      },
      { column: 'collection__description', field: 'description', example: '<p>Includes pilot days.</p>' },
      { column: 'collection__tags', field: 'tags', example: 'baseline, imaging' },
    ],
  },
];

/** Names of the import types, in the docs' order. */
export const IMPORT_TYPE_NAMES: readonly string[] = IMPORT_TYPES.map((t) => t.name);

/**
 * An import type by name; `-`, `_` and spaces are interchangeable and case is ignored (`subject_logs`,
 * `Subject Logs`), and the model name works too (`subjectlog`). `undefined` when unknown.
 *
 * @example
 * ```ts
 * findImportType('subject_logs')?.model; // 'subjectlog'
 * ```
 */
export function findImportType(name: string): ImportType | undefined {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return IMPORT_TYPES.find(
    (t) => t.name === key || t.model === key.replace(/-/g, '') || t.name.replace(/s$/, '') === key,
  );
}
