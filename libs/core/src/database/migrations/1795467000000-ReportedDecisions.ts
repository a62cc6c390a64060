import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The decisions an "Anmälan av delegationsbeslut" paragraph reports, as the minutes print them (a table per kind)
 * rather than as its description text. Null on every other paragraph and on those written before, whose text stays
 * where it is, so that the content hash of minutes already verified does not change.
 */
export class ReportedDecisions1795467000000 implements MigrationInterface {
    name = 'ReportedDecisions1795467000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "minutes_paragraphs" ADD "reported_decisions" jsonb`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "minutes_paragraphs" DROP COLUMN "reported_decisions"`);
    }
}
