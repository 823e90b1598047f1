import { Init1795635005914 } from './1795635005914-Init';

// Every migration, in order. `npm run migration:generate -- Name` writes a new file here; add it to this list.
export const MIGRATIONS: Function[] = [Init1795635005914];
