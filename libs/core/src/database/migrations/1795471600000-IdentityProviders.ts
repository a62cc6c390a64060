import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in through the municipality's own identity provider (OpenID Connect or SAML 2.0): the providers
 * an admin registers (secrets encrypted), the link from a provider's stable subject to a user, the
 * sign-in attempts under way (each used once, so a replayed state or SAML response is refused), how
 * each browser session was authenticated and when it was last checked against its provider, whether
 * a municipality still allows passwords, and the method that authenticated each signature.
 */
/** Tables of this migration that nothing public is made from, so they carry no publication_changed trigger. */
export const SIGN_IN_TABLES = ['identity_providers', 'user_identities', 'sign_in_attempts'];

export class IdentityProviders1795471600000 implements MigrationInterface {
  name = 'IdentityProviders1795471600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "identity_providers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "municipality_id" uuid NOT NULL,
        "key" text NOT NULL,
        "display_name" text NOT NULL,
        "protocol" text NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "settings" jsonb NOT NULL,
        "secrets_encrypted" text,
        "subject_claim" text NOT NULL,
        "email_claim" text NOT NULL,
        "create_users" boolean NOT NULL DEFAULT false,
        "link_by_email" boolean NOT NULL DEFAULT false,
        "role_source" text NOT NULL,
        "groups_claim" text,
        "role_mappings" jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT "PK_identity_providers" PRIMARY KEY ("id"),
        CONSTRAINT "identity_providers_key_format" CHECK ("key" ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        CONSTRAINT "identity_providers_protocol" CHECK ("protocol" IN ('oidc', 'saml')),
        CONSTRAINT "identity_providers_role_source" CHECK ("role_source" IN ('provider', 'namndrum')),
        CONSTRAINT "identity_providers_groups_claim" CHECK ("role_source" = 'namndrum' OR "groups_claim" IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "identity_providers_key" ON "identity_providers" ("key")`);
    await queryRunner.query(`CREATE INDEX "identity_providers_municipality" ON "identity_providers" ("municipality_id")`);
    await queryRunner.query(`ALTER TABLE "identity_providers" ADD CONSTRAINT "FK_8d83a8a6eff3ef5e86d5daf9b62" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      CREATE TABLE "user_identities" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "provider_id" uuid NOT NULL,
        "subject" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_sign_in_at" timestamptz,
        CONSTRAINT "PK_user_identities" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_identities_subject" ON "user_identities" ("provider_id", "subject")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_identities_one_per_provider" ON "user_identities" ("user_id", "provider_id")`);
    await queryRunner.query(`ALTER TABLE "user_identities" ADD CONSTRAINT "FK_bf5fe01eb8cad7114b4c371cdc7" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_identities" ADD CONSTRAINT "FK_f00a5c8a9d8830d1d38c07b7f66" FOREIGN KEY ("provider_id") REFERENCES "identity_providers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`
      CREATE TABLE "sign_in_attempts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "provider_id" uuid NOT NULL,
        "state_sha256" bytea NOT NULL,
        "browser_binding_sha256" bytea,
        "nonce" text,
        "code_verifier" text,
        "return_to" text NOT NULL,
        "expires_at" timestamptz NOT NULL,
        CONSTRAINT "PK_sign_in_attempts" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "sign_in_attempts_state" ON "sign_in_attempts" ("state_sha256")`);
    await queryRunner.query(`ALTER TABLE "sign_in_attempts" ADD CONSTRAINT "FK_634f94a5e9abd254338315c2598" FOREIGN KEY ("provider_id") REFERENCES "identity_providers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE INDEX "sign_in_attempts_expiry" ON "sign_in_attempts" ("expires_at")`);
    await queryRunner.query(`ALTER TABLE "municipalities" ADD "password_sign_in" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE "user_sessions"
        ADD "auth_method" text NOT NULL DEFAULT 'password' CONSTRAINT "user_sessions_auth_method" CHECK ("auth_method" IN ('password', 'oidc', 'saml')),
        ADD "provider_id" uuid,
        ADD "provider_session" jsonb,
        ADD "provider_tokens_encrypted" text,
        ADD "provider_checked_at" timestamptz,
        ADD CONSTRAINT "user_sessions_provider" CHECK (("auth_method" = 'password') = ("provider_id" IS NULL))`);
    await queryRunner.query(`ALTER TABLE "user_sessions" ADD CONSTRAINT "FK_3a575125559e87fb1ca2a2a1cac" FOREIGN KEY ("provider_id") REFERENCES "identity_providers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "minutes_approvals" ADD "auth_method" text, ADD "auth_provider_name" text`);
    await queryRunner.query(`ALTER TABLE "officer_reports" ADD "signed_auth_method" text, ADD "signed_auth_provider_name" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "officer_reports" DROP COLUMN "signed_auth_provider_name", DROP COLUMN "signed_auth_method"`);
    await queryRunner.query(`ALTER TABLE "minutes_approvals" DROP COLUMN "auth_provider_name", DROP COLUMN "auth_method"`);
    await queryRunner.query(`DELETE FROM "user_sessions" WHERE "auth_method" <> 'password'`);
    await queryRunner.query(`ALTER TABLE "user_sessions" DROP CONSTRAINT "FK_3a575125559e87fb1ca2a2a1cac"`);
    await queryRunner.query(
      `ALTER TABLE "user_sessions" DROP CONSTRAINT "user_sessions_provider", DROP COLUMN "provider_checked_at", DROP COLUMN "provider_tokens_encrypted", DROP COLUMN "provider_session", DROP COLUMN "provider_id", DROP COLUMN "auth_method"`,
    );
    await queryRunner.query(`UPDATE "users" SET "password_hash" = '' WHERE "password_hash" IS NULL`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "municipalities" DROP COLUMN "password_sign_in"`);
    await queryRunner.query(`DROP TABLE "sign_in_attempts"`);
    await queryRunner.query(`DROP TABLE "user_identities"`);
    await queryRunner.query(`DROP TABLE "identity_providers"`);
  }
}
