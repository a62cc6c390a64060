/**
 * The Swedish and Finnish names of what the system sends and publishes, in one place, so that a kind of document has one
 * Finnish name in the DOCX, in its e-mail and on the public pages (lag 2009:724 om nationella minoriteter och
 * minoritetsspråk: an organ in the Finnish administrative area gives its notices and minutes in Finnish as well).
 * The Finnish follows the usage of Finnish municipal administration ("Kokouskutsu", "Pöytäkirja", "Pöytäkirjanote").
 */

/** The languages an organ's rules may list; Swedish always comes first. */
export type DocumentLanguage = 'sv' | 'fi';

export interface Term {
  sv: string;
  fi: string;
}

/** What a reader receives or finds posted: one term per kind, used by every renderer, e-mail and page. */
export const DOCUMENT_KIND_TERMS = {
  notice: { sv: 'Kallelse', fi: 'Kokouskutsu' },
  revised: { sv: 'Reviderad kallelse', fi: 'Muutettu kokouskutsu' },
  supplementary: { sv: 'Tilläggskallelse', fi: 'Täydentävä kokouskutsu' },
  cancellation: { sv: 'Inställt sammanträde', fi: 'Kokous peruttu' },
  meeting: { sv: 'Sammanträde', fi: 'Kokous' },
  minutes: { sv: 'Protokoll', fi: 'Pöytäkirja' },
  meetingMinutes: { sv: 'Sammanträdesprotokoll', fi: 'Kokouspöytäkirja' },
  notes: { sv: 'Minnesanteckningar', fi: 'Muistio' },
  extract: { sv: 'Protokollsutdrag', fi: 'Pöytäkirjanote' },
  announcement: { sv: 'Kungörelse', fi: 'Kuulutus' },
  noticeBoard: { sv: 'Anslagstavla', fi: 'Ilmoitustaulu' },
} as const satisfies Record<string, Term>;

