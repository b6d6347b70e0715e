/**
 * Reports screen in the renderer: `reports.ui.*` (tabs, the daily summary's figures and sections,
 * KPI names with their definitions, charts, drill-down grid, export buttons, "my shift").
 */
import type { AreaMessages } from '../types';

export const reportsUiMessages: AreaMessages = {
  'zh-CN': {
    reports: {
      ui: {
        title: '报表',
        tabs: { daily: '日报', kpi: '服务指标', myShift: '我的班次' },
        day: '营业日',
        from: '开始日期',
        to: '结束日期',
        loading: '正在计算报表…',
        pending:
          '退换货、经理授权、顾客满意度（CSAT/NPS）、钱箱和对账部分等待后台日报接口（reports.daily）接入后显示。',
        figures: {
          received: '今日接修',
          completed: '今日完工',
          open: '未完成',
          overdue: '已超期',
        },
        figureHint: '点击数字查看明细',
        sections: {
          repairs: '维修',
          byCategory: '按品类',
          calibration: '需校准的仪器',
          calibrationNone: '没有过期未校准的仪器。',
          chart: '按品类的接修与完工',
        },
        series: { received: '接修', completed: '完工' },
        grid: {
          title: '明细：{{figure}}（{{count}} 单）',
          job: '维修单',
          status: '状态',
          category: '品类',
          product: '产品',
          technician: '技术员',
          promised: '承诺日期',
          overdue: '超期',
          yes: '是',
          no: '否',
          close: '关闭明细',
        },
        exportCsv: '导出 CSV',
        exporting: '正在导出…',
        exported: '已生成文件：{{file}}（{{bytes}} 字节）',
        printed: '已送到小票打印机',
        printDaily: '在小票打印机打印',
        exportPdf: '导出 A4 PDF',
        unavailable: '需要后台报表接口（reports.printDaily / reports.export），暂不可用',
        kpi: {
          received: '接修量',
          completed: '完工量',
          overdueRate: '超期率',
          trend: '每日接修与完工趋势',
          byStaff: '按技术员',
          byCategory: '按品类',
          none: '—',
          definitions: {
            received: '所选日期范围内（门店时区营业日）新建的维修单数量。',
            completed: '所选范围内状态变为“待取机”“已取机”或“未修退回”的维修单数量（以最后更新时间计）。',
            overdueRate: '范围内接修的维修单中，当前已超过承诺日期仍未完成的比例。',
          },
          info: '{{name}}的定义',
        },
        myShift: {
          title: '我的班次（今天）',
          explain: '只显示分配给你的、今天接修或完工的维修单。',
        },
      },
    },
  },
  'en-US': {
    reports: {
      ui: {
        title: 'Reports',
        tabs: { daily: 'Daily summary', kpi: 'Service KPIs', myShift: 'My shift' },
        day: 'Business day',
        from: 'From',
        to: 'To',
        loading: 'Computing the report…',
        pending:
          'Returns, overrides, CSAT/NPS, cash drawer and reconciliation appear once the daily report service (reports.daily) is connected.',
        figures: {
          received: 'Received today',
          completed: 'Completed today',
          open: 'Open',
          overdue: 'Overdue',
        },
        figureHint: 'Click a number to see the jobs behind it',
        sections: {
          repairs: 'Repairs',
          byCategory: 'By category',
          calibration: 'Instruments due for calibration',
          calibrationNone: 'No instrument is past its calibration date.',
          chart: 'Received and completed by category',
        },
        series: { received: 'Received', completed: 'Completed' },
        grid: {
          title: 'Details: {{figure}} ({{count}} jobs)',
          job: 'Job',
          status: 'Status',
          category: 'Category',
          product: 'Product',
          technician: 'Technician',
          promised: 'Promised',
          overdue: 'Overdue',
          yes: 'Yes',
          no: 'No',
          close: 'Close details',
        },
        exportCsv: 'Export CSV',
        exporting: 'Exporting…',
        exported: 'File ready: {{file}} ({{bytes}} bytes)',
        printed: 'Sent to the receipt printer',
        printDaily: 'Print on receipt printer',
        exportPdf: 'Export A4 PDF',
        unavailable: 'Needs the report service (reports.printDaily / reports.export); not available yet',
        kpi: {
          received: 'Jobs received',
          completed: 'Jobs completed',
          overdueRate: 'Overdue rate',
          trend: 'Received and completed per day',
          byStaff: 'By technician',
          byCategory: 'By category',
          none: '—',
          definitions: {
            received: 'Repair jobs created in the chosen range (business days in the store time zone).',
            completed:
              'Jobs that reached ready, picked up or returned unrepaired in the range (by last update).',
            overdueRate:
              'Share of the jobs received in the range that are now past their promised date and not finished.',
          },
          info: 'Definition of {{name}}',
        },
        myShift: {
          title: 'My shift (today)',
          explain: 'Only the repair jobs assigned to you that were received or completed today.',
        },
      },
    },
  },
};
