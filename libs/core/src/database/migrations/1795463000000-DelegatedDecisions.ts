import { MigrationInterface, QueryRunner } from 'typeorm';

/** The register of delegated and urgent chair decisions, reported under "Anmälan av delegationsbeslut". */
export class DelegatedDecisions1795463000000 implements MigrationInterface {
  name = 'DelegatedDecisions1795463000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "delegated_decisions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "municipality_id" uuid NOT NULL,
        "organ_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "decision_text" text NOT NULL,
        "delegation_point" text,
        "decided_on" date NOT NULL,
        "delegate_person_id" uuid,
        "delegate_name" text NOT NULL,
        "delegate_title" text,
        "matter_id" uuid,
        "case_number" text,
        "reported_at_meeting_id" uuid,
        "reported_in_paragraph_id" uuid,
        "reported_in_paragraph" text,
        "reported_at" TIMESTAMP WITH TIME ZONE,
        "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "registered_by_user_id" uuid,
        CONSTRAINT "delegated_decisions_point" CHECK ("kind" = 'urgent_chair' OR "delegation_point" IS NOT NULL),
        CONSTRAINT "delegated_decisions_kind" CHECK ("kind" IN ('delegated', 'urgent_chair')),
        CONSTRAINT "PK_d2fb590d58c134f766fe4d6e295" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "delegated_decisions_paragraph" ON "delegated_decisions" ("reported_in_paragraph_id")`);
    await queryRunner.query(`CREATE INDEX "delegated_decisions_organ_date" ON "delegated_decisions" ("municipality_id", "organ_id", "decided_on")`);
    await queryRunner.query(`
      ALTER TABLE "delegated_decisions" ADD CONSTRAINT "FK_de4b7abd6b24690691dc9a10b3d"
      FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "delegated_decisions" ADD CONSTRAINT "FK_3ad905f5fc4154e181cf479cbfa"
      FOREIGN KEY ("organ_id") REFERENCES "organs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "delegated_decisions" ADD CONSTRAINT "FK_92353ef91262ace692e40745d36"
      FOREIGN KEY ("delegate_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "delegated_decisions" ADD CONSTRAINT "FK_e70b34b5e91f38abd02e74d8f8c"
      FOREIGN KEY ("matter_id") REFERENCES "matters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "delegated_decisions"`);
  }
}
