import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change to what a signed-in user may do (deactivated, a new token version, another
 * person, municipality or e-mail, a grant added or removed, also by a cascade) notifies
 * `user_access_changed` with the user's id, so that each API process drops what it keeps of that
 * user's access (UserAccessCache). A TRUNCATE notifies an empty payload: forget everyone.
 */
export class UserAccessChanges1795471400000 implements MigrationInterface {
  name = 'UserAccessChanges1795471400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION user_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed jsonb;
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify('user_access_changed', '');
          RETURN NULL;
        END IF;
        IF TG_OP = 'DELETE' THEN changed := to_jsonb(OLD); ELSE changed := to_jsonb(NEW); END IF;
        PERFORM pg_notify('user_access_changed', changed ->> TG_ARGV[0]);
        IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) ->> TG_ARGV[0]) IS DISTINCT FROM (changed ->> TG_ARGV[0]) THEN
          PERFORM pg_notify('user_access_changed', to_jsonb(OLD) ->> TG_ARGV[0]);
        END IF;
        RETURN NULL;
      END $$`);
    // A sign-in writes last_login_at; that changes no one's access and notifies no one.
    await queryRunner.query(`
      CREATE TRIGGER "user_access_changed" AFTER UPDATE ON "users" FOR EACH ROW
      WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.token_version IS DISTINCT FROM NEW.token_version OR OLD.person_id IS DISTINCT FROM NEW.person_id
            OR OLD.municipality_id IS DISTINCT FROM NEW.municipality_id OR OLD.email IS DISTINCT FROM NEW.email)
      EXECUTE FUNCTION user_access_changed('id')`);
    await queryRunner.query(`CREATE TRIGGER "user_access_removed" AFTER DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION user_access_changed('id')`);
    await queryRunner.query(`CREATE TRIGGER "user_access_changed" AFTER INSERT OR UPDATE OR DELETE ON "user_role_grants" FOR EACH ROW EXECUTE FUNCTION user_access_changed('user_id')`);
    for (const table of ['users', 'user_role_grants']) {
      await queryRunner.query(`CREATE TRIGGER "user_access_truncated" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION user_access_changed()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['users', 'user_role_grants']) {
      await queryRunner.query(`DROP TRIGGER "user_access_truncated" ON "${table}"`);
    }
    await queryRunner.query(`DROP TRIGGER "user_access_changed" ON "user_role_grants"`);
    await queryRunner.query(`DROP TRIGGER "user_access_removed" ON "users"`);
    await queryRunner.query(`DROP TRIGGER "user_access_changed" ON "users"`);
    await queryRunner.query(`DROP FUNCTION user_access_changed()`);
  }
}
