import { Init1795635005914 } from './1795635005914-Init';
import { SupervisionRelationships1795635307738 } from './1795635307738-SupervisionRelationships';

// Every migration, in order. `npm run migration:generate -- Name` writes a new file here; add it to this list.
export const MIGRATIONS: Function[] = [Init1795635005914, SupervisionRelationships1795635307738];
