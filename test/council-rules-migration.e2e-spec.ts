import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@namndrum/core';
import { CouncilRules1795465000000 } from '../libs/core/src/database/migrations/1795465000000-CouncilRules';
import { PrivateDatabase } from './support/private-database';

describe('the CouncilRules migration', () => {
  let database: PrivateDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await new PrivateDatabase().create('councilrules');
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it("lifts a council stored below the law's minimum and leaves other organs as they were", async () => {
    const [{ id: municipalityId }] = await dataSource.query(`INSERT INTO municipalities (name, code) VALUES ('Migreringskommun', '9999') RETURNING id`);
    const organ = async (name: string, kind: string, leadDays: number, verification: string, verifiers: number): Promise<string> =>
      (
        await dataSource.query(
          `INSERT INTO organs (municipality_id, name, short_name, kind, rules_notice_lead_days, rules_verification, rules_verifier_count)
           VALUES ($1, $2, $2, $3, $4, $5, $6) RETURNING id`,
          [municipalityId, name, kind, leadDays, verification, verifiers],
        )
      )[0].id;
    const council = await organ('KF', 'council', 3, 'chair_only', 0);
    const lawfulCouncil = await organ('KF2', 'council', 10, 'chair_and_verifiers', 3);
    const board = await organ('SUN', 'committee', 3, 'chair_only', 0);

    const runner = dataSource.createQueryRunner();
    try {
      await new CouncilRules1795465000000().up(runner);
    } finally {
      await runner.release();
    }

    const rules = async (id: string) =>
      (await dataSource.query(`SELECT rules_notice_lead_days AS "leadDays", rules_verification AS verification, rules_verifier_count AS verifiers FROM organs WHERE id = $1`, [id]))[0];
    expect(await rules(council)).toEqual({ leadDays: 7, verification: 'chair_and_verifiers', verifiers: 2 });
    expect(await rules(lawfulCouncil)).toEqual({ leadDays: 10, verification: 'chair_and_verifiers', verifiers: 3 });
    expect(await rules(board)).toEqual({ leadDays: 3, verification: 'chair_only', verifiers: 0 });
  });
});
