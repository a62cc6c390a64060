import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A version on each paragraph, raised by every save: an update made on an older version (a second
 * tab, a second secretary) is refused instead of overwriting what was written since.
 */
export class ParagraphVersion1795469600000 implements MigrationInterface {
    name = 'ParagraphVersion1795469600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "minutes_paragraphs" ADD "version" integer NOT NULL DEFAULT 1`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "minutes_paragraphs" DROP COLUMN "version"`);
    }
}
