/** Surgeries and their logs, and the subjects' weighing, housing and water logs. */
import type { DemoRecord } from './fixture.js';
import { ref } from './fixture.js';

/** A coordinate in millimetres, as the coordinates schemas' numberUnit objects hold it. */
const mm = (value: number) => ({ value, unit: 'mm' });

/** Subject logs record the user who wrote them. */
const writtenByAlice = { user: ref('alice') };

export const PROCEDURES: DemoRecord[] = [
  {
    model: 'procedure',
    key: 'craniotomy',
    fields: {
      type: 'Craniotomy',
      notes: 'Right hemisphere above CA1',
      subject: ref('PC-M01'),
      date_time: '2024-02-20T09:30:00Z',
      brain_region: ref('ca1'),
      coordinates_system: 'Stereotaxic_BregmaBrainSurface',
      coordinates_details: { apCoordinate: mm(-2.0), mlCoordinate: mm(1.5), depth: mm(0) },
      details: { shape: 'Circular', dimensions: '3 mm diameter', surgicalMethod: 'Dental drill' },
    },
  },
  {
    model: 'procedure',
    key: 'probeImplant',
    fields: {
      type: 'SiliconProbeImplant',
      notes: 'Neuropixels 1.0, CA1',
      subject: ref('PC-M01'),
      date_time: '2024-02-20T10:15:00Z',
      brain_region: ref('ca1'),
      coordinates_system: 'Stereotaxic_BregmaBrainSurface',
      coordinates_details: { apCoordinate: mm(-2.0), mlCoordinate: mm(1.5), depth: mm(1.2) },
      details: { probeId: 'NP1-18005117', sterilizationMethod: 'Ethylene Oxide' },
    },
    lists: { equipment: [ref('intanAmplifier')] },
  },
  {
    model: 'procedure',
    key: 'virusInjection',
    fields: {
      type: 'VirusInjection',
      notes: 'ChR2 in medial septum',
      subject: ref('MS-R01'),
      consumablestock: ref('chr2Stock'),
      date_time: '2024-01-10T11:00:00Z',
      coordinates_system: 'Stereotaxic_BregmaBrainSurface',
      coordinates_details: { apCoordinate: mm(0.5), mlCoordinate: mm(0), depth: mm(4.5) },
      details: {
        injectionProfile: 'Bolus Injection',
        injectionVolume: { value: 500, unit: 'nL' },
        injectionRate: { value: 100, unit: 'nL/min' },
      },
    },
  },
  {
    model: 'procedure',
    key: 'allenHeadpost',
    fields: {
      type: 'Headpost',
      subject: ref('allen-mouse-715093703'),
      date_time: '2019-03-01T10:00:00Z',
      coordinates_system: 'CCF_XYZ_Absolute',
      details: { material: 'Titanium', attachmentMethod: 'dental cement', constructionMethod: 'milled' },
      coordinates_details: {},
    },
  },
  {
    model: 'procedurelog',
    fields: {
      type: 'Impedances',
      description: 'Probe impedance checks',
      procedure: ref('probeImplant'),
      entries: [
        { date_time: '2024-02-21T08:00:00Z', notes: 'All channels OK', details: { impedances: [150, 160, 155] } },
      ],
    },
  },
  {
    model: 'subjectlog',
    fields: {
      type: 'Weighing',
      description: 'Daily weight',
      subject: ref('PC-M01'),
      entries: [
        { date_time: '2024-03-02T08:00:00Z', notes: null, details: { weight: { value: 25.1, unit: 'g' } } },
        { date_time: '2024-03-01T08:00:00Z', notes: null, details: { weight: { value: 24.8, unit: 'g' } } },
      ],
    },
    serverFields: writtenByAlice,
  },
  {
    model: 'subjectlog',
    fields: {
      type: 'Housing',
      description: 'Home cage',
      subject: ref('PC-M01'),
      entries: [
        {
          start_date_time: '2024-02-01T00:00:00Z',
          end_date_time: '2024-04-01T00:00:00Z',
          notes: 'Single housed after implant',
          details: { cageId: 'C-112', cageType: 'Individually ventilated', lightCycle: '12:12' },
        },
      ],
    },
    serverFields: writtenByAlice,
  },
  {
    model: 'subjectlog',
    fields: {
      type: 'WaterDeprivation',
      description: 'Water restriction for training',
      subject: ref('PC-M02'),
      entries: [],
    },
    serverFields: writtenByAlice,
  },
  {
    model: 'subjectlog',
    fields: {
      type: 'Weighing',
      description: 'Weekly weight',
      subject: ref('allen-mouse-715093703'),
      entries: [{ date_time: '2019-01-03T09:00:00Z', notes: null, details: { weight: { value: 24.0, unit: 'g' } } }],
    },
    serverFields: writtenByAlice,
  },
  {
    model: 'procedurelog',
    fields: {
      type: 'LinearDisplacement',
      description: 'Probe depth',
      procedure: ref('allenHeadpost'),
      entries: [
        { date_time: '2019-01-10T11:00:00Z', notes: null, details: { displacement: { value: 3.2, unit: 'mm' } } },
      ],
    },
  },
];
