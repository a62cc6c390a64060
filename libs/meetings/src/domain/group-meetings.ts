import { clockMinutes } from './clock-time';

/** A party group's meeting before the sammanträde, printed on the notice. */
export interface GroupMeeting {
  /** HH:MM, Stockholm local time on the meeting day. */
  startTime: string;
  endTime: string;
  /** Party codes (S, M, SD …) meeting together. */
  parties: string[];
  /** Printed after "i", as written: 'sessionssalen', 'smtr-rum "Säfsen"'. */
  room: string;
}

const span = (group: GroupMeeting) => `${group.startTime}–${group.endTime}`;

/**
 * One line per time span, in the order the spans first appear, e.g.
 * `13:00–14:00 (KD/M/S i sessionssalen, C/L/MP/V i smtr-rum "Säfsen", SD i smtr-rum "Grangärde")`.
 * Parties and rooms keep the secretary's order: the notice is a document they compose, and sorting
 * here would undo a deliberate order.
 */
export function formatGroupMeetingLines(groups: GroupMeeting[]): string[] {
  const bySpan = new Map<string, GroupMeeting[]>();
  for (const group of groups) {
    const key = span(group);
    const list = bySpan.get(key);
    if (list) list.push(group);
    else bySpan.set(key, [group]);
  }
  return [...bySpan].map(([key, list]) => `${key} (${list.map((group) => `${partyList(group)} i ${group.room.trim()}`).join(', ')})`);
}

function partyList(group: GroupMeeting): string {
  return group.parties.map((party) => party.trim()).filter((party) => party !== '').join('/');
}

/**
 * Problems with the group meetings as Swedish messages for the secretary; empty when they can be
 * printed. Groups are named by their number in the list and their time span, as the secretary sees them.
 * `meetingStartLocalTime` is the sammanträde's start (HH:MM Stockholm): a group meeting must be over by then.
 */
export function validateGroupMeetings(groups: GroupMeeting[], meetingStartLocalTime: string): string[] {
  const meetingStart = clockMinutes(meetingStartLocalTime);
  if (meetingStart === null) {
    // Comes from the meeting itself, not from the secretary's group-meeting input: a programming error.
    throw new RangeError(`Sammanträdets starttid måste anges som TT:MM, inte "${meetingStartLocalTime}"`);
  }
  const errors: string[] = [];

  groups.forEach((group, index) => {
    const label = `Gruppmöte ${index + 1} (${span(group)})`;
    const start = clockMinutes(group.startTime);
    const end = clockMinutes(group.endTime);
    if (start === null) errors.push(`${label}: starttiden "${group.startTime}" är inte en giltig tid (TT:MM).`);
    if (end === null) errors.push(`${label}: sluttiden "${group.endTime}" är inte en giltig tid (TT:MM).`);
    if (start !== null && end !== null && end <= start) {
      errors.push(`${label}: sluttiden måste vara senare än starttiden.`);
    }
    // Ending exactly when the sammanträde starts is normal; any later and members would be in two places.
    if (end !== null && end > meetingStart) {
      errors.push(`${label}: slutar efter att sammanträdet börjar kl. ${meetingStartLocalTime}.`);
    }
    const parties = group.parties.map((party) => party.trim()).filter((party) => party !== '');
    if (parties.length === 0) errors.push(`${label}: inga partier angivna.`);
    const repeated = duplicates(parties.map((party) => party.toUpperCase()));
    for (const party of repeated) errors.push(`${label}: ${displayName(parties, party)} anges mer än en gång.`);
    if (group.room.trim() === '') errors.push(`${label}: lokal saknas.`);
  });

  // A party can only meet in one room at a time; two groups of the same span naming it is a typing error.
  const spans = new Map<string, Map<string, { name: string; groupNumbers: number[] }>>();
  groups.forEach((group, index) => {
    const key = span(group);
    const parties = spans.get(key) ?? new Map<string, { name: string; groupNumbers: number[] }>();
    spans.set(key, parties);
    for (const raw of group.parties) {
      const name = raw.trim();
      if (name === '') continue;
      const seen = parties.get(name.toUpperCase());
      if (!seen) parties.set(name.toUpperCase(), { name, groupNumbers: [index + 1] });
      else if (!seen.groupNumbers.includes(index + 1)) seen.groupNumbers.push(index + 1);
    }
  });
  for (const [key, parties] of spans) {
    for (const { name, groupNumbers } of parties.values()) {
      if (groupNumbers.length > 1) {
        errors.push(`${name} finns i flera gruppmöten ${key} (gruppmöte ${joinSwedish(groupNumbers.map(String))}); ett parti kan bara ha ett gruppmöte åt gången.`);
      }
    }
  }
  return errors;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

/** "1", "1 och 3", "1, 2 och 3". */
function joinSwedish(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

function displayName(parties: string[], normalised: string): string {
  return parties.find((party) => party.toUpperCase() === normalised) ?? normalised;
}

const MINUTES_PER_DAY = 24 * 60;

const clockText = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The group meetings moved with their sammanträde: each by `minutes`, the change of the start's local time of day,
 * so that a group meeting keeps its length and its distance to the start. Group meetings are times on the meeting
 * day, so a move to another day takes them along by itself. One that would cross midnight is named in `problems`
 * (Swedish, for the secretary) rather than moved to another day.
 */
export function shiftGroupMeetings(groups: GroupMeeting[], minutes: number): { groupMeetings: GroupMeeting[]; problems: string[] } {
  const problems: string[] = [];
  const groupMeetings = groups.map((group, index) => {
    const start = clockMinutes(group.startTime);
    const end = clockMinutes(group.endTime);
    // Stored group meetings were validated; an unreadable one is left for validateGroupMeetings to name.
    if (start === null || end === null || minutes === 0) return group;
    const label = `Gruppmöte ${index + 1} (${span(group)})`;
    if (start + minutes < 0) problems.push(`${label} kan inte flyttas med sammanträdet: det skulle börja före midnatt.`);
    else if (end + minutes >= MINUTES_PER_DAY) problems.push(`${label} kan inte flyttas med sammanträdet: det skulle sluta efter midnatt.`);
    else return { ...group, startTime: clockText(start + minutes), endTime: clockText(end + minutes) };
    return group;
  });
  return { groupMeetings, problems };
}
