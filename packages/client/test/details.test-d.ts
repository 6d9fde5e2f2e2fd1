// Type-level contract: `details` is a discriminated union on `type`, generated from the documented schemas.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  BrainstemClient,
  CreateOf,
  NumberUnit,
  ProcedureAnesthesiaDetails,
  ProcedureUntypedCreate,
} from '../src/index.js';

declare const client: BrainstemClient;
const ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const base = { subject: ID, coordinates_system: 'CCF_XYZ_Absolute' } as const;

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
