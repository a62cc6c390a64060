import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The id of the HTTP request whose transaction wrote an outbox row, so that the worker's log lines for
 * that work name the request (null for work no request caused). And an index for the delivery counts
 * the metrics read at every scrape: queued ones, and those sent or failed in the last day.
 */
export class OutboxRequestId1795471300000 implements MigrationInterface {
  name = 'OutboxRequestId1795471300000';
  // The index is built CONCURRENTLY, so that the workers go on writing deliveries meanwhile; that cannot run in a transaction.
  // Dropping it again (down) takes only a moment's lock, so it stays a plain DROP INDEX.
  transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_jobs" ADD COLUMN IF NOT EXISTS "request_id" text`);
    await queryRunner.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS "mail_deliveries_status_updated" ON "mail_deliveries" ("status", "updated_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."mail_deliveries_status_updated"`);
    await queryRunner.query(`ALTER TABLE "outbox_jobs" DROP COLUMN IF EXISTS "request_id"`);
  }
}
