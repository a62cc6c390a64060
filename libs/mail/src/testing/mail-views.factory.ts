import type { NoticeMailView, SubstituteCallMailView } from '../mail-views';

export const MEETING_ID = '6f1c2d3e-5a4b-4c3d-8e2f-1a2b3c4d5e6f';

/**
 * Social- och utbildningsnämndens sammanträde 11 januari 2023 in Ludvika
 * (../shared/seeds/ludvika-sun-kallelse-2023-01-11.txt); a spec overrides what it tests.
 */
export function noticeView(overrides: Partial<NoticeMailView> = {}): NoticeMailView {
  return {
    municipalityName: 'Ludvika kommun',
    organName: 'Social- och utbildningsnämnden',
    meetingId: MEETING_ID,
    startsAt: '2023-01-11T13:00:00Z',
    endsAt: '2023-01-11T16:00:00Z',
    place: 'Sessionssalen, Stadshuset',
    groupMeetingLines: ['13:00–14:00 (KD/M/S i sessionssalen, C/L/MP/V i smtr-rum "Säfsen", SD i smtr-rum "Grangärde")'],
    meetingUrl: `https://namndrum.ludvika.se/sammantraden/${MEETING_ID}`,
    languages: ['sv'],
    secretary: { name: 'Rita Österholm', email: 'rita.osterholm@ludvika.se', phone: '0240-861 74' },
    calendarSequence: 0,
    mailDomain: 'namndrum.ludvika.se',
    organizer: { name: 'Social- och utbildningsnämnden', email: 'namndrum@ludvika.se' },
    kind: 'notice',
    items: [
      { number: 1, title: 'Val av justerande', caseNumber: null, documentsLater: false, closed: false },
      { number: 2, title: 'Anmälan av extra ärenden', caseNumber: null, documentsLater: false, closed: false },
      {
        number: 3,
        title: 'Bildande av arbetsutskott för SUN för tiden 2023-01-01–2026-12-31',
        caseNumber: 'SUN 2022/00512',
        documentsLater: false,
        closed: false,
      },
      { number: 4, title: 'Information om förvaltningens plan för målaktiviteter 2023', caseNumber: 'SUN 2022/00530', documentsLater: true, closed: false },
      { number: 5, title: 'Ansökan om bistånd', caseNumber: 'SUN 2022/00601', documentsLater: false, closed: true },
    ],
    changes: [],
    documentUrl: null,
    documentFileName: 'Kallelse SUN 2023-01-11.docx',
    cancellationReason: null,
    ...overrides,
  };
}

export function substituteView(overrides: Partial<SubstituteCallMailView> = {}): SubstituteCallMailView {
  const { kind: _kind, items: _items, changes: _changes, documentUrl: _url, documentFileName: _file, cancellationReason: _reason, ...meeting } = noticeView();
  return { ...meeting, kind: 'called', substituteName: 'Sara Lind', replacesName: 'Håkan Frank', ...overrides };
}
