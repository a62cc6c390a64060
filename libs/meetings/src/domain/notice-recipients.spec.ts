import { normaliseEmail, NoticeRecipient, RecipientCandidate, RecipientRole, resolveNoticeRecipients } from './notice-recipients';

const candidate = (role: RecipientRole, personId: string | null, name: string, email: string | null): RecipientCandidate => ({ personId, name, email, role });

const keys = (recipients: NoticeRecipient[]) => recipients.map((recipient) => recipient.key);

describe('resolveNoticeRecipients', () => {
  it('lists members, substitutes, attendance rights and extra recipients in that order, each in input order', () => {
    const result = resolveNoticeRecipients([
      candidate('extra', null, 'Lokaltidningen', 'red@lt.se'),
      candidate('attendance_right', 'chef', 'Förvaltningschef', 'chef@ludvika.se'),
      candidate('substitute', 'kerstin', 'Kerstin', 'kerstin@example.se'),
      candidate('member', 'erik', 'Erik', 'erik@example.se'),
      candidate('member', 'anna', 'Anna', 'anna@example.se'),
      candidate('substitute', 'anders', 'Anders', 'anders@example.se'),
    ]);
    expect(result).toEqual([
      { personId: 'erik', name: 'Erik', email: 'erik@example.se', role: 'member', key: 'person:erik' },
      { personId: 'anna', name: 'Anna', email: 'anna@example.se', role: 'member', key: 'person:anna' },
      { personId: 'kerstin', name: 'Kerstin', email: 'kerstin@example.se', role: 'substitute', key: 'person:kerstin' },
      { personId: 'anders', name: 'Anders', email: 'anders@example.se', role: 'substitute', key: 'person:anders' },
      { personId: 'chef', name: 'Förvaltningschef', email: 'chef@ludvika.se', role: 'attendance_right', key: 'person:chef' },
      { personId: null, name: 'Lokaltidningen', email: 'red@lt.se', role: 'extra', key: 'email:red@lt.se' },
    ]);
  });

  it('sends one notice to a member who also has an attendance right, as member', () => {
    const result = resolveNoticeRecipients([
      candidate('attendance_right', 'anna', 'Anna (kommunalråd)', 'anna@example.se'),
      candidate('member', 'anna', 'Anna', 'anna@example.se'),
    ]);
    expect(result).toEqual([{ personId: 'anna', name: 'Anna', email: 'anna@example.se', role: 'member', key: 'person:anna' }]);
  });

  it.each<[RecipientRole, RecipientRole, RecipientRole]>([
    ['member', 'substitute', 'member'],
    ['substitute', 'attendance_right', 'substitute'],
    ['attendance_right', 'extra', 'attendance_right'],
    ['extra', 'member', 'member'],
    ['extra', 'substitute', 'substitute'],
  ])('keeps the stronger role of %s and %s: %s', (first, second, strongest) => {
    const result = resolveNoticeRecipients([candidate(first, 'p', 'P', 'p@example.se'), candidate(second, 'p', 'P', 'p@example.se')]);
    expect(result.map((recipient) => recipient.role)).toEqual([strongest]);
  });

  it('collapses the same address written differently, keeping the first spelling of the strongest candidate', () => {
    const result = resolveNoticeRecipients([
      candidate('extra', null, 'Revisorerna', ' Revision@Ludvika.se '),
      candidate('extra', null, 'Revisionen', 'revision@ludvika.se'),
    ]);
    expect(result).toEqual([{ personId: null, name: 'Revisorerna', email: 'Revision@Ludvika.se', role: 'extra', key: 'email:revision@ludvika.se' }]);
  });

  it('joins an extra address to the person who has it', () => {
    const result = resolveNoticeRecipients([
      candidate('extra', null, 'Erik privat', 'ERIK@example.se'),
      candidate('member', 'erik', 'Erik', 'erik@example.se'),
    ]);
    expect(result).toEqual([{ personId: 'erik', name: 'Erik', email: 'erik@example.se', role: 'member', key: 'person:erik' }]);
  });

  it('sends one notice to a mailbox shared by two people, addressed to the stronger role', () => {
    const result = resolveNoticeRecipients([
      candidate('substitute', 'kerstin', 'Kerstin', 's-gruppen@example.se'),
      candidate('member', 'erik', 'Erik', 's-gruppen@example.se'),
    ]);
    expect(keys(result)).toEqual(['person:erik']);
    expect(result[0].role).toBe('member');
  });

  it('joins chains of shared person and address into one recipient', () => {
    // 1 and 3 share an address (group with person b); 2 and 4 are person a; 5 is person b with a's address, joining the two.
    const result = resolveNoticeRecipients([
      candidate('extra', null, 'Kansliet', 'kansli@example.se'),
      candidate('attendance_right', 'a', 'A', 'a@example.se'),
      candidate('substitute', 'b', 'B', 'KANSLI@example.se'),
      candidate('attendance_right', 'a', 'A', 'b@example.se'),
      candidate('member', 'b', 'B', 'a@example.se'),
    ]);
    expect(result).toEqual([{ personId: 'b', name: 'B', email: 'a@example.se', role: 'member', key: 'person:b' }]);
  });

  it('keeps people without an address so that the secretary sees them', () => {
    const result = resolveNoticeRecipients([candidate('member', 'lars', 'Lars', null), candidate('member', 'maria', 'Maria', '   ')]);
    expect(result).toEqual([
      { personId: 'lars', name: 'Lars', email: null, role: 'member', key: 'person:lars' },
      { personId: 'maria', name: 'Maria', email: null, role: 'member', key: 'person:maria' },
    ]);
  });

  it('fills in an address the strongest candidate lacks from the same person’s other candidate', () => {
    const result = resolveNoticeRecipients([candidate('attendance_right', 'lars', 'Lars', 'lars@example.se'), candidate('member', 'lars', 'Lars', null)]);
    expect(result).toEqual([{ personId: 'lars', name: 'Lars', email: 'lars@example.se', role: 'member', key: 'person:lars' }]);
  });

  it('keeps a person id the strongest candidate lacks from another candidate with the same address', () => {
    const result = resolveNoticeRecipients([candidate('attendance_right', 'chef', 'Förvaltningschef', 'chef@example.se'), candidate('attendance_right', null, 'Chefen', 'chef@example.se')]);
    expect(result).toEqual([{ personId: 'chef', name: 'Förvaltningschef', email: 'chef@example.se', role: 'attendance_right', key: 'person:chef' }]);
    const reversed = resolveNoticeRecipients([candidate('attendance_right', null, 'Chefen', 'chef@example.se'), candidate('attendance_right', 'chef', 'Förvaltningschef', 'chef@example.se')]);
    expect(reversed).toEqual([{ personId: 'chef', name: 'Chefen', email: 'chef@example.se', role: 'attendance_right', key: 'person:chef' }]);
  });

  it('sends to one address only for a person listed with two', () => {
    const result = resolveNoticeRecipients([candidate('member', 'anna', 'Anna', 'anna@ludvika.se'), candidate('attendance_right', 'anna', 'Anna', 'anna@privat.se')]);
    expect(result).toEqual([{ personId: 'anna', name: 'Anna', email: 'anna@ludvika.se', role: 'member', key: 'person:anna' }]);
  });

  it('keeps someone given by name only, and collapses the same name given twice', () => {
    const result = resolveNoticeRecipients([candidate('extra', null, 'Ungdomsrådet', null), candidate('extra', null, ' ungdomsrådet', null)]);
    expect(result).toEqual([{ personId: null, name: 'Ungdomsrådet', email: null, role: 'extra', key: 'name:ungdomsrådet' }]);
  });

  it('keeps different people apart', () => {
    const result = resolveNoticeRecipients([candidate('member', 'a', 'A', 'a@example.se'), candidate('member', 'b', 'B', 'b@example.se'), candidate('member', 'c', 'C', null)]);
    expect(keys(result)).toEqual(['person:a', 'person:b', 'person:c']);
  });

  it('returns nothing for no candidates', () => {
    expect(resolveNoticeRecipients([])).toEqual([]);
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases, and treats blank as missing', () => {
    expect(normaliseEmail(' Anna.Andersson@Ludvika.SE ')).toBe('anna.andersson@ludvika.se');
    expect(normaliseEmail('  ')).toBeNull();
    expect(normaliseEmail(null)).toBeNull();
  });
});
