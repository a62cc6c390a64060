import { OrganKind } from '../entities/organ.entity';

const ORGAN_NOUNS: Record<OrganKind, string> = {
  council: 'kommunfullmäktige',
  board: 'kommunstyrelsen',
  committee: 'nämnden',
  subcommittee: 'utskottet',
  advisory_council: 'rådet',
  drafting_group: 'beredningen',
};

/** How documents refer to an organ of this kind in running text ("… finner att nämnden bifaller det"). */
export function organNoun(kind: OrganKind): string {
  if (!Object.hasOwn(ORGAN_NOUNS, kind)) {
    throw new RangeError(`Okänd organtyp: ”${String(kind)}”`);
  }
  return ORGAN_NOUNS[kind];
}
