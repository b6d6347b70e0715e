/** Money area: tender names, currency names, why a typed amount was not accepted, refund-math errors. */
import type { AreaMessages } from '../types';

/** Messages of the refund-math error codes (shared/domain/refund/errors.ts). */
const ERRORS_ZH = {
  REFUND_SALE_INVALID: '销售单数据不完整或金额无效，无法计算退款',
  REFUND_SALE_INCONSISTENT: '销售单各行合计与付款合计不符，请核对销售单',
  REFUND_PREVIOUS_INVALID: '此前的退货记录与销售单不符，请联系店长',
  REFUND_LINE_NOT_FOUND: '销售单中没有这一行商品',
  REFUND_LINE_DUPLICATE: '同一行商品在本次退货中出现了两次',
  REFUND_QTY_INVALID: '退货数量必须是正整数',
  REFUND_QTY_EXCEEDS_REMAINING: '退货数量 {{requested}} 超过可退数量 {{remaining}}',
  REFUND_NOTHING_REQUESTED: '请选择要退的商品',
  REFUND_FEE_INVALID: '重新上架费比例无效',
  REFUND_AMOUNT_INVALID: '退款金额无效',
  REFUND_EXCEEDS_REFUNDABLE: '退款金额超过该销售单可退余额',
  EXCHANGE_PAYMENT_TENDER_REQUIRED: '换货需补差价，请选择顾客的付款方式',
  EXCHANGE_ITEM_INVALID: '换货的新商品数据无效',
};

const ERRORS_EN = {
  REFUND_SALE_INVALID: 'The sale is incomplete or has invalid amounts; no refund can be computed',
  REFUND_SALE_INCONSISTENT: 'The sale lines do not add up to its payments; check the sale',
  REFUND_PREVIOUS_INVALID: 'Earlier returns of this sale do not match it; call the manager',
  REFUND_LINE_NOT_FOUND: 'This item is not on the sale',
  REFUND_LINE_DUPLICATE: 'The same sale line appears twice in this return',
  REFUND_QTY_INVALID: 'The quantity to return must be a whole number above zero',
  REFUND_QTY_EXCEEDS_REMAINING: 'Returning {{requested}} but only {{remaining}} left to return',
  REFUND_NOTHING_REQUESTED: 'Pick the items to return',
  REFUND_FEE_INVALID: 'The restocking fee rate is not valid',
  REFUND_AMOUNT_INVALID: 'The refund amount is not valid',
  REFUND_EXCEEDS_REFUNDABLE: 'The refund is more than what is left to refund on this sale',
  EXCHANGE_PAYMENT_TENDER_REQUIRED: 'The customer owes a difference: pick how they pay',
  EXCHANGE_ITEM_INVALID: 'The new item of the exchange is not valid',
};

export const moneyMessages: AreaMessages = {
  'zh-CN': {
    money: {
      tender: {
        cash: '现金',
        card: '银行卡',
        wechat: '微信支付',
        alipay: '支付宝',
        store_credit: '店铺余额',
        gift_card: '礼品卡',
        exchange_goods: '抵扣新商品',
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
    errors: ERRORS_ZH,
  },
  'en-US': {
    money: {
      tender: {
        cash: 'Cash',
        card: 'Bank card',
        wechat: 'WeChat Pay',
        alipay: 'Alipay',
        store_credit: 'Store credit',
        gift_card: 'Gift card',
        exchange_goods: 'Applied to new items',
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
    errors: ERRORS_EN,
  },
};
