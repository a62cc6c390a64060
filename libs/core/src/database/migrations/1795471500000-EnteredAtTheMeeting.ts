import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the secretary enters at the meeting, saved as it is entered: the totals the chair announced for
 * a vote entered by totals (checked against the ballots when it is counted), and a version on each
 * motion and minutes note, so that their wording is saved as typed without a second tab overwriting it.
 */
export class EnteredAtTheMeeting1795471500000 implements MigrationInterface {
  name = 'EnteredAtTheMeeting1795471500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "minutes_votes" ADD "announced_yes" integer, ADD "announced_no" integer, ADD "announced_abstain" integer`);
    await queryRunner.query(
      `ALTER TABLE "minutes_votes" ADD CONSTRAINT "minutes_votes_announced_whole" CHECK (("announced_yes" IS NULL) = ("announced_no" IS NULL) AND ("announced_no" IS NULL) = ("announced_abstain" IS NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "minutes_motions" ADD "version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "minutes_notes" ADD "version" integer NOT NULL DEFAULT 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "minutes_notes" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "minutes_motions" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "minutes_votes" DROP CONSTRAINT "minutes_votes_announced_whole"`);
    await queryRunner.query(`ALTER TABLE "minutes_votes" DROP COLUMN "announced_abstain", DROP COLUMN "announced_no", DROP COLUMN "announced_yes"`);
  }
}
