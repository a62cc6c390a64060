import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables no public page, feed or OParl object reads, written often: a change to them must not make every
 * cached public answer stale.
 */
export const PRIVATE_TABLES = ['audit_entries', 'case_number_counters', 'kolada_imports', 'mail_deliveries', 'migrations', 'outbox_jobs', 'user_role_grants', 'user_sessions', 'users'];

/**
 * Every write to a table the public reads advances the `publication_changes` sequence (at once, in the
 * writing transaction, so a reader that comes after the write sees a new value) and notifies listeners on
 * commit (so a page rendered from the data before the commit is dropped from their caches). A table added
 * later needs the same trigger: test/public-cache.e2e-spec.ts fails until it has it.
 */
export class PublicationChanges1795470900000 implements MigrationInterface {
  name = 'PublicationChanges1795470900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "publication_changes"`);
    await queryRunner.query(`
      CREATE FUNCTION publication_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM nextval('publication_changes');
        PERFORM pg_notify('publication_changes', '');
        RETURN NULL;
      END $$`);
    for (const table of await this.publicTables(queryRunner)) {
      await queryRunner.query(`CREATE TRIGGER "publication_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION publication_changed()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of await this.publicTables(queryRunner)) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS "publication_changed" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION publication_changed()`);
    await queryRunner.query(`DROP SEQUENCE "publication_changes"`);
  }

  private async publicTables(queryRunner: QueryRunner): Promise<string[]> {
    const rows: { tablename: string }[] = await queryRunner.query(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1)) ORDER BY tablename`, [PRIVATE_TABLES]);
    return rows.map((row) => row.tablename);
  }
}
