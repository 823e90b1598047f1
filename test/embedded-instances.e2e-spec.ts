import { embeddedDbClosed } from '../src/database/data-source-options';
import { usingServer } from './support/test-db';
import { createTestApp } from './support/test-app';

// Two apps in one process on the embedded database (a test that starts a second one, e.g. with another setting)
// each close their own PGlite instance. One module-level closer used to be overwritten by the second app: closing
// it left the first instance open, and Jest could not exit after the run.
const embedded = usingServer() ? describe.skip : describe;
embedded('embedded databases of two apps in one process', () => {
  it('closes each app its own database, and the other keeps answering', async () => {
    const first = await createTestApp();
    const second = await createTestApp({ DOCS_ENABLED: 'false' });
    await second.close();
    expect(embeddedDbClosed(second.db.options)).toBe(true);
    expect(embeddedDbClosed(first.db.options)).toBe(false);
    await first.http().get('/api/v1/bodies').expect(200);
    await first.close();
    expect(embeddedDbClosed(first.db.options)).toBe(true);
  });
});
