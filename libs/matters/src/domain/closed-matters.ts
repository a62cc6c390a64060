/**
 * KL 6 kap. 25 §: even where fullmäktige allows a nämnd open meetings, matters of myndighetsutövning
 * and matters with secret information are always handled behind closed doors.
 */
export function mustBeHandledClosed(matter: { secret: boolean; exerciseOfPublicAuthority: boolean }): boolean {
  return matter.secret || matter.exerciseOfPublicAuthority;
}
