/**
 * Messages of the POS sales import (keys `import.*`). Row errors carry `field`, `value` and
 * other params named in docs/IMPORT-FORMAT.md.
 */
import type { AreaMessages } from '../types';

export const importMessages: AreaMessages = {
  'zh-CN': {
    title: '导入销售数据',
    summary:
      '读取 {{rowsRead}} 行：导入 {{salesImported}} 笔销售，跳过重复 {{salesSkippedDuplicate}} 笔，失败 {{salesFailed}} 笔',
    rowLabel: '第 {{row}} 行',
    errors: {
      // file level: nothing was written
      emptyFile: '文件是空的',
      binaryContent: '这不是文本文件（含有二进制内容）',
      notUtf8: '文件不是 UTF-8 编码（可能是 GBK）；请另存为 UTF-8 后再导入',
      invalidJson: 'JSON 格式错误：{{message}}',
      notAnArray: 'JSON 文件必须是销售单数组（[ … ]）',
      badHeader: '第一行不是导入表头；请使用文档中的列名',
      missingColumns: '缺少必需的列：{{columns}}',
      unknownColumns: '未知的列：{{columns}}',
      duplicateColumns: '列名重复：{{columns}}',
      noRows: '文件里没有销售数据',
      // row level: this sale was skipped, the others imported
      badQuoting: '引号使用不正确（字段中的引号需写成 ""）',
      unterminatedQuote: '引号没有闭合',
      columnCount: '列数不对：应为 {{expected}} 列，实际 {{found}} 列',
      missingValue: '缺少 {{field}}',
      tooLong: '{{field}} 太长（最多 {{max}} 个字符）',
      badText: '{{field}} 含有不可见的控制字符',
      badMoney: '{{field}} 金额格式不对：“{{value}}”（应为 399.00 这样的数字，最多两位小数）',
      moneyMustBeText: '{{field}} 金额必须写成字符串，如 "399.00"',
      badQty: '数量必须是正整数：“{{value}}”',
      badLineNo: '行号必须是正整数：“{{value}}”',
      duplicateLineNo: '同一销售单中行号 {{lineNo}} 重复',
      badTaxRate: '税率格式不对：“{{value}}”（应为百分数，如 13）',
      badDate: '销售时间格式不对：“{{value}}”（应为带时区的 ISO 时间，如 2026-11-18T14:32:05+08:00）',
      soldInFuture: '销售时间在未来：{{value}}',
      badBoolean: '{{field}} 应为 true 或 false：“{{value}}”',
      badPhone: '手机号格式不对：“{{value}}”',
      badGtin: '商品条码校验位错误：“{{value}}”',
      badSerial: '序列号/IMEI 格式不对：“{{value}}”',
      serialNeedsQtyOne: '第 {{lineNo}} 行有序列号，数量必须为 1',
      badPayments: '付款格式不对：“{{value}}”（应为 wechat:412.20|cash:10.00）',
      unknownTender:
        '未知的付款方式：“{{tender}}”（可用：cash、card、wechat、alipay、store_credit、gift_card）',
      badPaymentAmount: '付款金额必须大于 0',
      noLines: '销售单没有商品行',
      lineDiscountTooLarge: '第 {{lineNo}} 行折扣 {{discount}} 超过行金额 {{gross}}',
      orderDiscountTooLarge: '整单优惠 {{discount}} 超过商品小计 {{subtotal}}',
      totalMismatch: '合计不符：商品减优惠为 {{computed}}，文件写的是 {{stated}}',
      paymentsMismatch: '付款合计 {{paid}} 与应收 {{total}} 不符',
      amountTooLarge: '{{field}} 金额过大',
      saleFieldsDiffer: '同一销售单的各行 {{field}} 不一致',
      saleNotContiguous: '同一销售单的行必须连在一起',
      conflictingDuplicate: '该销售单号已导入过，但内容不同',
      duplicateSaleId: '文件中销售单号重复',
      receiptTaken: '小票号 {{receiptNo}} 已被另一笔销售（{{otherSaleId}}）使用',
      invalidField: '字段 {{field}} 无效',
      notAnObject: '这一项不是销售单对象',
      tooManyErrors: '还有 {{omitted}} 个错误未列出',
    },
  },
  'en-US': {
    title: 'Import sales',
    summary:
      '{{rowsRead}} rows read: {{salesImported}} sales imported, {{salesSkippedDuplicate}} duplicates skipped, {{salesFailed}} failed',
    rowLabel: 'Row {{row}}',
    errors: {
      emptyFile: 'The file is empty',
      binaryContent: 'This is not a text file (it contains binary data)',
      notUtf8: 'The file is not UTF-8 (perhaps GBK); save it as UTF-8 and import again',
      invalidJson: 'The JSON is malformed: {{message}}',
      notAnArray: 'A JSON import must be an array of sales ([ … ])',
      badHeader: 'The first line is not the import header; use the column names from the documentation',
      missingColumns: 'Required columns are missing: {{columns}}',
      unknownColumns: 'Unknown columns: {{columns}}',
      duplicateColumns: 'Columns appear twice: {{columns}}',
      noRows: 'The file holds no sales',
      badQuoting: 'Quotes are misused (a quote inside a value is written "")',
      unterminatedQuote: 'A quote is never closed',
      columnCount: 'Wrong number of columns: expected {{expected}}, found {{found}}',
      missingValue: '{{field}} is missing',
      tooLong: '{{field}} is too long (at most {{max}} characters)',
      badText: '{{field}} contains invisible control characters',
      badMoney: '{{field}} is not an amount: "{{value}}" (write 399.00, at most two decimals)',
      moneyMustBeText: '{{field}} must be written as a string, like "399.00"',
      badQty: 'Quantity must be a whole number above 0: "{{value}}"',
      badLineNo: 'Line number must be a whole number above 0: "{{value}}"',
      duplicateLineNo: 'Line number {{lineNo}} appears twice in the sale',
      badTaxRate: 'Tax rate is not a percentage: "{{value}}" (write 13 for 13 %)',
      badDate: 'Sale time is not an ISO time with offset: "{{value}}" (write 2026-11-18T14:32:05+08:00)',
      soldInFuture: 'Sale time is in the future: {{value}}',
      badBoolean: '{{field}} must be true or false: "{{value}}"',
      badPhone: 'Not a phone number: "{{value}}"',
      badGtin: 'Barcode check digit is wrong: "{{value}}"',
      badSerial: 'Not a serial number/IMEI: "{{value}}"',
      serialNeedsQtyOne: 'Line {{lineNo}} has a serial number, so its quantity must be 1',
      badPayments: 'Payments are malformed: "{{value}}" (write wechat:412.20|cash:10.00)',
      unknownTender:
        'Unknown tender "{{tender}}" (known: cash, card, wechat, alipay, store_credit, gift_card)',
      badPaymentAmount: 'A payment amount must be above 0',
      noLines: 'The sale has no lines',
      lineDiscountTooLarge: 'Line {{lineNo}}: discount {{discount}} is more than the line amount {{gross}}',
      orderDiscountTooLarge: 'Order discount {{discount}} is more than the subtotal {{subtotal}}',
      totalMismatch:
        'Total does not add up: lines minus discounts make {{computed}}, the file says {{stated}}',
      paymentsMismatch: 'Payments add up to {{paid}}, the total is {{total}}',
      amountTooLarge: '{{field}} is too large',
      saleFieldsDiffer: '{{field}} differs between the lines of one sale',
      saleNotContiguous: 'The lines of a sale must be consecutive rows',
      conflictingDuplicate: 'This sale id was imported before with different content',
      duplicateSaleId: 'This sale id appears twice in the file',
      receiptTaken: 'Receipt {{receiptNo}} already belongs to another sale ({{otherSaleId}})',
      invalidField: 'Field {{field}} is not valid',
      notAnObject: 'This entry is not a sale object',
      tooManyErrors: '{{omitted}} more errors not listed',
    },
  },
};

/**
 * The AppError code the import throws for an unreadable file (`errors.IMPORT_FILE_UNREADABLE`).
 * Root-level keys, so shared/i18n/index.ts merges this one without the `import` namespace.
 * details: { reason: an `import.errors.*` key, params, row }.
 */
export const importErrorCodeMessages: AreaMessages = {
  'zh-CN': {
    errors: { IMPORT_FILE_UNREADABLE: '无法读取导入文件（第 {{row}} 行），未导入任何数据。' },
  },
  'en-US': {
    errors: {
      IMPORT_FILE_UNREADABLE: 'The import file cannot be read (line {{row}}); nothing was imported.',
    },
  },
};
