/**
 * The renderer shell: link status, top bar, navigation, function keys, help, sign-in, quick
 * switch, and the "coming here" pages of areas that later issues fill. Keys `app.*`.
 */
import type { AreaMessages } from '../types';

export const appMessages: AreaMessages = {
  'zh-CN': {
    app: {
      title: 'CounterDesk 售后前台',
      loading: '正在启动 CounterDesk…',
      link: {
        connecting: '正在连接 CounterDesk…',
        reconnecting: '与 CounterDesk 的连接已断开，正在重新连接…',
        stuck:
          '仍然无法连接。如果 CounterDesk 已重新启动，请打开它新打印的链接（每次启动的访问令牌都不同）。',
        noToken: '此页面缺少访问令牌。请打开 CounterDesk 启动时打印的完整链接（含 #token=…）。',
        signInAgain: '连接曾经中断，为安全起见请重新登录。',
      },
      language: {
        label: '语言',
        switchTo: '切换语言',
        'zh-CN': '中文',
        'en-US': 'English',
      },
      roles: {
        clerk: '店员',
        technician: '维修工程师',
        inspector: '质检员',
        manager: '店长',
        admin: '系统管理员',
      },
      nav: {
        label: '功能',
        returns: '退货/换货',
        repairs: '维修',
        bench: '检测台',
        reports: '报表',
        devices: '设备',
        settings: '设置',
        none: '您的角色目前没有可用的功能，请联系店长。',
      },
      topbar: {
        signedInAs: '当前店员',
        switchClerk: '切换店员',
        signOut: '退出登录',
      },
      keys: {
        help: '帮助',
        findSale: '查找销售单',
        newRepair: '新建维修',
        bench: '检测台',
        override: '经理授权',
        commit: '提交/打印',
        switchClerk: '切换店员',
        back: '返回',
        confirm: '确认',
      },
      help: {
        title: '键盘快捷键',
        intro:
          '扫码枪是主要输入：在任何界面扫描工牌即可切换店员；Enter 确认当前步骤，Esc 返回上一步且不会丢失已输入的内容。',
        notForRole: '（您的角色不可用）',
        close: '关闭',
      },
      hints: {
        override: '经理授权（F8）在退货或维修的某一步被拒绝时使用，届时会出现在该步骤上。',
        commit: 'F9 用于提交并打印当前单据；此界面暂时没有需要提交的内容。',
        notForRole: '您的角色无权使用“{{area}}”。',
      },
      signin: {
        title: '店员登录',
        code: '员工号',
        pin: 'PIN 码',
        submit: '登录',
        clear: '清除',
        backspace: '退格',
        keypad: '数字键盘',
        badgeHint: '也可以直接扫描工牌登录。',
        badgeReading: '正在识别工牌…',
        codeInvalid: '员工号为 3–12 位数字或大写字母。',
        pinInvalid: 'PIN 码为 4–8 位数字。',
        demoTitle: '演示账号',
        demoHint: '这是演示门店，所有数据都是示例。点一行即可填入员工号。',
        demoCode: '员工号',
        demoName: '姓名',
        demoRole: '角色',
        demoPin: 'PIN 码',
        version: '版本 {{version}}',
        welcome: '欢迎，{{name}}',
      },
      switch: {
        title: '切换店员',
        choose: '请选择员工，或直接扫描工牌',
        pinFor: '请输入 {{name}} 的 PIN 码',
        back: '重新选择',
        cancel: '取消',
        confirm: '切换',
        switched: '已切换为 {{name}}',
        empty: '没有可选的员工。',
      },
      coming: {
        title: '即将开放',
        returns:
          '退货流程将在此处：扫描小票二维码打开销售单 → 选择要退的商品 → 查看三包与退货政策及其依据的日期 → 按品类检验清单验货 → 按原支付方式退款（显示优惠分摊与手续费）→ F9 打印退货单。',
        repairs:
          '维修受理将在此处：扫描序列号或小票找到销售单 → 判断保修类型 → 登记故障、外观（可拍照）、随附配件和密码处理 → 顾客在屏幕上签名 → 打印受理单和带二维码的货架标签。',
        bench:
          '检测台将在此处：扫描货架标签打开维修单 → 按检测方案逐步测量，万用表读数自动采集、稳定后判定合格或不合格 → 记录更换的配件 → 交质检员验收 → 通知顾客取机。',
        reports:
          '报表将在此处：今日退货金额（按支付方式和原因）、经理授权记录、维修收件/完成/超期、一次修复率、满意度与 NPS、待校准的仪表 → 打印到 80 mm 小票或导出 A4 PDF。',
        devices:
          '设备将在此处：扫码枪、小票打印机和万用表的连接状态，测试扫描与测试打印，钱箱，万用表校准到期提醒。',
        settings:
          '设置将在此处：门店名称、时区、语言、小票宽度、工牌登录、PIN 锁定规则、员工与角色权限、备份与恢复。',
      },
      error: {
        unknown: '出现错误（{{code}}）。',
      },
    },
  },
  'en-US': {
    app: {
      title: 'CounterDesk After-sales Counter',
      loading: 'Starting CounterDesk…',
      link: {
        connecting: 'Connecting to CounterDesk…',
        reconnecting: 'The connection to CounterDesk dropped — reconnecting…',
        stuck:
          'Still cannot connect. If CounterDesk was restarted, open the new link it printed (every start has a new access token).',
        noToken:
          'This page has no access token. Open the full link CounterDesk printed when it started (with #token=…).',
        signInAgain: 'The connection was interrupted; for safety, please sign in again.',
      },
      language: {
        label: 'Language',
        switchTo: 'Switch language',
        'zh-CN': '中文',
        'en-US': 'English',
      },
      roles: {
        clerk: 'Clerk',
        technician: 'Technician',
        inspector: 'Inspector',
        manager: 'Manager',
        admin: 'Administrator',
      },
      nav: {
        label: 'Areas',
        returns: 'Returns',
        repairs: 'Repairs',
        bench: 'Bench',
        reports: 'Reports',
        devices: 'Devices',
        settings: 'Settings',
        none: 'Your role has no areas yet. Ask the manager.',
      },
      topbar: {
        signedInAs: 'Signed in',
        switchClerk: 'Switch clerk',
        signOut: 'Sign out',
      },
      keys: {
        help: 'Help',
        findSale: 'Find sale',
        newRepair: 'New repair',
        bench: 'Bench',
        override: 'Manager override',
        commit: 'Commit / print',
        switchClerk: 'Switch clerk',
        back: 'Back',
        confirm: 'Confirm',
      },
      help: {
        title: 'Keyboard shortcuts',
        intro:
          'The scanner is the main input: scan a staff badge on any screen to switch clerk. Enter confirms the current step; Esc goes back one step and keeps what you typed.',
        notForRole: '(not available for your role)',
        close: 'Close',
      },
      hints: {
        override:
          'Manager override (F8) is for a step of a return or repair that was refused; it appears on that step.',
        commit: 'F9 commits and prints the current document; there is nothing to commit on this screen yet.',
        notForRole: 'Your role cannot open “{{area}}”.',
      },
      signin: {
        title: 'Staff sign-in',
        code: 'Staff code',
        pin: 'PIN',
        submit: 'Sign in',
        clear: 'Clear',
        backspace: 'Backspace',
        keypad: 'Number keypad',
        badgeHint: 'Or simply scan your staff badge.',
        badgeReading: 'Reading badge…',
        codeInvalid: 'A staff code is 3–12 digits or capital letters.',
        pinInvalid: 'A PIN is 4–8 digits.',
        demoTitle: 'Demo accounts',
        demoHint: 'This is the demo store; all data is sample data. Click a row to fill in the staff code.',
        demoCode: 'Code',
        demoName: 'Name',
        demoRole: 'Role',
        demoPin: 'PIN',
        version: 'Version {{version}}',
        welcome: 'Welcome, {{name}}',
      },
      switch: {
        title: 'Switch clerk',
        choose: 'Pick a staff member, or scan a badge',
        pinFor: 'Enter the PIN of {{name}}',
        back: 'Pick again',
        cancel: 'Cancel',
        confirm: 'Switch',
        switched: 'Switched to {{name}}',
        empty: 'No staff to pick from.',
      },
      coming: {
        title: 'Coming here',
        returns:
          'Returns will happen here: scan the receipt QR to open the sale → pick the items coming back → see the 三包 / return policy and the dates that decide it → inspect with the category checklist → refund to the original tenders (coupon share and fees shown) → F9 prints the return slip.',
        repairs:
          'Repair intake will happen here: scan the serial or the receipt to find the sale → warranty decision → record the fault, condition (with photos), accessories and passcode handling → the customer signs on screen → intake receipt and a shelf tag with the job QR print.',
        bench:
          'The bench will be here: scan the shelf tag to open the job → follow the test plan step by step; multimeter readings are captured when stable and judged pass/fail → record replaced parts → hand over to QC → the customer is notified.',
        reports:
          "Reports will be here: today's returns by tender and reason, manager overrides, repairs received/completed/overdue, first-time-fix, CSAT and NPS, instruments due for calibration → print on the 80 mm printer or export an A4 PDF.",
        devices:
          'Devices will be here: status of scanners, receipt printers and multimeters, test scan and test print, the cash drawer, calibration reminders.',
        settings:
          'Settings will be here: store name, time zone, language, receipt width, badge sign-in, PIN lockout rules, staff and role permissions, backup and restore.',
      },
      error: {
        unknown: 'Something went wrong ({{code}}).',
      },
    },
  },
};
