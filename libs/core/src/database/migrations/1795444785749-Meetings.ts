import { MigrationInterface, QueryRunner } from "typeorm";

export class Meetings1795444785749 implements MigrationInterface {
    name = 'Meetings1795444785749'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "outbox_jobs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid,
                "kind" text NOT NULL,
                "idempotency_key" text NOT NULL,
                "payload" jsonb NOT NULL DEFAULT '{}',
                "run_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_eca0e49b45a0974cb16b7d2e498" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "outbox_jobs_pending" ON "outbox_jobs" ("run_at")
            WHERE "status" = 'pending'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b4ad70ad20ef9e112360828cf6" ON "outbox_jobs" ("idempotency_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "meetings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "organ_id" uuid NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "place" text NOT NULL,
                "group_meetings" jsonb NOT NULL DEFAULT '[]',
                "status" text NOT NULL DEFAULT 'planned',
                "secretary_person_id" uuid,
                "calendar_sequence" integer NOT NULL DEFAULT '0',
                "cancellation_reason" text,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "meetings_ends_after_start" CHECK ("ends_at" > "starts_at"),
                CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_591516c8889c0ee9c5d23b8d94" ON "meetings" ("municipality_id", "organ_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "absences" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "meeting_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "seat_role" text NOT NULL,
                "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reported_by_user_id" uuid,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "withdrawn_by_user_id" uuid,
                CONSTRAINT "PK_bd79346866fea8ac6f269252748" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "absences_one_open_per_person" ON "absences" ("meeting_id", "person_id")
            WHERE "withdrawn_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "agenda_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "meeting_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "kind" text NOT NULL,
                "placement" text,
                "title" text NOT NULL,
                "matter_id" uuid,
                "case_number" text,
                "officer_report_id" uuid,
                "proposal" text array NOT NULL DEFAULT '{}',
                "prepared_in_item_id" uuid,
                "documents_later" boolean NOT NULL DEFAULT false,
                "public" boolean NOT NULL DEFAULT false,
                "added_after_notice" boolean NOT NULL DEFAULT false,
                "noticed_in_version" integer,
                CONSTRAINT "agenda_items_position" UNIQUE ("meeting_id", "position") DEFERRABLE INITIALLY DEFERRED,
                CONSTRAINT "PK_7274c40301175b4b4b347820d0c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "agenda_items_one_matter" ON "agenda_items" ("meeting_id", "matter_id")
            WHERE "matter_id" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "agenda_template_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "organ_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "title" text NOT NULL,
                "placement" text NOT NULL,
                CONSTRAINT "PK_a75dc436d3f6cf653d08b50e4c3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_97ac208cf8482cd652759cc95b" ON "agenda_template_items" ("organ_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "meeting_notices" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "meeting_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "kind" text NOT NULL,
                "status" text NOT NULL DEFAULT 'scheduled',
                "calendar_sequence" integer NOT NULL,
                "changes" jsonb NOT NULL DEFAULT '[]',
                "item_ids" uuid array NOT NULL DEFAULT '{}',
                "file_sha256" text,
                "file_size_bytes" integer,
                "file_name" text,
                "finalized_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "finalized_by_user_id" uuid,
                "dispatch_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "sent_late" boolean NOT NULL DEFAULT false,
                "dispatched_at" TIMESTAMP WITH TIME ZONE,
                "recipient_count" integer,
                CONSTRAINT "meeting_notices_version" UNIQUE ("meeting_id", "version"),
                CONSTRAINT "PK_2b30160df9c131ef27bf9352883" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "substitute_calls" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "meeting_id" uuid NOT NULL,
                "absent_person_id" uuid NOT NULL,
                "substitute_person_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'called',
                "called_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "released_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_e27cc3882592605541ee898db02" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "substitute_calls_one_active_per_substitute" ON "substitute_calls" ("meeting_id", "substitute_person_id")
            WHERE "status" = 'called'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "substitute_calls_one_active_per_member" ON "substitute_calls" ("meeting_id", "absent_person_id")
            WHERE "status" = 'called'
        `);
        await queryRunner.query(`
            CREATE TABLE "mail_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "meeting_id" uuid NOT NULL,
                "purpose" text NOT NULL,
                "notice_id" uuid,
                "substitute_call_id" uuid,
                "recipient_key" text NOT NULL,
                "person_id" uuid,
                "recipient_name" text NOT NULL,
                "email" text,
                "recipient_role" text NOT NULL,
                "status" text NOT NULL DEFAULT 'queued',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "message_id" text NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "claimed_until" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "mail_deliveries_one_cause" CHECK (
                    ("notice_id" IS NULL) <> ("substitute_call_id" IS NULL)
                ),
                CONSTRAINT "PK_c3b04f863547fccfd11b4d4b11e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8c1d64da5c3880b1d57994ffca" ON "mail_deliveries" ("meeting_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "mail_deliveries_call_purpose" ON "mail_deliveries" ("substitute_call_id", "purpose")
            WHERE "substitute_call_id" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "mail_deliveries_notice_recipient" ON "mail_deliveries" ("notice_id", "recipient_key")
            WHERE "notice_id" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "organs"
            ADD "rules_notice_extra_recipients" jsonb NOT NULL DEFAULT '[]'
        `);
        await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "FK_446bd85ec52db0a047117d79d62" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "FK_9a3f962d70d32a9c39d2c2ef36a" FOREIGN KEY ("organ_id") REFERENCES "organs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "FK_780b27fce8a36f846ca9147cdf9" FOREIGN KEY ("secretary_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "absences"
            ADD CONSTRAINT "FK_022d7305c267c917150f2db496f" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "absences"
            ADD CONSTRAINT "FK_d9bfb572ab5ef7c75861f4def90" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "absences"
            ADD CONSTRAINT "FK_31029d63a6db05d3deaae7957cc" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items"
            ADD CONSTRAINT "FK_749737f797b394504df7a44fc88" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items"
            ADD CONSTRAINT "FK_c58f166b8bff4fd19c5353cd310" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items"
            ADD CONSTRAINT "FK_a0c8092178835038dd9eb44bfcf" FOREIGN KEY ("matter_id") REFERENCES "matters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items"
            ADD CONSTRAINT "FK_3a1fbdd24be3f796dbc3a4e00bf" FOREIGN KEY ("officer_report_id") REFERENCES "officer_reports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items"
            ADD CONSTRAINT "FK_65d03daf30fd41a928324f3d2d3" FOREIGN KEY ("prepared_in_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_template_items"
            ADD CONSTRAINT "FK_fd25fd556f6f0e974fb9d68f379" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_template_items"
            ADD CONSTRAINT "FK_afbc86106f3ba9f00041c5a8ce5" FOREIGN KEY ("organ_id") REFERENCES "organs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "meeting_notices"
            ADD CONSTRAINT "FK_9d1b3b911ef533f38493f892fa5" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "meeting_notices"
            ADD CONSTRAINT "FK_c15c7948b76bec742c5f673c38a" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "substitute_calls"
            ADD CONSTRAINT "FK_41ec214b747d8cfbc9a0f53eab7" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "substitute_calls"
            ADD CONSTRAINT "FK_4b19fced460a0b26e49196c2f4f" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "substitute_calls"
            ADD CONSTRAINT "FK_179a7d9f35a847f88a736bef644" FOREIGN KEY ("absent_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "substitute_calls"
            ADD CONSTRAINT "FK_e7e2e70439e2595b48482d49a67" FOREIGN KEY ("substitute_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries"
            ADD CONSTRAINT "FK_e10a5e2ba1a601a12f91ca1b374" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries"
            ADD CONSTRAINT "FK_8c1d64da5c3880b1d57994ffca1" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries"
            ADD CONSTRAINT "FK_bca7784e80d92e54dbf4f887d90" FOREIGN KEY ("notice_id") REFERENCES "meeting_notices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries"
            ADD CONSTRAINT "FK_721204a21e5952ca70b9e4a997a" FOREIGN KEY ("substitute_call_id") REFERENCES "substitute_calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries"
            ADD CONSTRAINT "FK_bd6d8793f56e728cbddf1a04dca" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries" DROP CONSTRAINT "FK_bd6d8793f56e728cbddf1a04dca"
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries" DROP CONSTRAINT "FK_721204a21e5952ca70b9e4a997a"
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries" DROP CONSTRAINT "FK_bca7784e80d92e54dbf4f887d90"
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries" DROP CONSTRAINT "FK_8c1d64da5c3880b1d57994ffca1"
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries" DROP CONSTRAINT "FK_e10a5e2ba1a601a12f91ca1b374"
        `);
        await queryRunner.query(`
            ALTER TABLE "substitute_calls" DROP CONSTRAINT "FK_e7e2e70439e2595b48482d49a67"
        `);
        await queryRunner.query(`
            ALTER TABLE "substitute_calls" DROP CONSTRAINT "FK_179a7d9f35a847f88a736bef644"
        `);
        await queryRunner.query(`
            ALTER TABLE "substitute_calls" DROP CONSTRAINT "FK_4b19fced460a0b26e49196c2f4f"
        `);
        await queryRunner.query(`
            ALTER TABLE "substitute_calls" DROP CONSTRAINT "FK_41ec214b747d8cfbc9a0f53eab7"
        `);
        await queryRunner.query(`
            ALTER TABLE "meeting_notices" DROP CONSTRAINT "FK_c15c7948b76bec742c5f673c38a"
        `);
        await queryRunner.query(`
            ALTER TABLE "meeting_notices" DROP CONSTRAINT "FK_9d1b3b911ef533f38493f892fa5"
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_template_items" DROP CONSTRAINT "FK_afbc86106f3ba9f00041c5a8ce5"
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_template_items" DROP CONSTRAINT "FK_fd25fd556f6f0e974fb9d68f379"
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_65d03daf30fd41a928324f3d2d3"
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_3a1fbdd24be3f796dbc3a4e00bf"
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_a0c8092178835038dd9eb44bfcf"
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_c58f166b8bff4fd19c5353cd310"
        `);
        await queryRunner.query(`
            ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_749737f797b394504df7a44fc88"
        `);
        await queryRunner.query(`
            ALTER TABLE "absences" DROP CONSTRAINT "FK_31029d63a6db05d3deaae7957cc"
        `);
        await queryRunner.query(`
            ALTER TABLE "absences" DROP CONSTRAINT "FK_d9bfb572ab5ef7c75861f4def90"
        `);
        await queryRunner.query(`
            ALTER TABLE "absences" DROP CONSTRAINT "FK_022d7305c267c917150f2db496f"
        `);
        await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "FK_780b27fce8a36f846ca9147cdf9"
        `);
        await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "FK_9a3f962d70d32a9c39d2c2ef36a"
        `);
        await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "FK_446bd85ec52db0a047117d79d62"
        `);
        await queryRunner.query(`
            ALTER TABLE "organs" DROP COLUMN "rules_notice_extra_recipients"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mail_deliveries_notice_recipient"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mail_deliveries_call_purpose"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8c1d64da5c3880b1d57994ffca"
        `);
        await queryRunner.query(`
            DROP TABLE "mail_deliveries"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."substitute_calls_one_active_per_member"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."substitute_calls_one_active_per_substitute"
        `);
        await queryRunner.query(`
            DROP TABLE "substitute_calls"
        `);
        await queryRunner.query(`
            DROP TABLE "meeting_notices"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_97ac208cf8482cd652759cc95b"
        `);
        await queryRunner.query(`
            DROP TABLE "agenda_template_items"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."agenda_items_one_matter"
        `);
        await queryRunner.query(`
            DROP TABLE "agenda_items"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."absences_one_open_per_person"
        `);
        await queryRunner.query(`
            DROP TABLE "absences"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_591516c8889c0ee9c5d23b8d94"
        `);
        await queryRunner.query(`
            DROP TABLE "meetings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b4ad70ad20ef9e112360828cf6"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."outbox_jobs_pending"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox_jobs"
        `);
    }

}
