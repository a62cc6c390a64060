import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Browser sessions, kept server-side so that signing out, a password change or deactivating the user
 * ends them at once in every API process. The cookie carries a random secret; only its SHA-256 is
 * stored, so a copy of the table signs no one in.
 */
export class UserSessions1795469000000 implements MigrationInterface {
    name = 'UserSessions1795469000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "user_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "secret_sha256" bytea NOT NULL, "token_version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "user_agent" text, "client_address" text, CONSTRAINT "PK_user_sessions" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "user_sessions_secret" ON "user_sessions" ("secret_sha256")`);
        await queryRunner.query(`CREATE INDEX "user_sessions_user" ON "user_sessions" ("user_id")`);
        await queryRunner.query(`ALTER TABLE "user_sessions" ADD CONSTRAINT "FK_e9658e959c490b0a634dfc54783" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "user_sessions"`);
    }
}
