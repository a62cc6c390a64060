import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search finds a secret tjänsteskrivelse's and a secret document's words for those who may read them.
 * `matters.search_vector` keeps what everyone who sees the matter may read; the text of a secret report
 * (the latest version, when any registered version of the matter's tjänsteskrivelse is marked secret, as
 * readMatter judges it) and of secret documents goes into `matters.secret_search_vector`, which the
 * search consults only for readers with secrecy access to the matter. Both are kept by the same trigger.
 */
export class SecretSearchVector1795466000000 implements MigrationInterface {
    name = 'SecretSearchVector1795466000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "matters" ADD "secret_search_vector" tsvector`);
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION matters_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                report_text tsvector;
                report_secret boolean;
            BEGIN
                SELECT setweight(jsonb_to_tsvector('swedish', r.content, '["string"]'), 'B') INTO report_text
                FROM officer_reports r WHERE r.matter_id = NEW.id ORDER BY r.version DESC LIMIT 1;
                report_secret := EXISTS (SELECT 1 FROM officer_reports r JOIN documents d ON d.id = r.document_id WHERE r.matter_id = NEW.id AND d.secret);
                NEW.search_vector :=
                    setweight(to_tsvector('swedish', coalesce(NEW.title, '')), 'A') ||
                    setweight(to_tsvector('swedish', coalesce(NEW.description, '')), 'B') ||
                    CASE WHEN report_secret THEN ''::tsvector ELSE coalesce(report_text, ''::tsvector) END ||
                    coalesce((SELECT setweight(to_tsvector('swedish', string_agg(coalesce(d.title, '') || ' ' || d.description || ' ' || coalesce(d.extracted_text, ''), ' ')), 'C')
                              FROM documents d WHERE d.matter_id = NEW.id AND NOT d.secret), ''::tsvector);
                NEW.secret_search_vector := nullif(
                    CASE WHEN report_secret THEN coalesce(report_text, ''::tsvector) ELSE ''::tsvector END ||
                    coalesce((SELECT setweight(to_tsvector('swedish', string_agg(coalesce(d.title, '') || ' ' || d.description || ' ' || coalesce(d.extracted_text, ''), ' ')), 'C')
                              FROM documents d WHERE d.matter_id = NEW.id AND d.secret), ''::tsvector),
                    ''::tsvector);
                RETURN NEW;
            END $$
        `);
        // Whether a report is secret depends on the document it is registered as, so relinking it re-indexes too.
        await this.reportTrigger(queryRunner, 'content, document_id');
        await queryRunner.query(`CREATE INDEX "matters_secret_search_vector" ON "matters" USING gin ("secret_search_vector")`);
        await this.reindexMattersWithSecretDocuments(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The function of SecrecyOnEveryPath: a secret report's text left out, secret documents' text never indexed.
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION matters_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.search_vector :=
                    setweight(to_tsvector('swedish', coalesce(NEW.title, '')), 'A') ||
                    setweight(to_tsvector('swedish', coalesce(NEW.description, '')), 'B') ||
                    coalesce((SELECT setweight(jsonb_to_tsvector('swedish', r.content, '["string"]'), 'B')
                              FROM officer_reports r WHERE r.matter_id = NEW.id AND NOT EXISTS (SELECT 1 FROM documents rd WHERE rd.id = r.document_id AND rd.secret) ORDER BY r.version DESC LIMIT 1), ''::tsvector) ||
                    coalesce((SELECT setweight(to_tsvector('swedish', string_agg(coalesce(d.title, '') || ' ' || d.description || ' ' || coalesce(d.extracted_text, ''), ' ')), 'C')
                              FROM documents d WHERE d.matter_id = NEW.id AND NOT d.secret), ''::tsvector);
                RETURN NEW;
            END $$
        `);
        await this.reportTrigger(queryRunner, 'content');
        await queryRunner.query(`DROP INDEX "matters_secret_search_vector"`);
        await queryRunner.query(`ALTER TABLE "matters" DROP COLUMN "secret_search_vector"`);
        await this.reindexMattersWithSecretDocuments(queryRunner);
    }

    private async reportTrigger(queryRunner: QueryRunner, columns: string): Promise<void> {
        await queryRunner.query(`DROP TRIGGER officer_reports_search_vector ON "officer_reports"`);
        await queryRunner.query(`
            CREATE TRIGGER officer_reports_search_vector AFTER INSERT OR DELETE OR UPDATE OF ${columns} ON "officer_reports"
            FOR EACH ROW EXECUTE FUNCTION matters_search_vector_touch()
        `);
    }

    /** The matters whose search text the rule moves: those with a secret document (a secret tjänsteskrivelse is one). */
    private async reindexMattersWithSecretDocuments(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE matters SET search_vector = NULL WHERE id IN (SELECT matter_id FROM documents WHERE secret)`);
    }
}
