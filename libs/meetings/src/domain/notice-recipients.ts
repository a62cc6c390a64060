export type RecipientRole = 'member' | 'substitute' | 'attendance_right' | 'extra';

/** Someone the notice should go to, from the organ's seats, attendance rights or the secretary's extra list. */
export interface RecipientCandidate {
  /** Null for an extra recipient given only by name and address. */
  personId: string | null;
  name: string;
  email: string | null;
  role: RecipientRole;
}

export interface NoticeRecipient extends RecipientCandidate {
  /** `person:<personId>`, otherwise `email:<address in lower case>`; stable across re-sends of the notice. */
  key: string;
}

/** The role that decides how the person is addressed and listed: a member is never demoted to "närvarorätt". */
const ROLE_RANK: Record<RecipientRole, number> = { member: 0, substitute: 1, attendance_right: 2, extra: 3 };

/** The form in which two addresses are compared: trimmed, in lower case (as mail providers treat them); null if blank. */
export function normaliseEmail(email: string | null): string | null {
  const normalised = email?.trim().toLowerCase() ?? '';
  return normalised === '' ? null : normalised;
}

function identities(candidate: RecipientCandidate): string[] {
  const keys: string[] = [];
  if (candidate.personId !== null) keys.push(`person:${candidate.personId}`);
  const email = normaliseEmail(candidate.email);
  if (email !== null) keys.push(`email:${email}`);
  // Neither person nor address: still listed, so that the secretary sees someone cannot be reached.
  if (keys.length === 0) keys.push(`name:${candidate.name.trim().toLowerCase()}`);
  return keys;
}

/**
 * One recipient per person and per e-mail address. Candidates that share a person or an address
 * (in any chain: A and B share a person, B and C an address) become one recipient, described by the
 * candidate with the strongest role (member > substitute > attendance right > extra; the first of
 * those in input order on a tie); a missing person id or address is filled in from the others.
 * Two people sharing one address (a party's office mailbox) thus get one notice, which is what that
 * mailbox should receive.
 *
 * People without an address are kept: the notice must reach them some other way, and the secretary
 * has to see that. The result is ordered members, substitutes, attendance rights, extra recipients,
 * each in input order, as the notice's distribution list is printed.
 */
export function resolveNoticeRecipients(candidates: RecipientCandidate[]): NoticeRecipient[] {
  const groups: number[][] = [];
  const groupOfKey = new Map<string, number>();
  const keysOfGroup: string[][] = [];

  candidates.forEach((candidate, index) => {
    const keys = identities(candidate);
    const found = [...new Set(keys.map((key) => groupOfKey.get(key)).filter((group): group is number => group !== undefined))].sort((a, b) => a - b);
    const target = found[0] ?? groups.length;
    if (found.length === 0) {
      groups.push([]);
      keysOfGroup.push([]);
    }
    // A candidate linking two earlier groups (same person as one, same address as the other) joins them.
    for (const merged of found.slice(1)) {
      groups[target].push(...groups[merged]);
      for (const key of keysOfGroup[merged]) groupOfKey.set(key, target);
      keysOfGroup[target].push(...keysOfGroup[merged]);
      groups[merged] = [];
      keysOfGroup[merged] = [];
    }
    groups[target].push(index);
    for (const key of keys) {
      if (groupOfKey.get(key) !== target) {
        groupOfKey.set(key, target);
        keysOfGroup[target].push(key);
      }
    }
  });

  const strongestFirst = (a: number, b: number) => ROLE_RANK[candidates[a].role] - ROLE_RANK[candidates[b].role] || a - b;
  return groups
    .filter((group) => group.length > 0)
    .map((group) => [...group].sort(strongestFirst))
    .sort((a, b) => strongestFirst(a[0], b[0]))
    .map((group) => toRecipient(group.map((index) => candidates[index])));
}

function toRecipient(strongestFirst: RecipientCandidate[]): NoticeRecipient {
  const [chosen] = strongestFirst;
  const personId = chosen.personId ?? strongestFirst.find((candidate) => candidate.personId !== null)?.personId ?? null;
  const rawEmail = strongestFirst.map((candidate) => candidate.email?.trim() ?? '').find((email) => email !== '');
  const email = rawEmail ?? null;
  const key = personId !== null ? `person:${personId}` : email !== null ? `email:${email.toLowerCase()}` : `name:${chosen.name.trim().toLowerCase()}`;
  return { personId, name: chosen.name, email, role: chosen.role, key };
}
