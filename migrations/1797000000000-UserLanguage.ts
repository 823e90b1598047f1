import type { MigrationInterface, QueryRunner } from 'typeorm';

// The web app speaks more than one language: each person's choice is remembered on their account (null = not
// chosen yet; the app then follows the browser).
export class UserLanguage1797000000000 implements MigrationInterface {
  name = 'UserLanguage1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "language" character varying(10)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP COLUMN "language"`);
  }
}
