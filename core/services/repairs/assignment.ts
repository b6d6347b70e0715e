/**
 * Who works on a job. Manual: a clerk or manager assigns any technician; a technician may only take
 * a job (or give it back) themselves. Automatic: among active technicians, those whose skills
 * (categories, kept in settings key `repairs.skills`) include the job's category, else those with
 * no skills set (generalists); the one with the fewest open jobs wins, ties by staff id.
 */
import { appendRepairAudit } from '../../../db/repositories/repairs/audit';
import type { DbClient } from '../../../db/client';
import { setAssignee } from '../../../db/repositories/repairs/jobs';
import { activeStaff, technicianRows } from '../../../db/repositories/repairs/technicians';
import { AppError } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/contract/permissions';
import { isTerminal } from '../../../shared/domain/repairs/statuses';
import type { JobRow } from './job-record';
import { recordEvent } from './repair-events';
import type { Actor } from './transition';
import { putSettingValue, settingValue } from '../../../db/repositories/store/settings';

export const SKILLS_SETTING_KEY = 'repairs.skills';

export interface TechnicianLoad {
  staff: { id: number; code: string; name: string };
  role: Role;
  skills: string[];
  openJobs: number;
  overdueJobs: number;
}

/** staff id → category codes, from the settings table (missing or damaged → empty). */
export function readSkills(db: DbClient, storeId: number): Record<string, string[]> {
  const value = settingValue(db, storeId, SKILLS_SETTING_KEY);
  if (value === undefined) return {};
  try {
    const v = JSON.parse(value) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    const out: Record<string, string[]> = {};
    for (const [k, list] of Object.entries(v as Record<string, unknown>)) {
      if (Array.isArray(list)) out[k] = list.filter((x): x is string => typeof x === 'string');
    }
    return out;
  } catch {
    return {};
  }
}

/** Sets one technician's skills (inside a transaction, audited). */
export function writeSkills(
  db: DbClient,
  storeId: number,
  actorId: number,
  technicianId: number,
  categories: string[],
  now: number,
): void {
  const tech = activeStaff(db, storeId, technicianId);
  if (!tech || tech.role !== 'technician')
    throw new AppError('REPAIR_ASSIGNEE_INVALID', { staffId: technicianId });
  const skills = readSkills(db, storeId);
  skills[String(technicianId)] = [...new Set(categories)].sort();
  putSettingValue(db, storeId, SKILLS_SETTING_KEY, JSON.stringify(skills), now);
  appendRepairAudit(db, {
    at: now,
    storeId,
    staffId: actorId,
    action: 'repair.skills_set',
    entityType: 'staff',
    entityId: String(technicianId),
    data: { categories: skills[String(technicianId)] },
  });
}

/** Active technicians with skills and load (open = work still owed; overdue = past the promise). */
export function technicianLoads(db: DbClient, storeId: number, now: number): TechnicianLoad[] {
  const skills = readSkills(db, storeId);
  const rows = technicianRows(db, storeId, now);
  return rows.map((r) => ({
    staff: { id: r.id, code: r.code, name: r.name },
    role: r.role,
    skills: skills[String(r.id)] ?? [],
    openJobs: r.openJobs,
    overdueJobs: r.overdueJobs,
  }));
}

/** Picks the technician for a category (see the file comment); REPAIR_NO_TECHNICIAN when nobody fits. */
export function pickTechnician(
  loads: readonly TechnicianLoad[],
  categoryCode: string,
): { technician: TechnicianLoad; skillMatch: boolean } {
  const skilled = loads.filter((t) => t.skills.includes(categoryCode));
  const generalists = loads.filter((t) => t.skills.length === 0);
  const pool = skilled.length > 0 ? skilled : generalists;
  const best = [...pool].sort((a, b) => a.openJobs - b.openJobs || a.staff.id - b.staff.id)[0];
  if (!best) throw new AppError('REPAIR_NO_TECHNICIAN', { categoryCode });
  return { technician: best, skillMatch: skilled.length > 0 };
}

/** Assigns (or unassigns with null) inside the caller's transaction: role rules, timeline, audit. */
export function assignJob(
  db: DbClient,
  storeId: number,
  actor: Actor,
  job: JobRow,
  technicianId: number | null,
  now: number,
  how: 'manual' | 'auto' = 'manual',
): void {
  if (isTerminal(job.status)) throw new AppError('REPAIR_JOB_CLOSED', { jobId: job.id, status: job.status });
  if (actor.role === 'technician') {
    const self =
      technicianId === actor.staffId || (technicianId === null && job.assignedTo === actor.staffId);
    if (!self) throw new AppError('REPAIR_ASSIGN_NOT_ALLOWED', { role: actor.role });
  } else if (actor.role === 'inspector') {
    throw new AppError('REPAIR_ASSIGN_NOT_ALLOWED', { role: actor.role });
  }
  if (technicianId !== null) {
    const tech = activeStaff(db, storeId, technicianId);
    if (!tech || (tech.role !== 'technician' && tech.role !== 'manager'))
      throw new AppError('REPAIR_ASSIGNEE_INVALID', { staffId: technicianId });
  }
  setAssignee(db, job.id, technicianId);
  recordEvent(db, {
    jobId: job.id,
    at: now,
    staffId: actor.staffId,
    from: job.status,
    to: job.status,
    kind: 'assign',
    data: { technicianId, previous: job.assignedTo, how },
  });
  appendRepairAudit(db, {
    at: now,
    storeId,
    staffId: actor.staffId,
    action: 'repair.assign',
    entityType: 'repair_job',
    entityId: job.id,
    data: { technicianId, previous: job.assignedTo, how },
  });
}
