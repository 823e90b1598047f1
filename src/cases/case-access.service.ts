import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { requireCaseReader } from '../access/case-access';
import { type RecordAccess, RecordAccessService, type RecordRelation } from '../access/record-access.service';
import { notFound } from '../common/errors';
import type { Actor } from '../common/request-context';
import { entityRows } from '../database/entity-rows';
import { SupervisedCase } from './supervised-case.entity';

// Loads a case and applies the case rule of src/access/case-access.ts to it: a case the caller may not see
// is a 404 exactly like a missing one.
@Injectable()
export class CaseAccess {
  constructor(
    private readonly db: DataSource,
    private readonly records: RecordAccessService,
  ) {}

  async load(
    actor: Actor,
    id: string,
    allowed: readonly RecordRelation[],
    em: EntityManager = this.db.manager,
  ): Promise<{ c: SupervisedCase; access: RecordAccess }> {
    const c = await findCase(em, id);
    if (!c) throw notFound('Case');
    const access = await requireCaseReader(this.records, actor, c, allowed, em);
    return { c, access };
  }
}

/** One case by id (plain SQL: every case request starts here), or null. */
export async function findCase(em: EntityManager, id: string, lock?: 'FOR UPDATE'): Promise<SupervisedCase | null> {
  const rows = entityRows(em.connection, SupervisedCase);
  const found: Record<string, unknown>[] = await em.query(
    `SELECT ${rows.select('c')} FROM supervised_cases c WHERE c.id = $1${lock ? ` ${lock}` : ''}`,
    [id],
  );
  return found.length ? rows.map(found[0], 'c') : null;
}
