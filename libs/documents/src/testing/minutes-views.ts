import { AttendeeLine, MinutesExtractView, MinutesView, ParagraphView, PostingView, VoteRowView, VoteView } from '../minutes.view-model';
import { ARBETSUTSKOTT_TITLE } from './officer-report.factory';
import { INDIVIDUTSKOTT_TITLE, MALAKTIVITETER_TITLE, NARVARORATT_TITLE, REPRESENTANTER_TITLE } from './meeting-notice.factory';

/** Social- och utbildningsnämndens 13 members as the seed gives them (seeds/data/ludvika.json), in seat order. */
export const SUN_MEMBERS: { name: string; party: string }[] = [
  { name: 'Håkan Frank', party: 'M' },
  { name: 'Anna Exempelsson', party: 'S' },
  { name: 'Erik Testberg', party: 'S' },
  { name: 'Maria Fiktivsson', party: 'S' },
  { name: 'Lars Påhittad', party: 'S' },
  { name: 'Karin Låtsasson', party: 'SD' },
  { name: 'Johan Provström', party: 'SD' },
  { name: 'Eva Exempeldal', party: 'SD' },
  { name: 'Per Testlund', party: 'M' },
  { name: 'Ingrid Fiktivberg', party: 'KD' },
  { name: 'Nils Påhittsson', party: 'V' },
  { name: 'Birgitta Låtsasberg', party: 'C' },
  { name: 'Mats Provholm', party: 'L' },
];

export const VOTE_RESULT_4 = 'Nämnden har beslutat enligt förvaltningens förslag.';
export const CASTING_VOTE_6 = 'Ordföranden Håkan Frank (M) använder sin utslagsröst för Ja.';
export const DISSENT_REASONS_4 =
  'Vi anser att individutskottet behöver sju ledamöter för att klara det ökade antalet ärenden och för att alla partier ska kunna vara representerade.';
export const CONTENT_SHA256 = '9f2c4a1be07d35c8a6f1e4b2d9c07a51e3b8f6d2c4a9e1b7f05d3c2a8e6b4f19';

/** The vote on § 4: the majority of M, SD, KD and L against S, V and C, 7–6. */
function partyVote(yesParties: string[], abstainParties: string[] = []): VoteRowView[] {
  return SUN_MEMBERS.map((member) => ({
    name: member.name,
    party: member.party,
    note: null,
    choice: abstainParties.includes(member.party) ? 'abstain' : yesParties.includes(member.party) ? 'yes' : 'no',
  }));
}

function tally(rows: VoteRowView[]): Pick<VoteView, 'yes' | 'no' | 'abstain'> {
  return {
    yes: rows.filter((row) => row.choice === 'yes').length,
    no: rows.filter((row) => row.choice === 'no').length,
    abstain: rows.filter((row) => row.choice === 'abstain').length,
  };
}

/** A paragraph approved as proposed: only its decision, nothing in the optional subsections. */
export function plainParagraph(number: number, overrides: Partial<ParagraphView> = {}): ParagraphView {
  return {
    number,
    caseNumber: null,
    title: `Ärende ${number}`,
    preparedIn: null,
    decision: [`Social- och utbildningsnämnden beslutar i ärende ${number} enligt förvaltningens förslag.`],
    motions: [],
    decisionProcedure: [],
    vote: null,
    dissents: [],
    notes: [],
    disqualifications: [],
    description: null,
    decisionBasis: [],
    distribution: [],
    approvedAtMeeting: false,
    ...overrides,
  };
}

/**
 * § 4 of the meeting: the individutskott, decided 7–6 in a recorded vote on Anna Exempelsson's counter-motion, with
 * her written reservation and Erik Testberg's without reasons.
 */
