import { verifyAudit } from '../../../db/audit/chain';
import type { MethodHandlers } from '../../dispatch/handlers';

export const auditHandlers: MethodHandlers<'audit.verify'> = {
  'audit.verify': (_input, { core }) => verifyAudit(core.db),
};
