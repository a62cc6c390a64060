import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795439017494 implements MigrationInterface {
    name = 'Foundation1795439017494'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Exclusion constraints on (uuid =, daterange &&) need btree_gist (contrib, in every PostgreSQL package).
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
        await queryRunner.query(`
            CREATE TABLE "audit_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "municipality_id" uuid,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_user_id" uuid,
                "request_id" text,
                "action" text NOT NULL,
                "entity_type" text NOT NULL,
                "entity_id" uuid,
                "before" jsonb,
                "after" jsonb,
                CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cd60b90bad16bfac7bb2718c65" ON "audit_entries" ("municipality_id", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_aa9563ee1909e9e67803991775" ON "audit_entries" ("municipality_id", "entity_type", "entity_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "municipalities" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" text NOT NULL,
                "code" character(4) NOT NULL,
                CONSTRAINT "UQ_9e0e960d7323bb120dc5e915dd8" UNIQUE ("code"),
                CONSTRAINT "PK_9c4573349577306f221dda4d924" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "user_role_grants" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "role" text NOT NULL,
                "organ_id" uuid,
                "department_id" uuid,
                CONSTRAINT "user_role_grants_scope" CHECK (
                    ("role" = 'secretary') = ("organ_id" IS NOT NULL)
                    AND ("role" IN ('department_head', 'case_officer')) = ("department_id" IS NOT NULL)
                ),
                CONSTRAINT "PK_90997aa9262b3bc941894dcbcf7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid,
                "email" text NOT NULL,
                "password_hash" text NOT NULL,
                "person_id" uuid,
                "active" boolean NOT NULL DEFAULT true,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email")
        `);
        await queryRunner.query(`
            CREATE TABLE "departments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "name" text NOT NULL,
                "short_code" text NOT NULL,
                "kind" text NOT NULL,
                CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_9b8a223eafe615d8393485178e" ON "departments" ("municipality_id", "short_code")
        `);
        await queryRunner.query(`
            CREATE TABLE "organs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "name" text NOT NULL,
                "short_name" text NOT NULL,
                "kind" text NOT NULL,
                "parent_organ_id" uuid,
                "responsible_department_id" uuid,
                "rules_notice_lead_days" smallint NOT NULL DEFAULT '7',
                "rules_notice_send_time" text NOT NULL DEFAULT '08:00',
                "rules_publish_notices" boolean NOT NULL DEFAULT true,
                "rules_publish_minutes" boolean NOT NULL DEFAULT true,
                "rules_publish_minutes_with_personal_data" boolean NOT NULL DEFAULT false,
                "rules_post_minutes_on_notice_board" boolean NOT NULL DEFAULT true,
                "rules_record_kind" text NOT NULL DEFAULT 'minutes',
                "rules_verification" text NOT NULL DEFAULT 'chair_and_verifiers',
                "rules_verifier_count" smallint NOT NULL DEFAULT '1',
                "rules_languages" text array NOT NULL DEFAULT '{sv}',
                "rules_open_meetings" boolean NOT NULL DEFAULT false,
                "rules_members_from_parent_organ" boolean NOT NULL DEFAULT false,
                "rules_substitute_call_in" text NOT NULL DEFAULT 'same_party_first',
                "rules_source" text,
                CONSTRAINT "PK_8f9d0c1b59261bac4f24bf6038b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_3be4b4491ed2b08b9606c8be4a" ON "organs" ("municipality_id", "short_name")
        `);
        await queryRunner.query(`
            CREATE TABLE "persons" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "first_name" text NOT NULL,
                "last_name" text NOT NULL,
                "title" text,
                "email" text,
                "phone" text,
                "party" text,
                CONSTRAINT "PK_74278d8812a049233ce41440ac7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f1213fa1e70895a12fb96b2722" ON "persons" ("municipality_id", "last_name", "first_name")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ceda4c1447c43b4043417ce7e5" ON "persons" ("municipality_id", "email")
            WHERE "email" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "attendance_rights" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "organ_id" uuid NOT NULL,
                "person_id" uuid,
                "role_description" text,
                "can_speak" boolean NOT NULL DEFAULT true,
                "basis" text,
                "valid_from" date NOT NULL,
                "valid_to" date,
                CONSTRAINT "attendance_rights_dates_ordered" CHECK (
                    "valid_to" IS NULL
                    OR "valid_from" <= "valid_to"
                ),
                CONSTRAINT "attendance_rights_who" CHECK (
                    "person_id" IS NOT NULL
                    OR "role_description" IS NOT NULL
                ),
                CONSTRAINT "PK_75e610984d06bf85ec9c3f04735" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_828e4c9146d36810bc0a300da3" ON "attendance_rights" ("municipality_id", "organ_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "terms" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "name" text NOT NULL,
                "start_date" date NOT NULL,
                "end_date" date NOT NULL,
                CONSTRAINT "terms_dates_ordered" CHECK ("start_date" <= "end_date"),
                CONSTRAINT "terms_no_overlap" EXCLUDE USING gist (
                    "municipality_id" WITH =,
                    daterange("start_date", "end_date", '[]') WITH &&
                ),
                CONSTRAINT "PK_33b6fe77d6ace7ff43cc8a65958" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "memberships" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "organ_id" uuid NOT NULL,
                "term_id" uuid NOT NULL,
                "role" text NOT NULL,
                "position" text NOT NULL DEFAULT 'none',
                "party" text,
                "substitute_order" smallint,
                "valid_from" date NOT NULL,
                "valid_to" date NOT NULL,
                CONSTRAINT "memberships_order_for_substitutes" CHECK (
                    "substitute_order" IS NULL
                    OR (
                        "role" = 'substitute'
                        AND "substitute_order" >= 1
                    )
                ),
                CONSTRAINT "memberships_position_needs_member" CHECK (
                    "position" = 'none'
                    OR "role" = 'member'
                ),
                CONSTRAINT "memberships_dates_ordered" CHECK ("valid_from" <= "valid_to"),
                CONSTRAINT "memberships_one_holder_per_position" EXCLUDE USING gist (
                    "organ_id" WITH =,
                    "position" WITH =,
                    daterange("valid_from", "valid_to", '[]') WITH &&
                )
                WHERE ("position" <> 'none'),
                    CONSTRAINT "memberships_one_seat_per_person" EXCLUDE USING gist (
                        "organ_id" WITH =,
                        "person_id" WITH =,
                        daterange("valid_from", "valid_to", '[]') WITH &&
                    ),
                    CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_098d474c2db83ddff4bc7d952a" ON "memberships" ("municipality_id", "person_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cda81dc993861fa7d31bc22c5e" ON "memberships" ("municipality_id", "organ_id", "valid_from")
        `);
        await queryRunner.query(`
            ALTER TABLE "user_role_grants"
            ADD CONSTRAINT "FK_925a39555e6697f2314b866434f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_eda381454352c36551a7fb1947b" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "departments"
            ADD CONSTRAINT "FK_1c1a52dce419a91a55b6bb3c063" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "organs"
            ADD CONSTRAINT "FK_61fecd7f7240b74caf04a806fb3" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "organs"
            ADD CONSTRAINT "FK_3c30a3045374b4c074c23684b99" FOREIGN KEY ("parent_organ_id") REFERENCES "organs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "organs"
            ADD CONSTRAINT "FK_6a42297fede7e477ffb9d6b38ea" FOREIGN KEY ("responsible_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "persons"
            ADD CONSTRAINT "FK_41e2d2bc320b7a2cc3a0850b288" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance_rights"
            ADD CONSTRAINT "FK_87db557cfe2f26a7c06a881a238" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance_rights"
            ADD CONSTRAINT "FK_166305e78b5ee0efca7cfad53c3" FOREIGN KEY ("organ_id") REFERENCES "organs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance_rights"
            ADD CONSTRAINT "FK_79af323b7a0484a4c10e0fa4bac" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "terms"
            ADD CONSTRAINT "FK_2e3aeafb429db00c7e64af19a96" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_0e0d4225300ec261cc02095572a" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_efc5c4a293123bc6e5fa4306bc4" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_070dddcae6066912dae71f2826a" FOREIGN KEY ("organ_id") REFERENCES "organs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_330bec4c1b7738269a78ee69f22" FOREIGN KEY ("term_id") REFERENCES "terms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        // Not expressible in entity decorators: one grant per (user, role, scope), nulls included.
        await queryRunner.query(`
            CREATE UNIQUE INDEX "user_role_grants_unique" ON "user_role_grants" ("user_id", "role", "organ_id", "department_id") NULLS NOT DISTINCT
        `);
        // The audit log is append-only: the database itself refuses to change or remove an entry.
        await queryRunner.query(`
            CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_entries is append-only';
            END;
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_entries"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_entries_append_only ON "audit_entries"`);
        await queryRunner.query(`DROP FUNCTION audit_entries_append_only()`);
        await queryRunner.query(`DROP INDEX "user_role_grants_unique"`);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_330bec4c1b7738269a78ee69f22"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_070dddcae6066912dae71f2826a"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_efc5c4a293123bc6e5fa4306bc4"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_0e0d4225300ec261cc02095572a"
        `);
        await queryRunner.query(`
            ALTER TABLE "terms" DROP CONSTRAINT "FK_2e3aeafb429db00c7e64af19a96"
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance_rights" DROP CONSTRAINT "FK_79af323b7a0484a4c10e0fa4bac"
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance_rights" DROP CONSTRAINT "FK_166305e78b5ee0efca7cfad53c3"
        `);
        await queryRunner.query(`
            ALTER TABLE "attendance_rights" DROP CONSTRAINT "FK_87db557cfe2f26a7c06a881a238"
        `);
        await queryRunner.query(`
            ALTER TABLE "persons" DROP CONSTRAINT "FK_41e2d2bc320b7a2cc3a0850b288"
        `);
        await queryRunner.query(`
            ALTER TABLE "organs" DROP CONSTRAINT "FK_6a42297fede7e477ffb9d6b38ea"
        `);
        await queryRunner.query(`
            ALTER TABLE "organs" DROP CONSTRAINT "FK_3c30a3045374b4c074c23684b99"
        `);
        await queryRunner.query(`
            ALTER TABLE "organs" DROP CONSTRAINT "FK_61fecd7f7240b74caf04a806fb3"
        `);
        await queryRunner.query(`
            ALTER TABLE "departments" DROP CONSTRAINT "FK_1c1a52dce419a91a55b6bb3c063"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_eda381454352c36551a7fb1947b"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_role_grants" DROP CONSTRAINT "FK_925a39555e6697f2314b866434f"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cda81dc993861fa7d31bc22c5e"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_098d474c2db83ddff4bc7d952a"
        `);
        await queryRunner.query(`
            DROP TABLE "memberships"
        `);
        await queryRunner.query(`
            DROP TABLE "terms"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_828e4c9146d36810bc0a300da3"
        `);
        await queryRunner.query(`
            DROP TABLE "attendance_rights"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ceda4c1447c43b4043417ce7e5"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f1213fa1e70895a12fb96b2722"
        `);
        await queryRunner.query(`
            DROP TABLE "persons"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3be4b4491ed2b08b9606c8be4a"
        `);
        await queryRunner.query(`
            DROP TABLE "organs"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9b8a223eafe615d8393485178e"
        `);
        await queryRunner.query(`
            DROP TABLE "departments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP TABLE "user_role_grants"
        `);
        await queryRunner.query(`
            DROP TABLE "municipalities"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_aa9563ee1909e9e67803991775"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cd60b90bad16bfac7bb2718c65"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_entries"
        `);
        await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gist`);
    }

}
