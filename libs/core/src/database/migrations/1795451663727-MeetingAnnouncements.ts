import { MigrationInterface, QueryRunner } from "typeorm";

export class MeetingAnnouncements1795451663727 implements MigrationInterface {
    name = 'MeetingAnnouncements1795451663727'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "postings"
            ADD "kind" text NOT NULL DEFAULT 'minutes'
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ADD "meeting_id" uuid
        `);
        await queryRunner.query(`UPDATE "postings" p SET "meeting_id" = m."meeting_id" FROM "minutes" m WHERE m."id" = p."minutes_id"`);
        await queryRunner.query(`ALTER TABLE "postings" ALTER COLUMN "meeting_id" SET NOT NULL`);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ADD "announcement" jsonb
        `);
        await queryRunner.query(`
            ALTER TABLE "postings" DROP CONSTRAINT "FK_9637e96a3d4edb1bfa7cc85956e"
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ALTER COLUMN "minutes_id" DROP NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ALTER COLUMN "paragraphs"
            SET DEFAULT ''
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ALTER COLUMN "verified_on" DROP NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ALTER COLUMN "last_appeal_day" DROP NOT NULL
        `);
        // One minutes posting per minutes: a kungörelse has no minutes.
        await queryRunner.query(`DROP INDEX "public"."postings_one_per_minutes"`);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "postings_one_per_minutes" ON "postings" ("minutes_id")
            WHERE "kind" = 'minutes' AND "paragraph_id" IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "postings_one_announcement_per_meeting" ON "postings" ("meeting_id")
            WHERE "kind" = 'meeting_notice'
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ADD CONSTRAINT "postings_kind_subject" CHECK (
                    ("kind" = 'minutes') = (
                        "minutes_id" IS NOT NULL
                        AND "verified_on" IS NOT NULL
                        AND "last_appeal_day" IS NOT NULL
                    )
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ADD CONSTRAINT "FK_3c3cf1483f74fa74112c350ee18" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ADD CONSTRAINT "FK_9637e96a3d4edb1bfa7cc85956e" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "postings" DROP CONSTRAINT "FK_9637e96a3d4edb1bfa7cc85956e"
        `);
        await queryRunner.query(`
            ALTER TABLE "postings" DROP CONSTRAINT "FK_3c3cf1483f74fa74112c350ee18"
        `);
        await queryRunner.query(`
            ALTER TABLE "postings" DROP CONSTRAINT "postings_kind_subject"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."postings_one_announcement_per_meeting"
        `);
        await queryRunner.query(`DROP INDEX "public"."postings_one_per_minutes"`);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "postings_one_per_minutes" ON "postings" ("minutes_id")
            WHERE "paragraph_id" IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ALTER COLUMN "last_appeal_day"
            SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ALTER COLUMN "verified_on"
            SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ALTER COLUMN "paragraphs" DROP DEFAULT
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ALTER COLUMN "minutes_id"
            SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ADD CONSTRAINT "FK_9637e96a3d4edb1bfa7cc85956e" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "postings" DROP COLUMN "announcement"
        `);
        await queryRunner.query(`
            ALTER TABLE "postings" DROP COLUMN "meeting_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "postings" DROP COLUMN "kind"
        `);
    }

}
