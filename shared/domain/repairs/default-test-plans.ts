/**
 * The bench test plans a new store starts with (a manager edits them; each save is a new
 * version). Values are the usual nameplate figures: a 19.5 V laptop adapter within ±5 %, ripple
 * under 0.2 V AC, 5 V USB within ±5 %, a 1000 W / 220 V heating element ≈ 48.4 Ω.
 */
import type { PlanDraft } from './test-plan';

export const DEFAULT_TEST_PLANS: readonly PlanDraft[] = [
  {
    categoryCode: 'laptop',
    name: '笔记本电源适配器测试 · Laptop charger test',
    steps: [
      {
        label: '空载直流输出 19.5 V ±5 %',
        labelEn: 'DC output, no load: 19.5 V ±5 %',
        measure: 'DCV',
        unit: 'V',
        limits: { nominal: 19.5, tolerancePct: 5 },
        meterRequired: true,
        allowManual: false,
        stableCount: 5,
      },
      {
        label: '输出纹波（交流）< 0.2 V',
        labelEn: 'Ripple (AC) at the output < 0.2 V',
        measure: 'ACV',
        unit: 'V',
        limits: { max: 0.2 },
        meterRequired: true,
        allowManual: false,
        stableCount: 5,
      },
      {
        label: '直流插头线缆通断 ≤ 2 Ω',
        labelEn: 'DC plug cable continuity ≤ 2 Ω',
        measure: 'CONT',
        unit: 'Ω',
        limits: { max: 2 },
        meterRequired: true,
        allowManual: true,
        stableCount: 3,
      },
    ],
  },
  {
    categoryCode: 'phone',
    name: '手机充电口测试 · Phone charge port test',
    steps: [
      {
        label: '充电口 VBUS 5 V ±5 %',
        labelEn: 'Charge port VBUS 5 V ±5 %',
        measure: 'DCV',
        unit: 'V',
        limits: { nominal: 5, tolerancePct: 5 },
        meterRequired: true,
        allowManual: false,
        stableCount: 5,
      },
      {
        label: '充电电流 ≥ 500 mA',
        labelEn: 'Charging current ≥ 500 mA',
        measure: 'DCA',
        unit: 'mA',
        limits: { min: 500 },
        meterRequired: true,
        allowManual: true,
        stableCount: 5,
      },
    ],
  },
  {
    categoryCode: 'small_appliance',
    name: '小家电安全与加热测试 · Small appliance safety and heating test',
    steps: [
      {
        label: '发热元件电阻 48.4 Ω ±10 %',
        labelEn: 'Heating element resistance 48.4 Ω ±10 %',
        measure: 'OHM',
        unit: 'Ω',
        limits: { nominal: 48.4, tolerancePct: 10 },
        meterRequired: true,
        allowManual: false,
        stableCount: 5,
      },
      {
        label: '插头对外壳绝缘 ≥ 2 MΩ',
        labelEn: 'Plug to casing insulation ≥ 2 MΩ',
        measure: 'OHM',
        unit: 'MΩ',
        limits: { min: 2 },
        meterRequired: true,
        allowManual: true,
        stableCount: 3,
      },
    ],
  },
  {
    categoryCode: 'audio',
    name: '音箱电池与充电测试 · Speaker battery and charging test',
    steps: [
      {
        label: '电池电压 3.5–4.25 V',
        labelEn: 'Battery voltage 3.5–4.25 V',
        measure: 'DCV',
        unit: 'V',
        limits: { min: 3.5, max: 4.25 },
        meterRequired: true,
        allowManual: false,
        stableCount: 5,
      },
      {
        label: '充电输入 5 V ±5 %',
        labelEn: 'Charging input 5 V ±5 %',
        measure: 'DCV',
        unit: 'V',
        limits: { nominal: 5, tolerancePct: 5 },
        meterRequired: true,
        allowManual: true,
        stableCount: 5,
      },
    ],
  },
];
