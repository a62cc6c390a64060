import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finnish for organs in the Finnish administrative area (lag 2009:724): the Finnish title the secretary may enter on an
 * agenda item, carried into the paragraph of the minutes, and the languages a posting is shown in on the notice board,
 * kept with the posting like its other particulars (existing postings take their organ's languages of today).
 */
export class FinnishTitles1795464000000 implements MigrationInterface {
  name = 'FinnishTitles1795464000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD "title_fi" text`);
    await queryRunner.query(`ALTER TABLE "minutes_paragraphs" ADD "title_fi" text`);
    await queryRunner.query(`ALTER TABLE "postings" ADD "languages" text array NOT NULL DEFAULT '{sv}'`);
    await queryRunner.query(`UPDATE "postings" p SET "languages" = o."rules_languages" FROM "organs" o WHERE o."id" = p."organ_id"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "postings" DROP COLUMN "languages"`);
    await queryRunner.query(`ALTER TABLE "minutes_paragraphs" DROP COLUMN "title_fi"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "title_fi"`);
  }
}