export function individutskottParagraph(overrides: Partial<ParagraphView> = {}): ParagraphView {
  const rows = partyVote(['M', 'SD', 'KD', 'L']);
  return plainParagraph(4, {
    caseNumber: 'SUN 2022/2',
    title: INDIVIDUTSKOTT_TITLE,
    preparedIn: 'Au § 2',
    decision: [
      'Social- och utbildningsnämnden beslutar att individutskottet ska bestå av 5 ledamöter och 5 ersättare.',
      'Social- och utbildningsnämnden väljer:\nLedamöter: Håkan Frank (M), Karin Låtsasson (SD), Anna Exempelsson (S), Per Testlund (M), Nils Påhittsson (V)',
      'Social- och utbildningsnämnden väljer:\nOrdförande: Håkan Frank (M)\nVice ordförande: Anna Exempelsson (S)\nAndre vice ordförande: Karin Låtsasson (SD)',
    ],
    motions: [
      'Håkan Frank (M) yrkar bifall till förvaltningens förslag.',
      'Anna Exempelsson (S) yrkar att individutskottet ska bestå av 7 ledamöter och 7 ersättare.',
    ],
    decisionProcedure: [
      'Ordföranden ställer proposition på förvaltningens förslag mot Anna Exempelssons (S) yrkande och finner att nämnden beslutar enligt förvaltningens förslag.',
      'Votering begärs och verkställs.',
    ],
    vote: {
      yesLabel: 'bifall till förvaltningens förslag',
      noLabel: 'bifall till Anna Exempelssons (S) yrkande',
      rows,
      ...tally(rows),
      castingVote: null,
      result: VOTE_RESULT_4,
    },
    dissents: [
      { name: 'Anna Exempelsson', party: 'S', reasons: DISSENT_REASONS_4 },
      { name: 'Erik Testberg', party: 'S', reasons: null },
    ],
    description: 'Beslut ska tas om antal ledamöter och ersättare i individutskottet för tiden 1 januari 2023 t o m 31 december 2026.',
    decisionBasis: ['Tjänsteskrivelse 14 december 2022', 'Arbetsutskottets protokoll 4 januari 2023, § 2'],
    distribution: ['Individutskottets ledamöter och ersättare', 'Förtroendemannaregistret'],
    ...overrides,
  });
}

/**
 * Social- och utbildningsnämndens protokoll of 11 January 2023 (the meeting the seed's kallelse calls), verified on
 * 16 January: §§ 1–7, one recorded vote decided 7–6 (§ 4), a tie decided by the chair's casting vote (§ 6), a
 * reservation with reasons, a jäv with a substitute serving (§ 5) and an omedelbart justerad paragraph (§ 3).
 */
