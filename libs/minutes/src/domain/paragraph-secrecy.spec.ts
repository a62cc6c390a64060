import { MatterReading } from '@namndrum/matters';
import { paragraphAsRead, paragraphViewAsRead, SECRET_PARAGRAPH_NOTE } from './paragraph-secrecy';

const SECRET: MatterReading = { caseNumber: 'SUN 2026/7', title: 'Sekretessärende', masked: true, contentReadable: false, entitled: false };
const SECRET_REPORT: MatterReading = { caseNumber: 'SUN 2026/7', title: 'Placering av barn', masked: false, contentReadable: false, entitled: false };
const OPEN: MatterReading = { caseNumber: 'SUN 2026/7', title: 'Placering av barn', masked: false, contentReadable: true, entitled: true };

const paragraph = {
  number: 12,
  caseNumber: 'SUN 2026/7',
  title: 'Placering av barn',
  titleFi: 'Lapsen sijoitus',
  proposal: ['Barnet placeras i familjehem.'],
  decision: ['Barnet placeras i familjehem.'],
  description: 'Familjen har sökt stöd.',
  decisionBasis: ['Tjänsteskrivelse 2026-03-01', 'Utredning'],
  distribution: [{ name: 'Vårdnadshavaren Karl Persson', email: 'karl@example.org' }],
  propositions: [{ alternatives: ['proposal'], chosen: 'proposal' }],
  decisionProcedure: ['Ordföranden frågar om nämnden bifaller förslaget.'],
  motions: [{ id: 'm1', text: 'Barnet placeras hos mormor.' }],
  votes: [{ id: 'v1' }],
  dissents: [{ name: 'Erik', reasons: 'Mormor är bättre.' }],
  notes: [{ text: 'Om familjen.' }],
  disqualifications: [{ name: 'Anna', reason: 'Släkt med barnet' }],
};

describe('paragraphAsRead', () => {
  it('leaves the number, the case number and the masked title of a secret matter, and none of its words', () => {
    const masked = paragraphAsRead(paragraph, SECRET);
    expect(masked).toEqual({
      ...paragraph,
      title: 'Sekretessärende',
      titleFi: null,
      proposal: [],
      decision: [],
      description: SECRET_PARAGRAPH_NOTE,
      decisionBasis: [],
      distribution: [],
      propositions: [],
      decisionProcedure: [],
      motions: [{ id: 'm1', text: null }],
      votes: [],
      dissents: [{ name: 'Erik', reasons: null }],
      notes: [],
      disqualifications: [{ name: 'Anna', reason: null }],
    });
    const words = JSON.stringify(masked);
    for (const secret of ['Placering', 'familjehem', 'Familjen', 'Karl', 'mormor', 'Släkt', 'Utredning']) expect(words).not.toContain(secret);
  });

  it('keeps the title of a public matter whose tjänsteskrivelse is secret, and hides the rest', () => {
    expect(paragraphAsRead(paragraph, SECRET_REPORT)).toMatchObject({ title: 'Placering av barn', proposal: [], decision: [], description: SECRET_PARAGRAPH_NOTE });
  });

  it('shows everything to a reader with access and to paragraphs without a matter', () => {
    expect(paragraphAsRead(paragraph, OPEN)).toBe(paragraph);
    expect(paragraphAsRead(paragraph, undefined)).toBe(paragraph);
  });
});

describe('paragraphViewAsRead', () => {
  const view = {
    number: 12,
    caseNumber: 'SUN 2026/7',
    title: 'Placering av barn',
    titleFi: 'Lapsen sijoitus',
    preparedIn: null,
    decision: ['Barnet placeras i familjehem.'],
    motions: ['Erik yrkar att barnet placeras hos mormor.'],
    decisionProcedure: ['Ordföranden frågar.'],
    vote: { yesLabel: 'mormor' },
    dissents: [{ name: 'Erik', party: 'S', reasons: 'Mormor är bättre.' }],
    notes: [{ name: 'Karin', party: 'SD', text: 'Om familjen.' }],
    disqualifications: [{ name: 'Anna', party: 'S', substitute: null }],
    description: 'Familjen har sökt stöd.',
    decisionBasis: ['Utredning'],
    distribution: ['Vårdnadshavaren Karl Persson'],
    approvedAtMeeting: false,
  };

  it('renders a secret matter as its number, case number and masked title with the secrecy note', () => {
    const masked = paragraphViewAsRead(view, SECRET);
    expect(masked).toMatchObject({ number: 12, caseNumber: 'SUN 2026/7', title: 'Sekretessärende', titleFi: null, description: SECRET_PARAGRAPH_NOTE, vote: null, notes: [], distribution: [] });
    for (const secret of ['Placering', 'sijoitus', 'familjehem', 'Familjen', 'Karl', 'mormor', 'Mormor']) expect(JSON.stringify(masked)).not.toContain(secret);
  });

  it('renders a readable paragraph unchanged', () => {
    expect(paragraphViewAsRead(view, OPEN)).toBe(view);
  });
});
