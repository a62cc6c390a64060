import { formatGroupMeetingLines, GroupMeeting, shiftGroupMeetings, validateGroupMeetings } from './group-meetings';

const group = (startTime: string, endTime: string, parties: string[], room: string): GroupMeeting => ({ startTime, endTime, parties, room });

/** The SUN notice of the Ludvika seed: three groups before a 14:00 meeting, all 13:00–14:00. */
const SUN_GROUPS: GroupMeeting[] = [
  group('13:00', '14:00', ['KD', 'M', 'S'], 'sessionssalen'),
  group('13:00', '14:00', ['C', 'L', 'MP', 'V'], 'smtr-rum "Säfsen"'),
  group('13:00', '14:00', ['SD'], 'smtr-rum "Grangärde"'),
];

describe('formatGroupMeetingLines', () => {
  it('puts groups with the same time span on one line', () => {
    expect(formatGroupMeetingLines(SUN_GROUPS)).toEqual(['13:00–14:00 (KD/M/S i sessionssalen, C/L/MP/V i smtr-rum "Säfsen", SD i smtr-rum "Grangärde")']);
  });

  it('gives each span its own line in the order the spans first appear', () => {
    const groups = [
      group('13:00', '14:00', ['S'], 'sessionssalen'),
      group('12:00', '13:00', ['M'], 'Säfsen'),
      group('13:00', '14:00', ['SD'], 'Grangärde'),
    ];
    expect(formatGroupMeetingLines(groups)).toEqual(['13:00–14:00 (S i sessionssalen, SD i Grangärde)', '12:00–13:00 (M i Säfsen)']);
  });

  it('keeps the secretary’s party order and uses an en dash between the times', () => {
    const [line] = formatGroupMeetingLines([group('08:30', '09:15', ['S', 'MP', 'V'], 'Säfsen')]);
    expect(line).toBe('08:30–09:15 (S/MP/V i Säfsen)');
    expect(line).toContain('\u2013');
  });

  it('trims stray spaces from parties and rooms and skips blank parties', () => {
    expect(formatGroupMeetingLines([group('13:00', '14:00', [' KD', '', 'M '], ' sessionssalen ')])).toEqual(['13:00–14:00 (KD/M i sessionssalen)']);
  });

  it('prints nothing for no groups', () => {
    expect(formatGroupMeetingLines([])).toEqual([]);
  });
});

