/** Reports backend: daily summary and KPI labels, export texts, report errors. */
import type { AreaMessages } from '../types';

export const reportsMessages: AreaMessages = {
  'zh-CN': {},
  'en-US': {},
};
