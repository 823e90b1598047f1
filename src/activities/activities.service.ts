import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RecordAccessService } from '../access/record-access.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { badRequest, conflict, type ErrorDetails, forbidden, invalid, notFound, preconditionFailed } from '../common/errors';
import type { NotFoundEntity } from '../common/error-codes';
import { expectedVersion } from '../common/etag';
import type { AuthedCtx } from '../common/request-context';
import { hasConflictOfInterest } from '../supervision/conflicts';
import { UserStatus } from '../users/user.entity';
import { toActivityDto } from './activity.mapper';
import { activityInputProblems } from './activity-rules';
import type { ActivityDto, CreateActivityDto, UpdateActivityDto, UpdatedActivityDto } from './dto';
import { TrainingActivity } from './training-activity.entity';

type ActivityInput = Partial<CreateActivityDto>;

// Writes to a trainee's activity log. The trainee keeps the log; a supervisor or body admin verifies it.
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: RecordAccessService,
  ) {}

  async create(ctx: AuthedCtx, traineeId: string, dto: CreateActivityDto): Promise<ActivityDto> {
    const access = await this.requireOwn(ctx, traineeId, 'Trainee');
    this.check(dto);
    return this.uow.run(ctx, async (em, audit) => {
      await this.checkTrainer(em, dto.trainerId);
      const { identifiers } = await em.insert(TrainingActivity, {
        traineeId,
        kind: dto.kind,
        title: dto.title,
        provider: dto.provider,
        trainerId: dto.trainerId ?? null,
        hours: String(dto.hours),
        delivery: dto.delivery,
        date: dto.date,
        evidenceRef: dto.evidenceRef ?? null,
      });
      const id = String(identifiers[0].id);
      audit({
        action: 'activity.create',
        entityType: 'training_activity',
        entityId: id,
        via: 'SELF',
        bodyId: access.bodyId,
        changes: { kind: dto.kind, hours: dto.hours, date: dto.date },
      });
      return toActivityDto(await em.findOneByOrFail(TrainingActivity, { id }));
    });
  }

  /** Any edit of a verified activity removes the verification: what was verified is no longer what is there. */
  async update(ctx: AuthedCtx, id: string, dto: UpdateActivityDto, ifMatch: string | undefined): Promise<UpdatedActivityDto> {
    const current = await this.findOwn(ctx, id);
    const fields = (Object.keys(dto) as (keyof UpdateActivityDto)[]).filter((k) => dto[k] !== undefined);
    if (!fields.length) throw badRequest('VALIDATION_FAILED', 'Send at least one field to change', { body: ['no fields to change'] });
    this.check(dto);
    const version = expectedVersion(ifMatch);
    return this.uow.run(ctx, async (em, audit) => {
      if (dto.trainerId !== undefined) await this.checkTrainer(em, dto.trainerId);
      const wasVerified = current.verifiedAt !== null;
      const changes = Object.fromEntries(fields.map((k) => [k, k === 'hours' ? String(dto.hours) : dto[k]]));
      const res = await em
        .createQueryBuilder()
        .update(TrainingActivity)
        .set({ ...changes, verifiedBy: null, verifiedAt: null, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (!res.affected) throw preconditionFailed();
      audit({
        action: 'activity.update',
        entityType: 'training_activity',
        entityId: id,
        via: 'SELF',
        changes: { fields, verificationCleared: wasVerified },
      });
      return { ...toActivityDto(await em.findOneByOrFail(TrainingActivity, { id })), verificationCleared: wasVerified };
    });
  }

  async remove(ctx: AuthedCtx, id: string): Promise<void> {
    await this.findOwn(ctx, id);
    await this.uow.run(ctx, async (em, audit) => {
      const row = await em.findOne(TrainingActivity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('Activity');
      if (row.verifiedAt) throw conflict('ACTIVITY_VERIFIED', 'A verified activity cannot be deleted; it is part of the verified record');
      await em.delete(TrainingActivity, { id });
      audit({
        action: 'activity.delete',
        entityType: 'training_activity',
        entityId: id,
        via: 'SELF',
        changes: { kind: row.kind, hours: Number(row.hours), date: row.date },
      });
    });
  }

  // Only someone who oversees the trainee's training may verify it: an ACTIVE supervisor, or a body admin
  // of the trainee's body — never the trainee, and never someone with a declared conflict of interest.
  async verify(ctx: AuthedCtx, id: string): Promise<ActivityDto> {
    const activity = await this.db.getRepository(TrainingActivity).findOneBy({ id });
    if (!activity) throw notFound('Activity');
    const access = await this.access.require(
      ctx.actor,
      activity.traineeId,
      ['own', 'supervisor', 'body_admin', 'submitted_to', 'admin'],
      'Activity',
    );
    if (access.relation === 'own') throw forbidden('You cannot verify your own training', 'CANNOT_VERIFY_OWN');
    if (access.relation === 'admin') throw forbidden('Only a current supervisor or a body admin of the trainee may verify');
    return this.uow.run(ctx, async (em, audit) => {
      const row = await em.findOne(TrainingActivity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('Activity');
      // re-checked inside: the supervision may have ended since
      const now = await this.access.require(ctx.actor, row.traineeId, ['supervisor', 'body_admin'], 'Activity', em);
      const coi = await hasConflictOfInterest(em, ctx.actor.userId, row.traineeId);
      if (coi) throw conflict('CONFLICT_OF_INTEREST', `You declared a conflict of interest with this trainee (${coi})`, { kind: [coi] });
      if (row.verifiedAt) throw conflict('ALREADY_VERIFIED', 'This activity is already verified');
      await em
        .createQueryBuilder()
        .update(TrainingActivity)
        .set({ verifiedBy: ctx.actor.userId, verifiedAt: () => 'now()', version: () => 'version + 1' })
        .where('id = :id', { id })
        .execute();
      audit({
        action: 'activity.verify',
        entityType: 'training_activity',
        entityId: id,
        via: now.via,
        bodyId: now.bodyId,
        changes: { traineeId: row.traineeId },
      });
      return toActivityDto(await em.findOneByOrFail(TrainingActivity, { id }));
    });
  }

  private async requireOwn(ctx: AuthedCtx, traineeId: string, entity: NotFoundEntity) {
    const access = await this.access.relation(ctx.actor, traineeId);
    if (!access) throw notFound(entity);
    if (access.relation !== 'own') throw forbidden('Only the trainee may change their own training log');
    return access;
  }

  private async findOwn(ctx: AuthedCtx, id: string): Promise<TrainingActivity> {
    const row = await this.db.getRepository(TrainingActivity).findOneBy({ id });
    if (!row) throw notFound('Activity');
    await this.requireOwn(ctx, row.traineeId, 'Activity');
    return row;
  }

  private check(dto: ActivityInput): void {
    const details: ErrorDetails = activityInputProblems(dto, new Date());
    if (Object.keys(details).length) throw badRequest('VALIDATION_FAILED', 'Request validation failed', details);
  }

  private async checkTrainer(em: EntityManager, trainerId: string | null | undefined): Promise<void> {
    if (!trainerId) return;
    const rows: { status: UserStatus }[] = await em.query(`SELECT status FROM users WHERE id = $1`, [trainerId]);
    if (!rows.length || rows[0].status === UserStatus.Erased) throw invalid('trainerId', 'trainerId does not name a known user');
  }
}
