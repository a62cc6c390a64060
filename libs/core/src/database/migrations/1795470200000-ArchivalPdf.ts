import { MigrationInterface, QueryRunner } from "typeorm";

const MINUTES_LOCKED_IMMUTABLE = (archivalPdfAdded: string) => `
    CREATE OR REPLACE FUNCTION minutes_locked_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        ${archivalPdfAdded}
        IF OLD.status <> 'draft' THEN
            RAISE EXCEPTION 'minutes % are verified and cannot change', OLD.id USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END $$
`;

const OFFICER_REPORTS_SIGNED_IMMUTABLE = (archivalPdfAdded: string) => `
    CREATE OR REPLACE FUNCTION officer_reports_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        ${archivalPdfAdded}
        IF OLD.status = 'signed' THEN
            RAISE EXCEPTION 'officer report % is signed and cannot change', OLD.id USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END $$
`;

const MINUTES_CONTENT_IMMUTABLE = (archivalPdfAdded: string) => `
    CREATE OR REPLACE FUNCTION minutes_content_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        target jsonb;
        target_paragraph uuid;
        target_minutes uuid;
    BEGIN
        ${archivalPdfAdded}
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
`;

// The one write a signed or verified row takes: its archival PDF/A, once, with nothing else changed.
const ALLOW_ARCHIVAL_PDF = `IF TG_OP = 'UPDATE' AND archival_pdf_added(to_jsonb(OLD), to_jsonb(NEW)) THEN RETURN NEW; END IF;`;

/**
 * The PDF/A-2b of what was signed or verified, for the archive: a signed tjänsteskrivelse, verified
 * minutes, each verified paragraph's protokollsutdrag and the version published on the notice board.
 * The rows stay immutable; the triggers let the archival PDF be recorded once, and nothing else.
 */
export class ArchivalPdf1795470200000 implements MigrationInterface {
    name = 'ArchivalPdf1795470200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "officer_reports" ADD "archival_pdf_sha256" text`);
        await queryRunner.query(`ALTER TABLE "minutes" ADD "archival_pdf_sha256" text`);
        await queryRunner.query(`ALTER TABLE "minutes_paragraphs" ADD "archival_pdf_sha256" text`);
        await queryRunner.query(`ALTER TABLE "postings" ADD "archival_pdf_sha256" text`);
        await queryRunner.query(`
            CREATE FUNCTION archival_pdf_added(old_row jsonb, new_row jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
                SELECT old_row->>'archival_pdf_sha256' IS NULL
                   AND new_row->>'archival_pdf_sha256' IS NOT NULL
                   AND (old_row - 'archival_pdf_sha256' - 'updated_at') = (new_row - 'archival_pdf_sha256' - 'updated_at')
            $$
        `);
        await queryRunner.query(OFFICER_REPORTS_SIGNED_IMMUTABLE(ALLOW_ARCHIVAL_PDF));
        await queryRunner.query(MINUTES_LOCKED_IMMUTABLE(ALLOW_ARCHIVAL_PDF));
        await queryRunner.query(MINUTES_CONTENT_IMMUTABLE(ALLOW_ARCHIVAL_PDF));
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(MINUTES_CONTENT_IMMUTABLE(''));
        await queryRunner.query(MINUTES_LOCKED_IMMUTABLE(''));
        await queryRunner.query(OFFICER_REPORTS_SIGNED_IMMUTABLE(''));
        await queryRunner.query(`DROP FUNCTION archival_pdf_added(jsonb, jsonb)`);
        await queryRunner.query(`ALTER TABLE "postings" DROP COLUMN "archival_pdf_sha256"`);
        await queryRunner.query(`ALTER TABLE "minutes_paragraphs" DROP COLUMN "archival_pdf_sha256"`);
        await queryRunner.query(`ALTER TABLE "minutes" DROP COLUMN "archival_pdf_sha256"`);
        await queryRunner.query(`ALTER TABLE "officer_reports" DROP COLUMN "archival_pdf_sha256"`);
    }
}
