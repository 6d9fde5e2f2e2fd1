// Type-level contract: `details` is a discriminated union on `type` (and `coordinates_details` on
// `coordinates_system`), log-entry `details` follow the log model and type; all generated from the documented schemas.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  BrainstemClient,
  CoordinatesCCFXYZAbsoluteDetails,
  CreateOf,
  LogEntryData,
  NumberUnit,
  ProcedureAnesthesiaDetails,
  ProcedureUntypedCreate,
} from '../src/index.js';

declare const client: BrainstemClient;
const ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const base = { subject: ID, coordinates_system: 'CCF_XYZ_Absolute' } as const;

describe('log entry details', () => {
  it('are typed by the log model, and by the log type when given', async () => {
    await client.addLogEntry('subjectlog', ID, {
      date_time: '2024-01-01T10:00:00Z',
      details: { waterAmount: { value: 9, unit: 'mL' } },
    });
    await client.addLogEntry<'subjectlog', 'Weighing'>('subjectlog', ID, {
      date_time: '2024-01-01T10:00:00Z',
      details: { weight: { value: 25, unit: 'g' } },
    });
    await client.changeLogEntry('procedurelog', ID, { date_time: '2024-01-01T10:00:00Z', notes: 'moved 50 µm' });
    const entry: LogEntryData<'subjectlog', 'Weighing'> = { date_time: '2024-01-01T10:00:00Z' };
    await client.addLogEntry('subjectlog', ID, entry);
  });

  it('reject a details shape no log type of the model documents', async () => {
    await client.addLogEntry('subjectlog', ID, {
      date_time: '2024-01-01T10:00:00Z',
      // @ts-expect-error waterAmount is a {value, unit} object, not a bare number
      details: { waterAmount: 9 },
    });
    await client.addLogEntry<'subjectlog', 'Weighing'>('subjectlog', ID, {
      date_time: '2024-01-01T10:00:00Z',
      // @ts-expect-error a Weighing entry has weight, not waterAmount
      details: { waterAmount: { value: 9, unit: 'mL' } },
    });
    await client.addLogEntry('procedurelog', ID, {
      date_time: '2024-01-01T10:00:00Z',
      // @ts-expect-error weight is a subject-log measure, no procedure-log type has it
      details: { weight: { value: 25, unit: 'g' } },
    });
  });
});

describe('procedure details', () => {
  it('accepts the documented shapes', async () => {
    await client.save('procedure', {
      data: { ...base, type: 'Anesthesia', details: { anestheticAgent: 'Isoflurane', route: 'Inhalation' } },
    });
    await client.save('procedure', {
      data: {
        ...base,
        type: 'Anesthesia',
        details: { anestheticAgent: 'Ketamine', route: 'Oral', duration: { value: 45, unit: 'min' } },
        coordinates_details: { x: { value: 1.2, unit: 'mm' } },
      },
    });
    await client.save('procedure', { data: { ...base, type: 'Craniotomy' } });
    await client.save('procedure', { id: ID, data: { details: { anestheticAgent: 'Propofol', route: 'Oral' } } });
    await client.save('manipulation', {
      data: {
        session: ID,
        procedures: [ID],
        type: 'AuditoryStimulation',
        details: [{ duration: { value: 1, unit: 's' } }],
      },
    });
  });

  it('rejects a wrong enum, a missing required field, a bare number and an unknown type', async () => {
    await client.save('procedure', {
      // @ts-expect-error "Chloroform" is not a documented anestheticAgent
      data: { ...base, type: 'Anesthesia', details: { anestheticAgent: 'Chloroform', route: 'Inhalation' } },
    });
    await client.save('procedure', {
      // @ts-expect-error anestheticAgent is required
      data: { ...base, type: 'Anesthesia', details: { route: 'Inhalation' } },
    });
    await client.save('procedure', {
      data: {
        ...base,
        type: 'Anesthesia',
        // @ts-expect-error duration is a {value, unit} object, not a bare number
        details: { anestheticAgent: 'Isoflurane', route: 'Inhalation', duration: 45 },
      },
    });
    await client.save('procedure', {
      // @ts-expect-error "Anaesthesia" is not a documented type
      data: { ...base, type: 'Anaesthesia', details: {} },
    });
    await client.save('dataacquisition', {
      // @ts-expect-error frameRate needs a unit from the schema (Hz, kHz, …)
      data: { session: ID, type: 'TwoPhotonMicroscopy', details: { frameRate: { value: 30, unit: 'fps' } } },
    });
  });

  it('coordinates_details is discriminated by coordinates_system', async () => {
    await client.save('procedure', {
      data: {
        subject: ID,
        type: 'Craniotomy',
        coordinates_system: 'Stereotaxic_BregmaBrainSurface',
        coordinates_details: { apCoordinate: { value: -2, unit: 'mm' }, depth: { value: 800, unit: 'µm' } },
      },
    });
    await client.save('procedure', {
      // @ts-expect-error apCoordinate is a stereotaxic coordinate, not one of CCF_XYZ_Absolute (x, y, z)
      data: { ...base, type: 'Craniotomy', coordinates_details: { apCoordinate: { value: -2, unit: 'mm' } } },
    });
    await client.save('procedure', {
      data: {
        subject: ID,
        type: 'Craniotomy',
        coordinates_system: 'Stereotaxic_BregmaAbsolute',
        // @ts-expect-error depth belongs to the brain-surface systems, not Stereotaxic_BregmaAbsolute
        coordinates_details: { depth: { value: 1, unit: 'mm' } },
      },
    });
    const { procedure } = await client.load('procedure', { id: ID });
    if (procedure.coordinates_system === 'CCF_XYZ_Absolute' && procedure.coordinates_details) {
      expectTypeOf(procedure.coordinates_details).toEqualTypeOf<
        CoordinatesCCFXYZAbsoluteDetails | Record<string, never>
      >();
    }
  });

  it('loaded records carry the same types, narrowed by type', async () => {
    const { procedure } = await client.load('procedure', { id: ID });
    if (procedure.type === 'Anesthesia' && procedure.details && 'route' in procedure.details) {
      expectTypeOf(procedure.details.route).toEqualTypeOf<ProcedureAnesthesiaDetails['route']>();
      expectTypeOf(procedure.details.duration).toEqualTypeOf<NumberUnit<'h' | 'min' | 's' | 'ms' | 'µs'> | undefined>();
    }
  });

  it('a type or field newer than this release: cast the payload', async () => {
    const data = {
      ...base,
      type: 'Anesthesia',
      details: { anestheticAgent: 'Isoflurane', route: 'Oral', newField: 1 },
    } satisfies ProcedureUntypedCreate;
    await client.save('procedure', { data: data as CreateOf<'procedure'> });
    const newer = { ...base, type: 'NewerProcedureType', details: { x: 1 } };
    await client.save('procedure', { data: newer as unknown as CreateOf<'procedure'> });
  });
});
