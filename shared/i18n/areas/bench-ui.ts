/** Bench screen (test plan runs, instruments, plan editor): UI text. */
import type { AreaMessages } from '../types';

export const benchUiMessages: AreaMessages = {
  'zh-CN': {},
  'en-US': {},
};
