import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The decision rules of the minutes: when a reservation was announced, which paragraphs are extra
 * matters and under which paragraph the meeting decided to take them up, and elections by closed
 * ballot (counted ballots per candidate, no names; a tie settled by lot).
 */
export class MinutesDecisionRules1795461000000 implements MigrationInterface {
    name = 'MinutesDecisionRules1795461000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "minutes_dissents" ADD "announced_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`UPDATE "minutes_dissents" SET "announced_at" = "created_at"`);
        await queryRunner.query(`ALTER TABLE "minutes_dissents" ALTER COLUMN "announced_at" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "minutes_paragraphs" ADD "extra_matter" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "minutes_paragraphs" ADD "taken_up_in_paragraph_id" uuid`);
        await queryRunner.query(`
            ALTER TABLE "minutes_paragraphs"
            ADD CONSTRAINT "FK_5555b9fabd9417ba21fe3d2d70c" FOREIGN KEY ("taken_up_in_paragraph_id") REFERENCES "minutes_paragraphs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            CREATE TABLE "minutes_elections" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "paragraph_id" uuid NOT NULL,
                "office" text NOT NULL,
                "candidates" jsonb NOT NULL,
                "blank_votes" integer NOT NULL DEFAULT 0,
                "elected" text NOT NULL,
                "decided_by_lot" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_minutes_elections" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`CREATE INDEX "IDX_f1e6f50f9ad4ca986e8a34fb6b" ON "minutes_elections" ("paragraph_id")`);
        await queryRunner.query(`
            ALTER TABLE "minutes_elections"
            ADD CONSTRAINT "FK_7d9ac1096fd620674663d78d7fe" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_elections"
            ADD CONSTRAINT "FK_f1e6f50f9ad4ca986e8a34fb6bf" FOREIGN KEY ("paragraph_id") REFERENCES "minutes_paragraphs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        // Verified minutes are final: an election is part of them like a vote.
        await queryRunner.query(`
            CREATE TRIGGER minutes_elections_immutable BEFORE INSERT OR UPDATE OR DELETE ON "minutes_elections"
            FOR EACH ROW EXECUTE FUNCTION minutes_content_immutable()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER minutes_elections_immutable ON "minutes_elections"`);
        await queryRunner.query(`DROP TABLE "minutes_elections"`);
        await queryRunner.query(`ALTER TABLE "minutes_paragraphs" DROP CONSTRAINT "FK_5555b9fabd9417ba21fe3d2d70c"`);
        await queryRunner.query(`ALTER TABLE "minutes_paragraphs" DROP COLUMN "taken_up_in_paragraph_id"`);
        await queryRunner.query(`ALTER TABLE "minutes_paragraphs" DROP COLUMN "extra_matter"`);
        await queryRunner.query(`ALTER TABLE "minutes_dissents" DROP COLUMN "announced_at"`);
    }
}
