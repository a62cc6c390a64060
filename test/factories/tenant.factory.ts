import { randomInt } from 'node:crypto';
import { Municipality, RequestContext } from '@namndrum/core';
import { AssignableRole, UserService } from '@namndrum/identity';
import {
  CreateMembershipDto,
  CreateOrganDto,
  CreatePersonDto,
  DepartmentService,
  MembershipService,
  MunicipalityService,
  OrganService,
  PersonService,
  TermService,
} from '@namndrum/organisation';
import { TestApp } from '../support/test-app';

export const TEST_PASSWORD = 'test-password-123';

export interface Tenant {
  municipalityId: string;
  termId: string;
  departmentId: string;
  /** Runs fn in one committed transaction as the system, inside this municipality. */
  run<T>(fn: (ctx: RequestContext) => Promise<T>): Promise<T>;
  organ(overrides?: Partial<CreateOrganDto>): Promise<string>;
  person(overrides?: Partial<CreatePersonDto>): Promise<string>;
  seat(dto: Omit<CreateMembershipDto, 'termId'> & { termId?: string }): Promise<string>;
  /** A user with the given grants; returns a signed-in bearer token and the ids. */
  user(grants?: { role: AssignableRole; organId?: string; departmentId?: string }[], personId?: string | null): Promise<{ token: string; userId: string; email: string }>;
}

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence += 1)}${randomInt(1000)}`;

/** A fresh municipality of its own, so each test file sees only its own data. */
export async function createTenant(testApp: TestApp, name = 'Testkommun'): Promise<Tenant> {
  const { app, dataSource } = testApp;
  const run = <T>(municipalityId: string | null, fn: (ctx: RequestContext) => Promise<T>) =>
    dataSource.transaction((em) => fn(RequestContext.system(em, municipalityId, 'test-factory')));

  const municipality = await run(null, async (ctx) => {
    for (;;) {
      const code = String(randomInt(9000, 10000));
      if (!(await ctx.em.getRepository(Municipality).existsBy({ code }))) {
        return app.get(MunicipalityService).create(ctx, { name: `${name} ${code}`, code });
      }
    }
  });
  const inTenant = <T>(fn: (ctx: RequestContext) => Promise<T>) => run(municipality.id, fn);
  const term = await inTenant((ctx) => app.get(TermService).create(ctx, { name: 'Mandatperiod 2023–2026', startDate: '2023-01-01', endDate: '2026-12-31' }));
  const department = await inTenant((ctx) => app.get(DepartmentService).create(ctx, { name: 'Socialförvaltningen', shortCode: 'SOC', kind: 'administration' }));

  const tenant: Tenant = {
    municipalityId: municipality.id,
    termId: term.id,
    departmentId: department.id,
    run: inTenant,
    organ: async (overrides = {}) =>
      (await inTenant((ctx) => app.get(OrganService).create(ctx, { name: 'Socialnämnden', shortName: `SN${unique()}`.toUpperCase().slice(0, 16), kind: 'committee', ...overrides }))).id,
    person: async (overrides = {}) =>
      (await inTenant((ctx) => app.get(PersonService).create(ctx, { kind: 'elected', firstName: 'Test', lastName: `Person${unique()}`, party: 'S', ...overrides }))).id,
    seat: async (dto) => (await inTenant((ctx) => app.get(MembershipService).create(ctx, { termId: term.id, ...dto }))).id,
    user: async (grants = [], personId = null) => {
      const email = `user${unique()}@test.example`;
      const user = await inTenant((ctx) =>
        app.get(UserService).create(ctx, { email, password: TEST_PASSWORD, personId, grants: grants.map((grant) => ({ organId: null, departmentId: null, ...grant })) }),
      );
      const response = await testApp.http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
      return { token: response.body.accessToken as string, userId: user.id, email };
    },
  };
  return tenant;
}
