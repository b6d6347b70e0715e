import { z } from 'zod';
import { method } from '../define';

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  rowsChecked: z.number().int(),
  problems: z.array(
    z.object({ rowId: z.number().int(), kind: z.enum(['tampered', 'broken-link', 'head-mismatch']) }),
  ),
});

export const auditMethods = {
  'audit.verify': method({
    summary: 'Walk the hash chain of the audit log and report any tampered or missing row.',
    access: 'audit.verify',
    input: z.object({}).strict(),
    output: auditVerifyResult,
  }),
};
