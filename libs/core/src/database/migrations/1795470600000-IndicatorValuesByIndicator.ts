import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An indicator's values found by its id alone: the two unique indexes are partial (with and without a date), so
 * a chart's query, an export and an import's replacement of the values read the whole table without this one.
 */
export class IndicatorValuesByIndicator1795470600000 implements MigrationInterface {
  name = 'IndicatorValuesByIndicator1795470600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "indicator_values_indicator" ON "indicator_values" ("indicator_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."indicator_values_indicator"`);
  }
}