describe('validateGroupMeetings', () => {
  it('accepts the SUN groups ending exactly when the meeting starts', () => {
    expect(validateGroupMeetings(SUN_GROUPS, '14:00')).toEqual([]);
  });

  it('accepts no groups', () => {
    expect(validateGroupMeetings([], '14:00')).toEqual([]);
  });

  it('refuses a group that ends before it starts, or when it starts', () => {
    expect(validateGroupMeetings([group('13:00', '12:00', ['S'], 'sessionssalen')], '14:00')).toEqual([
      'Gruppmöte 1 (13:00–12:00): sluttiden måste vara senare än starttiden.',
    ]);
    expect(validateGroupMeetings([group('13:00', '13:00', ['S'], 'sessionssalen')], '14:00')).toEqual([
      'Gruppmöte 1 (13:00–13:00): sluttiden måste vara senare än starttiden.',
    ]);
  });

  it('refuses a group that ends after the meeting starts', () => {
    expect(validateGroupMeetings([...SUN_GROUPS, group('13:00', '14:01', ['MP'], 'Ludvika')], '14:00')).toEqual([
      'Gruppmöte 4 (13:00–14:01): slutar efter att sammanträdet börjar kl. 14:00.',
    ]);
  });

  it('refuses a group without parties (blank entries do not count)', () => {
    expect(validateGroupMeetings([group('13:00', '14:00', [], 'sessionssalen'), group('13:00', '14:00', [' '], 'Säfsen')], '14:00')).toEqual([
      'Gruppmöte 1 (13:00–14:00): inga partier angivna.',
      'Gruppmöte 2 (13:00–14:00): inga partier angivna.',
    ]);
  });

  it('refuses a party in two groups of the same span, naming the groups', () => {
    const groups = [...SUN_GROUPS.slice(0, 2), group('13:00', '14:00', ['SD', 'M'], 'smtr-rum "Grangärde"')];
    expect(validateGroupMeetings(groups, '14:00')).toEqual([
      'M finns i flera gruppmöten 13:00–14:00 (gruppmöte 1 och 3); ett parti kan bara ha ett gruppmöte åt gången.',
    ]);
  });

  it('treats party codes case-insensitively and lists every group a party appears in', () => {
    const groups = [group('13:00', '14:00', ['mp'], 'A'), group('13:00', '14:00', ['MP'], 'B'), group('13:00', '14:00', [' Mp'], 'C')];
    expect(validateGroupMeetings(groups, '14:00')).toEqual([
      'mp finns i flera gruppmöten 13:00–14:00 (gruppmöte 1, 2 och 3); ett parti kan bara ha ett gruppmöte åt gången.',
    ]);
  });

  it('allows the same party at different time spans', () => {
    expect(validateGroupMeetings([group('12:00', '12:45', ['S'], 'Säfsen'), group('13:00', '14:00', ['S'], 'sessionssalen')], '14:00')).toEqual([]);
  });

  it('refuses a party named twice in one group', () => {
    expect(validateGroupMeetings([group('13:00', '14:00', ['S', 'M', 's'], 'sessionssalen')], '14:00')).toEqual([
      'Gruppmöte 1 (13:00–14:00): S anges mer än en gång.',
    ]);
  });

  it('refuses a group without a room', () => {
    expect(validateGroupMeetings([group('13:00', '14:00', ['S'], '  ')], '14:00')).toEqual(['Gruppmöte 1 (13:00–14:00): lokal saknas.']);
  });

  it('refuses times that are not HH:MM', () => {
    expect(validateGroupMeetings([group('1300', '14:00', ['S'], 'sessionssalen'), group('13:00', '25:00', ['M'], 'Säfsen')], '14:00')).toEqual([
      'Gruppmöte 1 (1300–14:00): starttiden "1300" är inte en giltig tid (TT:MM).',
      'Gruppmöte 2 (13:00–25:00): sluttiden "25:00" är inte en giltig tid (TT:MM).',
    ]);
  });

  it('reports every problem of every group, group by group', () => {
    const groups = [group('15:00', '14:30', [], ''), group('13:00', '14:00', ['V'], 'Säfsen')];
    expect(validateGroupMeetings(groups, '14:00')).toEqual([
      'Gruppmöte 1 (15:00–14:30): sluttiden måste vara senare än starttiden.',
      'Gruppmöte 1 (15:00–14:30): slutar efter att sammanträdet börjar kl. 14:00.',
      'Gruppmöte 1 (15:00–14:30): inga partier angivna.',
      'Gruppmöte 1 (15:00–14:30): lokal saknas.',
    ]);
  });

  it('throws for a meeting start that is not HH:MM, which is a programming error rather than input', () => {
    expect(() => validateGroupMeetings(SUN_GROUPS, '2 pm')).toThrow(new RangeError('Sammanträdets starttid måste anges som TT:MM, inte "2 pm"'));
  });
});

describe('shiftGroupMeetings', () => {
  it('moves every group meeting by the minutes the sammanträde moved, keeping its length and its gap to the start', () => {
    expect(shiftGroupMeetings(SUN_GROUPS, -120)).toEqual({
      groupMeetings: SUN_GROUPS.map((groupMeeting) => ({ ...groupMeeting, startTime: '11:00', endTime: '12:00' })),
      problems: [],
    });
    expect(shiftGroupMeetings([group('12:15', '13:45', ['S'], 'Säfsen')], 75).groupMeetings).toEqual([group('13:30', '15:00', ['S'], 'Säfsen')]);
  });

  it('leaves the group meetings as they are when the start did not move on the clock', () => {
    expect(shiftGroupMeetings(SUN_GROUPS, 0)).toEqual({ groupMeetings: SUN_GROUPS, problems: [] });
  });

  it('names a group meeting that would leave the meeting day instead of moving it there', () => {
    const { problems } = shiftGroupMeetings([group('08:00', '09:00', ['M'], 'Säfsen'), group('12:00', '13:00', ['S'], 'sessionssalen')], -9 * 60);
    expect(problems).toEqual(['Gruppmöte 1 (08:00–09:00) kan inte flyttas med sammanträdet: det skulle börja före midnatt.']);
    expect(shiftGroupMeetings([group('22:00', '23:30', ['M'], 'Säfsen')], 60).problems).toEqual([
      'Gruppmöte 1 (22:00–23:30) kan inte flyttas med sammanträdet: det skulle sluta efter midnatt.',
    ]);
  });
});
