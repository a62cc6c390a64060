import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Each notice version's handlingar as one PDF, rendered by the worker before the notice goes out:
 * its state, the stored bundle (and the masked one for readers without access to its secret matters),
 * and what failed when it could not be rendered. Versions from before have no bundle ('none').
 */
export class NoticeBundles1795470100000 implements MigrationInterface {
    name = 'NoticeBundles1795470100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_notices" ADD "bundle_status" text NOT NULL DEFAULT 'none'`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" ADD CONSTRAINT "meeting_notices_bundle_status" CHECK ("bundle_status" IN ('none', 'pending', 'ready', 'failed'))`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" ADD "bundle_sha256" text, ADD "bundle_size_bytes" integer, ADD "bundle_page_count" integer`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" ADD "masked_bundle_sha256" text, ADD "masked_bundle_size_bytes" integer`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" ADD "bundle_error" jsonb`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" ADD "bundle_generation" integer NOT NULL DEFAULT 0`);
        // One row per document of a bundle, so that each can be downloaded alone and the file collector sees its PDF.
        await queryRunner.query(`CREATE TABLE "notice_bundle_parts" (
            "id" uuid NOT NULL DEFAULT gen_random_uuid(),
            "municipality_id" uuid NOT NULL,
            "notice_id" uuid NOT NULL,
            "masked" boolean NOT NULL,
            "position" integer NOT NULL,
            "item_id" uuid,
            "item_number" integer,
            "title" text NOT NULL,
            "document_id" uuid,
            "pdf_sha256" text NOT NULL,
            "first_page" integer NOT NULL,
            "page_count" integer NOT NULL,
            "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            CONSTRAINT "notice_bundle_parts_position" UNIQUE ("notice_id", "masked", "position"),
            CONSTRAINT "PK_notice_bundle_parts" PRIMARY KEY ("id"),
            CONSTRAINT "FK_notice_bundle_parts_notice" FOREIGN KEY ("notice_id") REFERENCES "meeting_notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
            CONSTRAINT "FK_f84b14bdfda8ba3943498a8a89f" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        // A damaged file replaced by a readable copy of the same document is kept, never lost.
        await queryRunner.query(`CREATE TABLE "document_replaced_files" (
            "id" uuid NOT NULL DEFAULT gen_random_uuid(),
            "municipality_id" uuid NOT NULL,
            "document_id" uuid NOT NULL,
            "sha256" text NOT NULL,
            "file_name" text NOT NULL,
            "media_type" text NOT NULL,
            "size_bytes" integer NOT NULL,
            "replaced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "replaced_by_user_id" uuid,
            CONSTRAINT "PK_document_replaced_files" PRIMARY KEY ("id"),
            CONSTRAINT "FK_document_replaced_files_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT,
            CONSTRAINT "FK_document_replaced_files_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "document_replaced_files"`);
        await queryRunner.query(`DROP TABLE "notice_bundle_parts"`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" DROP COLUMN "bundle_generation"`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" DROP COLUMN "bundle_error"`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" DROP COLUMN "masked_bundle_sha256", DROP COLUMN "masked_bundle_size_bytes"`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" DROP COLUMN "bundle_sha256", DROP COLUMN "bundle_size_bytes", DROP COLUMN "bundle_page_count"`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" DROP CONSTRAINT "meeting_notices_bundle_status"`);
        await queryRunner.query(`ALTER TABLE "meeting_notices" DROP COLUMN "bundle_status"`);
    }
}
