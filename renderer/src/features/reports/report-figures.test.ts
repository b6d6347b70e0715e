import { describe, expect, it } from 'vitest';
import { csvField, dailyCsv, dailySummary, rangeKpis, type InstrumentRow, type JobRow } from './report-figures';

const Z = 'Asia/Shanghai'; // UTC+8, no DST

function job(id: string, status: JobRow['status'], createdIso: string, updatedIso: string, extra: Partial<JobRow> = {}): JobRow {
  return {
    id,
    status,
    categoryCode: 'phone',
    brand: 'B',
    model: 'M',
    serial: null,
    faultCode: 'f',
    customer: null,
    assignedTo: null,
    warranty: 'none',
    promisedAt: 0,
    promisedDay: '2026-11-30',
    overdue: false,
    createdAt: Date.parse(createdIso),
    updatedAt: Date.parse(updatedIso),
    ...extra,
  };
}

const jobs: JobRow[] = [
  // 00:30 Shanghai on the 23rd (still the 22nd in UTC): received on the 23rd.
  job('R1', 'received', '2026-11-22T16:30:00Z', '2026-11-22T16:30:00Z'),
  // 23:59 Shanghai on the 23rd; ready the same evening: received and completed on the 23rd.
  job('R2', 'ready', '2026-11-23T15:59:00Z', '2026-11-23T15:59:30Z', { categoryCode: 'laptop' }),
  // 00:00 Shanghai on the 24th: not the 23rd.
  job('R3', 'awaiting_parts', '2026-11-23T16:00:00Z', '2026-11-23T16:00:00Z', { overdue: true }),
  // Received earlier, picked up on the 23rd (10:00 Shanghai).
  job('R4', 'picked_up', '2026-11-10T02:00:00Z', '2026-11-23T02:00:00Z'),
  job('R5', 'cancelled', '2026-11-23T02:00:00Z', '2026-11-23T03:00:00Z'),
];
const instruments: InstrumentRow[] = [
  { id: 1, deviceId: null, model: 'DMM', serial: 'S1', calibrationDue: '2026-01-01', calibrationOverdue: true },
  { id: 2, deviceId: null, model: 'DMM', serial: 'S2', calibrationDue: '2027-01-01', calibrationOverdue: false },
];

describe('daily summary in the store zone', () => {
  const s = dailySummary(jobs, instruments, '2026-11-23', Z);
  it('counts jobs received and completed on the business day, across UTC midnight', () => {
    expect(s.figures.received.jobIds).toEqual(['R1', 'R2', 'R5']);
    expect(s.figures.completed.jobIds).toEqual(['R2', 'R4']);
  });
  it('open excludes finished and cancelled jobs; overdue is the flagged open ones', () => {
    expect(s.figures.open.jobIds).toEqual(['R1', 'R3']);
    expect(s.figures.overdue.jobIds).toEqual(['R3']);
  });
  it('lists only instruments past calibration and groups by category', () => {
    expect(s.calibrationDue.map((i) => i.serial)).toEqual(['S1']);
    expect(s.byCategory).toEqual([
      { category: 'laptop', received: 1, completed: 1 },
      { category: 'phone', received: 2, completed: 1 },
    ]);
  });
  it('writes the same numbers as CSV with a header and CRLF', () => {
    const csv = dailyCsv(s, (k) => k);
    expect(csv.split('\r\n').slice(0, 6)).toEqual([
      'section,item,value',
      'day,day,2026-11-23',
      'repairs,received,3',
      'repairs,completed,2',
      'repairs,open,2',
      'repairs,overdue,1',
    ]);
    expect(csv).toContain('calibration_due,DMM S1,2026-01-01\r\n');
  });
});

describe('range KPIs', () => {
  it('counts received/completed per day and the overdue share of the received', () => {
    const k = rangeKpis(jobs, '2026-11-23', '2026-11-24', Z);
    expect(k.received).toBe(4); // R1 R2 R5 on the 23rd, R3 on the 24th
    expect(k.completed).toBe(2); // R2 R4
    expect(k.overdueRate).toBe(1 / 4);
    expect(k.perDay).toEqual([
      { day: '2026-11-23', received: 3, completed: 2 },
      { day: '2026-11-24', received: 1, completed: 0 },
    ]);
  });
  it('has no overdue rate when nothing was received', () => {
    expect(rangeKpis(jobs, '2026-12-01', '2026-12-02', Z).overdueRate).toBeNull();
  });
});

describe('csv quoting', () => {
  it('quotes commas, quotes and line breaks only', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField('小王')).toBe('小王');
    expect(csvField(12)).toBe('12');
  });
});
