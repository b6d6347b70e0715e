/** The demo's repair data: spare parts with opening stock, instruments, and intake checklists. */
import type { IntakeInput } from '../../shared/contract/methods/repairs';

export const DEMO_SPARE_PARTS = [
  {
    sku: 'LT-DCJACK-01',
    name: '笔记本 DC 电源接口 · Laptop DC jack',
    qty: 8,
    low: 2,
    cost: 1_200,
    price: 3_500,
    cat: 'laptop',
  },
  {
    sku: 'LT-ADP-65W',
    name: '65W 笔记本电源适配器 · 65 W laptop adapter',
    qty: 3,
    low: 1,
    cost: 9_000,
    price: 19_900,
    cat: 'laptop',
  },
  {
    sku: 'LT-BAT-XX14',
    name: '小新 Pro 14 电池 · Xiaoxin Pro 14 battery',
    qty: 2,
    low: 1,
    cost: 26_000,
    price: 45_000,
    cat: 'laptop',
  },
  {
    sku: 'PH-SCR-MI14',
    name: '小米 14 屏幕总成 · Xiaomi 14 screen assembly',
    qty: 1,
    low: 1,
    cost: 52_000,
    price: 68_000,
    cat: 'phone',
  },
  {
    sku: 'PH-USBC-FLEX',
    name: '手机尾插排线 USB-C · USB-C charge port flex',
    qty: 6,
    low: 2,
    cost: 1_500,
    price: 8_000,
    cat: 'phone',
  },
  {
    sku: 'AU-DRV-50MM',
    name: '50mm 喇叭单元 · 50 mm speaker driver',
    qty: 4,
    low: 2,
    cost: 2_500,
    price: 6_000,
    cat: 'audio',
  },
  {
    sku: 'SA-FUSE-TH',
    name: '水壶温控保险丝 · Kettle thermal fuse',
    qty: 0,
    low: 3,
    cost: 300,
    price: 2_000,
    cat: 'small_appliance',
  },
  { sku: 'GEN-SCREW-KIT', name: '螺丝套装 · Screw kit', qty: 50, low: 10, cost: 100, price: 0, cat: null },
] as const;

/** Instrument serials: the UT61E on bench 2 is in calibration; the SCPI simulator's is past due. */
export const DEMO_INSTRUMENTS = {
  ut61e: { model: 'UT61E', serial: 'C190512345', dueInDays: 200 },
  scpi: { model: 'SIM-DMM-1', serial: 'SIM000001', dueInDays: -20 },
} as const;

/** A laptop's intake checklist: flat battery, optionally a casing note. */
export function laptopChecklist(casingNote = ''): IntakeInput['condition'] {
  return [
    { item: 'casing', state: casingNote ? 'issue' : 'ok', note: casingNote },
    { item: 'screen', state: 'ok', note: '' },
    { item: 'ports', state: 'ok', note: '' },
    { item: 'buttons', state: 'ok', note: '' },
    { item: 'water_indicator', state: 'ok', note: '' },
    { item: 'powers_on', state: 'issue', note: '电池耗尽 · battery flat' },
    { item: 'missing_parts', state: 'ok', note: '' },
  ];
}

/** Every item of `items` checked OK. */
export function checklistOf(items: readonly string[]): IntakeInput['condition'] {
  return items.map((item) => ({
    item: item as IntakeInput['condition'][number]['item'],
    state: 'ok',
    note: '',
  }));
}
