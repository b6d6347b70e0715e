/**
 * The demo store's catalog: seven categories with their policy profile and 60 products an
 * electronics/appliance store sells, with GTIN-13 barcodes (check digit computed), prices in
 * fen and 13 % VAT.
 *
 * Policy profiles follow the 三包 product list: phones, laptops, speakers (家用视听) and large
 * appliances are 'cn-sanbao'; headphones, small appliances and accessories are
 * 'generic-retail' (journey 2's headphones meet the generic 30-day window, journey 3's kettle
 * the no-receipt rule, journey 4's phone case the exchange). Category codes are the ones the
 * policy profiles key their per-category overrides on (shared/domain/policy: phone, laptop,
 * audio, accessories, small_appliance). Phones, laptops, speakers and large appliances carry
 * serial numbers (IMEI for phones).
 *
 * Barcodes use the fictitious company prefix 692345 (GS1 China range); the kettle carries an
 * in-store barcode (prefix 20, "the store's barcode" of journey 3).
 */
import type { DbClient } from '../../db/client';
import {
  categoryIdByCode,
  insertCategoryIfAbsent,
  insertProductIfAbsent,
} from '../../db/repositories/catalog/products';
import { completeGtin } from '../../shared/domain/codes/gtin';

export type PolicyProfile = 'cn-sanbao' | 'generic-retail';

export interface DemoCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  policyProfile: PolicyProfile;
}

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  { code: 'phone', nameZh: '手机', nameEn: 'Phones', policyProfile: 'cn-sanbao' },
  { code: 'laptop', nameZh: '笔记本电脑', nameEn: 'Laptops', policyProfile: 'cn-sanbao' },
  { code: 'audio', nameZh: '音箱音响', nameEn: 'Speakers', policyProfile: 'cn-sanbao' },
  { code: 'headphones', nameZh: '耳机', nameEn: 'Headphones', policyProfile: 'generic-retail' },
  { code: 'small_appliance', nameZh: '小家电', nameEn: 'Small appliances', policyProfile: 'generic-retail' },
  { code: 'accessories', nameZh: '配件', nameEn: 'Accessories', policyProfile: 'generic-retail' },
  { code: 'large_appliance', nameZh: '大家电', nameEn: 'Large appliances', policyProfile: 'cn-sanbao' },
];

export interface DemoProduct {
  sku: string;
  /** GTIN-13 with its check digit. */
  gtin: string;
  name: string;
  category: string;
  priceMinor: number;
  taxRateBp: number;
  serialized: boolean;
}

const SERIALIZED_CATEGORIES = new Set(['phone', 'laptop', 'audio', 'large_appliance']);

