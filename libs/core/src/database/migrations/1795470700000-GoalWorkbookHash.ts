import { MigrationInterface, QueryRunner } from 'typeorm';

/** The workbook a framework was last imported from, by its bytes: the same workbook again is known without reading it. */
export class GoalWorkbookHash1795470700000 implements MigrationInterface {
  name = 'GoalWorkbookHash1795470700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "goal_frameworks" ADD "workbook_sha256" text`);
    await queryRunner.query(`ALTER TABLE "goal_frameworks" ADD "workbook_content_sha256" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "goal_frameworks" DROP COLUMN "workbook_content_sha256"`);
    await queryRunner.query(`ALTER TABLE "goal_frameworks" DROP COLUMN "workbook_sha256"`);
  }
}
