import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { closeToolDataSource, openToolDataSource, pendingSchemaDiff, writeMigration } from './database/migration-tools';
import { createGlobalAdmin } from './seed/bootstrap-admin';
import { DomainError } from './common/errors';
import { ENTITIES } from './entities';

const USAGE = `Usage: npm run cli -- <command>
  create-admin --email E [--name N]   create a global admin (password from ADMIN_PASSWORD or prompted)
  migration:run                       apply pending migrations (DATABASE_URL, or the embedded DATA_DIR)
  migration:revert                    revert the last migration
  migration:check                     fail if the entities and the migrations disagree (scratch database)
  migration:generate <Name>           write migrations/<timestamp>-<Name>.ts from the entity changes`;

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  switch (command) {
    case 'create-admin': {
      const email = arg('email') ?? (await prompt('E-mail: '));
      const password = process.env.ADMIN_PASSWORD ?? (await prompt('Password (12+ characters): '));
      const ds = await openToolDataSource({ scratch: false, entities: ENTITIES });
      try {
        await ds.runMigrations({ transaction: 'each' });
        const r = await createGlobalAdmin(ds, { email, password, displayName: arg('name') });
        console.log(
          r.created ? `Created global admin ${email}` : r.granted ? `Granted ADMIN to ${email}` : `${email} is already a global admin`,
        );
      } finally {
        await closeToolDataSource(ds);
      }
      return 0;
    }
    case 'migration:run':
    case 'migration:revert': {
      const ds = await openToolDataSource({ scratch: false, entities: ENTITIES });
      try {
        if (command === 'migration:run') {
          const done = await ds.runMigrations({ transaction: 'each' });
          console.log(done.length ? `Applied: ${done.map((m) => m.name).join(', ')}` : 'No pending migrations');
        } else {
          await ds.undoLastMigration({ transaction: 'each' });
          console.log('Reverted the last migration');
        }
      } finally {
        await closeToolDataSource(ds);
      }
      return 0;
    }
    case 'migration:check':
    case 'migration:generate': {
      const ds = await openToolDataSource({ scratch: true, entities: ENTITIES });
      try {
        const diff = await pendingSchemaDiff(ds);
        if (command === 'migration:check') {
          if (!diff.up.length) {
            console.log('Entities and migrations agree');
            return 0;
          }
          console.error(`Entities and migrations disagree; a new migration would run:\n${diff.up.join(';\n')}`);
          return 1;
        }
        if (!name) {
          console.error('migration:generate needs a name, e.g. npm run migration:generate -- AddCases');
          return 2;
        }
        if (!diff.up.length) {
          console.log('No changes: entities and migrations agree');
          return 0;
        }
        const file = writeMigration(name, diff);
        console.log(`Wrote ${file}: read it, fix what needs fixing, and add it to migrations/index.ts`);
      } finally {
        await closeToolDataSource(ds);
      }
      return 0;
    }
    default:
      console.log(USAGE);
      return command ? 2 : 0;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof DomainError ? `${err.message}${err.details ? ` ${JSON.stringify(err.details)}` : ''}` : err);
    process.exit(1);
  },
);
