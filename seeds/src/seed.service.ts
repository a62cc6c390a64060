import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Municipality, RequestContext } from '@namndrum/core';
import { hashPassword, IdentityProvider, SecretBox, User, UserRoleGrant, UserService } from '@namndrum/identity';
import { randomUUID } from 'node:crypto';
import {
  AttendanceRight,
  AttendanceRightService,
  Department,
  DepartmentService,
  Membership,
  MembershipService,
  MunicipalityService,
  Organ,
  OrganService,
  Person,
  PersonService,
  Term,
  TermService,
} from '@namndrum/organisation';
import { MattersSeedService } from './matters-seed.service';
import { GoalsSeedService } from './goals-seed.service';
import { MeetingsSeedService } from './meetings-seed.service';
import { SEED_DATA_DIR } from './seed-paths';
import { assertSafeEmails, SeedData } from './seed-data';

const DEMO_PROVIDER_KEY = 'ludvika';

export interface SeedResult {
  municipalityId: string;
  created: Record<string, number>;
}

/**
 * Loads a municipality's seed data through the domain services, so seed data obeys the same rules as
 * data entered by users. Safe to run again: rows are matched by natural keys and only what is
 * missing is created; nothing existing is changed.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalityService,
    private readonly departments: DepartmentService,
    private readonly terms: TermService,
    private readonly organs: OrganService,
    private readonly persons: PersonService,
    private readonly memberships: MembershipService,
    private readonly attendanceRights: AttendanceRightService,
    private readonly users: UserService,
    private readonly mattersSeed: MattersSeedService,
    private readonly meetingsSeed: MeetingsSeedService,
    private readonly goalsSeed: GoalsSeedService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Registers the demo's Keycloak as Ludvika's identity provider, linked to the seeded users by their
   * e-mail addresses and with their roles as seeded. Not checked against the provider here: the
   * provider need not be up while the seed runs. Once registered it is left as the admin keeps it.
   */
  async registerDemoIdentityProvider(municipalityId: string, demo: DemoIdentityProvider): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const providers = em.getRepository(IdentityProvider);
      if (await providers.existsBy({ key: DEMO_PROVIDER_KEY })) return false;
      const id = randomUUID();
      await providers.insert({
        id,
        municipalityId,
        key: DEMO_PROVIDER_KEY,
        displayName: 'Ludvika kommuns konto',
        protocol: 'oidc',
        enabled: true,
        settings: { issuer: demo.issuer, clientId: demo.clientId, scopes: ['openid', 'profile', 'email'] },
        secretsEncrypted: SecretBox.fromConfig(this.config).seal(JSON.stringify({ clientSecret: demo.clientSecret }), `identity-provider:${id}`),
        subjectClaim: 'sub',
        emailClaim: 'email',
        createUsers: false,
        linkByEmail: true,
        roleSource: 'namndrum',
        groupsClaim: null,
        roleMappings: [],
      });
      return true;
    });
  }

  async load(data: SeedData, password: string): Promise<SeedResult> {
    assertSafeEmails(data);
    return this.dataSource.transaction((em) => this.loadIn(em, data, password));
  }

  private async loadIn(em: EntityManager, data: SeedData, password: string): Promise<SeedResult> {
    const created: Record<string, number> = {};
    const count = (what: string) => (created[what] = (created[what] ?? 0) + 1);

    let municipality = await em.getRepository(Municipality).findOneBy({ code: data.municipality.code });
    if (!municipality) {
      municipality = await this.municipalities.create(RequestContext.system(em, null), data.municipality);
      count('municipalities');
    }
    const ctx = RequestContext.system(em, municipality.id, 'seed');
    const mine = { municipalityId: municipality.id };

    const departmentIds = new Map<string, string>();
    for (const department of data.departments) {
      const existing = await em.getRepository(Department).findOneBy({ ...mine, shortCode: department.shortCode });
      departmentIds.set(department.shortCode, existing?.id ?? (await this.departments.create(ctx, department)).id);
      if (!existing) count('departments');
    }

    let term = await em.getRepository(Term).findOneBy({ ...mine, startDate: data.term.startDate });
    if (!term) {
      term = await this.terms.create(ctx, data.term);
      count('terms');
    }

    const organIds = new Map<string, string>();
    const pending = [...data.organs];
    while (pending.length > 0) {
      const index = pending.findIndex((organ) => organ.parent === null || organIds.has(organ.parent));
      if (index < 0) {
        throw new Error(`Seed organs refer to unknown parents: ${pending.map((organ) => `${organ.shortName} → ${organ.parent}`).join(', ')}`);
      }
      const [organ] = pending.splice(index, 1);
      const existing = await em.getRepository(Organ).findOneBy({ ...mine, shortName: organ.shortName });
      const id =
        existing?.id ??
        (
          await this.organs.create(ctx, {
            name: organ.name,
            shortName: organ.shortName,
            kind: organ.kind,
            parentOrganId: organ.parent ? organIds.get(organ.parent)! : null,
            responsibleDepartmentId: organ.department ? required(departmentIds, organ.department, 'department') : null,
            rules: organ.rules,
          })
        ).id;
      if (!existing) count('organs');
      organIds.set(organ.shortName, id);
    }

    const personIds = new Map<string, string>();
    for (const { key, ...person } of data.persons) {
      const existing = await em
        .getRepository(Person)
        .findOneBy(person.email ? { ...mine, email: person.email } : { ...mine, firstName: person.firstName, lastName: person.lastName });
      personIds.set(key, existing?.id ?? (await this.persons.create(ctx, person)).id);
      if (!existing) count('persons');
    }

    // Parent organs first, so that utskott seats find their nämnd seats.
    const depth = (shortName: string): number => {
      const parent = data.organs.find((organ) => organ.shortName === shortName)?.parent;
      return parent ? 1 + depth(parent) : 0;
    };
    for (const seat of [...data.memberships].sort((a, b) => depth(a.organ) - depth(b.organ))) {
      const personId = required(personIds, seat.person, 'person');
      const organId = required(organIds, seat.organ, 'organ');
      const existing = await em.getRepository(Membership).findOneBy({ ...mine, personId, organId, termId: term.id });
      if (!existing) {
        await this.memberships.create(ctx, { personId, organId, termId: term.id, role: seat.role, position: seat.position, party: seat.party, substituteOrder: seat.substituteOrder });
        count('memberships');
      }
    }

    for (const right of data.attendanceRights) {
      const organId = required(organIds, right.organ, 'organ');
      const personId = right.person ? required(personIds, right.person, 'person') : null;
      const existing = await em
        .getRepository(AttendanceRight)
        .createQueryBuilder('a')
        .where('a.municipality_id = :municipalityId AND a.organ_id = :organId', { municipalityId: municipality.id, organId })
        .andWhere('a.person_id IS NOT DISTINCT FROM :personId AND a.role_description IS NOT DISTINCT FROM :roleDescription', {
          personId,
          roleDescription: right.roleDescription,
        })
        .getExists();
      if (!existing) {
        await this.attendanceRights.create(ctx, { ...right, organId, personId, validFrom: right.validFrom ?? term.startDate });
        count('attendanceRights');
      }
    }

    for (const user of data.users) {
      if (await em.getRepository(User).existsBy({ email: user.email })) continue;
      await this.users.create(ctx, {
        email: user.email,
        password,
        personId: user.person ? required(personIds, user.person, 'person') : null,
        grants: user.grants.map((grant) => ({
          role: grant.role,
          organId: grant.organ ? required(organIds, grant.organ, 'organ') : null,
          departmentId: grant.department ? required(departmentIds, grant.department, 'department') : null,
        })),
      });
      count('users');
    }

    for (const email of data.systemAdmins ?? []) {
      if (await em.getRepository(User).existsBy({ email })) continue;
      const admin = em.getRepository(User).create({ municipalityId: null, email, passwordHash: await hashPassword(password), personId: null, active: true, lastLoginAt: null });
      admin.grants = [Object.assign(new UserRoleGrant(), { role: 'system_admin', organId: null, departmentId: null })];
      await em.getRepository(User).save(admin);
      count('systemAdmins');
    }

    const seedKeys = {
      organ: (key: string) => required(organIds, key, 'organ'),
      department: (key: string) => required(departmentIds, key, 'department'),
      person: (key: string) => required(personIds, key, 'person'),
    };
    const goals = data.goals;
    if (goals) await this.goalsSeed.loadFrameworks(ctx, goals, count);
    if (data.matters) {
      await this.mattersSeed.load(ctx, data.matters, seedKeys, join(SEED_DATA_DIR, 'documents'), count, (key, matterId) =>
        goals ? this.goalsSeed.reportsFor(ctx, goals, key, matterId, count) : Promise.resolve([]),
      );
    }
    if (data.meetings) {
      await this.meetingsSeed.load(ctx, data.meetings, data.matters, seedKeys, count);
    }

    this.logger.log(`Seeded ${data.municipality.name}: ${JSON.stringify(created)}`);
    return { municipalityId: municipality.id, created };
  }
}

/** The demo's identity provider (Keycloak in docker-compose.yml): what DEMO_OIDC_* name. */
export interface DemoIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

function required(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Seed data refers to an unknown ${what}: ${key}`);
  return id;
}