export function sunMinutes(overrides: Partial<MinutesView> = {}): MinutesView {
  const tieRows = partyVote(['M', 'SD', 'KD'], ['C']);
  const deciding: AttendeeLine[] = SUN_MEMBERS.map((member) => ({
    ...member,
    title: null,
    note: member.name === 'Håkan Frank' ? 'ordförande' : member.name === 'Ingrid Fiktivberg' ? 'ej § 5' : null,
  }));
  deciding.push({ name: 'Ulla Fiktivlund', party: 'KD', title: null, note: 'tjänstgörande ersättare § 5' });

  return {
    kind: 'minutes',
    municipalityName: 'Ludvika kommun',
    organName: 'Social- och utbildningsnämnden',
    meetingDate: '2023-01-11',
    place: 'Sessionssalen, Stadshuset',
    startTime: '14:00',
    endTime: '16:40',
    adjournments: [{ from: '15:15', to: '15:30' }],
    deciding,
    nonServingSubstitutes: [
      { name: 'Kerstin Exempelgren', party: 'S', title: null, note: null },
      { name: 'Mikael Påhittström', party: 'SD', title: null, note: null },
      { name: 'Linnea Exempelholm', party: 'M', title: null, note: '§§ 1–4' },
    ],
    officials: [
      { name: 'Jonas Fors', party: null, title: 'Förvaltningschef', note: null },
      { name: 'Sara Utredarsson', party: null, title: 'Utredare', note: '§ 7' },
      { name: 'Rita Österholm', party: null, title: 'Nämndsekreterare', note: null },
    ],
    others: [{ name: 'Gunnar Revisorsson', party: null, title: 'Förtroendevald revisor', note: null }],
    verifiers: ['Anna Exempelsson (S)'],
    verificationPlaceAndTime: 'Social- och utbildningsförvaltningen, 16 januari 2023 kl. 10:00',
    paragraphRange: '§§ 1–7',
    signatures: { secretary: 'Rita Österholm', chair: 'Håkan Frank', verifiers: ['Anna Exempelsson'] },
    approvals: [
      { role: 'Sekreterare', name: 'Rita Österholm', approvedAt: '2023-01-16T08:58:00Z' },
      { role: 'Ordförande', name: 'Håkan Frank', approvedAt: '2023-01-16T09:12:00Z', authentication: 'Ludvika kommuns konto' },
      { role: 'Justerande', name: 'Anna Exempelsson', approvedAt: '2023-01-16T09:40:00Z', authentication: 'e-post och lösenord' },
    ],
    contentSha256: CONTENT_SHA256,
    posting: sunPosting(),
    paragraphs: [
      plainParagraph(1, {
        title: 'Val av justerande',
        decision: ['Social- och utbildningsnämnden utser Anna Exempelsson (S) att jämte ordföranden justera dagens protokoll.'],
      }),
      plainParagraph(2, { title: 'Anmälan av extra ärenden', decision: ['Inga extra ärenden anmäls.'] }),
      plainParagraph(3, {
        caseNumber: 'SUN 2022/1',
        title: ARBETSUTSKOTT_TITLE,
        decision: [
          'Social- och utbildningsnämnden beslutar att arbetsutskottet ska bestå av 5 ledamöter och 5 ersättare.',
          'Social- och utbildningsnämnden väljer:\nLedamöter (5 st)\nErsättare (5 st)',
          'Social- och utbildningsnämnden väljer:\nOrdförande\nVice ordförande',
        ],
        description: 'Beslut ska tas om antal ledamöter och ersättare i arbetsutskottet för tiden 1 januari 2023 t o m 31 december 2026.',
        decisionBasis: ['Tjänsteskrivelse 14 december 2022'],
        distribution: ['Arbetsutskottets ledamöter och ersättare', 'Förtroendemannaregistret'],
        approvedAtMeeting: true,
      }),
      individutskottParagraph(),
      plainParagraph(5, {
        caseNumber: 'SUN 2022/3',
        title: REPRESENTANTER_TITLE,
        decision: ['Social- och utbildningsnämnden väljer representanter i råd och grupper enligt bilaga.'],
        disqualifications: [{ name: 'Ingrid Fiktivberg', party: 'KD', substitute: 'Ulla Fiktivlund (KD)' }],
        decisionBasis: ['Tjänsteskrivelse 14 december 2022'],
      }),
      plainParagraph(6, {
        caseNumber: 'SUN 2022/4',
        title: NARVARORATT_TITLE,
        decision: [
          'Social- och utbildningsnämnden beslutar att förvaltningsledningen och nämndsekreterare samt föredragande handläggare, enligt överenskommelse med ordföranden, har närvarorätt vid social- och utbildningsnämndens sammanträden samt nämndens utskotts sammanträden.',
        ],
        motions: ['Håkan Frank (M) yrkar bifall till förvaltningens förslag.', 'Nils Påhittsson (V) yrkar att ärendet återremitteras.'],
        decisionProcedure: ['Ordföranden ställer proposition på om ärendet ska avgöras i dag och finner att nämnden beslutar så.', 'Votering begärs och verkställs.'],
        vote: {
          yesLabel: 'att ärendet avgörs i dag',
          noLabel: 'återremiss',
          rows: tieRows,
          ...tally(tieRows),
          castingVote: CASTING_VOTE_6,
          result: 'Nämnden har beslutat att avgöra ärendet i dag.',
        },
        notes: [{ name: 'Nils Påhittsson', party: 'V', text: 'Vänsterpartiet vill att närvarorätten följs upp efter ett år.' }],
      }),
      plainParagraph(7, {
        caseNumber: 'SUN 2022/5',
        title: MALAKTIVITETER_TITLE,
        decision: ['Social- och utbildningsnämnden noterar informationen om förvaltningens plan för målaktiviteter 2023, enligt bilaga 2 daterad den 14 december 2022.'],
        description: 'Förvaltningen informerar om sin plan för målaktiviteter 2023.\n\nPlanen bygger på kommunens övergripande verksamhetsmål.',
        decisionBasis: ['Tjänsteskrivelse 14 december 2022', 'Social- och utbildningsförvaltningens plan för målaktiviteter 2023'],
        distribution: ['Förvaltningschefen'],
      }),
    ],
    draftNotice: null,
    ...overrides,
  };
}

export function sunPosting(overrides: Partial<PostingView> = {}): PostingView {
  return {
    organName: 'Social- och utbildningsnämnden',
    meetingDate: '2023-01-11',
    paragraphs: '§§ 1–7',
    postedOn: '2023-01-17',
    takenDownOn: '2023-02-08',
    lastAppealDay: '2023-02-07',
    storagePlace: 'Social- och utbildningsförvaltningens kansli',
    signedBy: 'Rita Österholm',
    ...overrides,
  };
}

/** The protokollsutdrag of § 4, sent to the individutskott's members. */
export function sunExtract(overrides: Partial<MinutesExtractView> = {}): MinutesExtractView {
  return {
    municipalityName: 'Ludvika kommun',
    organName: 'Social- och utbildningsnämnden',
    meetingDate: '2023-01-11',
    paragraph: individutskottParagraph(),
    verification: 'Justerat 16 januari 2023 av Håkan Frank och Anna Exempelsson',
    posting: sunPosting({ paragraphs: '§ 4' }),
    certifiedBy: 'Rita Österholm',
    ...overrides,
  };
}

