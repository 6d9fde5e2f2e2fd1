/**
 * Personal attributes of the labs: setups and their equipment, data storage, inventories and stocks, a
 * behavioural assay and a license. Alice's are shared with the Andersen lab; Carol's rig is hers alone.
 */
import type { Access, DemoRecord, LevelName } from './fixture.js';
import { ref } from './fixture.js';

/** Alice owns it; the Andersen lab reads it (or changes it, at contributor level). */
const sharedWithAndersenLab = (level: LevelName = 'member'): Access[] => [
  { user: 'alice', level: 'owner' },
  { group: 'andersenLab', level },
];

/** A position in metres, as the coordinates schemas' numberUnit objects hold it. */
const metres = (x: number, y: number, z: number) => ({
  x: { value: x, unit: 'm' },
  y: { value: y, unit: 'm' },
  z: { value: z, unit: 'm' },
});

export const LAB_RESOURCES: DemoRecord[] = [
  {
    model: 'setup',
    key: 'linearTrackRig',
    fields: {
      name: 'Linear track rig 1',
      location: 'Room 2.14',
      description: '2 m linear track with reward ports',
      setup_type: ref('linearTrack'),
      specifications: { Length: 200, Width: 10 },
      is_public: true,
    },
    access: sharedWithAndersenLab('contributor'),
  },
  {
    model: 'datastorage',
    key: 'andersenNas',
    fields: {
      name: 'Andersen lab NAS',
      location: 'Server room B',
      description: 'Raw data storage',
      is_public: true,
      data_organization: [{ elements: 'Project/Subject/Session' }],
      data_protocols: [{ protocol: 'SMB', path: '//nas/data' }],
    },
    access: sharedWithAndersenLab(),
  },
  {
    model: 'inventory',
    key: 'freezer',
    fields: { name: 'Lab freezer -80', location: 'Room 2.10', description: 'Viruses and reagents' },
    access: sharedWithAndersenLab(),
  },
  {
    model: 'behavioralassay',
    key: 'linearTrackRunning',
    fields: {
      name: 'Linear track running',
      description: 'Back-and-forth running for water reward',
      setup_type: ref('linearTrack'),
      behavioral_paradigm: ref('alternation'),
      is_public: true,
    },
    access: sharedWithAndersenLab(),
  },
  {
    model: 'license',
    fields: {
      name: 'Animal experimentation license 2024-17',
      type: 'animal_research_authorization',
      status: 'active',
      country: 'Denmark',
      regulatory_authority: ref('danishInspectorate'),
      license_number: '2024-15-0201-01717',
      valid_from: '2024-01-01',
      valid_until: '2028-12-31',
      is_public: true,
    },
    lists: { license_holders: [ref('alice')] },
    access: sharedWithAndersenLab(),
  },
  {
    model: 'equipment',
    fields: {
      name: 'Overhead camera',
      type: 'Camera',
      setup: ref('linearTrackRig'),
      coordinates_system: 'External_XYZ_Absolute',
      details: {},
      coordinates_details: metres(0.6, 0.4, 1.5),
    },
  },
  {
    model: 'equipment',
    key: 'intanAmplifier',
    fields: {
      name: 'Intan RHD2000',
      type: 'Amplifier',
      setup: ref('linearTrackRig'),
      coordinates_system: 'External_XYZ_Absolute',
      details: {},
      coordinates_details: metres(1.2, 0, 0.8),
    },
  },
  {
    model: 'consumablestock',
    key: 'chr2Stock',
    fields: {
      type: 'VirusSolution',
      status: 'AVAILABLE',
      inventory: ref('freezer'),
      consumable: ref('chr2Virus'),
      storage_location: 'Rack 3',
      details: { titer: { value: 1e13, unit: 'vg/mL' }, volume: { value: 100, unit: 'µL' }, batchId: 'B-0421' },
    },
  },
  {
    model: 'setup',
    owner: 'carol',
    fields: {
      name: 'Eyeblink conditioning rig',
      location: 'C-wing',
      setup_type: ref('linearTrack'),
      specifications: {},
    },
    access: [{ user: 'carol', level: 'owner' }],
  },
  {
    model: 'inventory',
    key: 'sharedShelf',
    fields: { name: 'Shared reagent shelf', location: 'Room 2.11', description: 'Open reagent list', is_public: true },
    access: sharedWithAndersenLab(),
  },
  {
    model: 'consumablestock',
    fields: {
      type: 'TracerDye',
      status: 'AVAILABLE',
      inventory: ref('sharedShelf'),
      storage_location: 'Shelf 1',
      details: { dyeType: 'Retrograde Tracer', fluorophore: 'Fluoro-Gold', routeOfApplication: 'Injection' },
    },
  },
];
