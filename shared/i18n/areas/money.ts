/** Money area: tender names, currency names, and why a typed amount was not accepted. */
import type { AreaMessages } from '../types';

export const moneyMessages: AreaMessages = {
  'zh-CN': {
    tender: {
      cash: '现金',
      card: '银行卡',
      wechat: '微信支付',
      alipay: '支付宝',
      store_credit: '店铺余额',
      gift_card: '礼品卡',
    },
    currency: {
      CNY: '人民币',
      USD: '美元',
      EUR: '欧元',
      JPY: '日元',
    },
    parseError: {
      not_text: '请输入金额',
      empty: '请输入金额',
      too_long: '金额太长',
      malformed: '金额格式不正确，例如 1,299.50',
      bad_grouping: '千位分隔符位置不正确，例如 1,299.50',
      too_many_decimals: '小数位数超出该币种的最小单位',
      out_of_range: '金额超出范围',
    },
  },
  'en-US': {
    tender: {
      cash: 'Cash',
      card: 'Bank card',
      wechat: 'WeChat Pay',
      alipay: 'Alipay',
      store_credit: 'Store credit',
      gift_card: 'Gift card',
    },
    currency: {
      CNY: 'Chinese yuan',
      USD: 'US dollar',
      EUR: 'Euro',
      JPY: 'Japanese yen',
    },
    parseError: {
      not_text: 'Enter an amount',
      empty: 'Enter an amount',
      too_long: 'The amount is too long',
      malformed: 'Not an amount, e.g. 1,299.50',
      bad_grouping: 'Thousands separators are misplaced, e.g. 1,299.50',
      too_many_decimals: 'Too many decimal places for this currency',
      out_of_range: 'The amount is out of range',
    },
  },
};
