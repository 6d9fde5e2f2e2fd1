/** Sessions (keyed by name) and what happened in them: behaviour, data acquisition, manipulations, collections. */
import type { DemoRecord } from './fixture.js';
import { ref } from './fixture.js';

const session = (name: string, project: string, date_time: string, more: Partial<DemoRecord> = {}): DemoRecord => ({
  model: 'session',
  key: name,
  ...more,
  fields: {
    name,
    description: '',
    date_time,
    extra_fields: {},
    download_links: [],
    tags: [],
    ...more.fields,
  },
  lists: { projects: [ref(project)] },
});

/** The session's raw data sits on the Andersen lab NAS. */
const onAndersenNas = (name: string): DemoRecord => ({
  model: 'sessiondatastorage',
  fields: { session: ref(name), datastorage: ref('andersenNas'), order: 0 },
});

/** A subject running for water on Alice's linear track rig. */
const linearTrackRun = (name: string, subject: string): DemoRecord => ({
  model: 'behavior',
  fields: {
    session: ref(name),
    setup: ref('linearTrackRig'),
    behavioralassay: ref('linearTrackRunning'),
    notes: 'Running for water reward',
    order: 0,
  },
  lists: { subjects: [ref(subject)] },
});

/** A Neuropixels recording, optionally through a probe implanted in a procedure. */
const neuropixelsRecording = (name: string, procedures: string[] = []): DemoRecord => ({
  model: 'dataacquisition',
  fields: {
    type: 'ExtracellularEphys',
    notes: 'Neuropixels 1.0, 30 kHz',
    session: ref(name),
    details: { fileName: 'continuous.dat', format: 'int16', nChannels: 384, sr: { value: 30, unit: 'kHz' } },
    order: 0,
  },
  lists: { procedures: procedures.map(ref) },
});

export const SESSIONS: DemoRecord[] = [
  session('PC-M01_2024-03-01', 'placeCells', '2024-03-01T10:00:00Z', {
    fields: {
      description: 'First linear track session',
      extra_fields: { track_length_cm: 200, reward: 'water' },
      tags: ['linear track'],
    },
  }),
  session('PC-M01_2024-03-02', 'placeCells', '2024-03-02T10:00:00Z'),
  session('PC-M02_2024-03-05', 'placeCells', '2024-03-05T14:00:00Z'),
  session('MS-R01_cooling_1', 'septumCooling', '2024-01-20T09:00:00Z', {
    fields: { description: 'Septal cooling, 20 min' },
  }),
  session('MS-R01_cooling_2', 'septumCooling', '2024-01-21T09:00:00Z'),
  session('WM-R01_delay_1', 'workingMemory', '2024-04-10T13:00:00Z'),
  session('CB-M01_day1', 'cerebellarTiming', '2024-05-02T09:00:00Z', { owner: 'carol' }),
  session('allen_ecephys_715093703', 'allenNeuropixels', '2019-01-10T12:00:00Z', {
    fields: {
      description: 'Neuropixels recording, drifting gratings and natural scenes',
      download_links: [{ repository: 'DANDI', url: 'https://dandiarchive.org/dandiset/000021' }],
    },
  }),
  session('allen_ecephys_719161530', 'allenNeuropixels', '2019-01-17T12:00:00Z'),
  session('allen_ophys_501940850', 'allenTwoPhoton', '2016-05-04T12:00:00Z'),
  session('ripples_sleep_1', 'ripples', '2015-09-12T22:00:00Z'),

  onAndersenNas('PC-M01_2024-03-01'),
  onAndersenNas('PC-M01_2024-03-02'),
  onAndersenNas('PC-M02_2024-03-05'),
  onAndersenNas('MS-R01_cooling_1'),

  linearTrackRun('PC-M01_2024-03-01', 'PC-M01'),
  linearTrackRun('PC-M01_2024-03-02', 'PC-M01'),
  linearTrackRun('PC-M02_2024-03-05', 'PC-M02'),
  linearTrackRun('allen_ecephys_715093703', 'allen-mouse-715093703'),
  linearTrackRun('allen_ecephys_719161530', 'allen-mouse-719161530'),

  neuropixelsRecording('PC-M01_2024-03-01', ['probeImplant']),
  neuropixelsRecording('PC-M01_2024-03-02', ['probeImplant']),
  neuropixelsRecording('PC-M02_2024-03-05'),
  neuropixelsRecording('allen_ecephys_715093703'),
  neuropixelsRecording('allen_ecephys_719161530'),
  neuropixelsRecording('ripples_sleep_1'),
  {
    model: 'dataacquisition',
    fields: {
      type: 'TwoPhotonMicroscopy',
      notes: '30 Hz, 512x512',
      session: ref('allen_ophys_501940850'),
      details: {
        frameRate: { value: 30, unit: 'Hz' },
        horizontalResolution: 512,
        verticalResolution: 512,
        excitationWavelength: { value: 920, unit: 'nm' },
      },
    },
  },

  {
    model: 'manipulation',
    fields: {
      type: 'OptogeneticStimulation',
      notes: '473 nm, 10 ms pulses',
      session: ref('MS-R01_cooling_2'),
      details: [
        {
          wavelength: { value: 473, unit: 'nm' },
          duration: { value: 10, unit: 'ms' },
          power: { value: 10, unit: 'mW' },
        },
      ],
    },
    lists: { procedures: [ref('virusInjection')] },
  },
  {
    model: 'manipulation',
    fields: {
      type: 'ThermalPerturbation',
      notes: 'Septal cooling to 20 °C',
      session: ref('MS-R01_cooling_1'),
      details: [{ amplitude: { value: 20, unit: '°C' }, duration: { value: 10, unit: 'min' } }],
    },
    lists: { procedures: [ref('craniotomy')] },
  },
  {
    model: 'collection',
    fields: {
      name: 'Good place-cell sessions',
      description: 'Sessions with >50 place cells',
      project: ref('placeCells'),
      tags: [],
    },
    lists: { sessions: [ref('PC-M01_2024-03-01'), ref('PC-M02_2024-03-05')] },
  },
  {
    model: 'collection',
    fields: { name: 'Allen drifting gratings', project: ref('allenNeuropixels'), tags: [] },
    lists: { sessions: [ref('allen_ecephys_715093703'), ref('allen_ecephys_719161530')] },
  },
  {
    model: 'manipulation',
    fields: {
      type: 'VisualStimulation',
      notes: 'Drifting gratings, 8 directions',
      session: ref('allen_ecephys_715093703'),
      details: [{ presentationDevice: 'Monitor', duration: { value: 2, unit: 's' }, repetitions: 8 }],
    },
    lists: { procedures: [ref('allenHeadpost')] },
  },
];
