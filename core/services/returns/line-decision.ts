/**
 * One returned line: inspection → policy decision (shared/domain/policy decideLine) → what that means
 * for the resolution the clerk asked for, the disposition, and whether a manager must approve.
 *
 * Status, most severe first: blocked (serial mismatch, device still locked: no override can take the
 * item back) > refused (the policy refuses, or does not offer this resolution: a manager override pays
 * store credit) > incomplete (required checklist items unanswered) > needs_manager > allowed.
 */
import { AppError } from '../../../shared/contract/errors';
import type { ReturnLineInput, ReturnResolution } from '../../../shared/contract/methods/returns';
import {
  decideLine,
  FAULT_REASONS,
  type LineDecision,
  type PolicyProfile,
  type PolicyReason,
} from '../../../shared/domain/policy';
import {
  allowedDispositions,
  defaultDisposition,
  type Disposition,
} from '../../../shared/domain/returns/dispositions';
import { offers } from '../../../shared/domain/returns/resolutions';
import { evaluateInspection, type EvaluatedInspection } from './inspection';

export type LineStatus = 'allowed' | 'needs_manager' | 'refused' | 'blocked' | 'incomplete';
export type ManagerCause = 'refused' | 'needs_manager' | 'resolution_not_offered';

export interface Sentence {
  key: string;
  params: Record<string, string | number>;
}

export interface LineFacts {
  lineNo: number;
  categoryCode: string | null;
  profile: PolicyProfile;
  /** Serial recorded on the sale line (null without one, or without a sale). */
  saleSerial: string | null;
  saleAt: number | null;
  hasReceipt: boolean;
  failedRepairs: number;
  /** What the returned units are worth before fees (paid, or the no-receipt price × qty). */
  valueMinor: number;
  noReceiptUsedMinor: number;
  /** What the sale already refunds before this line (earlier returns + this return's earlier lines). */
  saleRefundedBeforeMinor: number;
}

export interface LineVerdict {
  inspection: EvaluatedInspection;
  decision: LineDecision;
  status: LineStatus;
  statusReasons: Sentence[];
  overridable: boolean;
  /** Why a manager must approve this line (null: not needed). */
  managerCause: { cause: ManagerCause; reason: Sentence } | null;
  blockedCode: 'RETURN_SERIAL_MISMATCH' | 'RETURN_DEVICE_LOCKED' | null;
  /** Overriding this line pays store credit only (the policy refused it or does not offer the resolution). */
  overrideToStoreCredit: boolean;
  disposition: Disposition;
  allowedDispositions: readonly Disposition[];
  /** Restocking fee (bp of the net) for this resolution: refunds and store credit only, never exchanges. */
  feeBp: number;
}

const MANAGER_REASON_KEYS = new Set([
  'policy.reason.accessoriesMissing',
  'policy.reason.aboveApprovalLimit',
  'policy.reason.noReceiptLimit',
  'policy.reason.saleInFuture',
]);

