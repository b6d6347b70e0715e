/** The policy profiles the store can name in categories.policy_profile (rules are data in shared/domain/policy). */
import { AppError } from '../../../shared/contract/errors';
import { cnSanbaoProfile, genericRetailProfile, type PolicyProfile } from '../../../shared/domain/policy';

const PROFILES: ReadonlyMap<string, PolicyProfile> = new Map([
  [cnSanbaoProfile.id, cnSanbaoProfile],
  [genericRetailProfile.id, genericRetailProfile],
]);

/** Profile of products without a category: the legal minimum of a Chinese store (三包). */
export const DEFAULT_PROFILE_ID = cnSanbaoProfile.id;

/** The profile a category names (the default for none); RETURN_POLICY_UNKNOWN for a name no profile has. */
export function profileFor(id: string | null): PolicyProfile {
  const profile = PROFILES.get(id ?? DEFAULT_PROFILE_ID);
  if (!profile) throw new AppError('RETURN_POLICY_UNKNOWN', { profile: id });
  return profile;
}
