import { verifyAudit } from '../../../db/audit/chain';
import type { AreaHandlers } from '../../dispatch/handlers';

export const auditHandlers: AreaHandlers<'audit'> = {
  'audit.verify': (_input, { core }) => verifyAudit(core.db),
};
