/** Repairs screens (intake, job, QC, pickup): UI text. */
import type { AreaMessages } from '../types';

export const repairsUiMessages: AreaMessages = {
  'zh-CN': {},
  'en-US': {},
};
