import { Clock } from '@namndrum/core';
import { TermService } from '@namndrum/organisation';
import { DateTime } from 'luxon';
import { Tenant } from '../factories/tenant.factory';
import { TestApp } from './test-app';

/** A clock the test sets; unset, it is the real time. */
export class TestClock extends Clock {
  current: Date | null = null;

  override now(): Date {
    return this.current ? new Date(this.current) : new Date();
  }
}

export type Api = ReturnType<typeof apiAs>;

/** Bearer requests to the in-process app, or to anything else that serves the API (an API child process). */
export function apiAs(testApp: Pick<TestApp, 'http'>, token: string) {
  const bearer = `Bearer ${token}`;
  return {
    get: (path: string) => testApp.http().get(`/api/v1${path}`).set('Authorization', bearer),
    post: (path: string, body?: object) => testApp.http().post(`/api/v1${path}`).set('Authorization', bearer).send(body),
    put: (path: string, body: object) => testApp.http().put(`/api/v1${path}`).set('Authorization', bearer).send(body),
    patch: (path: string, body: object) => testApp.http().patch(`/api/v1${path}`).set('Authorization', bearer).send(body),
    delete: (path: string) => testApp.http().delete(`/api/v1${path}`).set('Authorization', bearer),
    /** A file in a multipart body, as the diarium takes them. */
    upload: (method: 'post' | 'put', path: string, file: { content: Buffer; fileName: string }, fields: Record<string, string> = {}) => {
      const request = testApp.http()[method](`/api/v1${path}`).set('Authorization', bearer);
      for (const [key, value] of Object.entries(fields)) request.field(key, value);
      return request.attach('file', file.content, file.fileName);
    },
  };
}

export interface SeatSpec {
  key: string;
  party: string;
  role: 'member' | 'substitute';
  position?: 'chair' | 'first_vice_chair' | 'none';
  substituteOrder?: number;
}

/** Ludvika SUN in small: five members and four substitutes in call-in order, each with an e-mail address. */
export const SMALL_SUN: SeatSpec[] = [
  { key: 'hakan', party: 'M', role: 'member', position: 'chair' },
  { key: 'anna', party: 'S', role: 'member', position: 'first_vice_chair' },
  { key: 'erik', party: 'S', role: 'member' },
  { key: 'maria', party: 'S', role: 'member' },
  { key: 'karin', party: 'SD', role: 'member' },
  { key: 'kerstin', party: 'S', role: 'substitute', substituteOrder: 1 },
  { key: 'anders', party: 'S', role: 'substitute', substituteOrder: 2 },
  { key: 'mikael', party: 'SD', role: 'substitute', substituteOrder: 3 },
  { key: 'linnea', party: 'M', role: 'substitute', substituteOrder: 4 },
];

export interface MeetingWorld {
  organId: string;
  people: Record<string, { personId: string; email: string }>;
  admin: Api;
  secretary: Api;
  head: Api;
  registryId: string;
  as: (token: string) => Api;
  user: (personKey: string) => Promise<Api>;
  /** A registered matter whose tjänsteskrivelse is signed by the department head. */
  signedMatter: (title: string, organId?: string, matter?: object) => Promise<{ matterId: string; caseNumber: string; reportId: string }>;
  unsignedMatter: (title: string, matter?: object) => Promise<{ matterId: string; caseNumber: string }>;
  meeting: (startsAt: string, endsAt: string, extra?: object) => Promise<string>;
}