/** Decides one line for the requested resolution (throws RETURN_CHECKLIST_INVALID, RETURN_DISPOSITION_INVALID). */
export function decideReturnLine(
  line: ReturnLineInput,
  facts: LineFacts,
  resolution: ReturnResolution,
  env: { now: number; timeZone: string },
): LineVerdict {
  const faultClaimed = FAULT_REASONS.includes(line.reason);
  const inspection = evaluateInspection(line.inspection, {
    lineNo: facts.lineNo,
    category: facts.categoryCode,
    saleSerial: facts.saleSerial,
    faultClaimed,
  });
  const decision = decideLine({
    profile: facts.profile,
    category: facts.categoryCode,
    saleAt: facts.saleAt,
    now: env.now,
    timeZone: env.timeZone,
    reason: line.reason,
    inspection: {
      grade: inspection.grade,
      accessoriesComplete: inspection.accessoriesComplete,
      packagingIntact: inspection.packagingIntact,
      serialMatches: inspection.serialMatches,
      faultConfirmed: inspection.faultConfirmed,
    },
    hasReceipt: facts.hasReceipt,
    failedRepairsOfSameFault: facts.failedRepairs,
    lineNetMinor: facts.valueMinor,
    noReceiptCreditThisMonthMinor: facts.noReceiptUsedMinor,
    saleRefundedBeforeMinor: facts.saleRefundedBeforeMinor,
  });

  const statusReasons: Sentence[] = [];
  const serialMismatch = inspection.serialMatches === false;
  if (inspection.deviceLocked) statusReasons.push({ key: 'returns.reason.deviceLocked', params: {} });
  if (inspection.gradeAdjusted) {
    statusReasons.push({ key: 'returns.reason.gradeAdjusted', params: { grade: inspection.grade } });
  }
  const blocked = serialMismatch || inspection.deviceLocked;
  const refusedByPolicy = !blocked && decision.outcome === 'refused';
  const notOffered =
    !blocked && !refusedByPolicy && resolution !== 'repair' && !offers(decision.options, resolution);
  if (notOffered) {
    statusReasons.push({
      key: 'returns.reason.resolutionNotOffered',
      params: { resolution, options: decision.options.join(',') },
    });
  }
  const notWorking = inspection.notWorking && !faultClaimed;
  if (notWorking) statusReasons.push({ key: 'returns.reason.notWorking', params: {} });
  const needsManager = decision.outcome === 'needs_manager' || notWorking;
  const missing = resolution !== 'repair' && inspection.missingItems.length > 0;
  if (missing) {
    statusReasons.push({
      key: 'returns.reason.checklistIncomplete',
      params: { items: inspection.missingItems.join(',') },
    });
  }

  let status: LineStatus;
  if (blocked) status = 'blocked';
  else if (resolution === 'repair') status = offers(decision.options, 'repair') ? 'allowed' : 'refused';
  else if (refusedByPolicy || notOffered) status = 'refused';
  else if (missing) status = 'incomplete';
  else if (needsManager) status = 'needs_manager';
  else status = 'allowed';

  let managerCause: LineVerdict['managerCause'] = null;
  const first = (r: readonly PolicyReason[]): Sentence | undefined => r[0];
  if (!blocked && resolution !== 'repair') {
    if (refusedByPolicy) {
      managerCause = { cause: 'refused', reason: first(decision.reasons) ?? generic('refused') };
    } else if (notOffered) {
      managerCause = {
        cause: 'resolution_not_offered',
        reason:
          statusReasons.find((s) => s.key === 'returns.reason.resolutionNotOffered') ?? generic('refused'),
      };
    } else if (needsManager) {
      const why =
        [...decision.reasons].reverse().find((r) => MANAGER_REASON_KEYS.has(r.key)) ??
        statusReasons.find((s) => s.key === 'returns.reason.notWorking') ??
        first(decision.reasons);
      managerCause = { cause: 'needs_manager', reason: why ?? generic('needs_manager') };
    }
  }

  const faulty = faultClaimed && inspection.faultConfirmed !== false;
  const allowed = allowedDispositions(inspection.grade, faulty);
  const disposition = line.disposition ?? defaultDisposition(inspection.grade, faulty);
  if (!allowed.includes(disposition)) {
    throw new AppError('RETURN_DISPOSITION_INVALID', {
      lineNo: facts.lineNo,
      disposition,
      grade: inspection.grade,
      allowed: allowed.join(','),
    });
  }

  return {
    inspection,
    decision,
    status,
    statusReasons,
    overridable: !blocked,
    managerCause,
    blockedCode: serialMismatch
      ? 'RETURN_SERIAL_MISMATCH'
      : inspection.deviceLocked
        ? 'RETURN_DEVICE_LOCKED'
        : null,
    overrideToStoreCredit: refusedByPolicy || notOffered,
    disposition,
    allowedDispositions: allowed,
    feeBp: resolution === 'refund' || resolution === 'store_credit' ? decision.restockingFeeBp : 0,
  };
}

function generic(outcome: 'refused' | 'needs_manager'): Sentence {
  return { key: `returns.reason.${outcome === 'refused' ? 'refused' : 'needsManager'}`, params: {} };
}
