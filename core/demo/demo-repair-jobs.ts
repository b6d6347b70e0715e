/**
 * The demo's repair jobs, one function each (see seed-demo-repairs.ts for the list); each returns
 * its job id. Times are relative to `now`.
 */
import type { DbClient } from '../../db/client';
import { laptopSaleWithCustomer } from '../../db/repositories/repairs/warranty';
import type { Actor } from '../services/repairs/transition';
import type { DemoRepairDesk } from './demo-repair-desk';
import { checklistOf, laptopChecklist } from './demo-repairs-data';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Journey 5's laptop: an earlier 三包 repair of the same fault, about five months ago. */
export function seedPreviousLaptop(desk: DemoRepairDesk, tech: Actor, now: number): string {
  const t1 = now - 150 * DAY;
  const previousLaptopJobId = desk.intake(
    {
      customer: { name: '刘洋', phone: '18800002222' },
      device: { categoryCode: 'laptop', brand: '联想', model: '小新 Pro 14', serial: 'PF4XK2AB' },
      fault: { code: 'not_charging', text: '插上充电器不充电 · does not charge' },
      condition: laptopChecklist(),
      accessoriesLeft: ['charger'],
      accessoriesNote: '',
      photos: [],
      passcode: { policy: 'customer_removed' },
      estimateMinor: 0,
      deposit: null,
      voidWarranty: null,
      note: '',
      assign: tech.staffId,
    },
    t1,
  );
  desk.move(previousLaptopJobId, tech, { to: 'diagnosing', note: '' }, t1 + 2 * HOUR);
  desk.move(
    previousLaptopJobId,
    tech,
    { to: 'repairing', note: 'DC 接口松动 · loose DC jack' },
    t1 + 3 * HOUR,
  );
  desk.part(previousLaptopJobId, 'LT-DCJACK-01', t1 + 4 * HOUR);
  desk.move(previousLaptopJobId, tech, { to: 'testing', note: '' }, t1 + 5 * HOUR);
  desk.benchRun(previousLaptopJobId, 'laptop', [19.48, 0.05, 0.4], t1 + 5 * HOUR);
  desk.move(previousLaptopJobId, tech, { to: 'qc', note: '' }, t1 + 6 * HOUR);
  desk.qcPass(previousLaptopJobId, t1 + DAY);
  desk.pickup(
    {
      jobId: previousLaptopJobId,
      idempotencyKey: 'demo-repair-pickup-1',
      payment: null,
      signatureSeed: 101,
      csat: 5,
      nps: 9,
      note: '',
    },
    t1 + 2 * DAY,
  );
  return previousLaptopJobId;
}

/** Journey 6: another customer's laptop that will not charge, on 老陈's bench. */
export function seedBenchLaptop(desk: DemoRepairDesk, tech: Actor, now: number, db: DbClient): string {
  const other = laptopSaleWithCustomer(db, 'PF4XK2AB');
  const [brand = 'ThinkPad', ...modelWords] = (other?.name ?? 'ThinkPad E14').split(' ');
  const t2 = now - 5 * HOUR;
  const benchJobId = desk.intake(
    {
      customer: other?.customerId ? { id: other.customerId } : { name: '黄晓明', phone: '13900006666' },
      device: {
        categoryCode: 'laptop',
        brand: brand.slice(0, 40),
        model: modelWords.join(' ').slice(0, 60),
        serial: other?.serial ?? 'PF5DEMO01',
      },
      fault: { code: 'not_charging', text: '充电灯不亮 · charge light stays off' },
      condition: laptopChecklist('A 面轻微划痕 · light scratch on the lid'),
      accessoriesLeft: ['charger'],
      accessoriesNote: '',
      photos: [],
      passcode: { policy: 'customer_removed' },
      estimateMinor: 0,
      deposit: null,
      voidWarranty: null,
      note: '',
      assign: tech.staffId,
    },
    t2,
  );
  desk.move(benchJobId, tech, { to: 'diagnosing', note: '' }, t2 + HOUR);
  return benchJobId;
}