/** [category, sku, GTIN body (12 digits), name, price in yuan] */
const ROWS: readonly (readonly [string, string, string, string, number])[] = [
  ['phone', 'PH-XM-14-256', '692345010014', '小米 14 12GB+256GB 黑色', 3999],
  ['phone', 'PH-XM-RN13P-256', '692345010021', 'Redmi Note 13 Pro 8GB+256GB', 1399],
  ['phone', 'PH-HW-P60-256', '692345010038', '华为 P60 8GB+256GB', 4488],
  ['phone', 'PH-HW-NOVA12-256', '692345010045', '华为 nova 12 8GB+256GB', 2699],
  ['phone', 'PH-AP-IP15-128', '692345010052', 'Apple iPhone 15 128GB', 5999],
  ['phone', 'PH-AP-IP15P-256', '692345010069', 'Apple iPhone 15 Pro 256GB', 8999],
  ['phone', 'PH-OP-RENO11-256', '692345010076', 'OPPO Reno11 12GB+256GB', 2699],
  ['phone', 'PH-VV-X100-256', '692345010083', 'vivo X100 12GB+256GB', 3999],
  ['phone', 'PH-HN-X50-256', '692345010090', '荣耀 X50 8GB+256GB', 1399],
  ['phone', 'PH-OP-1P12-256', '692345010106', '一加 12 12GB+256GB', 4299],
  ['laptop', 'LT-LN-XXPRO14', '692345020013', '联想 小新 Pro 14 R7/16GB/1TB（含 100W 充电器）', 5499],
  ['laptop', 'LT-LN-TP-E14', '692345020020', 'ThinkPad E14 i5/16GB/512GB（含 65W 充电器）', 4999],
  ['laptop', 'LT-HW-MBD14', '692345020037', '华为 MateBook D 14 i5/16GB/512GB（含 65W 充电器）', 4299],
  ['laptop', 'LT-AP-MBA13-M2', '692345020044', 'Apple MacBook Air 13 M2 8GB/256GB（含 30W 充电器）', 7999],
  ['laptop', 'LT-DL-INS14', '692345020051', '戴尔 灵越 14 i5/16GB/512GB（含 65W 充电器）', 4599],
  ['laptop', 'LT-HP-STAR14', '692345020068', '惠普 星 14 R5/16GB/512GB（含 65W 充电器）', 3799],
  ['laptop', 'LT-AS-VIVO15', '692345020075', '华硕 无畏 15 i5/16GB/512GB（含 90W 充电器）', 3999],
  ['laptop', 'LT-XM-RBPRO14', '692345020082', 'RedmiBook Pro 14 i5/16GB/512GB（含 100W 充电器）', 4499],
  ['audio', 'SP-EDF-M330', '692345030012', '漫步者 M330 便携蓝牙音箱', 399],
  ['audio', 'SP-JBL-FLIP6', '692345030029', 'JBL Flip 6 蓝牙音箱', 899],
  ['audio', 'SP-XM-SOUND', '692345030036', '小米 Sound 智能音箱', 499],
  ['audio', 'SP-EDF-S2000', '692345030043', '漫步者 S2000MKIII 有源音箱', 1299],
  ['audio', 'SP-SONY-ULT1', '692345030050', '索尼 ULT FIELD 1 蓝牙音箱', 999],
  ['audio', 'SP-HK-ONYX7', '692345030067', '哈曼卡顿 Onyx Studio 7 蓝牙音箱', 1499],
  ['headphones', 'HP-SONY-CH720N', '692345040011', '索尼 WH-CH720N 头戴式降噪耳机', 899],
  ['headphones', 'HP-AP-AIRPODSP2', '692345040028', 'Apple AirPods Pro（第二代）', 1899],
  ['headphones', 'HP-HW-FB5', '692345040035', '华为 FreeBuds 5 无线耳机', 999],
  ['headphones', 'HP-XM-BUDS4P', '692345040042', '小米 Buds 4 Pro 降噪耳机', 699],
  ['headphones', 'HP-EDF-W820NB', '692345040059', '漫步者 W820NB 头戴式耳机', 299],
  ['headphones', 'HP-SONY-WF1000XM5', '692345040066', '索尼 WF-1000XM5 降噪耳机', 1999],
  ['headphones', 'HP-JBL-T520BT', '692345040073', 'JBL Tune 520BT 头戴式耳机', 299],
  ['small_appliance', 'SA-KT-MD-17', '200000012907', '美的 电热水壶 1.7L', 129],
  ['small_appliance', 'SA-KT-SP-15', '692345050010', '苏泊尔 电热水壶 1.5L', 99],
  ['small_appliance', 'SA-RC-MD-4L', '692345050027', '美的 电饭煲 4L', 299],
  ['small_appliance', 'SA-AF-MD-5L', '692345050034', '美的 空气炸锅 5L', 349],
  ['small_appliance', 'SA-HD-DS-HD08', '692345050041', '戴森 Supersonic 吹风机 HD08', 2999],
  ['small_appliance', 'SA-BL-JY-L18', '692345050058', '九阳 破壁料理机', 399],
  ['small_appliance', 'SA-VC-XM-G10', '692345050065', '小米 无线吸尘器 G10', 1299],
  ['small_appliance', 'SA-FAN-MD-DC', '692345050072', '美的 直流落地扇', 299],
  ['small_appliance', 'SA-HT-MD-2200', '692345050089', '美的 电暖器 2200W', 259],
  ['accessories', 'AC-CBL-UG-C15', '692345060019', '绿联 USB-C 快充数据线 1.5m', 59],
  ['accessories', 'AC-CBL-UG-L1', '692345060026', '绿联 Lightning 数据线 1m', 49],
  ['accessories', 'AC-CBL-AP-C1', '692345060033', 'Apple USB-C 编织充电线 1m', 145],
  ['accessories', 'AC-CHG-AN-65W', '692345060040', '安克 65W 氮化镓充电器', 199],
  ['accessories', 'AC-CHG-XM-33W', '692345060057', '小米 33W 充电器', 79],
  ['accessories', 'AC-CHG-LT-100W', '692345060064', '笔记本 100W USB-C 充电器', 249],
  ['accessories', 'AC-PB-AN-10K', '692345060071', '安克 10000mAh 移动电源', 149],
  ['accessories', 'AC-CASE-IP15-CL', '692345060088', 'iPhone 15 透明保护壳', 49],
  ['accessories', 'AC-CASE-IP15-MS', '692345060095', 'iPhone 15 MagSafe 硅胶保护壳', 69],
  ['accessories', 'AC-CASE-XM14', '692345060101', '小米 14 保护壳', 39],
  ['accessories', 'AC-SP-IP15', '692345060118', 'iPhone 15 钢化膜（2 片装）', 39],
  ['accessories', 'AC-MS-LG-M650', '692345060125', '罗技 M650 无线鼠标', 199],
  ['accessories', 'AC-BAG-14', '692345060132', '14 英寸电脑内胆包', 89],
  ['accessories', 'AC-SD-SS-256', '692345060149', '三星 256GB microSD 存储卡', 129],
  ['large_appliance', 'LA-TV-XM-A65', '692345070018', '小米电视 A65 65 英寸', 2999],
  ['large_appliance', 'LA-TV-HS-55E3K', '692345070025', '海信 55E3K 55 英寸电视', 2199],
  ['large_appliance', 'LA-FR-HR-470', '692345070032', '海尔 470L 十字对开门冰箱', 3999],
  ['large_appliance', 'LA-WM-MD-10KG', '692345070049', '美的 10kg 滚筒洗衣机', 2299],
  ['large_appliance', 'LA-AC-GL-15P', '692345070056', '格力 1.5 匹变频空调挂机', 3299],
  ['large_appliance', 'LA-DW-MD-13', '692345070063', '美的 13 套洗碗机', 3499],
];