/** Minnesanteckningar of the Pensionärsrådet: a råd that recommends and decides nothing. */
export function radNotes(overrides: Partial<MinutesView> = {}): MinutesView {
  return sunMinutes({
    kind: 'notes',
    organName: 'Kommunala pensionärsrådet',
    place: 'Sammanträdesrum Säfsen, Stadshuset',
    startTime: '09:00',
    endTime: '11:15',
    adjournments: [],
    deciding: [
      { name: 'Håkan Frank', party: 'M', title: null, note: 'ordförande' },
      { name: 'Britt Seniorsson', party: null, title: 'PRO Ludvika', note: null },
      { name: 'Sven Äldresson', party: null, title: 'SPF Seniorerna', note: null },
    ],
    nonServingSubstitutes: [],
    officials: [{ name: 'Jonas Fors', party: null, title: 'Förvaltningschef', note: null }],
    others: [],
    verifiers: [],
    verificationPlaceAndTime: null,
    paragraphRange: '§§ 1–2',
    signatures: { secretary: 'Rita Österholm', chair: null, verifiers: [] },
    approvals: [],
    contentSha256: null,
    posting: null,
    paragraphs: [
      plainParagraph(1, {
        title: 'Trygghetsboenden i Ludvika',
        description: 'Förvaltningen informerar om kön till trygghetsboenden.',
        motions: ['PRO föreslår att kön redovisas varje kvartal.'],
        decision: ['Rådet rekommenderar att nämnden redovisar kön varje kvartal.'],
        // A råd does not vote; a vote that slipped into the view must not be printed.
        vote: individutskottParagraph().vote,
        notes: [{ name: null, party: null, text: 'Frågan tas upp igen i maj.' }],
      }),
      plainParagraph(2, { title: 'Övriga frågor', decision: [] }),
    ],
    ...overrides,
  });
}

const FIRST_NAMES = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Eva', 'Per', 'Ingrid', 'Nils', 'Birgitta', 'Mats', 'Kerstin', 'Anders', 'Elin'];
const LAST_NAMES = ['Exempelsson', 'Testberg', 'Fiktivsson', 'Påhittad', 'Låtsasson', 'Provström', 'Exempeldal', 'Testlund', 'Fiktivberg', 'Påhittsson', 'Låtsasberg'];
/** Seats of a fullmäktige of 45 by party, largest first; other sizes take the same shares. */
const PARTY_SHARES: [string, number][] = [
  ['S', 14],
  ['SD', 10],
  ['M', 7],
  ['V', 4],
  ['C', 3],
  ['KD', 3],
  ['L', 2],
  ['MP', 2],
];

export interface LargeMinutesOptions {
  paragraphs: number;
  /** How many of the paragraphs have a recorded vote of all members. */
  votes: number;
  members: number;
}

/**
 * A large verified protokoll, as of a kommunfullmäktige: `members` serving members, `paragraphs` paragraphs each with
 * three decision points, a description, Beslutsunderlag and Beslut skickas till, and `votes` of them spread evenly
 * with yrkanden, beslutsgång, a recorded vote of every member and two reservations.
 */
