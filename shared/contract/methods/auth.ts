import { z } from 'zod';
import { method } from '../define';
import { PERMISSIONS } from '../permissions';
import { epochMs, pin, staffCode, staffSummary } from '../schemas';
import { approvalRequest } from './returns';

export const sessionInfo = z.object({
  staff: staffSummary,
  permissions: z.array(z.enum(PERMISSIONS)),
  signedInAt: epochMs,
  /** Minutes without input before the screen locks and asks this PIN again (0 = never). */
  idleLockMinutes: z.number().int().min(0).optional(),
  /** Sign-in answers to a manager: the terminal's PIN-spraying alerts of the last 24 h. */
  terminalAlerts: z.array(z.object({ at: epochMs, failures: z.number().int() })).optional(),
});

export const overrideGrant = z.object({
  overrideId: z.number().int(),
  token: z.string(),
  manager: staffSummary,
  expiresAt: epochMs,
  /** The manager approved their own request (allowed only with the store's four-eyes rule off). */
  selfApproved: z.boolean(),
});

export const authMethods = {
  'auth.signIn': method({
    summary: 'Sign in with staff code and PIN; the connection becomes that staff member.',
    access: 'public',
    input: z.object({ code: staffCode, pin }).strict(),
    output: sessionInfo,
  }),
  'auth.signInBadge': method({
    summary: 'Sign in (or switch clerk) by scanning a staff badge.',
    access: 'public',
    input: z.object({ badge: z.string().min(4).max(64) }).strict(),
    output: sessionInfo,
  }),
  'auth.signOut': method({
    summary: 'Sign the connection out.',
    access: 'public',
    input: z.object({}).strict(),
    output: z.object({ signedOut: z.boolean() }),
  }),
  'auth.session': method({
    summary: 'Who is signed in on this connection, if anyone.',
    access: 'public',
    input: z.object({}).strict(),
    output: z.object({ session: sessionInfo.nullable() }),
  }),
  'auth.staffList': method({
    summary: 'Active staff for the quick-switch list (no secrets).',
    access: 'public',
    input: z.object({}).strict(),
    output: z.array(staffSummary),
  }),
  'auth.requestOverride': method({
    summary: 'A manager approves one action with PIN or badge at the counter; returns a one-time grant.',
    access: 'signed-in',
    input: z
      .object({
        action: z.string().min(3).max(60),
        reasonCode: z.string().min(2).max(40),
        note: z.string().max(500).default(''),
        managerCode: staffCode.optional(),
        pin: pin.optional(),
        badge: z.string().min(4).max(64).optional(),
        /** For 'returns.commit': the request being approved; the grant pays exactly this request. */
        request: approvalRequest.optional(),
      })
      .strict()
      .refine((v) => (v.managerCode && v.pin) || v.badge, {
        message: 'manager code + PIN, or badge',
        params: { rule: 'at_least_one', fields: ['managerCode', 'badge'] },
      }),
    output: overrideGrant,
  }),
};
