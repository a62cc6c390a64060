/**
 * The public addresses of Nämndrum: the pages, feeds, files and the OParl API a citizen, journalist or
 * open-data client reads without signing in. Every link between them is built here, so a page, a feed
 * and an OParl object name the same resource by the same address. Paths only; `absoluteUrl` adds the
 * configured PUBLIC_BASE_URL where a client needs a whole URL (OParl ids, feeds, calendars).
 */
export const publicPaths = {
  /** The municipality's public start page: its organs, coming meetings, links to everything below. */
  municipality: (code: string) => `/kommun/${code}`,
  organ: (code: string, organId: string) => `/kommun/${code}/organ/${organId}`,
  /** The organ's page in Finnish, for organs that use Finnish (förvaltningsområde). */
  organFinnish: (code: string, organId: string) => `/kommun/${code}/organ/${organId}/fi`,
  /** The meeting calendar of the municipality, one year at a time. */
  calendar: (code: string, year?: number) => `/kommun/${code}/sammantraden${year === undefined ? '' : `?ar=${year}`}`,
  /** The meeting page the notice e-mail links to. */
  meeting: (meetingId: string) => `/sammantraden/${meetingId}`,
  /** The meeting's published kallelse as PDF (secret items masked). */
  meetingNoticePdf: (meetingId: string) => `/sammantraden/${meetingId}/kallelse.pdf`,
  /** One published document of the meeting's kallelse med handlingar (a part of the bundle PDF), as PDF. */
  meetingFile: (meetingId: string, fileId: string) => `/sammantraden/${meetingId}/handlingar/${fileId}`,
  /** A matter's public decisions across meetings. */
  matter: (code: string, matterId: string) => `/kommun/${code}/arenden/${matterId}`,
  /** Search over published decisions. */
  search: (code: string) => `/kommun/${code}/sok`,
  /** Tillgänglighetsredogörelse (DOS-lagen). */
  accessibility: (code: string) => `/kommun/${code}/tillganglighet`,
  noticeBoard: (code: string) => `/anslagstavla/${code}`,
  noticeBoardArchive: (code: string) => `/anslagstavla/${code}/arkiv`,
  noticeBoardFeed: (code: string, format: FeedFormat) => `/anslagstavla/${code}/flode.${format}`,
  /** The published minutes of a posting, as the notice board offers them. */
  postingMinutesPdf: (code: string, postingId: string) => `/anslagstavla/${code}/anslag/${postingId}/protokoll.pdf`,
  organFeed: (code: string, organId: string, format: FeedFormat) => `/kommun/${code}/organ/${organId}/flode.${format}`,
  organCalendar: (code: string, organId: string) => `/kommun/${code}/organ/${organId}/kalender.ics`,
  /** A published document (handling) of a matter, downloaded as stored. */
  document: (documentId: string) => `/handlingar/${documentId}`,
  oparlSystem: () => '/oparl/v1',
  /** An OParl object or list under the system: `oparl('body', '2085', 'meeting', id)` → /oparl/v1/body/2085/meeting/{id}. */
  oparl: (...segments: string[]) => `/oparl/v1${segments.map((segment) => `/${encodeURIComponent(segment)}`).join('')}`,
} as const;

export type FeedFormat = 'atom' | 'rss';

/** A whole URL for a public path, under the address the municipality's users reach Nämndrum at. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/**
 * The public paths outside the versioned API's /api prefix, for `setGlobalPrefix`'s exclusions. The public
 * controllers use `version: VERSION_NEUTRAL` and these first path segments.
 */
export const PUBLIC_PATH_ROOTS = ['kommun', 'sammantraden', 'anslagstavla', 'handlingar', 'oparl'] as const;
