import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Personal substitutes (a member's seat names the substitute seats called in first) and the
 * myndighetsutövning flag of a matter (its agenda items are never public, KL 6 kap. 25 §).
 */
export class PersonalSubstitutesAndAuthorityMatters1795462000000 implements MigrationInterface {
    name = 'PersonalSubstitutesAndAuthorityMatters1795462000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD "personal_substitute_membership_ids" uuid array NOT NULL DEFAULT '{}'
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "memberships_personal_substitutes_for_members" CHECK ("role" = 'member' OR cardinality("personal_substitute_membership_ids") = 0)
        `);
        await queryRunner.query(`
            ALTER TABLE "matters"
            ADD "exercise_of_public_authority" boolean NOT NULL DEFAULT false
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "matters" DROP COLUMN "exercise_of_public_authority"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "memberships_personal_substitutes_for_members"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP COLUMN "personal_substitute_membership_ids"
        `);
    }
}
