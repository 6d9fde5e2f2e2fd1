/**
 * Role levels of projects and personal attributes, as BrainSTEM defines them: every level includes the ones
 * below it. Group grants give every group member the group's level.
 */
export const LEVEL = { member: 1, contributor: 2, manager: 3, owner: 4 } as const;
export type Level = (typeof LEVEL)[keyof typeof LEVEL];

/** The `users`/`groups` flags of a project entry for a level. */
export function flagsOf(level: number): { can_change: boolean; is_manager: boolean; is_owner: boolean } {
  return { can_change: level >= LEVEL.contributor, is_manager: level >= LEVEL.manager, is_owner: level >= LEVEL.owner };
}

/** The level encoded by `users`/`groups` flags (missing flags are false, as the docs say). */
export function levelOfFlags(flags: { can_change?: unknown; is_manager?: unknown; is_owner?: unknown }): Level {
  if (flags.is_owner === true) return LEVEL.owner;
  if (flags.is_manager === true) return LEVEL.manager;
  if (flags.can_change === true) return LEVEL.contributor;
  return LEVEL.member;
}

/** The level an invitation grants (`own_project`, `manage_project`, `can_change`). */
export function levelOfInvitation(inv: {
  can_change?: unknown;
  manage_project?: unknown;
  own_project?: unknown;
}): Level {
  if (inv.own_project === 1 || inv.own_project === true) return LEVEL.owner;
  if (inv.manage_project === 1 || inv.manage_project === true) return LEVEL.manager;
  if (inv.can_change === 1 || inv.can_change === true) return LEVEL.contributor;
  return LEVEL.member;
}
