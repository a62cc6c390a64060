import { MigrationInterface, QueryRunner } from "typeorm";

export class Matters1795441139610 implements MigrationInterface {
    name = 'Matters1795441139610'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "case_number_counters" (
                "registry_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "last_sequence" integer NOT NULL,
                CONSTRAINT "PK_a85a9cf3b1ef9160021f66d47d8" PRIMARY KEY ("registry_id", "year")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "documents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "matter_id" uuid NOT NULL,
                "sequence" integer NOT NULL,
                "document_number" text NOT NULL,
                "kind" text NOT NULL,
                "direction" text NOT NULL,
                "document_date" date NOT NULL,
                "counterparty" text,
                "title" text,
                "description" text NOT NULL,
                "file_name" text NOT NULL,
                "media_type" text NOT NULL,
                "size_bytes" integer NOT NULL,
                "sha256" text NOT NULL,
                "extracted_text" text,
                "registered_on" date NOT NULL,
                "registered_by_user_id" uuid,
                "secret" boolean NOT NULL DEFAULT false,
                "secrecy_provision" text,
                "secrecy_marked_on" date,
                "secrecy_marked_by" text,
                CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_590001a33ce76f9d7712acba62" ON "documents" ("sha256")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_6a08b70a4bb7e406e45f1b7b97" ON "documents" ("matter_id", "sequence")
        `);
        await queryRunner.query(`
            CREATE TABLE "matters" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "registry_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "sequence" integer NOT NULL,
                "suffix" text,
                "case_number" text NOT NULL,
                "title" text NOT NULL,
                "description" text,
                "classification" text,
                "department_id" uuid,
                "case_officer_id" uuid,
                "organ_id" uuid,
                "status" text NOT NULL,
                "registered_on" date NOT NULL,
                "closed_on" date,
                "secret" boolean NOT NULL DEFAULT false,
                "secrecy_provision" text,
                "personal_data" boolean NOT NULL DEFAULT false,
                "cancellation_reason" text,
                "last_document_sequence" integer NOT NULL DEFAULT '0',
                "search_vector" tsvector,
                CONSTRAINT "PK_b6e879e12614eaedc4a6fdcb2b3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_109c15b4d83a864fd2e00fe750" ON "matters" ("municipality_id", "case_officer_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_36100e5c16d15b8c7cdee79c06" ON "matters" ("municipality_id", "organ_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_9499feb937942a34271306185c" ON "matters" ("municipality_id", "department_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_810bddbfdc897cb977b500c61e" ON "matters" ("municipality_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_98916d80588a6f740c259b407f" ON "matters" ("municipality_id", "registered_on")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_85ff4bff9ad587e3f2d27e46ec" ON "matters" ("registry_id", "year", "sequence")
        `);
        await queryRunner.query(`
            CREATE TABLE "matter_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "municipality_id" uuid NOT NULL,
                "matter_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "summary" text NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}',
                "actor_user_id" uuid,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                CONSTRAINT "PK_d3160c1b134bd0f3205bef2eae6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ef1db8b0d63ca08af65db48dd7" ON "matter_events" ("matter_id", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "officer_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "matter_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "status" text NOT NULL,
                "organ_id" uuid NOT NULL,
                "department_id" uuid,
                "case_officer_id" uuid,
                "content" jsonb NOT NULL,
                "attachment_document_ids" uuid array NOT NULL DEFAULT '{}',
                "author_user_id" uuid,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "returned_at" TIMESTAMP WITH TIME ZONE,
                "return_comment" text,
                "signed_at" TIMESTAMP WITH TIME ZONE,
                "signed_by_user_id" uuid,
                "signed_by_person_id" uuid,
                "signed_by_name" text,
                "signed_by_title" text,
                "content_sha256" text,
                "document_id" uuid,
                CONSTRAINT "PK_3f6894eaaebbd80988291793a37" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "officer_reports_one_open_version" ON "officer_reports" ("matter_id")
            WHERE "status" <> 'signed'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5325e3f5b0b0d70c0d6f555f88" ON "officer_reports" ("matter_id", "version")
        `);
        await queryRunner.query(`
            CREATE TABLE "registries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "code" text NOT NULL,
                "name" text NOT NULL,
                "organ_id" uuid,
                "department_id" uuid,
                "suffix_format" text,
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "registries_owner" CHECK (num_nonnulls(organ_id, department_id) = 1),
                CONSTRAINT "PK_414eba74fdd10096bfda34f495f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5dc53767ab6ce506dc7c48f514" ON "registries" ("municipality_id", "code")
        `);
        await queryRunner.query(`
            ALTER TABLE "case_number_counters"
            ADD CONSTRAINT "FK_9db153d55db8705bdf793cd3653" FOREIGN KEY ("registry_id") REFERENCES "registries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "FK_2283993712dfe00218d4fb0c557" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "FK_8324b7ffebc32c4fa47f7c16762" FOREIGN KEY ("matter_id") REFERENCES "matters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matters"
            ADD CONSTRAINT "FK_bd8de421c05c3df9b0304f8e8a8" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matters"
            ADD CONSTRAINT "FK_df3415ddf897b3a5907cb069aad" FOREIGN KEY ("registry_id") REFERENCES "registries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matters"
            ADD CONSTRAINT "FK_994995563dc62d533e169390d5b" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matters"
            ADD CONSTRAINT "FK_95dbae212424c7260787fb15b37" FOREIGN KEY ("case_officer_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matters"
            ADD CONSTRAINT "FK_2775f39957a08486e565a2ef27a" FOREIGN KEY ("organ_id") REFERENCES "organs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_events"
            ADD CONSTRAINT "FK_c1df86430d8054b71e9cb2b28b9" FOREIGN KEY ("matter_id") REFERENCES "matters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "officer_reports"
            ADD CONSTRAINT "FK_75ce7c1e47cb5cb3b1c365553d9" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "officer_reports"
            ADD CONSTRAINT "FK_a13bda5db4966ae5ca55a167380" FOREIGN KEY ("matter_id") REFERENCES "matters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "officer_reports"
            ADD CONSTRAINT "FK_551487b189cf8d3fb5588005cf3" FOREIGN KEY ("organ_id") REFERENCES "organs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "officer_reports"
            ADD CONSTRAINT "FK_2bf2bd7c8a76240c6aa5ce3728f" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "registries"
            ADD CONSTRAINT "FK_31c847c054f8e9b42d9241b81ea" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "registries"
            ADD CONSTRAINT "FK_71d8810c22e426d61999fb38e2e" FOREIGN KEY ("organ_id") REFERENCES "organs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "registries"
            ADD CONSTRAINT "FK_f0444192f27f1fe8bb9efc28c38" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);

        // Swedish full-text search over a matter, its latest tjänsteskrivelse and its documents. Secret
        // documents' text is left out, so a search can never reveal what they say.
        await queryRunner.query(`
            CREATE FUNCTION matters_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.search_vector :=
                    setweight(to_tsvector('swedish', coalesce(NEW.title, '')), 'A') ||
                    setweight(to_tsvector('swedish', coalesce(NEW.description, '')), 'B') ||
                    coalesce((SELECT setweight(jsonb_to_tsvector('swedish', r.content, '["string"]'), 'B')
                              FROM officer_reports r WHERE r.matter_id = NEW.id ORDER BY r.version DESC LIMIT 1), ''::tsvector) ||
                    coalesce((SELECT setweight(to_tsvector('swedish', string_agg(coalesce(d.title, '') || ' ' || d.description || ' ' || coalesce(d.extracted_text, ''), ' ')), 'C')
                              FROM documents d WHERE d.matter_id = NEW.id AND NOT d.secret), ''::tsvector);
                RETURN NEW;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER matters_search_vector BEFORE INSERT OR UPDATE OF title, description, search_vector ON "matters"
            FOR EACH ROW EXECUTE FUNCTION matters_search_vector_refresh()
        `);
        await queryRunner.query(`
            CREATE FUNCTION matters_search_vector_touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE matters SET search_vector = NULL WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.matter_id ELSE NEW.matter_id END;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER documents_search_vector AFTER INSERT OR DELETE OR UPDATE OF title, description, extracted_text, secret ON "documents"
            FOR EACH ROW EXECUTE FUNCTION matters_search_vector_touch()
        `);
        await queryRunner.query(`
            CREATE TRIGGER officer_reports_search_vector AFTER INSERT OR DELETE OR UPDATE OF content ON "officer_reports"
            FOR EACH ROW EXECUTE FUNCTION matters_search_vector_touch()
        `);
        await queryRunner.query(`CREATE INDEX "matters_search_vector" ON "matters" USING gin ("search_vector")`);
        // The Swedish stemmer leaves the definite "-et" on ("arbetsutskottet", "bygglovet"), so each
        // word (already lower-cased and split by the application) is searched as a prefix, and a word
        // ending in -et also without it: "arbetsutskott" finds "arbetsutskottet" and the reverse.
        await queryRunner.query(`
            CREATE FUNCTION swedish_search_query(words text[]) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE STRICT
            -- A query of stop words only ("och") is empty, not worth a notice in the log.
            SET client_min_messages = warning AS $$
            DECLARE
                result tsquery := NULL;
                word text;
                term tsquery;
            BEGIN
                FOREACH word IN ARRAY words LOOP
                    CONTINUE WHEN word = '' OR word ~ '[&|!:*()<>[:space:]''\\\\]';
                    term := to_tsquery('swedish', word || CASE WHEN length(word) >= 3 THEN ':*' ELSE '' END);
                    IF length(word) > 5 AND word LIKE '%et' THEN
                        term := term || to_tsquery('swedish', left(word, -2) || ':*');
                    END IF;
                    result := CASE WHEN result IS NULL THEN term ELSE result && term END;
                END LOOP;
                RETURN coalesce(result, to_tsquery('swedish', ''));
            END $$
        `);

        // A signed tjänsteskrivelse never changes; a change is a new version.
        await queryRunner.query(`
            CREATE FUNCTION officer_reports_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF OLD.status = 'signed' THEN
                    RAISE EXCEPTION 'officer report % is signed and cannot change', OLD.id USING ERRCODE = 'object_not_in_prerequisite_state';
                END IF;
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER officer_reports_signed_immutable BEFORE UPDATE OR DELETE ON "officer_reports"
            FOR EACH ROW EXECUTE FUNCTION officer_reports_signed_immutable()
        `);

        // The diarium keeps everything: a matter's history is append-only, and registered matters and
        // documents are never deleted (a registration made in error is cancelled, not removed).
        await queryRunner.query(`
            CREATE FUNCTION diarium_keeps_rows() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% keeps its rows: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER matter_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "matter_events"
            FOR EACH STATEMENT EXECUTE FUNCTION diarium_keeps_rows()
        `);
        await queryRunner.query(`
            CREATE TRIGGER matters_never_deleted BEFORE DELETE OR TRUNCATE ON "matters"
            FOR EACH STATEMENT EXECUTE FUNCTION diarium_keeps_rows()
        `);
        await queryRunner.query(`
            CREATE TRIGGER documents_never_deleted BEFORE DELETE OR TRUNCATE ON "documents"
            FOR EACH STATEMENT EXECUTE FUNCTION diarium_keeps_rows()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER documents_never_deleted ON "documents"`);
        await queryRunner.query(`DROP TRIGGER matters_never_deleted ON "matters"`);
        await queryRunner.query(`DROP TRIGGER matter_events_append_only ON "matter_events"`);
        await queryRunner.query(`DROP FUNCTION diarium_keeps_rows()`);
        await queryRunner.query(`DROP TRIGGER officer_reports_signed_immutable ON "officer_reports"`);
        await queryRunner.query(`DROP FUNCTION officer_reports_signed_immutable()`);
        await queryRunner.query(`DROP FUNCTION swedish_search_query(text[])`);
        await queryRunner.query(`DROP INDEX "matters_search_vector"`);
        await queryRunner.query(`DROP TRIGGER officer_reports_search_vector ON "officer_reports"`);
        await queryRunner.query(`DROP TRIGGER documents_search_vector ON "documents"`);
        await queryRunner.query(`DROP FUNCTION matters_search_vector_touch()`);
        await queryRunner.query(`DROP TRIGGER matters_search_vector ON "matters"`);
        await queryRunner.query(`DROP FUNCTION matters_search_vector_refresh()`);
        await queryRunner.query(`
            ALTER TABLE "registries" DROP CONSTRAINT "FK_f0444192f27f1fe8bb9efc28c38"
        `);
        await queryRunner.query(`
            ALTER TABLE "registries" DROP CONSTRAINT "FK_71d8810c22e426d61999fb38e2e"
        `);
        await queryRunner.query(`
            ALTER TABLE "registries" DROP CONSTRAINT "FK_31c847c054f8e9b42d9241b81ea"
        `);
        await queryRunner.query(`
            ALTER TABLE "officer_reports" DROP CONSTRAINT "FK_2bf2bd7c8a76240c6aa5ce3728f"
        `);
        await queryRunner.query(`
            ALTER TABLE "officer_reports" DROP CONSTRAINT "FK_551487b189cf8d3fb5588005cf3"
        `);
        await queryRunner.query(`
            ALTER TABLE "officer_reports" DROP CONSTRAINT "FK_a13bda5db4966ae5ca55a167380"
        `);
        await queryRunner.query(`
            ALTER TABLE "officer_reports" DROP CONSTRAINT "FK_75ce7c1e47cb5cb3b1c365553d9"
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_events" DROP CONSTRAINT "FK_c1df86430d8054b71e9cb2b28b9"
        `);
        await queryRunner.query(`
            ALTER TABLE "matters" DROP CONSTRAINT "FK_2775f39957a08486e565a2ef27a"
        `);
        await queryRunner.query(`
            ALTER TABLE "matters" DROP CONSTRAINT "FK_95dbae212424c7260787fb15b37"
        `);
        await queryRunner.query(`
            ALTER TABLE "matters" DROP CONSTRAINT "FK_994995563dc62d533e169390d5b"
        `);
        await queryRunner.query(`
            ALTER TABLE "matters" DROP CONSTRAINT "FK_df3415ddf897b3a5907cb069aad"
        `);
        await queryRunner.query(`
            ALTER TABLE "matters" DROP CONSTRAINT "FK_bd8de421c05c3df9b0304f8e8a8"
        `);
        await queryRunner.query(`
            ALTER TABLE "documents" DROP CONSTRAINT "FK_8324b7ffebc32c4fa47f7c16762"
        `);
        await queryRunner.query(`
            ALTER TABLE "documents" DROP CONSTRAINT "FK_2283993712dfe00218d4fb0c557"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_number_counters" DROP CONSTRAINT "FK_9db153d55db8705bdf793cd3653"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5dc53767ab6ce506dc7c48f514"
        `);
        await queryRunner.query(`
            DROP TABLE "registries"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5325e3f5b0b0d70c0d6f555f88"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."officer_reports_one_open_version"
        `);
        await queryRunner.query(`
            DROP TABLE "officer_reports"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ef1db8b0d63ca08af65db48dd7"
        `);
        await queryRunner.query(`
            DROP TABLE "matter_events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_85ff4bff9ad587e3f2d27e46ec"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_98916d80588a6f740c259b407f"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_810bddbfdc897cb977b500c61e"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9499feb937942a34271306185c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_36100e5c16d15b8c7cdee79c06"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_109c15b4d83a864fd2e00fe750"
        `);
        await queryRunner.query(`
            DROP TABLE "matters"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6a08b70a4bb7e406e45f1b7b97"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_590001a33ce76f9d7712acba62"
        `);
        await queryRunner.query(`
            DROP TABLE "documents"
        `);
        await queryRunner.query(`
            DROP TABLE "case_number_counters"
        `);
    }

}