/** The labels and headings the documents and pages share; each has one Finnish wording wherever it is printed. */
export const LABEL_TERMS = {
  time: { sv: 'Tid', fi: 'Aika' },
  place: { sv: 'Plats', fi: 'Paikka' },
  placeAndTime: { sv: 'Plats och tid', fi: 'Paikka ja aika' },
  groupMeeting: { sv: 'Gruppmöte', fi: 'Ryhmäkokous' },
  organ: { sv: 'Organ', fi: 'Toimielin' },
  meetingDate: { sv: 'Sammanträdesdatum', fi: 'Kokouspäivä' },
  date: { sv: 'Datum', fi: 'Päivämäärä' },
  number: { sv: 'Nr', fi: 'Nro' },
  matter: { sv: 'Ärende', fi: 'Asia' },
  matters: { sv: 'Ärenden', fi: 'Asiat' },
  matterList: { sv: 'Ärendelista', fi: 'Asialuettelo' },
  caseNumber: { sv: 'Dnr', fi: 'Dnro' },
  page: { sv: 'Sida', fi: 'Sivu' },
  closed: { sv: 'Ej offentligt', fi: 'Ei julkinen' },
  documentsLater: { sv: 'Handlingar delges senare', fi: 'Asiakirjat toimitetaan myöhemmin' },
  changes: { sv: 'Ändringar', fi: 'Muutokset' },
  chair: { sv: 'Ordförande', fi: 'Puheenjohtaja' },
  secretary: { sv: 'Sekreterare', fi: 'Sihteeri' },
  verifier: { sv: 'Justerande', fi: 'Pöytäkirjantarkastaja' },
  attachment: { sv: 'Bilaga', fi: 'Liite' },
  separateFile: { sv: 'Handlingen finns som separat fil', fi: 'Asiakirja on erillisenä tiedostona' },
  paragraphs: { sv: 'Paragrafer', fi: 'Pykälät' },
  verification: { sv: 'Justering', fi: 'Tarkastus' },
  verifiedAtMeeting: { sv: 'Omedelbart justerad', fi: 'Tarkastettu heti kokouksessa' },
  verifiedElectronically: { sv: 'Elektroniskt justerat', fi: 'Tarkastettu sähköisesti' },
  checksum: { sv: 'Kontrollsumma (SHA-256)', fi: 'Tarkistussumma (SHA-256)' },
  appointedVerifiers: { sv: 'Utses att justera', fi: 'Pöytäkirjantarkastajat' },
  verificationPlaceAndTime: { sv: 'Justeringens plats och tid', fi: 'Pöytäkirjan tarkastuksen paikka ja aika' },
  signatures: { sv: 'Underskrifter', fi: 'Allekirjoitukset' },
  signature: { sv: 'Underskrift', fi: 'Allekirjoitus' },
  deciding: { sv: 'Beslutande', fi: 'Päätöksentekijät' },
  present: { sv: 'Närvarande', fi: 'Läsnä' },
  othersPresent: { sv: 'Övriga närvarande', fi: 'Muut läsnäolijat' },
  nonServingSubstitutes: { sv: 'Ej tjänstgörande ersättare', fi: 'Varajäsenet, jotka eivät osallistuneet päätöksentekoon' },
  officials: { sv: 'Tjänstemän', fi: 'Viranhaltijat' },
  others: { sv: 'Övriga', fi: 'Muut' },
  attendanceList: { sv: 'Närvarolista', fi: 'Läsnäololista' },
  postingProof: { sv: 'ANSLAG/BEVIS', fi: 'ILMOITUS/TODISTUS' },
  postingProofText: {
    sv: 'Protokollet är justerat. Justeringen har tillkännagivits genom anslag.',
    fi: 'Pöytäkirja on tarkastettu. Tarkastuksesta on ilmoitettu ilmoitustaululla.',
  },
  postedOn: { sv: 'Datum då anslaget sätts upp', fi: 'Ilmoitus asetettu nähtäville' },
  takenDownOn: { sv: 'Datum då anslaget tas ned', fi: 'Ilmoitus poistetaan nähtäviltä' },
  lastAppealDay: { sv: 'Sista dag för överklagande', fi: 'Valitusajan viimeinen päivä' },
  appealUntil: { sv: 'Sista dag att överklaga', fi: 'Valitusajan viimeinen päivä' },
  storagePlace: { sv: 'Förvaringsplats för protokollet', fi: 'Pöytäkirjan säilytyspaikka' },
  personalData: { sv: 'Personuppgifter', fi: 'Henkilötiedot' },
  personalDataNotice: {
    sv: 'Protokollet innehåller personuppgifter. Paragrafer med personuppgifter publiceras inte.',
    fi: 'Pöytäkirja sisältää henkilötietoja. Henkilötietoja sisältäviä pykäliä ei julkaista.',
  },
  decision: { sv: 'Beslut', fi: 'Päätös' },
  motions: { sv: 'Yrkanden', fi: 'Ehdotukset' },
  decisionProcedure: { sv: 'Beslutsgång', fi: 'Käsittelyn kulku' },
  vote: { sv: 'Omröstning', fi: 'Äänestys' },
  member: { sv: 'Ledamot', fi: 'Jäsen' },
  yes: { sv: 'Ja', fi: 'Jaa' },
  no: { sv: 'Nej', fi: 'Ei' },
  abstain: { sv: 'Avstår', fi: 'Tyhjä' },
  total: { sv: 'Summa', fi: 'Yhteensä' },
  dissent: { sv: 'Reservation', fi: 'Eriävä mielipide' },
  minutesNote: { sv: 'Protokollsanteckning', fi: 'Pöytäkirjamerkintä' },
  disqualification: { sv: 'Jäv', fi: 'Esteellisyys' },
  description: { sv: 'Beskrivning av ärendet', fi: 'Asian kuvaus' },
  decisionBasis: { sv: 'Beslutsunderlag', fi: 'Päätösaineisto' },
  distribution: { sv: 'Beslut skickas till', fi: 'Päätös lähetetään' },
  // The heading of a protokollsutdrag: its Swedish wording as Ludvika prints it, the kind's one Finnish name.
  extractHeading: { sv: 'Utdrag ur protokoll', fi: DOCUMENT_KIND_TERMS.extract.fi },
  extractCertification: { sv: 'Utdragsbestyrkande', fi: 'Otteen oikeaksi todistaminen' },
  extractAgrees: { sv: 'Utdraget överensstämmer med originalet.', fi: 'Ote vastaa alkuperäistä pöytäkirjaa.' },
  point: { sv: 'Punkt', fi: 'Kohta' },
  notesDescription: { sv: 'Beskrivning', fi: 'Kuvaus' },
  proposals: { sv: 'Förslag', fi: 'Ehdotukset' },
  recommendation: { sv: 'Gruppens rekommendation', fi: 'Ryhmän suositus' },
  remarks: { sv: 'Noteringar', fi: 'Merkinnät' },
  basis: { sv: 'Underlag', fi: 'Aineisto' },
  noteTaker: { sv: 'Vid anteckningarna', fi: 'Muistion laati' },
  verifiedMinutes: { sv: 'Protokollet justerat', fi: 'Pöytäkirja tarkastettu' },
  postingUp: { sv: 'Anslaget sattes upp', fi: 'Ilmoitus asetettu nähtäville' },
  postingDown: { sv: 'Anslaget tas ned', fi: 'Ilmoitus poistetaan nähtäviltä' },
  documentsKept: { sv: 'Handlingarna finns', fi: 'Asiakirjat ovat nähtävillä' },
  meetingCancelled: { sv: 'Sammanträdet är inställt.', fi: 'Kokous on peruttu.' },
  cancellationReason: { sv: 'Skäl', fi: 'Syy' },
  // "Ersättare för kännedom": a notice sent to someone who is not called to the meeting.
  forInformation: { sv: 'för kännedom', fi: 'tiedoksi' },
  // Anmälan av delegationsbeslut (KL 6 kap. 39–40 §, 7 kap. 8 §): the headings and the table of the decisions reported.
  delegatedDecisions: { sv: 'Delegationsbeslut', fi: 'Viranhaltijapäätökset' },
  reportedDelegatedDecisions: { sv: 'Anmälda delegationsbeslut', fi: 'Ilmoitetut viranhaltijapäätökset' },
  urgentChairDecisions: { sv: 'Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §)', fi: 'Puheenjohtajan päätökset kiireellisissä asioissa' },
  delegate: { sv: 'Delegat', fi: 'Päätöksentekijä' },
  secretMatterDecision: { sv: 'Beslut i sekretessärende', fi: 'Päätös salassa pidettävässä asiassa' },
  noDelegatedDecisions: {
    sv: 'Inga delegationsbeslut eller ordförandebeslut har anmälts sedan föregående sammanträde.',
    fi: 'Edellisen kokouksen jälkeen ei ole ilmoitettu viranhaltijapäätöksiä eikä puheenjohtajan päätöksiä.',
  },
} as const satisfies Record<string, Term>;

/** Whether an organ's languages ask for Finnish beside the Swedish. */
export function withFinnish(languages: readonly DocumentLanguage[] | undefined): boolean {
  return languages?.includes('fi') ?? false;
}

/** "Kallelse / Kokouskutsu" for an organ with Finnish, "Kallelse" for the others: Swedish first, as the notice has it. */
export function bilingual(term: Term, finnish: boolean): string {
  return finnish ? `${term.sv} / ${term.fi}` : term.sv;
}

/** The kinds and the labels by their keys, which do not overlap (terms.spec.ts). */
export const TERMS = { ...DOCUMENT_KIND_TERMS, ...LABEL_TERMS } as const;

export type TermKey = keyof typeof TERMS;

/** A label printer for one document: every label in Swedish, and in Finnish as well where the organ uses Finnish. */
export function labeller(finnish: boolean): (key: TermKey) => string {
  return (key) => bilingual(TERMS[key], finnish);
}
