import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type RecordAccess, RecordAccessService, type RecordRelation, readableRecordsPredicate } from './record-access.service';
import { notFound } from '../common/errors';
import type { Actor } from '../common/request-context';
import { entityRows } from '../database/entity-rows';
import { SupervisedCase } from '../cases/supervised-case.entity';

export const READERS: readonly RecordRelation[] = ['own', 'supervisor', 'body_admin', 'admin'];
export const OWNER: readonly RecordRelation[] = ['own'];

// A case is part of its trainee's record and belongs to the body it was logged in: who may see it is decided by
// RecordAccessService with the case's body (a body admin sees the cases of their own body only), and a case
// the caller may not see is a 404 exactly like a missing one. `casesReadablePredicate` is the same rule for lists.
@Injectable()
export class CaseAccess {
  constructor(
    private readonly db: DataSource,
    private readonly records: RecordAccessService,
  ) {}

  async load(actor: Actor, id: string, allowed: readonly RecordRelation[], em: EntityManager = this.db.manager): Promise<{ c: SupervisedCase; access: RecordAccess }> {
    const c = await findCase(em, id);
    if (!c) throw notFound('Case');
    const access = await this.records.require(actor, c.traineeId, allowed, 'Case', em, c.bodyId);
    return { c, access };
  }
}

/** The cases (alias `c`-style: `<alias>.trainee_id`, `<alias>.body_id`) the actor may read, as SQL. */
export const casesReadablePredicate = (actor: Actor, alias: string) => readableRecordsPredicate(actor, `${alias}.trainee_id`, `${alias}.body_id`);

/** One case by id (plain SQL: every case request starts here), or null. */
export async function findCase(em: EntityManager, id: string, lock?: 'FOR UPDATE'): Promise<SupervisedCase | null> {
  const rows = entityRows(em.connection, SupervisedCase);
  const found: Record<string, unknown>[] = await em.query(`SELECT ${rows.select('c')} FROM supervised_cases c WHERE c.id = $1${lock ? ` ${lock}` : ''}`, [id]);
  return found.length ? rows.map(found[0], 'c') : null;
}
