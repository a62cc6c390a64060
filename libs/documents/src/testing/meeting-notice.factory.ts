import { MeetingNoticeItemView, MeetingNoticeView, OfficerReportView } from '../view-models';
import { ARBETSUTSKOTT_TITLE, officerReport } from './officer-report.factory';

export const INDIVIDUTSKOTT_TITLE =
  'Bildande av individutskott för social- och utbildningsnämnden för tiden 2023-01-01–2026-12-31. Val av antal ledamöter och ersättare. Val av ordförande, vice ordförande och andre vice ordförande';
export const REPRESENTANTER_TITLE = 'Val av representanter i råd och grupper m m för tiden 2023–2026';
export const NARVARORATT_TITLE = 'Närvarorätt vid social- och utbildningsnämndens och utskottens sammanträden';
export const MALAKTIVITETER_TITLE = 'Information om förvaltningens plan för målaktiviteter 2023';

export const GROUP_MEETING_LINE = '13:00–14:00 (KD/M/S i sessionssalen, C/L/MP/V i smtr-rum "Säfsen", SD i smtr-rum "Grangärde")';

function reportItem(number: number, caseNumber: string, report: Partial<OfficerReportView>): MeetingNoticeItemView {
  const view = officerReport({ caseNumber, ...report });
  return { number, title: view.title, caseNumber, documentsLater: false, closed: false, documents: [{ kind: 'officer_report', report: view }] };
}

/**
 * Social- och utbildningsnämndens kallelse to the meeting of 11 January 2023
 * (../shared/seeds/ludvika-sun-kallelse-2023-01-11.txt): items 1 and 2 without case number or documents,
 * items 3–7 each with its tjänsteskrivelse. Items 3 and 4 have three numbered decision points each.
 */
export function sunNotice(overrides: Partial<MeetingNoticeView> = {}): MeetingNoticeView {
  return {
    kind: 'notice',
    municipalityName: 'Ludvika kommun',
    organName: 'Social- och utbildningsnämnden',
    languages: ['sv'],
    addressees: ['Social- och utbildningsnämndens ledamöter', 'Ersättare för kännedom'],
    startsAt: '2023-01-11T13:00:00Z',
    endsAt: null,
    groupMeetingLines: [GROUP_MEETING_LINE],
    place: 'Sessionssalen, Stadshuset',
    changes: [],
    items: [
      { number: 1, title: 'Val av justerande', caseNumber: null, documentsLater: false, closed: false, documents: [] },
      { number: 2, title: 'Anmälan av extra ärenden', caseNumber: null, documentsLater: false, closed: false, documents: [] },
      reportItem(3, 'SUN 2022/1', { title: ARBETSUTSKOTT_TITLE }),
      reportItem(4, 'SUN 2022/2', {
        title: INDIVIDUTSKOTT_TITLE,
        proposedDecision: [
          'Social- och utbildningsnämnden beslutar att individutskottet ska bestå av 5 ledamöter och 5 ersättare.',
          'Social- och utbildningsnämnden väljer:\nLedamöter (5 st)\nErsättare (5 st)',
          'Social- och utbildningsnämnden väljer:\nOrdförande\nVice ordförande\nAndre vice ordförande',
        ],
        description: 'Beslut ska tas om antal ledamöter och ersättare i individutskottet för tiden 1 januari 2023 t o m 31 december 2026.',
      }),
      reportItem(5, 'SUN 2022/3', {
        title: REPRESENTANTER_TITLE,
        proposedDecision: [],
        description: 'Social- och utbildningsnämnden ska för tiden 1 januari 2023 t o m 31 december 2026 välja ledamöter och ersättare i följande råd och grupper.',
      }),
      reportItem(6, 'SUN 2022/4', {
        title: NARVARORATT_TITLE,
        proposedDecision: [
          'Social- och utbildningsnämnden beslutar att förvaltningsledningen och nämndsekreterare samt föredragande handläggare, enligt överenskommelse med ordföranden, har närvarorätt vid social- och utbildningsnämndens sammanträden samt nämndens utskotts sammanträden.',
        ],
        description: 'Enligt det allmänna reglementet för Ludvika kommun ska samtliga nämnder och styrelser fatta beslut om närvarorätt för de tjänstemän som ska delta på sammanträdet.',
      }),
      reportItem(7, 'SUN 2022/5', {
        title: MALAKTIVITETER_TITLE,
        proposedDecision: [
          'Social- och utbildningsnämnden noterar informationen om förvaltningens plan för målaktiviteter 2023, enligt bilaga 2 daterad den 14 december 2022.',
        ],
        summary: 'Förvaltningen informerar om sin plan för målaktiviteter 2023, enligt bilaga 2 daterad den 14 december 2022.',
        description: 'Vi finns till för Ludvikabon.',
        attachments: [
          'Övergripande verksamhetsmål och resultatmått med målvärden för perioden 2021–2025',
          'Social- och utbildningsförvaltningens plan för målaktiviteter 2023',
          'Koncernens samtliga målaktiviteter 2023',
        ],
      }),
    ],
    chair: { name: 'Håkan Frank' },
    secretary: { name: 'Rita Österholm', title: null, phone: '0240-861 74', email: 'rita.osterholm@ludvika.se' },
    ...overrides,
  };
}
