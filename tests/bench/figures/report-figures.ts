/**
 * Reports at store scale, through the real dispatcher as the Reports screen calls them (the queries
 * run on the report worker's read-only connection): the daily summary of one business day, a
 * monthly KPI report, and the longest event-loop block of the host process while monthly reports
 * run (the counter must stay responsive while the manager looks at a month).
 */
import { addDays, businessDay } from '../../../shared/domain/time/business-day';
import { sampleLoopLag } from '../../reliability/helpers/loop-lag';
import type { Figure } from '../harness';
import { percentile } from '../harness';
import type { BenchSession } from './bench-session';

const ZONE = 'Asia/Shanghai';

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

/** Daily summary, monthly KPIs and the event-loop block during monthly reports. */
export async function reportFigures(s: BenchSession, end: number, quick: boolean): Promise<Figure[]> {
  const last = businessDay(end, ZONE);
  await s.call('reports.daily', { day: last }); // starts the worker (not timed)
  const days = quick ? 10 : 30;
  const daily = await timed(days, (i) => s.call('reports.daily', { day: addDays(last, -i) }));
  const months = quick ? 3 : 6;
  const kpis = await timed(months, (i) =>
    s.call('reports.kpis', { from: addDays(last, -30 * (i + 1) + 1), to: addDays(last, -30 * i) }),
  );
  const lag = sampleLoopLag();
  // While monthly reports run, the main thread keeps serving timers (the counter's event loop).
  await Promise.all(
    Array.from({ length: months }, (_v, i) =>
      s.call('reports.kpis', { from: addDays(last, -30 * (i + 1) + 1), to: addDays(last, -30 * i) }),
    ),
  );
  const lagReport = lag.stop();
  return [
    {
      name: 'daily summary of one business day p50',
      value: percentile(daily, 50),
      unit: 'ms',
      target: { op: '<=', value: 50 },
      note: `max ${percentile(daily, 100).toFixed(1)} ms over ${days} days`,
    },
    {
      name: 'monthly KPI report p50',
      value: percentile(kpis, 50),
      unit: 'ms',
      target: { op: '<=', value: 200 },
      note: `max ${percentile(kpis, 100).toFixed(1)} ms over ${months} months of 30 days`,
    },
    {
      name: 'event-loop block during monthly reports (max)',
      value: lagReport.maxMs,
      unit: 'ms',
      target: { op: '<=', value: 50 },
      note: `p99 ${lagReport.p99Ms.toFixed(1)} ms; ${months} monthly reports at once on the worker`,
    },
  ];
}
