import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secrecy on every path: a public title for a secret matter, a masked notice DOCX for readers and
 * recipients without access, and search that never indexes a tjänsteskrivelse registered as secret.
 */
export class SecrecyOnEveryPath1795460000000 implements MigrationInterface {
    name = 'SecrecyOnEveryPath1795460000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "matters" ADD "public_title" text`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" ADD "masked_file_sha256" text`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" ADD "masked_file_size_bytes" integer`);
        await queryRunner.query(this.refreshFunction(true));
        await this.reindexSecretReports(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(this.refreshFunction(false));
        await this.reindexSecretReports(queryRunner);
        await queryRunner.query(`ALTER TABLE "meeting_notices" DROP COLUMN "masked_file_size_bytes"`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" DROP COLUMN "masked_file_sha256"`);
        await queryRunner.query(`ALTER TABLE "matters" DROP COLUMN "public_title"`);
    }

    /** The matters whose search text changes with the rule: those with a tjänsteskrivelse registered as secret. */
    private async reindexSecretReports(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            UPDATE matters SET search_vector = NULL
            WHERE id IN (SELECT r.matter_id FROM officer_reports r JOIN documents d ON d.id = r.document_id WHERE d.secret)
        `);
    }

    /** The search text of a matter; with the rule, the latest tjänsteskrivelse is left out when its registered document is secret. */
    private refreshFunction(secretReportsLeftOut: boolean): string {
        const reportFilter = secretReportsLeftOut ? `AND NOT EXISTS (SELECT 1 FROM documents rd WHERE rd.id = r.document_id AND rd.secret)` : '';
        return `
            CREATE OR REPLACE FUNCTION matters_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.search_vector :=
                    setweight(to_tsvector('swedish', coalesce(NEW.title, '')), 'A') ||
                    setweight(to_tsvector('swedish', coalesce(NEW.description, '')), 'B') ||
                    coalesce((SELECT setweight(jsonb_to_tsvector('swedish', r.content, '["string"]'), 'B')
                              FROM officer_reports r WHERE r.matter_id = NEW.id ${reportFilter} ORDER BY r.version DESC LIMIT 1), ''::tsvector) ||
                    coalesce((SELECT setweight(to_tsvector('swedish', string_agg(coalesce(d.title, '') || ' ' || d.description || ' ' || coalesce(d.extracted_text, ''), ' ')), 'C')
                              FROM documents d WHERE d.matter_id = NEW.id AND NOT d.secret), ''::tsvector);
                RETURN NEW;
            END $$
        `;
    }
}