/** A phone waiting for the customer to approve a quote (out of warranty, no sale). */
export function seedQuotePhone(desk: DemoRepairDesk, tech: Actor, now: number): string {
  const t3 = now - 2 * DAY;
  const quoteJobId = desk.intake(
    {
      customer: { name: '王磊', phone: '13500001234' },
      device: { categoryCode: 'phone', brand: '小米', model: '14', serial: '861234560009998' },
      fault: { code: 'screen', text: '摔落后屏幕碎裂 · cracked after a drop' },
      condition: checklistOf([
        'casing',
        'screen',
        'ports',
        'buttons',
        'water_indicator',
        'powers_on',
        'missing_parts',
      ]).map((c) => (c.item === 'screen' ? { ...c, state: 'issue', note: '屏幕碎裂 · cracked' } : c)),
      accessoriesLeft: ['case'],
      accessoriesNote: '',
      photos: [],
      passcode: { policy: 'customer_removed' },
      estimateMinor: 0,
      deposit: null,
      voidWarranty: { reason: '人为摔坏 · dropped by the customer' },
      note: '',
      assign: tech.staffId,
    },
    t3,
  );
  desk.move(quoteJobId, tech, { to: 'diagnosing', note: '' }, t3 + HOUR);
  desk.move(
    quoteJobId,
    tech,
    { to: 'awaiting_approval', note: '更换屏幕总成 · replace the screen', quoteMinor: 15_000 },
    t3 + 3 * HOUR,
  );
  return quoteJobId;
}

/** A kettle waiting for a thermal fuse that is out of stock; its promise has passed. */
export function seedOverdueKettle(desk: DemoRepairDesk, tech: Actor, now: number): string {
  const t4 = now - 9 * DAY;
  const overdueJobId = desk.intake(
    {
      customer: { name: '周敏', phone: '13700004444' },
      device: { categoryCode: 'small_appliance', brand: '美的', model: '电水壶 1.7L', serial: null },
      fault: { code: 'heating', text: '通电不加热 · no heat' },
      condition: checklistOf(['casing', 'power_cord', 'buttons', 'powers_on', 'missing_parts', 'seals']),
      accessoriesLeft: [],
      accessoriesNote: '',
      photos: [],
      passcode: { policy: 'none' },
      estimateMinor: 3_000,
      deposit: null,
      voidWarranty: null,
      note: '',
      assign: tech.staffId,
    },
    t4,
  );
  desk.move(overdueJobId, tech, { to: 'diagnosing', note: '' }, t4 + 2 * HOUR);
  desk.move(
    overdueJobId,
    tech,
    { to: 'awaiting_parts', note: '温控保险丝熔断，缺货 · thermal fuse blown, none in stock' },
    t4 + 3 * HOUR,
  );
  return overdueJobId;
}

/** A speaker, repaired and through QC, ready for pickup with a balance to pay. */
export function seedReadySpeaker(desk: DemoRepairDesk, tech: Actor, now: number): string {
  const t5 = now - 4 * DAY;
  const readyJobId = desk.intake(
    {
      customer: { name: '孙丽', phone: '13600005555' },
      device: { categoryCode: 'audio', brand: '漫步者', model: 'M330', serial: 'EDF-M330-7781' },
      fault: { code: 'noise', text: '大音量破音 · distorts at high volume' },
      condition: checklistOf(['casing', 'ports', 'buttons', 'powers_on', 'missing_parts']),
      accessoriesLeft: ['charger'],
      accessoriesNote: '',
      photos: [],
      passcode: { policy: 'none' },
      estimateMinor: 8_000,
      deposit: { amountMinor: 3_000, tender: 'wechat' },
      voidWarranty: null,
      note: '',
      assign: tech.staffId,
    },
    t5,
  );
  desk.move(readyJobId, tech, { to: 'diagnosing', note: '' }, t5 + HOUR);
  desk.move(readyJobId, tech, { to: 'repairing', note: '喇叭单元破损 · torn driver' }, t5 + 2 * HOUR);
  desk.part(readyJobId, 'AU-DRV-50MM', t5 + 3 * HOUR);
  desk.move(readyJobId, tech, { to: 'testing', note: '' }, t5 + 4 * HOUR);
  desk.benchRun(readyJobId, 'audio', [3.92, 5.02], t5 + 4 * HOUR);
  desk.move(readyJobId, tech, { to: 'qc', note: '' }, t5 + 5 * HOUR);
  desk.qcPass(readyJobId, t5 + DAY);
  return readyJobId;
}

/** Headphones just received, not yet assigned. */
export function seedReceivedHeadphones(desk: DemoRepairDesk, now: number): string {
  const receivedJobId = desk.intake(
    {
      customer: { name: '李娜', phone: '13687654321' },
      device: { categoryCode: 'headphones', brand: '索尼', model: 'WH-1000XM5', serial: 'SNY-XM5-55102' },
      fault: { code: 'connectivity', text: '蓝牙经常断开 · Bluetooth keeps dropping' },
      condition: checklistOf(['casing', 'ports', 'buttons', 'powers_on', 'missing_parts']),
      accessoriesLeft: ['charging_case', 'cable'],
      accessoriesNote: '',
      photos: [],
      passcode: { policy: 'none' },
      estimateMinor: 0,
      deposit: null,
      voidWarranty: null,
      note: '',
      assign: null,
    },
    now - 2 * HOUR,
  );
  return receivedJobId;
}
