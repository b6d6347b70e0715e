/** Word lists the dataset generator builds customer names and product names from. */

/** Common Chinese surnames (single character). */
export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
] as const;

/** Characters of given names (two are drawn per customer). */
export const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
  '刚',
  '桂',
  '英',
  '华',
  '玉',
  '萍',
  '红',
  '鹏',
  '辉',
  '婷',
  '晨',
  '宇',
  '浩',
  '欣',
  '博',
  '文',
  '雪',
  '琳',
  '凯',
  '佳',
] as const;

/** Brand names per category for generated products. */
export const BRANDS: Record<string, readonly string[]> = {
  phone: ['小米', '华为', 'Apple', 'OPPO', 'vivo', '荣耀', '一加'],
  laptop: ['联想', 'ThinkPad', '华为', 'Apple', '戴尔', '惠普', '华硕'],
  audio: ['漫步者', 'JBL', '小米', '索尼', '哈曼卡顿'],
  headphones: ['索尼', 'Apple', '华为', '小米', '漫步者', 'JBL'],
  small_appliance: ['美的', '苏泊尔', '九阳', '戴森', '小米', '飞利浦'],
  accessories: ['绿联', '安克', '小米', 'Apple', '罗技', '三星'],
  large_appliance: ['海尔', '美的', '格力', '海信', '小米', '西门子'],
};

/** Product words per category. */
export const PRODUCT_WORDS: Record<string, readonly string[]> = {
  phone: ['手机 8GB+256GB', '手机 12GB+256GB', '手机 12GB+512GB'],
  laptop: ['笔记本 i5/16GB/512GB', '笔记本 R7/16GB/1TB', '笔记本 i7/32GB/1TB'],
  audio: ['蓝牙音箱', '有源音箱', '智能音箱'],
  headphones: ['降噪耳机', '头戴式耳机', '无线耳机'],
  small_appliance: ['电热水壶', '电饭煲', '空气炸锅', '吹风机', '吸尘器', '电风扇'],
  accessories: ['数据线', '充电器', '移动电源', '保护壳', '钢化膜', '无线鼠标', '存储卡'],
  large_appliance: ['电视', '冰箱', '洗衣机', '空调', '洗碗机'],
};

/** [min, max] price in yuan per category. */
export const PRICE_YUAN: Record<string, readonly [number, number]> = {
  phone: [999, 8999],
  laptop: [2999, 12999],
  audio: [199, 2999],
  headphones: [99, 2499],
  small_appliance: [79, 3999],
  accessories: [19, 299],
  large_appliance: [1499, 9999],
};

/** How often each category appears on a sale line (integer weights). */
export const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['accessories', 35],
  ['headphones', 15],
  ['small_appliance', 15],
  ['phone', 12],
  ['audio', 8],
  ['laptop', 5],
  ['large_appliance', 10],
];
