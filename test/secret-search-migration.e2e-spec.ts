import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@namndrum/core';
import { SecretSearchVector1795466000000 } from '../libs/core/src/database/migrations/1795466000000-SecretSearchVector';
import { PrivateDatabase } from './support/private-database';

describe('the SecretSearchVector migration', () => {
  let database: PrivateDatabase;
  let dataSource: DataSource;
  let secretReportMatter: string;
  let publicMatter: string;

  const migrate = async (direction: 'up' | 'down') => {
    const runner = dataSource.createQueryRunner();
    try {
      await new SecretSearchVector1795466000000()[direction](runner);
    } finally {
      await runner.release();
    }
  };
  /** Which of the words the matter's vector (public or secret) holds. */
  const indexed = async (matterId: string, column: 'search_vector' | 'secret_search_vector', words: string[]) => {
    const found: string[] = [];
    for (const word of words) {
      const [{ hit }] = await dataSource.query(`SELECT coalesce(${column} @@ swedish_search_query(ARRAY[$2]), false) AS hit FROM matters WHERE id = $1`, [matterId, word]);
      if (hit) found.push(word);
    }
    return found;
  };
  const words = ['vitsippsbacken', 'kungsängsliljan', 'blåsippan'];

  beforeAll(async () => {
    database = await new PrivateDatabase().create('secretsearch');
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
    const [{ id: municipalityId }] = await dataSource.query(`INSERT INTO municipalities (name, code) VALUES ('Migreringskommun', '9998') RETURNING id`);
    const [{ id: organId }] = await dataSource.query(`INSERT INTO organs (municipality_id, name, short_name, kind) VALUES ($1, 'Socialnämnden', 'SN', 'committee') RETURNING id`, [municipalityId]);
    const [{ id: registryId }] = await dataSource.query(`INSERT INTO registries (municipality_id, code, name, organ_id) VALUES ($1, 'SN', 'Socialnämndens diarium', $2) RETURNING id`, [municipalityId, organId]);
    const matter = async (sequence: number, title: string): Promise<string> =>
      (
        await dataSource.query(
          `INSERT INTO matters (municipality_id, registry_id, year, sequence, case_number, title, status, registered_on, organ_id)
           VALUES ($1, $2, 2026, $3, $4, $5, 'in_preparation', '2026-01-15', $6) RETURNING id`,
          [municipalityId, registryId, sequence, `SN 2026/${sequence}`, title, organId],
        )
      )[0].id;
    const document = async (matterId: string, sequence: number, secret: boolean, extractedText: string | null): Promise<string> =>
      (
        await dataSource.query(
          `INSERT INTO documents (municipality_id, matter_id, sequence, document_number, kind, direction, document_date, description, file_name, media_type, size_bytes, sha256, registered_on,
                                  secret, secrecy_provision, extracted_text)
           VALUES ($1, $2, $3, $4, 'incoming', 'incoming', '2026-01-15', 'Handling', 'handling.pdf', 'application/pdf', 1, repeat('0', 64), '2026-01-15',
                   $5, CASE WHEN $5 THEN 'OSL 26 kap. 1 §' END, $6) RETURNING id`,
          [municipalityId, matterId, sequence, `SN 2026/${sequence}`, secret, extractedText],
        )
      )[0].id;
    secretReportMatter = await matter(1, 'Stöd till enskild');
    publicMatter = await matter(2, 'Bidrag till föreningen');
    const reportDocument = await document(secretReportMatter, 1, true, null);
    await dataSource.query(
      `INSERT INTO officer_reports (municipality_id, matter_id, version, status, organ_id, content, document_id)
       VALUES ($1, $2, 1, 'signed', $3, $4, $5)`,
      [municipalityId, secretReportMatter, organId, JSON.stringify({ title: 'Stöd till enskild', description: 'Den enskilde bor vid Vitsippsbacken.' }), reportDocument],
    );
    await document(secretReportMatter, 2, true, 'Läkarintyg från vårdcentralen Kungsängsliljan');
    await document(secretReportMatter, 3, false, 'Karta över blåsippan');
    await document(publicMatter, 1, false, 'Föreningen vid Blåsippan');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('moves a secret report\'s and secret documents\' words into the secret vector, and back out of every index going down', async () => {
    expect(await indexed(secretReportMatter, 'search_vector', words)).toEqual(['blåsippan']);
    expect(await indexed(secretReportMatter, 'secret_search_vector', words)).toEqual(['vitsippsbacken', 'kungsängsliljan']);

    await migrate('down');
    const [{ present }] = await dataSource.query(`SELECT count(*)::int AS present FROM information_schema.columns WHERE table_name = 'matters' AND column_name = 'secret_search_vector'`);
    expect(present).toBe(0);
    expect(await indexed(secretReportMatter, 'search_vector', words)).toEqual(['blåsippan']);

    await migrate('up');
    expect(await indexed(secretReportMatter, 'search_vector', words)).toEqual(['blåsippan']);
    expect(await indexed(secretReportMatter, 'secret_search_vector', words)).toEqual(['vitsippsbacken', 'kungsängsliljan']);
    expect(await indexed(publicMatter, 'search_vector', words)).toEqual(['blåsippan']);
    const [{ secret }] = await dataSource.query(`SELECT secret_search_vector IS NULL AS secret FROM matters WHERE id = $1`, [publicMatter]);
    expect(secret).toBe(true);
  });
});
