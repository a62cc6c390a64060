import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Styrmodell II: indicator tiers named by the framework, actuals given as bounds ("≥18"), state targets
 * with a comparator, targets not yet quantified ("to_be_set", with the source's text), and comparators
 * that may be left to the indicator's direction.
 */
export class GoalFormatTwo1795470300000 implements MigrationInterface {
  name = 'GoalFormatTwo1795470300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "goal_frameworks" ADD "indicator_levels" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "indicator_values" ADD "bound" text`);
    await queryRunner.query(`ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_bound" CHECK ("bound" IS NULL OR ("bound" IN ('>=', '>', '<=', '<') AND "value" IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE "indicator_targets" ADD "target_text" text`);
    await queryRunner.query(`ALTER TABLE "indicator_targets" DROP CONSTRAINT "indicator_targets_shape"`);
    await queryRunner.query(
      `ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_shape" CHECK (("kind" = 'numeric' AND "value" IS NOT NULL) OR "kind" = 'relative' OR ("kind" = 'state' AND "state" IS NOT NULL) OR "kind" = 'to_be_set')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "indicator_targets" WHERE "kind" = 'to_be_set' OR ("kind" IN ('numeric', 'relative') AND "comparator" IS NULL)`);
    await queryRunner.query(`ALTER TABLE "indicator_targets" DROP CONSTRAINT "indicator_targets_shape"`);
    await queryRunner.query(
      `ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_shape" CHECK (("kind" = 'numeric' AND "value" IS NOT NULL AND "comparator" IS NOT NULL) OR ("kind" = 'relative' AND "comparator" IS NOT NULL) OR ("kind" = 'state' AND "state" IS NOT NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "indicator_targets" DROP COLUMN "target_text"`);
    await queryRunner.query(`ALTER TABLE "indicator_values" DROP CONSTRAINT "indicator_values_bound"`);
    await queryRunner.query(`ALTER TABLE "indicator_values" DROP COLUMN "bound"`);
    await queryRunner.query(`ALTER TABLE "goal_frameworks" DROP COLUMN "indicator_levels"`);
  }
}