export function largeMinutesView(options: LargeMinutesOptions): MinutesView {
  const { paragraphs, votes, members } = options;
  if (votes > paragraphs) throw new RangeError(`${votes} voteringar i ${paragraphs} paragrafer`);
  const parties = PARTY_SHARES.flatMap(([party, seats]) => Array.from({ length: Math.max(1, Math.round((seats * members) / 45)) }, () => party));
  const people = Array.from({ length: members }, (_, index) => ({
    name: `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]}${index >= FIRST_NAMES.length * LAST_NAMES.length ? ` ${index}` : ''}`,
    party: parties[index % parties.length],
  }));
  const chair = people[0];
  const voteEvery = votes === 0 ? Infinity : paragraphs / votes;
  const votedOn = new Set(Array.from({ length: votes }, (_, index) => Math.floor(index * voteEvery)));

  const paragraph = (index: number): ParagraphView => {
    const number = index + 1;
    const base = plainParagraph(number, {
      caseNumber: `KS 2023/${100 + number}`,
      title: `Motion om förbättrad service inom verksamhetsområde ${number} och uppföljning av kommunens mål`,
      preparedIn: index % 3 === 0 ? `Ks § ${200 + number}` : null,
      decision: [
        `Kommunfullmäktige beslutar att bifalla kommunstyrelsens förslag i ärende ${number}.`,
        'Kommunfullmäktige uppdrar åt kommunstyrelsen att återkomma med en redovisning senast den 30 juni 2024.',
        'Motionen anses besvarad.',
      ],
      description: `Ärendet gäller verksamhetsområde ${number}. Kommunstyrelsen har berett ärendet och lämnat förslag till beslut.\n\nFörvaltningen har yttrat sig över motionen och bedömer att förslaget ryms inom budget.`,
      decisionBasis: ['Kommunstyrelsens protokoll', 'Tjänsteskrivelse', `Motion ${number}`],
      distribution: ['Kommunstyrelsen', 'Motionären', 'Ekonomiavdelningen'],
    });
    if (!votedOn.has(index)) return base;
    const rows: VoteRowView[] = people.map((person, row) => ({
      name: person.name,
      party: person.party,
      note: row % 11 === 5 ? 'tjänstgörande ersättare' : null,
      choice: ['S', 'V', 'MP'].includes(person.party) ? 'no' : person.party === 'C' && row % 2 === 0 ? 'abstain' : 'yes',
    }));
    const counts = tally(rows);
    const opponent = people.find((person) => person.party === 'S') ?? people[1];
    return {
      ...base,
      motions: [`${chair.name} (${chair.party}) yrkar bifall till kommunstyrelsens förslag.`, `${opponent.name} (${opponent.party}) yrkar avslag på motionen.`],
      decisionProcedure: ['Ordföranden ställer proposition på kommunstyrelsens förslag mot avslagsyrkandet och finner att fullmäktige bifaller kommunstyrelsens förslag.', 'Votering begärs.'],
      vote: {
        yesLabel: 'bifall till kommunstyrelsens förslag',
        noLabel: 'avslag på motionen',
        rows,
        ...counts,
        castingVote: counts.yes === counts.no ? `Ordföranden ${chair.name} (${chair.party}) använder sin utslagsröst för Ja.` : null,
        result: counts.yes >= counts.no ? 'Fullmäktige har bifallit kommunstyrelsens förslag.' : 'Fullmäktige har avslagit kommunstyrelsens förslag.',
      },
      dissents: [
        { name: opponent.name, party: opponent.party, reasons: 'Vi anser att motionen borde ha bifallits i sin helhet.' },
        { name: people[2].name, party: people[2].party, reasons: null },
      ],
    };
  };

  return {
    kind: 'minutes',
    municipalityName: 'Ludvika kommun',
    organName: 'Kommunfullmäktige',
    meetingDate: '2023-03-27',
    place: 'Sessionssalen, Stadshuset',
    startTime: '18:00',
    endTime: '22:40',
    adjournments: [
      { from: '19:30', to: '19:50' },
      { from: '21:00', to: '21:10' },
    ],
    deciding: people.map((person, index) => ({ ...person, title: null, note: index % 11 === 5 ? 'tjänstgörande ersättare' : null })),
    nonServingSubstitutes: people.slice(0, 8).map((person) => ({ name: `${person.name}-Ersättare`, party: person.party, title: null, note: null })),
    officials: [
      { name: 'Jonas Fors', party: null, title: 'Kommundirektör', note: null },
      { name: 'Rita Österholm', party: null, title: 'Kommunsekreterare', note: null },
    ],
    others: [],
    verifiers: [`${people[1].name} (${people[1].party})`, `${people[2].name} (${people[2].party})`],
    verificationPlaceAndTime: 'Kommunledningskontoret, 3 april 2023 kl. 13:00',
    paragraphRange: `§§ 1–${paragraphs}`,
    signatures: { secretary: 'Rita Österholm', chair: chair.name, verifiers: [people[1].name, people[2].name] },
    approvals: [
      { role: 'Sekreterare', name: 'Rita Österholm', approvedAt: '2023-04-03T10:00:00Z' },
      { role: 'Ordförande', name: chair.name, approvedAt: '2023-04-03T11:00:00Z' },
      { role: 'Justerande', name: people[1].name, approvedAt: '2023-04-03T11:05:00Z' },
      { role: 'Justerande', name: people[2].name, approvedAt: '2023-04-03T11:30:00Z' },
    ],
    contentSha256: CONTENT_SHA256,
    posting: {
      organName: 'Kommunfullmäktige',
      meetingDate: '2023-03-27',
      paragraphs: `§§ 1–${paragraphs}`,
      postedOn: '2023-04-04',
      takenDownOn: '2023-04-26',
      lastAppealDay: '2023-04-25',
      storagePlace: 'Kommunledningskontoret',
      signedBy: 'Rita Österholm',
    },
    paragraphs: Array.from({ length: paragraphs }, (_, index) => paragraph(index)),
    draftNotice: null,
  };
}
