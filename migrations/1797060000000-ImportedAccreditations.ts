import type { MigrationInterface, QueryRunner } from 'typeorm';

// Accreditations brought in by a register import (holders a body accredited before it used this service): who
// imported them, when, and from which file (name and SHA-256 of its bytes). Null for accreditations issued here.
export class ImportedAccreditations1797060000000 implements MigrationInterface {
  name = 'ImportedAccreditations1797060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "accreditations" ADD "imported_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "accreditations" ADD "imported_by" uuid`);
    await q.query(`ALTER TABLE "accreditations" ADD "import_file_name" character varying(255)`);
    await q.query(`ALTER TABLE "accreditations" ADD "import_file_sha256" character varying(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "accreditations" DROP COLUMN "import_file_sha256"`);
    await q.query(`ALTER TABLE "accreditations" DROP COLUMN "import_file_name"`);
    await q.query(`ALTER TABLE "accreditations" DROP COLUMN "imported_by"`);
    await q.query(`ALTER TABLE "accreditations" DROP COLUMN "imported_at"`);
  }
}
