/**
 * Policy area: the sentences that explain a return decision (policy.reason.*), and the names of return
 * reasons, condition grades, resolutions and outcomes. Reason params: purchasedOn/today/windowEnd are
 * YYYY-MM-DD store-local days; `ago` is built from `days` (policy.ago.*); amounts (limit, used, amount,
 * threshold) arrive formatted; grade arrives as its name. See shared/domain/policy/explain.ts.
 */
import type { AreaMessages } from '../types';

export const policyMessages: AreaMessages = {
  'zh-CN': {
    policy: {
      reason: {
        sanbao: {
          faultReturn:
            '购买于 {{purchasedOn}}（{{ago}}）；三包：{{windowDays}} 天内（至 {{windowEnd}}）出现性能故障 → 可退货、换货或修理，由顾客选择',
          faultExchange:
            '购买于 {{purchasedOn}}（{{ago}}）；三包退货期为 {{returnDays}} 天，换货期为 {{windowDays}} 天（至 {{windowEnd}}）→ 可换货或修理',
          warrantyRepair:
            '购买于 {{purchasedOn}}（{{ago}}）；三包换货期为 {{exchangeDays}} 天 → 仅可修理（三包免费修理至 {{windowEnd}}）',
          warrantyReplacement:
            '购买于 {{purchasedOn}}（{{ago}}）；同一性能故障已修理 {{failedRepairs}} 次仍未修好（三包规定 {{maxFailedRepairs}} 次）→ 免费更换同型号商品或退货',
          warrantyExpired:
            '购买于 {{purchasedOn}}（{{ago}}）；三包有效期 {{windowDays}} 天已于 {{windowEnd}} 结束 → 仅可收费维修',
          nextFailureReplacement:
            '本次为三包期内同一故障第 {{repairNo}} 次修理：若再修不好（满 {{maxFailedRepairs}} 次）→ 更换或退货',
          customerDamage:
            '购买于 {{purchasedOn}}（{{ago}}）；有人为损坏（成色 {{grade}}），不属于三包范围 → 仅可收费维修',
        },
        store: {
          faultReturn:
            '购买于 {{purchasedOn}}（{{ago}}）；故障退货期为 {{windowDays}} 天（至 {{windowEnd}}）→ 可退货、换货或修理，由顾客选择',
          faultExchange:
            '购买于 {{purchasedOn}}（{{ago}}）；故障退货期为 {{returnDays}} 天，换货期为 {{windowDays}} 天（至 {{windowEnd}}）→ 可换货或修理',
          warrantyRepair:
            '购买于 {{purchasedOn}}（{{ago}}）；换货期为 {{exchangeDays}} 天 → 仅可修理（保修期内免费修理至 {{windowEnd}}）',
          warrantyReplacement:
            '购买于 {{purchasedOn}}（{{ago}}）；同一故障已修理 {{failedRepairs}} 次仍未修好（上限 {{maxFailedRepairs}} 次）→ 更换同型号商品或退货',
          warrantyExpired:
            '购买于 {{purchasedOn}}（{{ago}}）；保修期 {{windowDays}} 天已于 {{windowEnd}} 结束 → 仅可收费维修',
          nextFailureReplacement:
            '本次为保修期内同一故障第 {{repairNo}} 次修理：若再修不好（满 {{maxFailedRepairs}} 次）→ 更换或退货',
          customerDamage:
            '购买于 {{purchasedOn}}（{{ago}}）；有人为损坏（成色 {{grade}}），不在保修范围 → 仅可收费维修',
        },
        noReasonReturn:
          '购买于 {{purchasedOn}}（{{ago}}）；{{windowDays}} 天无理由退货（至 {{windowEnd}}）→ 可退货或换货',
        returnWindow:
          '购买于 {{purchasedOn}}（{{ago}}）；退货期为 {{windowDays}} 天（至 {{windowEnd}}）→ 可退货或换货',
        returnWindowExpired:
          '购买于 {{purchasedOn}}（{{ago}}）；退货期为 {{windowDays}} 天（已于 {{windowEnd}} 结束）→ 不可退货',
        noReasonWindowExpired:
          '购买于 {{purchasedOn}}（{{ago}}）；无理由退货期为 {{windowDays}} 天（已于 {{windowEnd}} 结束）→ 仅性能故障可退换',
        noReturnWithoutFault: '购买于 {{purchasedOn}}（{{ago}}）；此类商品无故障不退换 → 仅性能故障可退换',
        finalSale: '清仓/特价商品：无故障不退换',
        restockingFee: '已拆封且无故障（成色 {{grade}}）：收取 {{feePercent}}% 重新上架费',
        gradeNotAccepted: '成色 {{grade}} 不接受退货',
        gradeExchangeOnly: '成色 {{grade}}：只可换货，不可退款',
        packagingRequired: '原包装不完整；无故障退货需要完整的原包装',
        accessoriesMissing: '配件不齐 → 由店长决定如何处理',
        serialMismatch: '序列号与销售记录不符 → 不是所售商品',
        faultNotConfirmed: '检测未能复现故障 → 按无故障退货处理',
        noReceiptNotAccepted: '无小票：不接受无小票退货',
        noReceiptStoreCredit: '无小票：按近 {{priceDays}} 天最低售价退为店铺余额，每位顾客每月最多 {{limit}}',
        noReceiptLimit: '无小票：本月已退 {{used}}，加上本次 {{amount}} 超过 {{limit}} 的上限 → 需店长批准',
        aboveApprovalLimit: '金额 {{amount}} 超过 {{threshold}} → 需店长批准',
        saleInFuture: '销售日期 {{purchasedOn}} 晚于今天（{{today}}）→ 请核对销售单，需店长批准',
        overridePossible: '可由店长授权（F8）例外处理：仅退店铺余额',
      },
      ago: {
        today: '当天',
        one: '{{count}} 天前',
        other: '{{count}} 天前',
      },
      returnReason: {
        no_reason: '无理由（不想要了）',
        performance_fault: '性能故障',
        damaged_on_arrival: '开箱损坏',
        wrong_item: '发错货',
        not_as_described: '与描述不符',
      },
      grade: {
        'A-new': 'A 全新未拆封',
        'A-defective': 'A 有故障，外观如新',
        'B-opened': 'B 已拆封，完整无损',
        'C-damaged': 'C 有损坏',
      },
      resolution: {
        refund: '退款',
        exchange: '换货',
        repair: '修理',
        store_credit: '退店铺余额',
        replacement: '更换同型号',
      },
      outcome: {
        allowed: '可以办理',
        refused: '不可办理',
        needs_manager: '需店长批准',
      },
    },
  },
  'en-US': {
    policy: {
      reason: {
        sanbao: {
          faultReturn:
            'Bought {{purchasedOn}}, {{ago}}; 三包: performance fault within {{windowDays}} days (until {{windowEnd}}) → return, exchange or repair, customer’s choice',
          faultExchange:
            'Bought {{purchasedOn}}, {{ago}}; 三包 return window is {{returnDays}} days, exchange window is {{windowDays}} days (until {{windowEnd}}) → exchange or repair',
          warrantyRepair:
            'Bought {{purchasedOn}}, {{ago}}; 三包 exchange window is {{exchangeDays}} days → repair only (free 三包 repair until {{windowEnd}})',
          warrantyReplacement:
            'Bought {{purchasedOn}}, {{ago}}; {{failedRepairs}} repairs of the same performance fault did not fix it (三包 limit {{maxFailedRepairs}}) → free replacement with the same model, or return',
          warrantyExpired:
            'Bought {{purchasedOn}}, {{ago}}; the 三包 period of {{windowDays}} days ended {{windowEnd}} → paid repair only',
          nextFailureReplacement:
            'Repair no. {{repairNo}} of the same fault within 三包: if it fails again ({{maxFailedRepairs}} failed repairs) → replacement or return',
          customerDamage:
            'Bought {{purchasedOn}}, {{ago}}; physical damage (condition {{grade}}) is not covered by 三包 → paid repair only',
        },
        store: {
          faultReturn:
            'Bought {{purchasedOn}}, {{ago}}; fault return window is {{windowDays}} days (until {{windowEnd}}) → return, exchange or repair, customer’s choice',
          faultExchange:
            'Bought {{purchasedOn}}, {{ago}}; fault return window is {{returnDays}} days, exchange window is {{windowDays}} days (until {{windowEnd}}) → exchange or repair',
          warrantyRepair:
            'Bought {{purchasedOn}}, {{ago}}; exchange window is {{exchangeDays}} days → repair only (free warranty repair until {{windowEnd}})',
          warrantyReplacement:
            'Bought {{purchasedOn}}, {{ago}}; {{failedRepairs}} repairs of the same fault did not fix it (limit {{maxFailedRepairs}}) → replacement with the same model, or return',
          warrantyExpired:
            'Bought {{purchasedOn}}, {{ago}}; the {{windowDays}}-day warranty ended {{windowEnd}} → paid repair only',
          nextFailureReplacement:
            'Repair no. {{repairNo}} of the same fault under warranty: if it fails again ({{maxFailedRepairs}} failed repairs) → replacement or return',
          customerDamage:
            'Bought {{purchasedOn}}, {{ago}}; physical damage (condition {{grade}}) is not covered by the warranty → paid repair only',
        },
        noReasonReturn:
          'Bought {{purchasedOn}}, {{ago}}; {{windowDays}}-day no-reason return (until {{windowEnd}}) → return or exchange',
        returnWindow:
          'Bought {{purchasedOn}}, {{ago}}; return window is {{windowDays}} days (until {{windowEnd}}) → return or exchange',
        returnWindowExpired:
          'Bought {{purchasedOn}}, {{ago}}; return window is {{windowDays}} days (ended {{windowEnd}}) → no return',
        noReasonWindowExpired:
          'Bought {{purchasedOn}}, {{ago}}; no-reason return window is {{windowDays}} days (ended {{windowEnd}}) → return only for a performance fault',
        noReturnWithoutFault:
          'Bought {{purchasedOn}}, {{ago}}; this category is not returnable without a fault → return only for a performance fault',
        finalSale: 'Final-sale item: no return without a fault',
        restockingFee: 'Opened without a fault (condition {{grade}}): restocking fee {{feePercent}} %',
        gradeNotAccepted: 'Condition {{grade}} is not accepted for a return',
        gradeExchangeOnly: 'Condition {{grade}}: exchange only, no refund',
        packagingRequired: 'Original packaging is not intact; a return without a fault needs it',
        accessoriesMissing: 'Accessories are incomplete → the manager decides',
        serialMismatch: 'Serial number does not match the sale → not the item sold',
        faultNotConfirmed: 'Fault not reproduced at inspection → handled as a return without a fault',
        noReceiptNotAccepted: 'No receipt: returns without a receipt are not accepted',
        noReceiptStoreCredit:
          'No receipt: store credit at the lowest price of the last {{priceDays}} days, up to {{limit}} per customer per month',
        noReceiptLimit:
          'No receipt: {{used}} already credited this month + {{amount}} is over the {{limit}} limit → manager approval',
        aboveApprovalLimit: 'Amount {{amount}} is above {{threshold}} → manager approval',
        saleInFuture:
          'Sale date {{purchasedOn}} is after today ({{today}}) → check the sale; manager approval',
        overridePossible: 'Manager override (F8) possible: store credit only',
      },
      ago: {
        today: 'today',
        one: '{{count}} day ago',
        other: '{{count}} days ago',
      },
      returnReason: {
        no_reason: 'No reason (changed mind)',
        performance_fault: 'Performance fault',
        damaged_on_arrival: 'Damaged out of the box',
        wrong_item: 'Wrong item',
        not_as_described: 'Not as described',
      },
      grade: {
        'A-new': 'A new, sealed',
        'A-defective': 'A defective, like new',
        'B-opened': 'B opened, complete',
        'C-damaged': 'C damaged',
      },
      resolution: {
        refund: 'Refund',
        exchange: 'Exchange',
        repair: 'Repair',
        store_credit: 'Store credit',
        replacement: 'Replacement (same model)',
      },
      outcome: {
        allowed: 'Allowed',
        refused: 'Refused',
        needs_manager: 'Needs manager approval',
      },
    },
  },
};
