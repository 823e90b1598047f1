import { rmSync } from 'node:fs';
import { adminQuery, templateName, usingServer } from './test-db';

export default async function globalTeardown(): Promise<void> {
  if (usingServer()) await adminQuery(`DROP DATABASE IF EXISTS "${templateName()}" WITH (FORCE)`);
  else if (process.env.PGLITE_SNAPSHOT) rmSync(process.env.PGLITE_SNAPSHOT, { force: true });
}
