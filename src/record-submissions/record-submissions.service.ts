import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { Body } from '../bodies/body.entity';
import { Role } from '../common/roles';
import { conflict, invalid, notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { RoleGrant } from '../users/role-grant.entity';
import type { RecordSubmissionDto, RecordSubmissionListDto, SubmitRecordDto } from './dto';
import { RecordSubmission } from './record-submission.entity';

const isUniqueViolation = (e: unknown) =>
  (e as { driverError?: { code?: string } })?.driverError?.code === '23505' || (e as { code?: string })?.code === '23505';

const ALREADY = () => conflict('RECORD_ALREADY_SUBMITTED', 'Your record is already submitted to this body');

// Submitting one's record to a body is the person's own act (like joining a body at registration); withdrawing it
// ends that body's admins' read of what was made under other bodies. Nobody else submits or withdraws it.
@Injectable()
export class RecordSubmissionsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async list(ctx: AuthedCtx): Promise<RecordSubmissionListDto> {
    return { items: await this.rows(this.db.manager, ctx.actor.userId) };
  }

  async submit(ctx: AuthedCtx, dto: SubmitRecordDto): Promise<RecordSubmissionDto> {
    const me = ctx.actor.userId;
    const bodyId = dto.bodyId.toLowerCase();
    try {
      return await this.uow.run(ctx, async (em, audit) => {
        if (!(await em.existsBy(Body, { id: bodyId }))) throw invalid('bodyId', 'bodyId does not name a known body');
        if (await em.existsBy(RecordSubmission, { personId: me, bodyId, withdrawnAt: IsNull() })) throw ALREADY();
        const { identifiers } = await em.insert(RecordSubmission, { personId: me, bodyId });
        const id = String(identifiers[0].id);
        // joining as a trainee is part of the same act: one audit entry names both
        let grantId: string | null = null;
        if (dto.joinAsTrainee && !(await em.existsBy(RoleGrant, { userId: me, role: Role.Trainee, bodyId, revokedAt: IsNull() }))) {
          grantId = (await em.save(em.create(RoleGrant, { userId: me, role: Role.Trainee, bodyId, grantedBy: me }))).id;
        }
        audit({
          action: 'record.submit',
          entityType: 'record_submission',
          entityId: id,
          via: 'SELF',
          bodyId,
          changes: { personId: me, bodyId, joinedAsTrainee: grantId !== null, ...(grantId ? { grantId, role: Role.Trainee } : {}) },
        });
        return (await this.rows(em, me, id))[0];
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw ALREADY();
      throw e;
    }
  }

  async withdraw(ctx: AuthedCtx, id: string): Promise<RecordSubmissionDto> {
    const me = ctx.actor.userId;
    return this.uow.run(ctx, async (em, audit) => {
      // someone else's or unknown: 404, as if absent
      const own = await em.findOne(RecordSubmission, { where: { id, personId: me }, lock: { mode: 'pessimistic_write' } });
      if (!own) throw notFound('Record submission');
      if (own.withdrawnAt !== null) throw conflict('RECORD_SUBMISSION_WITHDRAWN', 'This submission is already withdrawn');
      await em.update(RecordSubmission, { id }, { withdrawnAt: () => 'now()' });
      audit({
        action: 'record.withdraw',
        entityType: 'record_submission',
        entityId: id,
        via: 'SELF',
        bodyId: own.bodyId,
        changes: { withdrawn: true },
      });
      return (await this.rows(em, me, id))[0];
    });
  }

  private async rows(em: EntityManager, personId: string, id?: string): Promise<RecordSubmissionDto[]> {
    const rows: { id: string; body_id: string; code: string; name: string; submitted_at: Date; withdrawn_at: Date | null }[] =
      await em.query(
        `SELECT s.id, s.body_id, b.code, b.name, s.submitted_at, s.withdrawn_at
         FROM record_submissions s JOIN bodies b ON b.id = s.body_id
        WHERE s.person_id = $1 AND ($2::uuid IS NULL OR s.id = $2::uuid)
        ORDER BY s.submitted_at DESC, s.id`,
        [personId, id ?? null],
      );
    return rows.map((r) => ({
      id: r.id,
      bodyId: r.body_id,
      bodyCode: r.code,
      bodyName: r.name,
      submittedAt: new Date(r.submitted_at).toISOString(),
      withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
    }));
  }
}
