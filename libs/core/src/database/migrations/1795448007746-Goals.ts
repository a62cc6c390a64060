import { MigrationInterface, QueryRunner } from "typeorm";

export class Goals1795448007746 implements MigrationInterface {
    name = 'Goals1795448007746'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "goal_frameworks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "key" text NOT NULL,
                "name" text NOT NULL,
                "description" text,
                "from_year" integer NOT NULL,
                "to_year" integer NOT NULL,
                "source" text,
                "levels" jsonb NOT NULL,
                "scales" jsonb NOT NULL DEFAULT '[]',
                "assessment_scale" text,
                "footnotes" jsonb NOT NULL DEFAULT '[]',
                "activity_counts" jsonb NOT NULL DEFAULT '[]',
                "content_sha256" text NOT NULL,
                CONSTRAINT "PK_2aa6e944e48838864e221b27c2f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_97436112f9fdfd3f9465e15821" ON "goal_frameworks" ("municipality_id", "key")
        `);
        await queryRunner.query(`
            CREATE TABLE "activity_plans" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "framework_id" uuid NOT NULL,
                "key" text NOT NULL,
                "department_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "title" text NOT NULL,
                "ordinal" integer NOT NULL,
                CONSTRAINT "PK_fecb6bcf3c615dbd7d87687d508" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_950ee1d1aa318fa497bec0150f" ON "activity_plans" ("framework_id", "key")
        `);
        await queryRunner.query(`
            CREATE TABLE "goal_nodes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "framework_id" uuid NOT NULL,
                "key" text NOT NULL,
                "level" text NOT NULL,
                "parent_id" uuid,
                "title" text NOT NULL,
                "description" text,
                "position" integer,
                "external_refs" text array NOT NULL DEFAULT '{}',
                "ordinal" integer NOT NULL,
                CONSTRAINT "PK_787a6cafc8fb9adf97c9dd33506" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_8241afb0b0945707696a938bc0" ON "goal_nodes" ("framework_id", "key")
        `);
        await queryRunner.query(`
            CREATE TABLE "indicators" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "framework_id" uuid NOT NULL,
                "key" text NOT NULL,
                "name" text NOT NULL,
                "unit" text,
                "direction" text NOT NULL,
                "decimals" smallint NOT NULL DEFAULT '0',
                "description" text,
                "parent_id" uuid,
                "scale" text,
                "kolada_kpi" text,
                "source" text,
                "footnotes" text array NOT NULL DEFAULT '{}',
                "ordinal" integer NOT NULL,
                CONSTRAINT "PK_6e24383c110600564187e92042e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5388f460b23e10015d8d89a140" ON "indicators" ("framework_id", "key")
        `);
        await queryRunner.query(`
            CREATE TABLE "goal_assessments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "framework_id" uuid NOT NULL,
                "node_id" uuid,
                "indicator_id" uuid,
                "year" integer NOT NULL,
                "state" text NOT NULL,
                "comment" text,
                "assessed_by" text,
                "assessed_on" date,
                "ordinal" integer NOT NULL,
                CONSTRAINT "goal_assessments_one_subject" CHECK (("node_id" IS NULL) <> ("indicator_id" IS NULL)),
                CONSTRAINT "PK_bb19778b6eceeb8c2bf2ac4fdc9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "generated_goal_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "matter_id" uuid NOT NULL,
                "title" text NOT NULL,
                "data_sha256" text NOT NULL,
                "document_id" uuid NOT NULL,
                CONSTRAINT "PK_291dd57135589c350abefb732e9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f5dea26ed97a7548e3e52eb152" ON "generated_goal_reports" ("matter_id", "title", "data_sha256")
        `);
        await queryRunner.query(`
            CREATE TABLE "goal_activities" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "plan_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "text" text NOT NULL,
                "quantity" text,
                "quantity_min" double precision,
                "quantity_max" double precision,
                "unit" text,
                "responsible" text array NOT NULL,
                "responsible_department_ids" uuid array NOT NULL,
                "unit_of_work" text,
                "comment" text,
                "node_id" uuid,
                "indicator_id" uuid,
                "status" text NOT NULL DEFAULT 'planned',
                CONSTRAINT "PK_197894ca57507b4b6f0125889a0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_a77091c7f763fd76f92591b038" ON "goal_activities" ("plan_id", "number")
        `);
        await queryRunner.query(`
            CREATE TABLE "indicator_targets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "indicator_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "kind" text NOT NULL,
                "comparator" text,
                "value" double precision,
                "relative_to_year" integer,
                "state" text,
                "note" text,
                "footnotes" text array NOT NULL DEFAULT '{}',
                "ordinal" integer NOT NULL,
                CONSTRAINT "indicator_targets_shape" CHECK (
                    (
                        "kind" = 'numeric'
                        AND "value" IS NOT NULL
                        AND "comparator" IS NOT NULL
                    )
                    OR (
                        "kind" = 'relative'
                        AND "comparator" IS NOT NULL
                    )
                    OR (
                        "kind" = 'state'
                        AND "state" IS NOT NULL
                    )
                ),
                CONSTRAINT "PK_9a02cd645eea6c99219c6896f5c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_65448d096d489b7bf5a6360f4a" ON "indicator_targets" ("indicator_id", "year")
        `);
        await queryRunner.query(`
            CREATE TABLE "indicator_values" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "indicator_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "as_of" date,
                "note" text,
                "value" double precision,
                "state" text,
                "preliminary" boolean NOT NULL DEFAULT false,
                "footnotes" text array NOT NULL DEFAULT '{}',
                "source" text,
                "ordinal" integer NOT NULL,
                CONSTRAINT "PK_611038cccc7a74de92fed3da44d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "indicator_values_as_of" ON "indicator_values" ("indicator_id", "year", "as_of")
            WHERE "as_of" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "indicator_values_year" ON "indicator_values" ("indicator_id", "year")
            WHERE "as_of" IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "kolada_imports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "framework_id" uuid NOT NULL,
                "years" integer array NOT NULL,
                "status" text NOT NULL DEFAULT 'queued',
                "requested_by_user_id" uuid,
                "imported" integer NOT NULL DEFAULT '0',
                "missing" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_3a333a86b832aabfa963314b53e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "matter_goal_links" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "matter_id" uuid NOT NULL,
                "framework_id" uuid NOT NULL,
                "node_id" uuid,
                "indicator_id" uuid,
                "activity_plan_id" uuid,
                "report_kind" text NOT NULL,
                CONSTRAINT "matter_goal_links_one_target" CHECK (
                    num_nonnulls("node_id", "indicator_id", "activity_plan_id") = 1
                ),
                CONSTRAINT "PK_0cdeaaeb6a6b33f28e1a039918a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0c801108dbafd2f52bc9b46300" ON "matter_goal_links" ("matter_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "indicator_nodes" (
                "indicator_id" uuid NOT NULL,
                "node_id" uuid NOT NULL,
                CONSTRAINT "PK_0f0d4919e99c5e9bdbe946006a6" PRIMARY KEY ("indicator_id", "node_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_aad43f619078a15f5b8aab37b0" ON "indicator_nodes" ("indicator_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4c0fcf4c1e5337dbbfee47a48c" ON "indicator_nodes" ("node_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_frameworks"
            ADD CONSTRAINT "FK_9159338d25119626f084abf8326" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_plans"
            ADD CONSTRAINT "FK_1345dc9f45b8718ae5769e91edd" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_plans"
            ADD CONSTRAINT "FK_b847a144e43a3c0fa3f25e100e3" FOREIGN KEY ("framework_id") REFERENCES "goal_frameworks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_plans"
            ADD CONSTRAINT "FK_5e4e475374aa99beddbee335f3f" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_nodes"
            ADD CONSTRAINT "FK_9e786ae2ded3469d2379e3c922c" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_nodes"
            ADD CONSTRAINT "FK_373cb7d5b759c5b69104f06a05b" FOREIGN KEY ("framework_id") REFERENCES "goal_frameworks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_nodes"
            ADD CONSTRAINT "FK_bb72d1762abf3d86fe75572b1c6" FOREIGN KEY ("parent_id") REFERENCES "goal_nodes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "indicators"
            ADD CONSTRAINT "FK_c860dbece485e051edfe2825220" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "indicators"
            ADD CONSTRAINT "FK_6b01e27d63aefaf14651ac221c5" FOREIGN KEY ("framework_id") REFERENCES "goal_frameworks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "indicators"
            ADD CONSTRAINT "FK_dd5523472614e079f923c3c9e09" FOREIGN KEY ("parent_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_assessments"
            ADD CONSTRAINT "FK_46a46a4a7d9cd2fb19cc47696ce" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_assessments"
            ADD CONSTRAINT "FK_eeb98e937a459251e00bc4e3f7d" FOREIGN KEY ("framework_id") REFERENCES "goal_frameworks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_assessments"
            ADD CONSTRAINT "FK_70281d91fbbcd0038484aaa0bf6" FOREIGN KEY ("node_id") REFERENCES "goal_nodes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_assessments"
            ADD CONSTRAINT "FK_42d56e299bf16d4fad2b258ea90" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "generated_goal_reports"
            ADD CONSTRAINT "FK_d2045fb3fc1030b3d3286d10bf3" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "generated_goal_reports"
            ADD CONSTRAINT "FK_827f05a8b72c2d0afbdbc08b511" FOREIGN KEY ("matter_id") REFERENCES "matters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "generated_goal_reports"
            ADD CONSTRAINT "FK_2421bb58827863f604f00ac2205" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_activities"
            ADD CONSTRAINT "FK_2c8bcbf35433bf1bc958cd50c46" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_activities"
            ADD CONSTRAINT "FK_1e59a7b16709cd476ad63e27c22" FOREIGN KEY ("plan_id") REFERENCES "activity_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_activities"
            ADD CONSTRAINT "FK_d9b2785e2aa51142abdc5be52cc" FOREIGN KEY ("node_id") REFERENCES "goal_nodes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_activities"
            ADD CONSTRAINT "FK_8db8ad66800951c98e293db6b5d" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "indicator_targets"
            ADD CONSTRAINT "FK_073c273f3da8a1ebc5897981706" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "indicator_targets"
            ADD CONSTRAINT "FK_aae9c55c696fd41d52dd90b0295" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "indicator_values"
            ADD CONSTRAINT "FK_f3358c8a6d708d762f7b5c26320" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "indicator_values"
            ADD CONSTRAINT "FK_4afd5f29369ef48152bb4a9be59" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "kolada_imports"
            ADD CONSTRAINT "FK_f6327607ac73680316adf9b60da" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "kolada_imports"
            ADD CONSTRAINT "FK_563943abae7adb4ae009c42469f" FOREIGN KEY ("framework_id") REFERENCES "goal_frameworks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_goal_links"
            ADD CONSTRAINT "FK_af69a9d246a90832daf49ad794d" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_goal_links"
            ADD CONSTRAINT "FK_0c801108dbafd2f52bc9b463009" FOREIGN KEY ("matter_id") REFERENCES "matters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_goal_links"
            ADD CONSTRAINT "FK_9a3744541660875634d147c71e7" FOREIGN KEY ("framework_id") REFERENCES "goal_frameworks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_goal_links"
            ADD CONSTRAINT "FK_e438e2c04150c30ca43891160ed" FOREIGN KEY ("node_id") REFERENCES "goal_nodes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_goal_links"
            ADD CONSTRAINT "FK_82de9515c21b55e9f05f9948d2a" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_goal_links"
            ADD CONSTRAINT "FK_32729ce7f68bdc2aeb562f71445" FOREIGN KEY ("activity_plan_id") REFERENCES "activity_plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "indicator_nodes"
            ADD CONSTRAINT "FK_aad43f619078a15f5b8aab37b08" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "indicator_nodes"
            ADD CONSTRAINT "FK_4c0fcf4c1e5337dbbfee47a48ce" FOREIGN KEY ("node_id") REFERENCES "goal_nodes"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "indicator_nodes" DROP CONSTRAINT "FK_4c0fcf4c1e5337dbbfee47a48ce"
        `);
        await queryRunner.query(`
            ALTER TABLE "indicator_nodes" DROP CONSTRAINT "FK_aad43f619078a15f5b8aab37b08"
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_goal_links" DROP CONSTRAINT "FK_32729ce7f68bdc2aeb562f71445"
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_goal_links" DROP CONSTRAINT "FK_82de9515c21b55e9f05f9948d2a"
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_goal_links" DROP CONSTRAINT "FK_e438e2c04150c30ca43891160ed"
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_goal_links" DROP CONSTRAINT "FK_9a3744541660875634d147c71e7"
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_goal_links" DROP CONSTRAINT "FK_0c801108dbafd2f52bc9b463009"
        `);
        await queryRunner.query(`
            ALTER TABLE "matter_goal_links" DROP CONSTRAINT "FK_af69a9d246a90832daf49ad794d"
        `);
        await queryRunner.query(`
            ALTER TABLE "kolada_imports" DROP CONSTRAINT "FK_563943abae7adb4ae009c42469f"
        `);
        await queryRunner.query(`
            ALTER TABLE "kolada_imports" DROP CONSTRAINT "FK_f6327607ac73680316adf9b60da"
        `);
        await queryRunner.query(`
            ALTER TABLE "indicator_values" DROP CONSTRAINT "FK_4afd5f29369ef48152bb4a9be59"
        `);
        await queryRunner.query(`
            ALTER TABLE "indicator_values" DROP CONSTRAINT "FK_f3358c8a6d708d762f7b5c26320"
        `);
        await queryRunner.query(`
            ALTER TABLE "indicator_targets" DROP CONSTRAINT "FK_aae9c55c696fd41d52dd90b0295"
        `);
        await queryRunner.query(`
            ALTER TABLE "indicator_targets" DROP CONSTRAINT "FK_073c273f3da8a1ebc5897981706"
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_activities" DROP CONSTRAINT "FK_8db8ad66800951c98e293db6b5d"
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_activities" DROP CONSTRAINT "FK_d9b2785e2aa51142abdc5be52cc"
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_activities" DROP CONSTRAINT "FK_1e59a7b16709cd476ad63e27c22"
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_activities" DROP CONSTRAINT "FK_2c8bcbf35433bf1bc958cd50c46"
        `);
        await queryRunner.query(`
            ALTER TABLE "generated_goal_reports" DROP CONSTRAINT "FK_2421bb58827863f604f00ac2205"
        `);
        await queryRunner.query(`
            ALTER TABLE "generated_goal_reports" DROP CONSTRAINT "FK_827f05a8b72c2d0afbdbc08b511"
        `);
        await queryRunner.query(`
            ALTER TABLE "generated_goal_reports" DROP CONSTRAINT "FK_d2045fb3fc1030b3d3286d10bf3"
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_assessments" DROP CONSTRAINT "FK_42d56e299bf16d4fad2b258ea90"
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_assessments" DROP CONSTRAINT "FK_70281d91fbbcd0038484aaa0bf6"
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_assessments" DROP CONSTRAINT "FK_eeb98e937a459251e00bc4e3f7d"
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_assessments" DROP CONSTRAINT "FK_46a46a4a7d9cd2fb19cc47696ce"
        `);
        await queryRunner.query(`
            ALTER TABLE "indicators" DROP CONSTRAINT "FK_dd5523472614e079f923c3c9e09"
        `);
        await queryRunner.query(`
            ALTER TABLE "indicators" DROP CONSTRAINT "FK_6b01e27d63aefaf14651ac221c5"
        `);
        await queryRunner.query(`
            ALTER TABLE "indicators" DROP CONSTRAINT "FK_c860dbece485e051edfe2825220"
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_nodes" DROP CONSTRAINT "FK_bb72d1762abf3d86fe75572b1c6"
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_nodes" DROP CONSTRAINT "FK_373cb7d5b759c5b69104f06a05b"
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_nodes" DROP CONSTRAINT "FK_9e786ae2ded3469d2379e3c922c"
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_plans" DROP CONSTRAINT "FK_5e4e475374aa99beddbee335f3f"
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_plans" DROP CONSTRAINT "FK_b847a144e43a3c0fa3f25e100e3"
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_plans" DROP CONSTRAINT "FK_1345dc9f45b8718ae5769e91edd"
        `);
        await queryRunner.query(`
            ALTER TABLE "goal_frameworks" DROP CONSTRAINT "FK_9159338d25119626f084abf8326"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4c0fcf4c1e5337dbbfee47a48c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_aad43f619078a15f5b8aab37b0"
        `);
        await queryRunner.query(`
            DROP TABLE "indicator_nodes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0c801108dbafd2f52bc9b46300"
        `);
        await queryRunner.query(`
            DROP TABLE "matter_goal_links"
        `);
        await queryRunner.query(`
            DROP TABLE "kolada_imports"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."indicator_values_year"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."indicator_values_as_of"
        `);
        await queryRunner.query(`
            DROP TABLE "indicator_values"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_65448d096d489b7bf5a6360f4a"
        `);
        await queryRunner.query(`
            DROP TABLE "indicator_targets"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a77091c7f763fd76f92591b038"
        `);
        await queryRunner.query(`
            DROP TABLE "goal_activities"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f5dea26ed97a7548e3e52eb152"
        `);
        await queryRunner.query(`
            DROP TABLE "generated_goal_reports"
        `);
        await queryRunner.query(`
            DROP TABLE "goal_assessments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5388f460b23e10015d8d89a140"
        `);
        await queryRunner.query(`
            DROP TABLE "indicators"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8241afb0b0945707696a938bc0"
        `);
        await queryRunner.query(`
            DROP TABLE "goal_nodes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_950ee1d1aa318fa497bec0150f"
        `);
        await queryRunner.query(`
            DROP TABLE "activity_plans"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_97436112f9fdfd3f9465e15821"
        `);
        await queryRunner.query(`
            DROP TABLE "goal_frameworks"
        `);
    }

}