/** VAT on goods in China: 13 %. */
export const DEMO_TAX_RATE_BP = 1300;

export const DEMO_PRODUCTS: readonly DemoProduct[] = ROWS.map(([category, sku, body, name, yuan]) => ({
  sku,
  gtin: completeGtin(body) ?? body,
  name,
  category,
  priceMinor: yuan * 100,
  taxRateBp: DEMO_TAX_RATE_BP,
  serialized: SERIALIZED_CATEGORIES.has(category),
}));

/** The SKUs the journeys (docs in /work/shared/JOURNEYS.md) are about. */
export const DEMO_JOURNEY_SKUS = {
  speaker: 'SP-EDF-M330',
  cable: 'AC-CBL-UG-C15',
  headphones: 'HP-SONY-CH720N',
  kettle: 'SA-KT-MD-17',
  phoneCase: 'AC-CASE-IP15-CL',
  phoneCaseDearer: 'AC-CASE-IP15-MS',
  laptop: 'LT-LN-XXPRO14',
  phone: 'PH-XM-14-256',
} as const;

/** The demo product of a SKU (throws for an unknown SKU: a bug in the demo tables). */
export function demoProduct(sku: string): DemoProduct {
  const p = DEMO_PRODUCTS.find((x) => x.sku === sku);
  if (!p) throw new Error(`no demo product ${sku}`);
  return p;
}

/** Inserts the categories and products (existing codes and SKUs are left alone). */
export function seedDemoCatalog(db: DbClient): { categories: number; products: number } {
  return db.transaction(() => {
    const ids = new Map<string, number>();
    let categories = 0;
    let products = 0;
    for (const c of DEMO_CATEGORIES) {
      if (insertCategoryIfAbsent(db, c)) categories++;
      const id = categoryIdByCode(db, c.code);
      if (id !== null) ids.set(c.code, id);
    }
    for (const p of DEMO_PRODUCTS) {
      const added = insertProductIfAbsent(db, {
        sku: p.sku,
        gtin: p.gtin,
        name: p.name,
        categoryId: ids.get(p.category) ?? null,
        priceMinor: p.priceMinor,
        taxRateBp: p.taxRateBp,
        serialized: p.serialized,
      });
      if (added) products++;
    }
    return { categories, products };
  });
}