export async function meetingWorld(testApp: TestApp, tenant: Tenant, options: { seats?: SeatSpec[]; organName?: string; organKind?: 'council' | 'committee'; domain?: string } = {}): Promise<MeetingWorld> {
  const domain = options.domain ?? `${tenant.municipalityId.slice(0, 8)}.test.example`;
  // The seats must hold on meetings a few weeks from whatever day the tests run.
  const endDate = DateTime.now().plus({ years: 4 }).toISODate()!;
  await tenant.run((ctx) => testApp.app.get(TermService).update(ctx, tenant.termId, { endDate }));
  const organId = await tenant.organ({ name: options.organName ?? 'Social- och utbildningsnämnden', responsibleDepartmentId: tenant.departmentId, ...(options.organKind ? { kind: options.organKind } : {}) });
  const people: MeetingWorld['people'] = {};
  for (const spec of options.seats ?? SMALL_SUN) {
    const email = `${spec.key}@${domain}`;
    const personId = await tenant.person({ firstName: spec.key[0].toUpperCase() + spec.key.slice(1), lastName: 'Testsson', party: spec.party, email });
    await tenant.seat({ personId, organId, role: spec.role, position: spec.position ?? 'none', party: spec.party, substituteOrder: spec.substituteOrder });
    people[spec.key] = { personId, email };
  }
  const as = (token: string) => apiAs(testApp, token);
  const secretaryPerson = await tenant.person({ kind: 'official', firstName: 'Rita', lastName: 'Österholm', title: 'Nämndsekreterare', email: `rita@${domain}`, phone: '0240-861 74', party: null });
  const headPerson = await tenant.person({ kind: 'official', firstName: 'Jonas', lastName: 'Fors', title: 'Förvaltningschef', party: null });
  const admin = as((await tenant.user([{ role: 'admin' }])).token);
  const secretary = as((await tenant.user([{ role: 'secretary', organId }], secretaryPerson)).token);
  const head = as((await tenant.user([{ role: 'department_head', departmentId: tenant.departmentId }], headPerson)).token);
  const registryId = (await admin.post('/registries', { code: `R${domain.slice(0, 6).toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`, name: 'Nämndens diarium', organId }).expect(201)).body.id;

  const unsignedMatter = async (title: string, extra: object = {}) => {
    const matter = (await secretary.post('/matters', { registryId, title, departmentId: tenant.departmentId, organId, ...extra }).expect(201)).body;
    return { matterId: matter.id as string, caseNumber: matter.caseNumber as string };
  };
  return {
    organId,
    people,
    admin,
    secretary,
    head,
    registryId,
    as,
    user: async (key) => as((await tenant.user([], people[key].personId)).token),
    unsignedMatter,
    signedMatter: async (title, reportOrganId = organId, extra = {}) => {
      const { matterId, caseNumber } = await unsignedMatter(title, extra);
      const draft = (
        await head
          .post(`/matters/${matterId}/officer-reports`, {
            organId: reportOrganId,
            title,
            proposedDecision: [`Nämnden beslutar enligt förvaltningens förslag i ärendet ${title}.`],
            description: `Beskrivning av ärendet ${title}.`,
            decisionRecipients: ['Akten'],
          })
          .expect(201)
      ).body;
      await head.post(`/officer-reports/${draft.id}/submission`).expect(201);
      await head.post(`/officer-reports/${draft.id}/approval`).expect(201);
      return { matterId, caseNumber, reportId: draft.id as string };
    },
    meeting: async (startsAt, endsAt, extra = {}) => (await secretary.post('/meetings', { organId, startsAt, endsAt, place: 'Sessionssalen, Stadshuset', ...extra }).expect(201)).body.id,
  };
}

/** An ISO time with offset, `days` from now at the given Stockholm clock time. */
export function stockholmDaysFromNow(days: number, time = '14:00'): string {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.now().setZone('Europe/Stockholm').plus({ days }).set({ hour, minute, second: 0, millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
}

/**
 * `count` officials with the right to attend the organ's meetings (so every notice goes to them too), at
 * mottagare<n>@<domain>: enough recipients for a fan-out that a kill or a restart can land in the middle of.
 */
export async function addAttendees(testApp: TestApp, tenant: Tenant, organId: string, count: number, domain: string): Promise<string[]> {
  await testApp.dataSource.query(
    `WITH people AS (
       INSERT INTO persons (municipality_id, kind, first_name, last_name, email)
       SELECT $1, 'official', 'Mottagare', 'Nummer ' || n, 'mottagare' || n || '@' || $4 FROM generate_series(1, $3::int) AS n
       RETURNING id
     )
     INSERT INTO attendance_rights (municipality_id, organ_id, person_id, can_speak, valid_from) SELECT $1, $2, id, false, '2020-01-01' FROM people`,
    [tenant.municipalityId, organId, count, domain],
  );
  return Array.from({ length: count }, (_, index) => `mottagare${index + 1}@${domain}`);
}
