/**
 * Messages for the error codes core, db and the transports raise (sign-in, permissions, the
 * bridge, the database, overrides, sales lookup, settings). Key = `errors.<CODE>`; details are
 * interpolated. `errors.AUTH_FAILED_unknownStaff` is the i18next context variant used when the
 * staff code itself is unknown (details.attemptsLeft is null); `_signedOut` when the caller is not
 * signed in (no attemptsLeft at all: a signed-out caller learns neither the count nor the code).
 */
import type { AreaMessages } from '../types';

export const errorsCoreMessages: AreaMessages = {
  'zh-CN': {
    errors: {
      AUTH_FAILED: 'PIN 码不正确，还可以再试 {{attemptsLeft}} 次，之后账号将被锁定。',
      AUTH_FAILED_unknownStaff: '没有这个员工号（或该员工已停用）。请检查员工号。',
      AUTH_LOCKED: 'PIN 码错误次数过多，账号已锁定，请 {{minutes}} 分钟后再试。',
      AUTH_BADGE_DISABLED: '本店未启用工牌登录，请输入员工号和 PIN 码。',
      AUTH_BADGE_UNKNOWN: '无法识别这个工牌（未登记或员工已停用）。',
      AUTH_FAILED_signedOut: '员工号或 PIN 码不正确。',
      AUTH_TERMINAL_PAUSED:
        '本机 PIN 错误次数过多，已暂停 PIN 登录 {{minutes}} 分钟，并已通知店长。可刷工牌登录。',
      AUTH_PEPPER_UNAVAILABLE: '无法读取 PIN 密钥文件（{{path}}），暂时无法用 PIN 登录。请联系管理员。',
      STAFF_PIN_TOO_SHORT: '该角色（{{role}}）的 PIN 码至少需要 {{min}} 位数字（最多 8 位）。',
      SIGNED_OUT: '您尚未登录或登录已过期，请重新登录。',
      FORBIDDEN: '您的角色（{{role}}）无权执行此操作。',
      INVALID_INPUT: '输入内容不正确：{{fields}}',
      INTERNAL: 'CounterDesk 内部出错，操作未完成。请重试；如仍出错，请联系管理员。',
      UNKNOWN_METHOD: '此版本的 CounterDesk 不支持该操作（{{method}}）。',
      BAD_MESSAGE: '收到无法识别的消息，操作未完成。',
      BRIDGE_DISCONNECTED: '与 CounterDesk 的连接中断，操作可能未完成。请等待重新连接后检查并重试。',
      BRIDGE_BUSY: 'CounterDesk 正忙：此页面同时发出的请求过多，操作未执行。请稍后重试。',
      BRIDGE_TOO_LARGE: '内容太大（例如照片过多或过大），无法发送，操作未执行。请减少或压缩后重试。',
      BRIDGE_NO_TOKEN: '此页面缺少访问令牌。请打开 CounterDesk 启动时打印的完整链接（含 #token=…）。',
      OVERRIDE_EXPIRED: '经理授权已过期，请重新授权。',
      OVERRIDE_INVALID: '经理授权无效，或不适用于此操作。',
      OVERRIDE_NOT_MANAGER: '员工 {{code}} 没有授权权限，请由店长授权。',
      OVERRIDE_NOT_FOR_THIS_REQUEST:
        '经理授权针对的是另一笔退货（商品、数量、费用减免或金额已变，或不是同一店员），请重新请经理授权。',
      OVERRIDE_REQUEST_REQUIRED: '经理授权必须针对具体的退货内容，请在确认页重新请经理授权。',
      OVERRIDE_SELF_APPROVAL: '本店要求双人复核：{{code}} 不能授权自己的退货，请由另一位经理授权。',
      OVERRIDE_USED: '该经理授权已经使用过，请重新授权。',
      SALE_NOT_FOUND: '找不到小票号为 {{receiptNo}} 的销售单。',
      SEARCH_NEEDS_CRITERIA: '请至少输入一个查找条件：手机号、姓名、序列号，或日期加金额。',
      SETTINGS_BAD_TIME_ZONE: '无法识别时区“{{timeZone}}”，例如 Asia/Shanghai。',
      IMPORT_FILE_UNREADABLE: '无法读取导入文件（第 {{row}} 行），未导入任何数据。',
      STORE_NOT_INITIALISED: '数据目录 {{dataDir}} 中还没有门店，请先初始化门店。',
      DB_CORRUPT: '数据库文件已损坏：{{path}}。请从备份恢复。',
      DB_IO_ERROR: '读写数据库文件时出错（{{path}}），请检查磁盘；已提交的数据不受影响。',
      DB_DIR_UNWRITABLE: '无法写入数据目录：{{path}}。',
      DB_DISK_FULL: '磁盘已满，无法保存数据：{{path}}。',
      DB_FROM_NEWER_APP:
        '此数据库由更新版本的 CounterDesk 创建（结构版本 {{dbVersion}}，本程序 {{appVersion}}），请升级本程序。',
      DB_LOCKED: '数据库正被另一个程序占用：{{path}}。',
      DB_MIGRATION_HASH_MISMATCH:
        '数据库已应用的结构步骤 {{tag}} 与本程序附带的版本不同（{{dbHash}} ≠ {{appHash}}），为保护数据已停止打开。请联系技术支持。',
      DB_MIGRATIONS_OUT_OF_SYNC: '数据库结构与本程序不一致（第 {{at}} 步：{{dbTag}} ≠ {{appTag}}）。',
      DB_NOT_FOUND: '找不到数据库文件：{{path}}。',
      DB_NOT_SQLITE: '该文件不是 CounterDesk 数据库：{{path}}。',
      DB_OPEN_FAILED: '无法打开数据库：{{path}}（{{cause}}）。',
      DB_READ_ONLY: '数据库为只读，无法保存：{{path}}。',
    },
  },
  'en-US': {
    errors: {
      AUTH_FAILED: 'Wrong PIN. {{attemptsLeft}} more tries before the account is locked.',
      AUTH_FAILED_unknownStaff: 'No active staff member has this code. Check the staff code.',
      AUTH_LOCKED: 'Too many wrong PINs: the account is locked. Try again in {{minutes}} min.',
      AUTH_BADGE_DISABLED: 'Badge sign-in is turned off in this store. Enter your staff code and PIN.',
      AUTH_BADGE_UNKNOWN: 'This badge is not recognised (not registered, or the staff member is inactive).',
      AUTH_FAILED_signedOut: 'Wrong staff code or PIN.',
      AUTH_TERMINAL_PAUSED:
        'Too many wrong PINs on this terminal: PIN sign-in is paused for {{minutes}} min and the manager has been alerted. Badges still work.',
      AUTH_PEPPER_UNAVAILABLE:
        'The PIN key file ({{path}}) cannot be read, so PINs cannot be checked. Call the administrator.',
      STAFF_PIN_TOO_SHORT: 'A {{role}} PIN needs at least {{min}} digits (at most 8).',
      SIGNED_OUT: 'You are not signed in, or your session ended. Please sign in again.',
      FORBIDDEN: 'Your role ({{role}}) may not do this.',
      INVALID_INPUT: 'Some input is not valid: {{fields}}',
      INTERNAL:
        'CounterDesk hit an internal error and did not finish. Try again; if it persists, call the administrator.',
      UNKNOWN_METHOD: 'This version of CounterDesk cannot do that ({{method}}).',
      BAD_MESSAGE: 'An unreadable message arrived; nothing was done.',
      BRIDGE_DISCONNECTED:
        'The connection to CounterDesk dropped; the action may not have finished. Wait for it to reconnect, then check and retry.',
      BRIDGE_BUSY:
        'CounterDesk is busy: this page sent too many requests at once, and this one was not done. Try again in a moment.',
      BRIDGE_TOO_LARGE:
        'This is too large to send (too many or too big photos, for example); nothing was done. Make it smaller and try again.',
      BRIDGE_NO_TOKEN:
        'This page has no access token. Open the full link CounterDesk printed when it started (with #token=…).',
      OVERRIDE_EXPIRED: 'The manager approval has expired. Ask for it again.',
      OVERRIDE_INVALID: 'The manager approval is not valid for this action.',
      OVERRIDE_NOT_MANAGER: 'Staff {{code}} may not approve overrides. Ask the manager.',
      OVERRIDE_NOT_FOR_THIS_REQUEST:
        'The manager approved a different return (items, quantities, fee waiver, total or clerk changed). Ask the manager again.',
      OVERRIDE_REQUEST_REQUIRED:
        'A manager approval must name the return being approved. Ask the manager again from the confirm step.',
      OVERRIDE_SELF_APPROVAL:
        'Four-eyes rule: {{code}} cannot approve their own return. Ask another manager to approve.',
      OVERRIDE_USED: 'This manager approval was already used. Ask for it again.',
      SALE_NOT_FOUND: 'No sale has receipt number {{receiptNo}}.',
      SEARCH_NEEDS_CRITERIA: 'Enter at least one search: phone, name, serial, or day plus amount.',
      SETTINGS_BAD_TIME_ZONE: 'Unknown time zone “{{timeZone}}”; for example Asia/Shanghai.',
      IMPORT_FILE_UNREADABLE: 'The import file cannot be read (line {{row}}); nothing was imported.',
      STORE_NOT_INITIALISED: 'The data folder {{dataDir}} has no store yet. Set up the store first.',
      DB_CORRUPT: 'The database file is damaged: {{path}}. Restore it from a backup.',
      DB_IO_ERROR:
        'Reading or writing the database file failed ({{path}}): check the disk; committed data is unaffected.',
      DB_DIR_UNWRITABLE: 'Cannot write to the data folder: {{path}}.',
      DB_DISK_FULL: 'The disk is full; nothing can be saved: {{path}}.',
      DB_FROM_NEWER_APP:
        'This database was made by a newer CounterDesk (schema {{dbVersion}}, this app {{appVersion}}). Update the app.',
      DB_LOCKED: 'Another program is using the database: {{path}}.',
      DB_MIGRATION_HASH_MISMATCH:
        'The database applied schema step {{tag}} in a different form than this app ships ({{dbHash}} ≠ {{appHash}}); it was not opened, to protect the data. Contact support.',
      DB_MIGRATIONS_OUT_OF_SYNC:
        'The database schema does not match this app (step {{at}}: {{dbTag}} ≠ {{appTag}}).',
      DB_NOT_FOUND: 'The database file does not exist: {{path}}.',
      DB_NOT_SQLITE: 'This file is not a CounterDesk database: {{path}}.',
      DB_OPEN_FAILED: 'Cannot open the database: {{path}} ({{cause}}).',
      DB_READ_ONLY: 'The database is read-only; nothing can be saved: {{path}}.',
    },
  },
};
