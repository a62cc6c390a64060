import type { SignedInUser } from '../../auth/session';

/**
 * Whether the user may act for the organ's meetings (meetings.manage): its nämndsekreterare, or an
 * administrator of the municipality. The API decides; this only hides what it would refuse.
 */
export function managesOrganMeetings(user: SignedInUser, organId: string): boolean {
  return user.grants.some((grant) => grant.role === 'admin' || (grant.role === 'secretary' && grant.organId === organId));
}
