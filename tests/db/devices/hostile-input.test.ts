/**
 * Hostile input to the devices area (fast-check, fixed seeds): damaged device rows never stop
 * the listing or the manager; random print requests are queued or refused with a typed error;
 * random scanner bytes through the simulated HID scanner either classify or are dropped, and
 * never break the scan stream.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { listDevices } from '../../../core/services/devices/device-repo';
import { enqueuePrint } from './queue-fixture';
import { seedDemoDevices } from '../../../core/services/devices/demo-devices';
import { AppError } from '../../../shared/contract/errors';
import { scannerScanPayload } from '../../../shared/contract/methods/devices';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';
import { waitFor } from '../../helpers/wait-for';

let f: CoreFixture | undefined;
afterEach(async () => {
  if (f) await f.core.ctx.services.devices.stop();
  f?.close();
  f = undefined;
});

describe('hostile input to the devices area', () => {
  it('lists any damaged device row as invalid (never throws), and never opens one', async () => {
    f = makeCore();
    const db = f.core.ctx.db.sqlite;
    const insert = db.prepare(
      `INSERT INTO devices (kind, role, name, driver, transport, options, enabled, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, 0, 0)`,
    );
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.oneof(fc.string(), fc.json()),
        fc.oneof(fc.string(), fc.json()),
        (kind, role, driver, transport, options) => {
          db.prepare('DELETE FROM devices').run();
          insert.run(kind, role, 'x', driver, transport, options);
          const [d] = listDevices(f!.core.ctx.db);
          expect(d).toBeDefined();
          if (d?.invalid === undefined) {
            // Only a row that really is a valid device passes.
            expect(['scanner', 'printer', 'meter']).toContain(d?.config.kind);
          }
        },
      ),
      { seed: 20261123, numRuns: 300 },
    );
    db.prepare('DELETE FROM devices').run();
    insert.run('printer', 'receipt-printer', 'escpos', 'escpos', '{"type":"tcp","host":"-- ; rm -rf"}', '[]');
    await f.core.ctx.services.devices.start();
    expect(f.core.ctx.services.devices.list()[0]?.status.messageKey).toBe('devices.state.configInvalid');
  });

  it('queues a random print request or refuses it with RECEIPT_INVALID / PRINT_JOB_INVALID', () => {
    f = makeCore();
    const db = f.core.ctx.db.sqlite;
    fc.assert(
      fc.property(fc.anything(), fc.string(), fc.anything(), (layout, kind, copies) => {
        try {
          const id = enqueuePrint(
            db,
            { kind, layout: layout as never, copies: copies as never, role: 'receipt-printer' },
            0,
          );
          expect(id).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect(['RECEIPT_INVALID', 'PRINT_JOB_INVALID']).toContain((e as AppError).code);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('random scanner bytes through the simulated HID scanner never break the scan stream', async () => {
    f = makeCore();
    const fx = f;
    seedDemoDevices(fx.core.ctx.db, 0);
    const m = fx.core.ctx.services.devices;
    await m.start();
    await waitFor(() => m.list()[0]?.status.state === 'connected', 'scanner connected');
    const scans: unknown[] = [];
    fx.core.ctx.events.subscribe((name, payload) => {
      if (name === 'scanner.scan') scans.push(payload);
    });
    const codes = fc.sample(fc.string({ minLength: 1, maxLength: 300, unit: 'binary' }), {
      seed: 7,
      numRuns: 60,
    });
    for (const code of codes) await m.simulateScan(code, undefined);
    // After the noise, a real receipt still scans and routes.
    await m.simulateScan('S-20261120-0042', ']Q1');
    await waitFor(
      () => scans.some((s) => (s as { code: string }).code === 'S-20261120-0042'),
      'the receipt scan after the noise',
    );
    for (const s of scans) expect(scannerScanPayload.safeParse(s).success).toBe(true);
    expect(scans.length).toBeGreaterThan(1);
  });
});
