import { verifyAudit } from '../../../db/audit/chain';
import type { AreaHandlers } from '../../dispatch/handlers';

export const auditHandlers: AreaHandlers<'audit.verify'> = {
  'audit.verify': (_input, { core }) => verifyAudit(core.db.sqlite),
};
