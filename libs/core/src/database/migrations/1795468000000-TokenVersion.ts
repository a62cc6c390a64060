import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Every access token carries the token version of its user; changing or resetting the password, or
 * deactivating the account, raises the version, and the tokens issued before stop working.
 */
export class TokenVersion1795468000000 implements MigrationInterface {
    name = 'TokenVersion1795468000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT 0`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
    }
}
