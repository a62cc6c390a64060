import { MigrationInterface, QueryRunner } from "typeorm";

export class Minutes1795450318994 implements MigrationInterface {
    name = 'Minutes1795450318994'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "minutes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "meeting_id" uuid NOT NULL,
                "organ_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "year" smallint NOT NULL,
                "meeting_date" date NOT NULL,
                "place" text NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ended_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "adjournments" jsonb NOT NULL DEFAULT '[]',
                "chair_person_id" uuid,
                "secretary_person_id" uuid,
                "verifier_person_ids" uuid array NOT NULL DEFAULT '{}',
                "verification_place" text,
                "verification_at" TIMESTAMP WITH TIME ZONE,
                "verification_deadline" date NOT NULL,
                "storage_place" text NOT NULL,
                "contains_personal_data" boolean NOT NULL DEFAULT false,
                "content_sha256" text,
                "locked_at" TIMESTAMP WITH TIME ZONE,
                "file_sha256" text,
                CONSTRAINT "PK_6430e69788e26236b493d6fcc7e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_13e20c6595907e6312b4e466f7" ON "minutes" ("municipality_id", "organ_id", "year")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "minutes_one_per_meeting" ON "minutes" ("meeting_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "minutes_paragraphs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "minutes_id" uuid NOT NULL,
                "organ_id" uuid NOT NULL,
                "year" smallint NOT NULL,
                "number" integer NOT NULL,
                "position" integer NOT NULL,
                "agenda_item_id" uuid,
                "title" text NOT NULL,
                "matter_id" uuid,
                "case_number" text,
                "proposal" text array NOT NULL DEFAULT '{}',
                "proposal_label" text NOT NULL,
                "prepared_in" text,
                "decision" text array NOT NULL DEFAULT '{}',
                "description" text,
                "decision_basis" text array NOT NULL DEFAULT '{}',
                "distribution" jsonb NOT NULL DEFAULT '[]',
                "propositions" jsonb NOT NULL DEFAULT '[]',
                "not_published" boolean NOT NULL DEFAULT false,
                "status" text NOT NULL DEFAULT 'open',
                "outcome" text,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "approved_at_meeting" boolean NOT NULL DEFAULT false,
                "locked_at" TIMESTAMP WITH TIME ZONE,
                "content_sha256" text,
                CONSTRAINT "minutes_paragraphs_position" UNIQUE ("minutes_id", "position"),
                CONSTRAINT "minutes_paragraphs_number" UNIQUE ("organ_id", "year", "number"),
                CONSTRAINT "PK_093c398803c23d35f95debd3a0e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4855b28699270017c878694a93" ON "minutes_paragraphs" ("matter_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "minutes_approvals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "minutes_id" uuid NOT NULL,
                "paragraph_id" uuid,
                "person_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" text NOT NULL,
                "content_sha256" text NOT NULL,
                "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_94478086f1d010843db553bf6c6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "minutes_approvals_paragraph_once" ON "minutes_approvals" ("paragraph_id", "person_id", "content_sha256")
            WHERE "paragraph_id" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "minutes_approvals_once" ON "minutes_approvals" ("minutes_id", "person_id", "content_sha256")
            WHERE "paragraph_id" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3428df25a56f9293d037b20430" ON "minutes_approvals" ("minutes_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "minutes_attendees" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "minutes_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "person_id" uuid,
                "name" text NOT NULL,
                "party" text,
                "title" text,
                "capacity" text NOT NULL,
                "replaces_person_id" uuid,
                "from_paragraph" integer,
                "to_paragraph" integer,
                CONSTRAINT "PK_9ef53bfda9e47bfeeef7eed54fa" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b33220028762b885e743ee2fd4" ON "minutes_attendees" ("minutes_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "postings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "organ_id" uuid NOT NULL,
                "minutes_id" uuid NOT NULL,
                "paragraph_id" uuid,
                "document_type" text NOT NULL,
                "organ_name" text NOT NULL,
                "meeting_date" date NOT NULL,
                "paragraphs" text NOT NULL,
                "verified_on" date NOT NULL,
                "posted_on" date NOT NULL,
                "taken_down_on" date NOT NULL,
                "last_appeal_day" date NOT NULL,
                "storage_place" text NOT NULL,
                "file_sha256" text,
                "status" text NOT NULL DEFAULT 'scheduled',
                "posted_at" TIMESTAMP WITH TIME ZONE,
                "taken_down_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6bdb1a5dc47d018aa7877aa9ffb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "postings_one_per_paragraph" ON "postings" ("paragraph_id")
            WHERE "paragraph_id" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "postings_one_per_minutes" ON "postings" ("minutes_id")
            WHERE "paragraph_id" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8491918c38fbb5eb0cceb6ea65" ON "postings" ("municipality_id", "status", "posted_on")
        `);
        await queryRunner.query(`
            CREATE TABLE "minutes_motions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "paragraph_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "person_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "text" text,
                "supporter_person_ids" uuid array NOT NULL DEFAULT '{}',
                "withdrawn" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_6067e185baaa5d1afa9e59612f4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cf69902288f8db215fb1663898" ON "minutes_motions" ("paragraph_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "minutes_votes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "paragraph_id" uuid NOT NULL,
                "yes_alternative" text NOT NULL,
                "no_alternative" text NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "casting_vote" text,
                "result" text,
                CONSTRAINT "PK_5cd50486cc16d951af581ca146f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_e805d710ebc5f369b8da590229" ON "minutes_votes" ("paragraph_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "minutes_ballots" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "vote_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "choice" text NOT NULL,
                CONSTRAINT "minutes_ballots_once" UNIQUE ("vote_id", "person_id"),
                CONSTRAINT "PK_3edfce7c7379ba22040c0740857" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "minutes_dissents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "paragraph_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "reasons" text,
                CONSTRAINT "minutes_dissents_once" UNIQUE ("paragraph_id", "person_id"),
                CONSTRAINT "PK_d5a2af25693361333d48e812469" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "minutes_notes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "paragraph_id" uuid NOT NULL,
                "person_id" uuid,
                "text" text NOT NULL,
                CONSTRAINT "PK_eae24d87cae04026eb7098feb8e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_2ea84c8bb728b465bd8fc11d91" ON "minutes_notes" ("paragraph_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "minutes_disqualifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "paragraph_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "substitute_person_id" uuid,
                "reason" text,
                CONSTRAINT "minutes_disqualifications_once" UNIQUE ("paragraph_id", "person_id"),
                CONSTRAINT "PK_7cfe2bf9eb23c69c3507d331fa2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries"
            ADD "subject_id" uuid
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "mail_deliveries_subject_purpose_recipient" ON "mail_deliveries" ("subject_id", "purpose", "recipient_key")
            WHERE "subject_id" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes"
            ADD CONSTRAINT "FK_fb0ce4cb13065534af6327b6a20" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes"
            ADD CONSTRAINT "FK_b5f85480864d8582430e488a93d" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes"
            ADD CONSTRAINT "FK_9557d6c1e971f610bd5c5afc0e0" FOREIGN KEY ("organ_id") REFERENCES "organs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes"
            ADD CONSTRAINT "FK_92aab437a6a3b7cb9fd118e9df8" FOREIGN KEY ("chair_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes"
            ADD CONSTRAINT "FK_e5bd64116a1b476423d10e6abb1" FOREIGN KEY ("secretary_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_paragraphs"
            ADD CONSTRAINT "FK_d7705548e05119753778eafa270" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_paragraphs"
            ADD CONSTRAINT "FK_208a50ceb4b16852fc3df00db89" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_paragraphs"
            ADD CONSTRAINT "FK_8e7f8675fc711bd656279612f76" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_paragraphs"
            ADD CONSTRAINT "FK_4855b28699270017c878694a932" FOREIGN KEY ("matter_id") REFERENCES "matters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_approvals"
            ADD CONSTRAINT "FK_b522de49e85a731438666c86113" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_approvals"
            ADD CONSTRAINT "FK_3428df25a56f9293d037b204306" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_approvals"
            ADD CONSTRAINT "FK_f0e062a7d0694131daf6edc054f" FOREIGN KEY ("paragraph_id") REFERENCES "minutes_paragraphs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_approvals"
            ADD CONSTRAINT "FK_d6579b7e9ca99ab79c0114cd369" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_attendees"
            ADD CONSTRAINT "FK_c483ed13afea2e127cef0772b10" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_attendees"
            ADD CONSTRAINT "FK_b33220028762b885e743ee2fd45" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_attendees"
            ADD CONSTRAINT "FK_4ea258bbc388fba4a0ca4827814" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ADD CONSTRAINT "FK_13bb32eb894b640c8a83bbb1401" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ADD CONSTRAINT "FK_684a33de86c5eb77362b4269e94" FOREIGN KEY ("organ_id") REFERENCES "organs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "postings"
            ADD CONSTRAINT "FK_9637e96a3d4edb1bfa7cc85956e" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_motions"
            ADD CONSTRAINT "FK_b7fa34ada33d2914903037f91f7" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_motions"
            ADD CONSTRAINT "FK_cf69902288f8db215fb16638980" FOREIGN KEY ("paragraph_id") REFERENCES "minutes_paragraphs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_motions"
            ADD CONSTRAINT "FK_ba0f3ffed059a9b0a00e7f7f1e3" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_votes"
            ADD CONSTRAINT "FK_6e6c185b12253bf0034be17ce5d" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_votes"
            ADD CONSTRAINT "FK_e805d710ebc5f369b8da5902293" FOREIGN KEY ("paragraph_id") REFERENCES "minutes_paragraphs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_ballots"
            ADD CONSTRAINT "FK_d391cf1a5258118ec0d45c2b26c" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_ballots"
            ADD CONSTRAINT "FK_70a4f795ba8bb999079963748fa" FOREIGN KEY ("vote_id") REFERENCES "minutes_votes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_ballots"
            ADD CONSTRAINT "FK_92d2634659c60d3cb254656578f" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_dissents"
            ADD CONSTRAINT "FK_eed5bfd0f5edbb6a2a93f153d69" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_dissents"
            ADD CONSTRAINT "FK_e6f0c263394d1a74f951cceab08" FOREIGN KEY ("paragraph_id") REFERENCES "minutes_paragraphs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_dissents"
            ADD CONSTRAINT "FK_8b1d2e3eab8adc16550e03d82f1" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_notes"
            ADD CONSTRAINT "FK_eb815ed928bf8343b75f961607d" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_notes"
            ADD CONSTRAINT "FK_2ea84c8bb728b465bd8fc11d919" FOREIGN KEY ("paragraph_id") REFERENCES "minutes_paragraphs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_notes"
            ADD CONSTRAINT "FK_f7815ecf4444a73d8f31ffe2dad" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_disqualifications"
            ADD CONSTRAINT "FK_622981f5fdf3832cfb4d94e2d99" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_disqualifications"
            ADD CONSTRAINT "FK_eaed418260a88ccc55de4236c3b" FOREIGN KEY ("paragraph_id") REFERENCES "minutes_paragraphs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_disqualifications"
            ADD CONSTRAINT "FK_89674a8fbc4a27b401b2ad9bb3d" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_disqualifications"
            ADD CONSTRAINT "FK_12b40a820c8ac9940832a0f3c8c" FOREIGN KEY ("substitute_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);

        // A delivery is about a notice, a substitute call, or a subject of another context (the minutes, a paragraph).
        await queryRunner.query(`ALTER TABLE "mail_deliveries" DROP CONSTRAINT "mail_deliveries_one_cause"`);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries"
            ADD CONSTRAINT "mail_deliveries_one_cause" CHECK (num_nonnulls("notice_id", "substitute_call_id", "subject_id") = 1)
        `);

        // Verified minutes are final (TF 2 kap.), and so is an omedelbart justerad paragraph: the database
        // refuses every change to them, whatever the application does.
        await queryRunner.query(`
            CREATE FUNCTION minutes_locked_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF OLD.status <> 'draft' THEN
                    RAISE EXCEPTION 'minutes % are verified and cannot change', OLD.id USING ERRCODE = 'object_not_in_prerequisite_state';
                END IF;
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER minutes_locked_immutable BEFORE UPDATE OR DELETE ON "minutes"
            FOR EACH ROW EXECUTE FUNCTION minutes_locked_immutable()
        `);
        await queryRunner.query(`
            CREATE FUNCTION minutes_content_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                target jsonb;
                target_paragraph uuid;
                target_minutes uuid;
            BEGIN
                IF TG_OP = 'INSERT' THEN target := to_jsonb(NEW); ELSE target := to_jsonb(OLD); END IF;
                IF TG_TABLE_NAME = 'minutes_paragraphs' THEN
                    target_paragraph := (target->>'id')::uuid;
                ELSIF TG_TABLE_NAME = 'minutes_ballots' THEN
                    SELECT paragraph_id INTO target_paragraph FROM minutes_votes WHERE id = (target->>'vote_id')::uuid;
                ELSE
                    target_paragraph := (target->>'paragraph_id')::uuid;
                END IF;
                target_minutes := coalesce((target->>'minutes_id')::uuid, (SELECT minutes_id FROM minutes_paragraphs WHERE id = target_paragraph));
                IF EXISTS (SELECT 1 FROM minutes WHERE id = target_minutes AND status <> 'draft') THEN
                    RAISE EXCEPTION 'minutes % are verified and cannot change', target_minutes USING ERRCODE = 'object_not_in_prerequisite_state';
                END IF;
                IF TG_OP <> 'INSERT' OR TG_TABLE_NAME <> 'minutes_paragraphs' THEN
                    IF EXISTS (SELECT 1 FROM minutes_paragraphs WHERE id = target_paragraph AND locked_at IS NOT NULL) THEN
                        RAISE EXCEPTION 'paragraph % is verified and cannot change', target_paragraph USING ERRCODE = 'object_not_in_prerequisite_state';
                    END IF;
                END IF;
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$
        `);
        for (const table of ['minutes_attendees', 'minutes_paragraphs', 'minutes_motions', 'minutes_votes', 'minutes_ballots', 'minutes_dissents', 'minutes_notes', 'minutes_disqualifications']) {
            await queryRunner.query(`
                CREATE TRIGGER ${table}_immutable BEFORE INSERT OR UPDATE OR DELETE ON "${table}"
                FOR EACH ROW EXECUTE FUNCTION minutes_content_immutable()
            `);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of ['minutes_attendees', 'minutes_paragraphs', 'minutes_motions', 'minutes_votes', 'minutes_ballots', 'minutes_dissents', 'minutes_notes', 'minutes_disqualifications']) {
            await queryRunner.query(`DROP TRIGGER ${table}_immutable ON "${table}"`);
        }
        await queryRunner.query(`DROP FUNCTION minutes_content_immutable()`);
        await queryRunner.query(`DROP TRIGGER minutes_locked_immutable ON "minutes"`);
        await queryRunner.query(`DROP FUNCTION minutes_locked_immutable()`);
        await queryRunner.query(`ALTER TABLE "mail_deliveries" DROP CONSTRAINT "mail_deliveries_one_cause"`);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries"
            ADD CONSTRAINT "mail_deliveries_one_cause" CHECK (("notice_id" IS NULL) <> ("substitute_call_id" IS NULL))
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_disqualifications" DROP CONSTRAINT "FK_12b40a820c8ac9940832a0f3c8c"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_disqualifications" DROP CONSTRAINT "FK_89674a8fbc4a27b401b2ad9bb3d"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_disqualifications" DROP CONSTRAINT "FK_eaed418260a88ccc55de4236c3b"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_disqualifications" DROP CONSTRAINT "FK_622981f5fdf3832cfb4d94e2d99"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_notes" DROP CONSTRAINT "FK_f7815ecf4444a73d8f31ffe2dad"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_notes" DROP CONSTRAINT "FK_2ea84c8bb728b465bd8fc11d919"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_notes" DROP CONSTRAINT "FK_eb815ed928bf8343b75f961607d"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_dissents" DROP CONSTRAINT "FK_8b1d2e3eab8adc16550e03d82f1"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_dissents" DROP CONSTRAINT "FK_e6f0c263394d1a74f951cceab08"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_dissents" DROP CONSTRAINT "FK_eed5bfd0f5edbb6a2a93f153d69"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_ballots" DROP CONSTRAINT "FK_92d2634659c60d3cb254656578f"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_ballots" DROP CONSTRAINT "FK_70a4f795ba8bb999079963748fa"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_ballots" DROP CONSTRAINT "FK_d391cf1a5258118ec0d45c2b26c"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_votes" DROP CONSTRAINT "FK_e805d710ebc5f369b8da5902293"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_votes" DROP CONSTRAINT "FK_6e6c185b12253bf0034be17ce5d"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_motions" DROP CONSTRAINT "FK_ba0f3ffed059a9b0a00e7f7f1e3"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_motions" DROP CONSTRAINT "FK_cf69902288f8db215fb16638980"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_motions" DROP CONSTRAINT "FK_b7fa34ada33d2914903037f91f7"
        `);
        await queryRunner.query(`
            ALTER TABLE "postings" DROP CONSTRAINT "FK_9637e96a3d4edb1bfa7cc85956e"
        `);
        await queryRunner.query(`
            ALTER TABLE "postings" DROP CONSTRAINT "FK_684a33de86c5eb77362b4269e94"
        `);
        await queryRunner.query(`
            ALTER TABLE "postings" DROP CONSTRAINT "FK_13bb32eb894b640c8a83bbb1401"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_attendees" DROP CONSTRAINT "FK_4ea258bbc388fba4a0ca4827814"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_attendees" DROP CONSTRAINT "FK_b33220028762b885e743ee2fd45"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_attendees" DROP CONSTRAINT "FK_c483ed13afea2e127cef0772b10"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_approvals" DROP CONSTRAINT "FK_d6579b7e9ca99ab79c0114cd369"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_approvals" DROP CONSTRAINT "FK_f0e062a7d0694131daf6edc054f"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_approvals" DROP CONSTRAINT "FK_3428df25a56f9293d037b204306"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_approvals" DROP CONSTRAINT "FK_b522de49e85a731438666c86113"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_paragraphs" DROP CONSTRAINT "FK_4855b28699270017c878694a932"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_paragraphs" DROP CONSTRAINT "FK_8e7f8675fc711bd656279612f76"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_paragraphs" DROP CONSTRAINT "FK_208a50ceb4b16852fc3df00db89"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes_paragraphs" DROP CONSTRAINT "FK_d7705548e05119753778eafa270"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes" DROP CONSTRAINT "FK_e5bd64116a1b476423d10e6abb1"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes" DROP CONSTRAINT "FK_92aab437a6a3b7cb9fd118e9df8"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes" DROP CONSTRAINT "FK_9557d6c1e971f610bd5c5afc0e0"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes" DROP CONSTRAINT "FK_b5f85480864d8582430e488a93d"
        `);
        await queryRunner.query(`
            ALTER TABLE "minutes" DROP CONSTRAINT "FK_fb0ce4cb13065534af6327b6a20"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mail_deliveries_subject_purpose_recipient"
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries" DROP COLUMN "subject_id"
        `);
        await queryRunner.query(`
            DROP TABLE "minutes_disqualifications"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_2ea84c8bb728b465bd8fc11d91"
        `);
        await queryRunner.query(`
            DROP TABLE "minutes_notes"
        `);
        await queryRunner.query(`
            DROP TABLE "minutes_dissents"
        `);
        await queryRunner.query(`
            DROP TABLE "minutes_ballots"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_e805d710ebc5f369b8da590229"
        `);
        await queryRunner.query(`
            DROP TABLE "minutes_votes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cf69902288f8db215fb1663898"
        `);
        await queryRunner.query(`
            DROP TABLE "minutes_motions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8491918c38fbb5eb0cceb6ea65"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."postings_one_per_minutes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."postings_one_per_paragraph"
        `);
        await queryRunner.query(`
            DROP TABLE "postings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b33220028762b885e743ee2fd4"
        `);
        await queryRunner.query(`
            DROP TABLE "minutes_attendees"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3428df25a56f9293d037b20430"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."minutes_approvals_once"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."minutes_approvals_paragraph_once"
        `);
        await queryRunner.query(`
            DROP TABLE "minutes_approvals"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4855b28699270017c878694a93"
        `);
        await queryRunner.query(`
            DROP TABLE "minutes_paragraphs"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."minutes_one_per_meeting"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_13e20c6595907e6312b4e466f7"
        `);
        await queryRunner.query(`
            DROP TABLE "minutes"
        `);
    }

}
