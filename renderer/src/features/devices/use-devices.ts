/**
 * The Devices screen's live data: configured devices (devices.list) kept current by
 * `device.status` events, the latest reading of every meter (`meter.reading`), and the hardware
 * detected on this PC (asked for again with refresh()).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { DeviceView, DetectedHardware } from '../../../../shared/contract/methods/devices';
import type { Reading } from '../../../../shared/domain/meter/reading';
import { useApi } from '../../app/api-context';

export interface DevicesData {
  /** Null until the first answer. */
  devices: DeviceView[] | null;
  running: boolean;
  detected: DetectedHardware | null;
  /** Latest reading per meter device id. */
  readings: ReadonlyMap<number, Reading>;
  error: AppErrorValue | null;
  loading: boolean;
  /** Lists the devices again and re-detects the hardware. */
  refresh(): Promise<void>;
}

type ListOutput = MethodOutput<'devices.list'>;

/** Loads the devices once, then follows their events while mounted. */
export function useDevices(): DevicesData {
  const api = useApi();
  const [list, setList] = useState<ListOutput | null>(null);
  const [readings, setReadings] = useState<ReadonlyMap<number, Reading>>(new Map());
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [loading, setLoading] = useState(true);
  const alive = useRef(true);

  const refresh = useCallback(async () => {
    setLoading(true);
    const r = await api.call('devices.list', { detect: true });
    if (!alive.current) return;
    setLoading(false);
    if (r.ok) {
      setList(r.value);
      setError(null);
    } else setError(r.error);
  }, [api]);

  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  useEffect(() => {
    const offStatus = api.on('device.status', (p) => {
      setList((l) =>
        l
          ? {
              ...l,
              devices: l.devices.map((d) =>
                d.id === p.deviceId
                  ? { ...d, status: { state: p.state, messageKey: p.messageKey, params: p.params, at: p.at } }
                  : d,
              ),
            }
          : l,
      );
    });
    const offReading = api.on('meter.reading', (p) => {
      setReadings((m) => new Map(m).set(p.deviceId, p.reading));
    });
    return () => {
      offStatus();
      offReading();
    };
  }, [api]);

  return {
    devices: list?.devices ?? null,
    running: list?.running ?? false,
    detected: list?.detected ?? null,
    readings,
    error,
    loading,
    refresh,
  };
}
