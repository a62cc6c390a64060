import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Fullmäktige's rules as the law sets them (organisation/domain/council-rules.ts): councils stored
 * before the rule was enforced are lifted to notice at least 7 days before and justering by the
 * chair and at least two verifiers, so that every stored council can be saved again as it is.
 */
export class CouncilRules1795465000000 implements MigrationInterface {
    name = 'CouncilRules1795465000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            UPDATE "organs"
            SET "rules_notice_lead_days" = GREATEST("rules_notice_lead_days", 7),
                "rules_verification" = 'chair_and_verifiers',
                "rules_verifier_count" = GREATEST("rules_verifier_count", 2),
                "updated_at" = now()
            WHERE "kind" = 'council'
              AND ("rules_notice_lead_days" < 7 OR "rules_verification" <> 'chair_and_verifiers' OR "rules_verifier_count" < 2)
        `);
    }

    public async down(): Promise<void> {
        // The lifted rules are what the law requires of a council; the earlier values are not restored.
    }
}
