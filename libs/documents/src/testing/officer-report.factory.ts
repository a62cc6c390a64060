import { OfficerReportView } from '../view-models';

export const ARBETSUTSKOTT_TITLE =
  'Bildande av arbetsutskott för social- och utbildningsnämnden för tiden 2023-01-01–2026-12-31. Val av antal ledamöter och ersättare. Val av ordförande och vice ordförande';

/**
 * The tjänsteskrivelse "Bildande av arbetsutskott …" from Social- och utbildningsnämndens kallelse 2023-01-11
 * (../shared/seeds/ludvika-sun-kallelse-2023-01-11.txt), signed by the förvaltningschef; a spec overrides what it tests.
 */
export function officerReport(overrides: Partial<OfficerReportView> = {}): OfficerReportView {
  return {
    municipalityName: 'Ludvika kommun',
    departmentName: 'Social- och utbildningsförvaltningen',
    date: '2022-12-14',
    caseNumber: 'SUN 2022/00512',
    caseOfficer: { name: 'Jonas Fors', title: 'Förvaltningschef', phone: '0240-861 73', email: 'jonas.fors@ludvika.se' },
    organName: 'Social- och utbildningsnämnden',
    title: ARBETSUTSKOTT_TITLE,
    proposedDecision: [
      'Social- och utbildningsnämnden beslutar att arbetsutskottet ska bestå av 5 ledamöter och 5 ersättare.',
      'Social- och utbildningsnämnden väljer:\nLedamöter (5 st)\nErsättare (5 st)',
      'Social- och utbildningsnämnden väljer:\nOrdförande\nVice ordförande',
    ],
    summary: null,
    description: [
      'Enligt det allmänna reglementet för Ludvika kommun får nämnderna inrätta utskott. Utskottet bör inte vara större än hälften av nämndens ordinarie ledamöter.',
      'Beslut ska tas om antal ledamöter och ersättare i arbetsutskottet för tiden 1 januari 2023 t o m 31 december 2026.',
      'Förvaltningen föreslår att val av 5 ledamöter och 5 ersättare görs. Dessutom skall ordförande och vice ordförande i arbetsutskottet väljas.',
    ].join('\n\n'),
    financialConsequences: 'Förvaltningens förslag till beslut medför inte några kostnader.',
    sections: [],
    attachments: [],
    decisionRecipients: ['Ledamöter och ersättare i nämnden', 'Förvaltningsledning', 'Nämndsekreterare', 'Förtroendemannaregistret'],
    signature: { name: 'Jonas Fors', title: 'Förvaltningschef', signedAt: '2022-12-14T15:42:00+01:00' },
    draftNotice: null,
    ...overrides,
  };
}
