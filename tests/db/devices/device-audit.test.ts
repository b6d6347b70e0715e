/**
 * Changing the device configuration is audited in the same transaction: adding, re-pointing
 * (old and new transport: a printer moved from the simulator to a network address is exactly what
 * a thief re-routing receipts would do) and removing a device each leave a row.
 */
import { describe, expect, it } from 'vitest';
import { contractApi, makeCore } from '../../helpers/core-fixture';

describe('device configuration is audited', () => {
  it('save and remove write audit rows with the old and new transport', async () => {
    const f = makeCore();
    try {
      const { ok } = contractApi(f);
      const manager = await f.as('M001');
      const base = { kind: 'printer', role: 'label-printer', name: 'Label', driver: 'escpos' };
      const added = await ok(manager, 'devices.save', {
        ...base,
        transport: { type: 'simulated' },
        enabled: false,
      });
      await ok(manager, 'devices.save', {
        ...base,
        id: added.id,
        transport: { type: 'tcp', host: '10.9.8.7', port: 9100 },
        enabled: false,
      });
      await ok(manager, 'devices.remove', { deviceId: added.id });

      const rows = f.core.ctx.db.sqlite
        .prepare(
          "SELECT action, entity_id AS id, staff_id AS staff, data FROM audit_log WHERE entity_type = 'device' ORDER BY id",
        )
        .all() as { action: string; id: string; staff: number | null; data: string }[];
      expect(rows.map((r) => [r.action, r.id])).toEqual([
        ['device.added', String(added.id)],
        ['device.saved', String(added.id)],
        ['device.removed', String(added.id)],
      ]);
      for (const r of rows) expect(r.staff).not.toBeNull();
      const data = rows.map((r) => JSON.parse(r.data) as Record<string, unknown>);
      expect(data[0]).toMatchObject({ oldTransport: null, newTransport: { type: 'simulated' } });
      expect(data[1]).toMatchObject({
        oldTransport: { type: 'simulated' },
        newTransport: { type: 'tcp', host: '10.9.8.7', port: 9100 },
      });
      expect(data[2]).toMatchObject({ oldTransport: { type: 'tcp', host: '10.9.8.7' }, newTransport: null });
    } finally {
      f.close();
    }
  });
});
